"""Join paragraphs that a page break cut in the middle of a sentence.

A paragraph that ends on a word, with no punctuation at all, followed (across
a blank line, in the same speaker turn) by one that starts in lower case, is
one paragraph. Any other paragraph without closing punctuation (one ending in
a comma, or followed by a capital) may be a real break: that join is only
suggested.
"""

from __future__ import annotations

import itertools
import re

from ..model import Applicability, Block, BlockKind, Edit, Span, Transcript
from ..readers import CLOSING_TAGS, CUE_TIMING
from . import PassContext, PassResult, suggest

PASS_ID = "paragraphs"
_CLOSERS = ".?!…:;\"”’')]—–-"
# a caption file's header or a cue's number, lines that are no speech (as a cue's timing is)
_CAPTION = re.compile(r"WEBVTT\b|\d+[ \t]*$")


def _caption_line(t: Transcript, block: Block) -> bool:
    return bool(_CAPTION.match(t.text, block.span.start, block.span.end) or CUE_TIMING.match(t.text, block.span.start, block.span.end))


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


_SHORT_LINE = 3  # words: a paragraph this short that ends without punctuation is a heading or label ("Agenda")
_WORDS = re.compile(r"[^\W_]+")


def _short(text: str, start: int, end: int) -> bool:
    """At most three words; a paragraph with more spaces than that is not read word by word (most are long)."""
    return text.count(" ", start, end) <= 2 * _SHORT_LINE and len(_WORDS.findall(text, start, end)) <= _SHORT_LINE


def _unpunctuated(t: Transcript) -> bool:
    """True when most paragraphs of several words end without closing punctuation (speech recognition
    that writes none): then a paragraph ending on a word says nothing about a page break."""
    ends = [
        t.text[b.span.end - 1] in _CLOSERS
        for b in t.blocks
        if b.kind is BlockKind.PARAGRAPH and not _short(t.text, b.span.start, b.span.end) and not _page_mark(t, b)
    ]
    return len(ends) >= 3 and sum(ends) < len(ends) / 2


# a page's number or header line left in text copied from a PDF: "Page 4", "Page 4 of 20", "- 4 -", or
# a bare number (only where it cuts a sentence: "4" alone may be an answer)
_PAGE_MARK = re.compile(r"(?:page[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?|[-–—][ \t]*\d{1,4}[ \t]*[-–—])[ \t]*$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"\d{1,4}[ \t]*$")


def _page_marks(t: Transcript, result: PassResult, unpunctuated: bool) -> set[int]:
    """Page numbers between paragraphs of one turn. Where the sentence runs on across one ("we expect
    the / Page 4 / margin to improve"), the number goes and the paragraphs join; a "Page 4" elsewhere
    is only offered for removal. Returns where the marks start, for the join rule to leave them alone."""
    marks: set[int] = set()
    if t.layout == "captions":
        return marks
    text = t.text
    for prev, mark, nxt in zip(t.blocks, t.blocks[1:], t.blocks[2:], strict=False):
        if mark.kind is not BlockKind.PARAGRAPH:
            continue
        labelled = _PAGE_MARK.match(text, mark.span.start, mark.span.end) is not None
        if not labelled and not _BARE_NUMBER.match(text, mark.span.start, mark.span.end):
            continue
        same_turn = prev.kind is nxt.kind is BlockKind.PARAGRAPH and prev.turn == mark.turn == nxt.turn
        runs_on = same_turn and text[prev.span.end - 1].isalnum() and text[nxt.span.start].islower() and not unpunctuated
        if runs_on:
            # a bare number may be the sentence's own ("fell by / 6 / percent"): that is only asked
            edit = Edit(Span(prev.span.end, nxt.span.start), " ")
            tail = text[max(prev.span.start, prev.span.end - 30) : prev.span.end]
            why = f"'{text[mark.span.start : mark.span.end]}' is a page number inside the sentence '…{tail}'"
            sure = Applicability.AUTO if labelled else Applicability.REVIEW
            result.suggestions.append(suggest(t, PASS_ID, "page-number", [edit], sure, why, 0.95 if labelled else 0.5, priority=40))
        elif labelled:
            edit = Edit(Span(mark.span.start, nxt.span.start), "")
            why = f"'{text[mark.span.start : mark.span.end]}' looks like a page number left from a printed copy"
            result.suggestions.append(suggest(t, PASS_ID, "page-number", [edit], Applicability.REVIEW, why, 0.6, priority=40))
        else:
            continue
        marks.add(mark.span.start)
    return marks


def _page_mark(t: Transcript, b: Block) -> bool:
    return b.span.end - b.span.start <= 20 and bool(
        _PAGE_MARK.match(t.text, b.span.start, b.span.end) or _BARE_NUMBER.match(t.text, b.span.start, b.span.end)
    )


def _has_page_mark(t: Transcript) -> bool:
    """Most transcripts have none: a quick look before the closer one."""
    return any(b.kind is BlockKind.PARAGRAPH and _page_mark(t, b) for b in t.blocks)


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    blocks = t.blocks
    unpunctuated: bool | None = None  # decided when first needed: most transcripts have no break to judge
    marks = _page_marks(t, result, _unpunctuated(t)) if _has_page_mark(t) else set()
    # a WebVTT cue's identifier is any text on the line just above its timing ("3f2a1b4c-1/12-0")
    cue_ids = {
        a.span.start
        for a, b in itertools.pairwise(blocks)
        if t.text.count("\n", a.span.end, b.span.start) == 1 and CUE_TIMING.match(t.text, b.span.start, b.span.end)
    }
    for prev, nxt in itertools.pairwise(blocks):
        if prev.kind is not BlockKind.PARAGRAPH or nxt.kind is not BlockKind.PARAGRAPH or prev.turn != nxt.turn:
            continue
        if prev.span.start in marks or nxt.span.start in marks:
            continue  # a page number: judged above
        gap = t.text[prev.span.end : nxt.span.start]
        if gap.count("\n") < 2 or gap.strip():
            continue  # one segment per line is the layout, not a page break
        tags = CLOSING_TAGS.search(t.text, prev.span.start, prev.span.end)
        last = t.text[(tags.start() if tags else prev.span.end) - 1]
        first = t.text[nxt.span.start]
        if last in _CLOSERS:
            continue
        if nxt.span.start in cue_ids or _caption_line(t, prev) or _caption_line(t, nxt):
            continue  # a caption file's header, cue identifier or timing: a cue of its own, not a broken sentence
        edit = Edit(Span(prev.span.end, nxt.span.start), " ")
        tail = t.text[max(prev.span.start, prev.span.end - 30) : prev.span.end]
        head = t.text[nxt.span.start : min(nxt.span.end, nxt.span.start + 30)]
        if first.islower() and _is_word_char(last):
            if unpunctuated is None:
                unpunctuated = _unpunctuated(t)
            # a heading-like line, or a transcript that ends no paragraph with punctuation: the same
            # suggestion (its id survives an edit elsewhere that tips the balance), asked instead
            sure = not unpunctuated and not _short(t.text, prev.span.start, prev.span.end)
            rule, applicability, confidence = "split-paragraph", Applicability.AUTO if sure else Applicability.REVIEW, 0.95 if sure else 0.5
            why = f"the sentence '…{tail}' continues in the next paragraph '{head}…': a page break split it"
            if not sure:
                why = f"'…{tail}' has no closing punctuation, but " + (
                    "few paragraphs here have any" if unpunctuated else "it is short enough to be a heading"
                )
        elif first.isalpha() or first.isdigit():
            rule, applicability, confidence = "split-paragraph-review", Applicability.REVIEW, 0.5
            why = f"'…{tail}' has no closing punctuation; the next paragraph may continue it"
        else:
            continue
        result.suggestions.append(
            suggest(t, PASS_ID, rule, [edit], applicability, why, confidence, {"tail": tail, "head": head}, priority=40)
        )
    return result
