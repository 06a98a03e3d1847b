"""Re-running a block-local pass only on the blocks the last round changed.

A pass whose every suggestion and flag depends on nothing but the block it lies
in (its text, kind and timestamp, and a few characters before it) declares
``SCOPE = "block"``. Between rounds of the fix loop most blocks are unchanged:
their results are replayed, moved to the blocks' new offsets, and the pass
itself only sees a view of the transcript holding the blocks that are new. The
second and later rounds then cost what the changed paragraphs cost.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from types import ModuleType

from .model import Edit, Flag, Span, Suggestion, Transcript
from .passes import SENTENCE_LEAD, PassContext, PassResult

LOOKBACK = 8  # characters before a block a pass may read (whether the block opens a sentence)

_Key = tuple[str, object, str | None, str]
_NOTHING: list = []  # shared by every block a pass has nothing to say about; never appended to


def _reach(text: str, start: int) -> int:
    """How far back a pass may read before a block: LOOKBACK characters, and further over the spaces,
    quotes and brackets ``sentence_start`` skips."""
    i = max(0, start - LOOKBACK)
    while i > 0 and text[i] in SENTENCE_LEAD:
        i -= 1
    return i


def _moved_suggestion(s: Suggestion, by: int) -> Suggestion:
    return replace(s, edits=tuple(Edit(Span(e.span.start + by, e.span.end + by), e.replacement) for e in s.edits))


def _moved_flag(f: Flag, by: int) -> Flag:
    return replace(f, span=Span(f.span.start + by, f.span.end + by))


class BlockReplay:
    """Results of block-local passes by block, kept for the rounds of one ``clean_text`` call."""

    def __init__(self) -> None:
        self._memo: dict[_Key, tuple[list[Suggestion], list[Flag]]] = {}
        self._last: tuple[Transcript, list[str]] | None = None

    def _pieces(self, t: Transcript) -> list[str]:
        """Each block's text (and the few characters before it), cut once per round for every pass to share."""
        if self._last is None or self._last[0] is not t:
            text = t.text
            self._last = (t, [text[_reach(text, b.span.start) : b.span.end] for b in t.blocks])
        return self._last[1]

    def run(self, name: str, module: ModuleType, t: Transcript, ctx: PassContext) -> PassResult:
        memo = self._memo
        keys = [(name, b.kind, b.timestamp, piece) for b, piece in zip(t.blocks, self._pieces(t), strict=True)]
        fresh = [(b, k) for b, k in zip(t.blocks, keys, strict=True) if k not in memo]
        if fresh:
            out: PassResult = module.run(replace(t, blocks=tuple(b for b, _ in fresh)), ctx)
            starts = [b.span.start for b, _ in fresh]
            found: list[tuple[list[Suggestion], list[Flag]]] = [([], []) for _ in fresh]
            for s in out.suggestions:
                found[max(0, bisect_right(starts, s.span.start) - 1)][0].append(s)
            for f in out.flags:
                found[max(0, bisect_right(starts, f.span.start) - 1)][1].append(f)
            for (b, k), (suggestions, flags) in zip(fresh, found, strict=True):
                memo[k] = (
                    [_moved_suggestion(s, -b.span.start) for s in suggestions] if suggestions else _NOTHING,
                    [_moved_flag(f, -b.span.start) for f in flags] if flags else _NOTHING,
                )
        result = PassResult()  # in block order, as the pass itself would give them
        for b, k in zip(t.blocks, keys, strict=True):
            suggestions, flags = memo[k]
            if suggestions:
                result.suggestions.extend(_moved_suggestion(s, b.span.start) for s in suggestions)
            if flags:
                result.flags.extend(_moved_flag(f, b.span.start) for f in flags)
        return result
