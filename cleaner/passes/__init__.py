"""Passes: named, ordered rules that read a transcript and propose changes.

Each pass is one module exposing ``PASS_ID`` and ``run(transcript, ctx)``, a
pure function returning suggestions and flags. Passes never change the
transcript; the pipeline decides what is applied.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..model import Applicability, Edit, Flag, Span, Suggestion, Transcript

if TYPE_CHECKING:
    from ..dictionaries import Dictionary
    from ..lexicon import Lexicon


@dataclass(frozen=True)
class PassContext:
    """What every pass may read besides the transcript: configuration and word lists."""

    dictionaries: tuple[Dictionary, ...] = ()
    lexicon: Lexicon | None = None
    options: dict[str, Any] = field(default_factory=dict)
    # the language the transcript is written in ("en", "fr"): rules written for another only suggest
    language: str = "en"

    @property
    def english(self) -> bool:
        return self.language == "en"


@dataclass
class PassResult:
    suggestions: list[Suggestion] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


class Pass(Protocol):
    PASS_ID: str

    def run(self, transcript: Transcript, ctx: PassContext) -> PassResult: ...


def suggest(
    t: Transcript,
    pass_id: str,
    rule_id: str,
    edits: list[Edit] | tuple[Edit, ...],
    applicability: Applicability,
    reason: str,
    confidence: float = 1.0,
    evidence: dict[str, Any] | None = None,
    alternatives: tuple[str, ...] = (),
    priority: int = 50,
) -> Suggestion:
    """Build a suggestion; the pipeline gives it its stable id afterwards. In text written all in
    capitals (a broadcast's captions) the replacement is written in capitals too: "FREEMONT" becomes
    "FREMONT", not "Fremont"."""
    edits = tuple(sorted(edits, key=lambda e: (e.span.start, e.span.end)))
    span = Span(edits[0].span.start, max(e.span.end for e in edits))
    if not any(map(str.islower, t.text[span.start : span.end])) and in_capitals(t, span):
        edits = tuple(Edit(e.span, e.replacement.upper()) for e in edits)
        alternatives = tuple(a.upper() for a in alternatives)
    before = t.text[span.start : span.end]
    after = apply_edits(before, [Edit(Span(e.span.start - span.start, e.span.end - span.start), e.replacement) for e in edits])
    return Suggestion(
        id="",
        pass_id=pass_id,
        rule_id=rule_id,
        edits=edits,
        applicability=applicability,
        confidence=confidence,
        reason=reason,
        before=before,
        after=after,
        evidence=evidence or {},
        alternatives=alternatives,
        priority=priority,
    )


_LETTERS = re.compile(r"[^\W\d_]{2,}")
CAPITALS_REACH = 300  # characters either side of a change read to tell whether its text is written in capitals


def written_in_capitals(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is written in capitals: three words in capitals or more, and four to
    each word that is not (a "Reporter:" label among a cue's capitals)."""
    words = _LETTERS.findall(text, start, end)
    capitals = sum(map(str.isupper, words))
    return capitals >= 3 and capitals >= 4 * (len(words) - capitals)


def in_capitals(t: Transcript, span: Span) -> bool:
    """Whether the text around ``span``, inside its own block, is written in capitals."""
    block = t.block_at(span.start)
    lo, hi = (block.span.start, block.span.end) if block is not None else (0, len(t.text))
    return written_in_capitals(t.text, max(lo, span.start - CAPITALS_REACH), min(max(hi, span.end), span.end + CAPITALS_REACH))


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits to ``text`` in one join (one copy of the text, however many edits)."""
    pieces: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        pieces += (text[pos : e.span.start], e.replacement)
        pos = e.span.end
    pieces.append(text[pos:])
    return "".join(pieces)


def match_case(source: str, replacement: str) -> str:
    """Give ``replacement`` the capitalization pattern of ``source``."""
    if source.isupper() and len(source) > 1:
        return replacement.upper()
    if (source[:1].isupper() and source[1:].islower()) or (source[:1].isupper() and len(source) == 1):
        return replacement[:1].upper() + replacement[1:]
    if source.islower():
        return replacement.lower() if replacement[:1].isupper() and replacement[1:].islower() else replacement
    return replacement


SENTENCE_LEAD = ' \t"“('  # what may stand between a sentence's end and its first word


def sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` begins a sentence (start of block, or after . ? ! and space). A colon counts too: it
    ends a speaker label ("Priya Raman: Snowflake."), and a capital after one in prose is a style, not a name."""
    i = pos - 1
    while i >= 0 and text[i] in SENTENCE_LEAD:
        i -= 1
    return i < 0 or text[i] in ".?!:\n"


# a word on its own: not part of an address, a file name, a hyphenated or contracted word
_JOINED_BEFORE = re.compile(r"[\w'’@/\-.]")  # what may not come right before such a word
_NOT_JOINED_AFTER = re.compile(r"(?![\w'’@/\-]|\.\w)")  # nor right after it


def alone(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a word of its own ("roadster", not the "roadster" of "roadster.com")."""
    return (start == 0 or not _JOINED_BEFORE.match(text, start - 1)) and _NOT_JOINED_AFTER.match(text, end) is not None


class Paragraphs:
    """Which of a transcript's paragraphs (sorted spans) holds a stretch of its text: for a rule that scans
    the whole text once and gives each match to its paragraph (speaker labels and headings hold none)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def after(self, pos: int) -> int:
        """The index of the first paragraph that starts after ``pos``."""
        return bisect_right(self.starts, pos)

    def at(self, pos: int) -> int:
        """The paragraph ``pos`` lies in, or -1."""
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.spans[i][1] else -1

    def holding(self, start: int, end: int) -> int:
        """The paragraph the stretch from ``start`` to ``end`` ends in, if it starts there too; or -1."""
        i = bisect_right(self.starts, start) - 1
        return i if i >= 0 and end <= self.spans[i][1] else -1
