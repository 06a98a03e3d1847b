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

from ..model import Applicability, BlockKind, Edit, Span, Transcript
from . import PassContext, PassResult, suggest

PASS_ID = "paragraphs"
_CLOSERS = ".?!…:;\"”’')]—–-"
# the lines of an SRT or WebVTT caption file that are no speech: its header, a cue's number, its timing
_CAPTION = re.compile(r"WEBVTT\b|\d+[ \t]*$|[\d:.,]+[ \t]+-->")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    blocks = t.blocks
    for prev, nxt in itertools.pairwise(blocks):
        if prev.kind is not BlockKind.PARAGRAPH or nxt.kind is not BlockKind.PARAGRAPH or prev.turn != nxt.turn:
            continue
        gap = t.text[prev.span.end : nxt.span.start]
        if gap.count("\n") < 2 or gap.strip():
            continue  # one segment per line is the layout, not a page break
        last = t.text[prev.span.end - 1]
        first = t.text[nxt.span.start]
        if last in _CLOSERS:
            continue
        if any(_CAPTION.match(t.text, b.span.start, b.span.end) for b in (prev, nxt)):
            continue  # a caption file's header, cue number or timing: a cue of its own, not a broken sentence
        edit = Edit(Span(prev.span.end, nxt.span.start), " ")
        tail = t.text[max(prev.span.start, prev.span.end - 30) : prev.span.end]
        head = t.text[nxt.span.start : min(nxt.span.end, nxt.span.start + 30)]
        if first.islower() and _is_word_char(last):
            rule, applicability, confidence = "split-paragraph", Applicability.AUTO, 0.95
            why = f"the sentence '…{tail}' continues in the next paragraph '{head}…': a page break split it"
        elif first.isalpha() or first.isdigit():
            rule, applicability, confidence = "split-paragraph-review", Applicability.REVIEW, 0.5
            why = f"'…{tail}' has no closing punctuation; the next paragraph may continue it"
        else:
            continue
        result.suggestions.append(
            suggest(t, PASS_ID, rule, [edit], applicability, why, confidence, {"tail": tail, "head": head}, priority=40)
        )
    return result
