"""A renderer-neutral walk over the cleaned transcript: sections, speaker turns, paragraphs, gaps.

Markdown, DOCX and HTML all render from this one view, so they agree on what
is a heading, who is speaking and where the gaps are.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import BlockKind, Flag, Transcript
from ..pipeline import CleanResult
from ..readers import caption_text, reads_as_title, shown_blocks


@dataclass(frozen=True)
class Change:
    """A change to show as a tracked change: ``applied`` ones are already in the text, pending ones are not."""

    id: str
    before: str
    after: str
    reason: str
    rule: str
    confidence: float
    applied: bool
    decided_by: str = ""
    alternatives: tuple[str, ...] = ()  # other readings a reviewer may write instead


@dataclass(frozen=True)
class Piece:
    """A run of paragraph text: plain, a gap marker (``gap`` is the flag kind), or a tracked change."""

    text: str
    gap: str | None = None
    message: str = ""
    change: Change | None = None


@dataclass(frozen=True)
class Item:
    kind: BlockKind
    text: str
    speaker: str = ""
    firm: str | None = None
    role: str | None = None
    timestamp: str | None = None
    pieces: tuple[Piece, ...] = ()


Mark = tuple[int, int, Piece]


def change_marks(result: CleanResult, track_pending: bool, track_applied: bool) -> list[Mark]:
    """Spans in the final text of the changes to show as tracked changes."""
    t = result.final
    marks: list[Mark] = []
    if track_pending:
        for s in result.pending:
            span = s.span
            marks.append(
                (
                    span.start,
                    span.end,
                    Piece(
                        t.text[span.start : span.end],
                        change=Change(
                            s.id, s.before, s.after, s.reason, f"{s.pass_id}/{s.rule_id}", s.confidence, False, alternatives=s.alternatives
                        ),
                    ),
                )
            )
    if track_applied:
        for a in result.applied:
            start = result.source_map.forward(a.suggestion.span.start, a.round, a.suggestion)
            if start is None:
                continue
            end = start + len(a.suggestion.after)
            if t.text[start:end] != a.suggestion.after:
                continue
            s = a.suggestion
            marks.append(
                (
                    start,
                    end,
                    Piece(
                        s.after,
                        change=Change(s.id, s.before, s.after, s.reason, f"{s.pass_id}/{s.rule_id}", s.confidence, True, a.decided_by),
                    ),
                )
            )
    return marks


class _ByStart:
    """Marks sorted by where they start, so that each block finds its own without reading them all
    (a transcript of 17,000 paragraphs and 12,000 changes took 4 s to do so, block by block)."""

    def __init__(self, marks: list[Mark]) -> None:
        self.marks = sorted(marks, key=lambda m: m[0])
        self.starts = [m[0] for m in self.marks]

    def within(self, start: int, end: int) -> list[Mark]:
        lo, hi = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [m for m in self.marks[lo:hi] if m[1] <= end]


def _flag_marks(t: Transcript, flags: list[Flag]) -> list[Mark]:
    return [(f.span.start, f.span.end, Piece(t.text[f.span.start : f.span.end], f.kind, f.message)) for f in flags]


def _pieces(t: Transcript, start: int, end: int, marks: _ByStart, gaps: _ByStart) -> tuple[Piece, ...]:
    """Split one block into plain text, gap markers and tracked changes (changes win over gaps)."""
    candidates = [(a, b, p) for a, b, p in marks.within(start, end) if "\n" not in t.text[a:b]]
    candidates += gaps.within(start, end)
    out: list[Piece] = []
    pos = start
    for a, b, piece in sorted(candidates, key=lambda m: (m[0], m[2].change is None)):
        if a < pos or (a == b and piece.change is None):
            continue
        if a > pos:
            out.append(Piece(t.text[pos:a]))
        out.append(piece)
        pos = b
    if pos < end:
        out.append(Piece(t.text[pos:end]))
    return tuple(out)


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
CAPTION_PARAGRAPH_WORDS = 60  # a caption file's lines are gathered into paragraphs of about this many words
CAPTION_RUN_ON_WORDS = 150  # captions without full stops (a recognizer's) still break into paragraphs this long
_SENTENCE_END = (".", "?", "!", "…", '."', '?"', '!"', ".”", "?”", "!”")
# what opens a new paragraph in captions: a speaker change (">>" in broadcast captions, "- " in subtitles)
_NEW_VOICE = (">>", "- ", "– ", "— ")
_SPEAKER_MARKER = re.compile(r">{2,3}[ \t]*(?=\S)")  # ">>" (">>>" for a new story) before the speech


def _sound(text: str) -> bool:
    """A caption that is only a sound or a note: "[ APPLAUSE ]", "(laughs)", "♪"."""
    return text[:1] in "[(♪" and text[-1:] in "])♪"


def _runs_on(prev: Item, item: Item) -> bool:
    """Whether a caption's line goes on the paragraph before it: the sentence runs on, or the paragraph
    is still short; never across a speaker change or a sound."""
    if item.text.startswith(_NEW_VOICE) or _sound(item.text) or _sound(prev.text):
        return False
    words = len(prev.text.split())
    return words < CAPTION_PARAGRAPH_WORDS or (not prev.text.endswith(_SENTENCE_END) and words < CAPTION_RUN_ON_WORDS)


def _without_marker(item: Item) -> Item:
    """A paragraph without the ">>" opening it: broadcast captions mark a new speaker so, which the
    paragraph break now shows, and which a screen reader would read out as "greater than" twice."""
    first = item.pieces[0] if item.pieces else None
    if first is None or first.change is not None or first.gap is not None or not (marker := _SPEAKER_MARKER.match(first.text)):
        return item
    return replace(
        item, text=_SPEAKER_MARKER.sub("", item.text, count=1), pieces=(replace(first, text=first.text[marker.end() :]), *item.pieces[1:])
    )


def walk(result: CleanResult, track_pending: bool = False, track_applied: bool = False) -> list[Item]:
    """The transcript as items to render. A caption file's cue lines, each its own block, are gathered
    into paragraphs, and so are Whisper's timed segments: a page of one-line paragraphs, cut wherever
    the captions wrapped, reads badly. Its tags inside lines are left out, and so is a line the cue
    before ended with: automatic captions roll, each cue repeating the last line of the one before."""
    t = result.final
    captions = t.layout == "captions"
    marks = _ByStart(change_marks(result, track_pending, track_applied) if track_pending or track_applied else [])
    gaps = _ByStart(_flag_marks(t, result.flags))
    items: list[Item] = []
    prev_segment: Item | None = None  # the last item, while it is a paragraph of caption lines or timed segments
    for block, text in shown_blocks(t):
        if block.kind is BlockKind.SPEAKER:
            turn = t.turns[block.turn]
            items.append(Item(BlockKind.SPEAKER, text, turn.speaker, turn.firm, turn.role, turn.timestamp))
        elif block.kind is BlockKind.HEADING:
            items.append(Item(BlockKind.HEADING, text.strip().removesuffix(":").rstrip()))  # "Prepared Remarks:" is headed so
        else:
            flat = " ".join(text.split())
            ps = _pieces(t, block.span.start, block.span.end, marks, gaps)
            # a line break, with the next line's indent ("* Elon Musk" / "   Tesla Motors Inc - CEO"), reads as one space
            ps = tuple(replace(p, text=_LINE_BREAK.sub(" ", caption_text(p.text) if captions else p.text)) for p in ps)
            item = Item(BlockKind.PARAGRAPH, flat, pieces=ps)
            # Whisper's timed segments ("[00:00.000 --> 00:04.000] text", its .tsv rows) are cut as captions are
            segment = captions or (t.layout == "plain" and block.timestamp is not None)
            if segment and prev_segment is not None and _runs_on(prev_segment, item):
                item = Item(BlockKind.PARAGRAPH, f"{prev_segment.text} {flat}", pieces=(*prev_segment.pieces, Piece(" "), *ps))
                items.pop()
            elif captions:
                item = _without_marker(item)
            items.append(item)
            prev_segment = item if segment else None
            continue
        prev_segment = None
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


TITLE_MIN_WORDS = 3  # a first line of one or two words ("Okay", "Hello everyone") is speech, not a title


def title_for(path: Path, result: CleanResult) -> str:
    """The document's own title, else the title line it opens with, else its file's name."""
    if result.final.title:
        return result.final.title
    return opening_title(result) or _file_title(path.stem) or "Transcript"


# acronyms a file's name writes in lower case ("ai-podcast", "uk-council", "q3-ceo-call"), none of them
# a word a title would hold in lower case ("us", "it", "sec" and "ar" are not among them)
_NAME_ACRONYMS = frozenset(
    {"ai", "ml", "llm", "nlp", "ux", "ui", "api", "aws", "gpu", "cpu", "sql", "vr", "uk", "usa", "eu", "nhs", "nasa", "fbi"}
    | {"nfl", "nba", "mlb", "nhl", "ceo", "cfo", "cto", "coo", "hr", "fda", "gdp", "ipo", "esg", "tv", "pr", "ama", "faq"}
)


def _file_title(stem: str) -> str:
    """A file's name as a title: each word capitalized, a word the name already writes with capitals
    kept as written ("AI-podcast" is "AI Podcast", "iPhone-review" "iPhone Review", not "Ai", "Iphone"),
    and a known acronym in capitals ("ai-podcast" is "AI Podcast")."""
    words = stem.replace("_", " ").replace("-", " ").split()
    return " ".join(w if any(c.isupper() for c in w) else w.upper() if w in _NAME_ACRONYMS else w[:1].upper() + w[1:] for w in words)


def opening_title(result: CleanResult) -> str | None:
    """A line in title case that opens the transcript, before anyone speaks, with more after it
    ("Episode 212: The Future of Battery Storage, with Dr. Elena Vasquez"), and no suggestion or
    gap on it that a reader or a reviewer would lose if it were shown only as the page's title."""
    t = result.final
    if len(t.blocks) < 2 or t.blocks[0].kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
        return None
    span = t.blocks[0].span
    text = t.text[span.start : span.end]
    if "\n" in text or text.rstrip()[-1:] in ".?!,;:" or len(text.split()) < TITLE_MIN_WORDS or not reads_as_title(text):
        return None
    marked = [sg.span for sg in result.pending] + [f.span for f in result.flags]
    if any(m.start < span.end and span.start < m.end for m in marked):
        return None
    return text.strip()


def without_title(items: list[Item], result: CleanResult) -> list[Item]:
    """The page's items without the opening line that title_for made its title (shown once, as the
    title); a line the title only repeats, from a document's own title or a file's name, stays."""
    title = None if result.final.title else opening_title(result)
    if title is not None and items and items[0].kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and items[0].text == title:
        return items[1:]
    return items
