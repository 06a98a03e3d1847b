"""Choosing which edits to apply, applying them, and mapping positions back to the input.

One resolver serves every pass: candidates are taken in order of position,
then pass priority, then confidence; one that overlaps an edit already taken
waits for the next round, when it is re-proposed against the new text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from .model import Edit, Suggestion
from .passes import apply_edits


def _clashes(e: Edit, u: Edit) -> bool:
    return e.span.overlaps(u.span) or (e.span.start == e.span.end and u.span.start <= e.span.start <= u.span.end)


def choose(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Greedily pick suggestions whose edits overlap none already picked."""
    order = sorted(suggestions, key=lambda s: (s.span.start, s.priority, -s.confidence, s.span.end - s.span.start, s.id))
    taken: list[Suggestion] = []
    used: list[Edit] = []  # kept sorted by position, so each check looks only at its neighbours
    starts: list[int] = []
    for s in order:
        clash = False
        for e in s.edits:
            i = bisect_left(starts, e.span.start)
            if any(_clashes(e, used[j]) for j in range(max(0, i - 2), min(len(used), i + 2))):
                clash = True
                break
        if clash:
            continue
        taken.append(s)
        for e in s.edits:
            i = bisect_left(starts, e.span.start)
            starts.insert(i, e.span.start)
            used.insert(i, e)
    return taken


@dataclass
class SourceMap:
    """Maps an offset in the current text back to the original input, through every round."""

    rounds: list[list[tuple[int, int, int]]] = field(default_factory=list)  # (old_start, old_end, new_length)

    def record(self, edits: list[Edit]) -> None:
        self.rounds.append(sorted((e.span.start, e.span.end, len(e.replacement)) for e in edits))

    def to_original(self, pos: int) -> int:
        for edits in reversed(self.rounds):
            delta = 0
            mapped = None
            for old_s, old_e, new_len in edits:
                new_s = old_s + delta
                if pos < new_s:
                    break
                if pos < new_s + new_len:
                    mapped = old_s
                    break
                delta += new_len - (old_e - old_s)
            pos = mapped if mapped is not None else pos - delta
        return pos

    def forward(self, pos: int, round_no: int, suggestion: Suggestion) -> int | None:
        """Where a change applied in ``round_no`` at ``pos`` (its input position) sits in the final text.

        None when a later round rewrote it.
        """
        edits = self.rounds[round_no - 1]
        delta = sum(new_len - (old_e - old_s) for old_s, old_e, new_len in edits if old_e <= pos and old_s < pos)
        pos += delta
        for later in self.rounds[round_no:]:
            shift = 0
            for old_s, old_e, new_len in later:
                if old_e <= pos:
                    shift += new_len - (old_e - old_s)
                elif old_s < pos + len(suggestion.after) and old_e > pos:
                    return None
            pos += shift
        return pos


def apply(text: str, chosen: list[Suggestion]) -> tuple[str, list[Edit]]:
    edits = [e for s in chosen for e in s.edits]
    return apply_edits(text, edits), edits
