"""Core value types: one immutable source text and spans into it.

Everything a pass produces points back into the text it read with half-open
character offsets, so one resolver can apply any pass's edits and a change
log can always say exactly where a change was made.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any


class Applicability(StrEnum):
    """How sure a suggestion is (after ruff's Fix applicability)."""

    AUTO = "auto"  # applied without asking: an editor would always make it
    REVIEW = "review"  # waits for a person; never applied silently
    INFO = "info"  # a flag only; nothing to apply

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) into one source text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def overlaps(self, other: Span) -> bool:
        # Two insertions at the same point also collide: their order would be arbitrary.
        if self.start == self.end == other.start == other.end:
            return True
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Edit:
    """Replace the text at ``span`` with ``replacement``."""

    span: Span
    replacement: str


@dataclass(frozen=True)
class Suggestion:
    """A proposed change, with enough evidence for a person to judge it."""

    id: str
    pass_id: str
    rule_id: str
    edits: tuple[Edit, ...]
    applicability: Applicability
    confidence: float
    reason: str
    before: str
    after: str
    evidence: dict[str, Any] = field(default_factory=dict)
    alternatives: tuple[str, ...] = ()
    priority: int = 50

    @property
    def span(self) -> Span:
        return Span(min(e.span.start for e in self.edits), max(e.span.end for e in self.edits))


@dataclass(frozen=True)
class Flag:
    """Something a reader should know about that changes no text (a gap, say)."""

    pass_id: str
    kind: str
    span: Span
    message: str
    data: dict[str, Any] = field(default_factory=dict)


class BlockKind(StrEnum):
    HEADING = "heading"
    SPEAKER = "speaker"
    PARAGRAPH = "paragraph"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Block:
    """One structural piece of the transcript: a heading, a speaker label or a paragraph.

    ``turn`` is the index of the speaker turn the block belongs to (-1 before the
    first speaker).
    """

    kind: BlockKind
    span: Span
    turn: int
    timestamp: str | None = None


@dataclass(frozen=True)
class Turn:
    """A stretch of speech by one speaker.

    ``key`` names the turn in a way that survives edits elsewhere in the file:
    the speaker's normalized name plus how many earlier turns that speaker had.
    """

    index: int
    speaker: str
    firm: str | None
    role: str | None
    key: str
    label: Span | None
    timestamp: str | None = None


@dataclass(frozen=True)
class Transcript:
    """A read-only transcript: the text plus its parsed structure."""

    text: str
    layout: str
    blocks: tuple[Block, ...]
    turns: tuple[Turn, ...]
    title: str = ""

    def block_text(self, block: Block) -> str:
        return self.text[block.span.start : block.span.end]

    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.PARAGRAPH]

    def turn_key(self, turn: int) -> str:
        return self.turns[turn].key if 0 <= turn < len(self.turns) else "preamble"

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.span.start for b in self.blocks]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def block_at(self, offset: int) -> Block | None:
        """The block holding ``offset``; between blocks, the one before it."""
        i = bisect_right(self._block_starts, offset) - 1
        return self.blocks[i] if i >= 0 else None

    def speaker_at(self, offset: int) -> str:
        """Who is speaking at ``offset`` ("" before the first speaker label)."""
        block = self.block_at(offset)
        return self.turns[block.turn].speaker if block is not None and block.turn >= 0 else ""

    def line_of(self, offset: int) -> int:
        return bisect_right(self._line_starts, offset)
