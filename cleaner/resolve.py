"""Choosing which edits to apply, applying them, and mapping positions back to the input.

One resolver serves every pass: candidates are taken in order of position,
then pass priority, then confidence; one that overlaps an edit already taken
waits for the next round, when it is re-proposed against the new text.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
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


@dataclass(frozen=True)
class _Round:
    """One round's edits, sorted, with the running shift in length: a position is looked up by bisection,
    not by a walk through every edit (a hard-wrapped transcript's first round has one per line)."""

    old_starts: list[int]
    old_ends: list[int]
    new_starts: list[int]  # where each edit's replacement starts in the round's output
    new_lens: list[int]
    shift_after: list[int]  # the output's shift in length once this edit and those before it are made

    @staticmethod
    def of(edits: list[Edit]) -> _Round:
        ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end))
        shift_after = list(itertools.accumulate(len(e.replacement) - (e.span.end - e.span.start) for e in ordered))
        shift_before = [0, *shift_after[:-1]]
        return _Round(
            old_starts=[e.span.start for e in ordered],
            old_ends=[e.span.end for e in ordered],
            new_starts=[e.span.start + shift for e, shift in zip(ordered, shift_before, strict=False)],
            new_lens=[len(e.replacement) for e in ordered],
            shift_after=shift_after,
        )


@dataclass
class SourceMap:
    """Maps an offset in the current text back to the original input, through every round."""

    rounds: list[_Round] = field(default_factory=list)

    def record(self, edits: list[Edit]) -> None:
        self.rounds.append(_Round.of(edits))

    def to_original(self, pos: int) -> int:
        for r in reversed(self.rounds):
            k = bisect_right(r.new_starts, pos) - 1  # the last edit starting at or before ``pos``
            if k >= 0 and pos < r.new_starts[k] + r.new_lens[k]:
                pos = r.old_starts[k]  # inside a replacement: where the replaced text began
            else:
                pos -= r.shift_after[k] if k >= 0 else 0
        return pos

    def forward(self, pos: int, round_no: int, suggestion: Suggestion) -> int | None:
        """Where a change applied in ``round_no`` at ``pos`` (its input position) sits in the final text.

        None when a later round rewrote it.
        """
        r = self.rounds[round_no - 1]
        # the edits wholly before it, not one inserted right at it
        before = min(bisect_right(r.old_ends, pos), bisect_left(r.old_starts, pos))
        pos += r.shift_after[before - 1] if before else 0
        for later in self.rounds[round_no:]:
            done = bisect_right(later.old_ends, pos)  # edits ending at or before it
            if done < len(later.old_starts) and later.old_starts[done] < pos + len(suggestion.after):
                return None
            pos += later.shift_after[done - 1] if done else 0
        return pos


def carry(spans: list[tuple[int, int]], edits: list[Edit]) -> list[tuple[int, int]]:
    """Where the text of ``spans`` sits once ``edits`` are made; a span an edit reaches into is gone."""
    if not spans or not edits:
        return spans  # most cleans have no reviewer's words to carry: no round is worked out for them
    r = _Round.of(edits)
    kept = []
    for a, b in spans:
        k = bisect_right(r.old_ends, a)  # edits ending at or before the span
        if k < len(r.old_starts) and r.old_starts[k] < b:
            continue
        shift = r.shift_after[k - 1] if k else 0
        kept.append((a + shift, b + shift))
    return kept


def written(edits: list[Edit], these: list[Edit]) -> list[tuple[int, int]]:
    """Where the replacements of ``these``, some of a round's ``edits``, sit in the text the round makes."""
    ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end))
    wanted = {id(e) for e in these}
    spans, shift = [], 0
    for e in ordered:
        start = e.span.start + shift
        if id(e) in wanted:
            spans.append((start, start + len(e.replacement)))
        shift += len(e.replacement) - (e.span.end - e.span.start)
    return spans


def apply(text: str, chosen: list[Suggestion]) -> tuple[str, list[Edit]]:
    edits = [e for s in chosen for e in s.edits]
    return apply_edits(text, edits), edits
