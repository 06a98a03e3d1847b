"""A renderer-neutral walk over the cleaned transcript: sections, speaker turns, paragraphs, gaps.

Markdown, DOCX and HTML all render from this one view, so they agree on what
is a heading, who is speaking and where the gaps are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import BlockKind, Flag, Transcript
from ..pipeline import CleanResult


@dataclass(frozen=True)
class Piece:
    """A run of paragraph text: plain, or a gap marker (``gap`` is the flag kind)."""

    text: str
    gap: str | None = None
    message: str = ""


@dataclass(frozen=True)
class Item:
    kind: BlockKind
    text: str
    speaker: str = ""
    firm: str | None = None
    role: str | None = None
    timestamp: str | None = None
    pieces: tuple[Piece, ...] = ()


def pieces(t: Transcript, start: int, end: int, flags: list[Flag]) -> tuple[Piece, ...]:
    out: list[Piece] = []
    pos = start
    for f in sorted((f for f in flags if start <= f.span.start and f.span.end <= end), key=lambda f: f.span.start):
        if f.span.start < pos:
            continue
        if f.span.start > pos:
            out.append(Piece(t.text[pos : f.span.start]))
        out.append(Piece(t.text[f.span.start : f.span.end], f.kind, f.message))
        pos = f.span.end
    if pos < end:
        out.append(Piece(t.text[pos:end]))
    return tuple(out)


def walk(result: CleanResult) -> list[Item]:
    t = result.final
    items: list[Item] = []
    for block in t.blocks:
        text = t.text[block.span.start : block.span.end]
        if block.kind is BlockKind.SPEAKER:
            turn = t.turns[block.turn]
            items.append(Item(BlockKind.SPEAKER, text, turn.speaker, turn.firm, turn.role, turn.timestamp))
        elif block.kind is BlockKind.HEADING:
            items.append(Item(BlockKind.HEADING, text.strip()))
        else:
            flat = " ".join(text.split())
            ps = pieces(t, block.span.start, block.span.end, result.flags)
            ps = tuple(Piece(" ".join(p.text.split(" ")).replace("\n", " "), p.gap, p.message) for p in ps)
            items.append(Item(BlockKind.PARAGRAPH, flat, pieces=ps))
    return items


def speakers(result: CleanResult) -> list[dict[str, str]]:
    """Each speaker once, with firm and role where the labels give them."""
    seen: dict[str, dict[str, str]] = {}
    for turn in result.final.turns:
        entry = seen.setdefault(turn.speaker, {"name": turn.speaker})
        if turn.firm:
            entry["firm"] = turn.firm
        if turn.role:
            entry["role"] = turn.role
    return list(seen.values())


def title_for(path: Path, result: CleanResult) -> str:
    if result.final.title:
        return result.final.title
    return path.stem.replace("_", " ").replace("-", " ").strip().title() or "Transcript"
