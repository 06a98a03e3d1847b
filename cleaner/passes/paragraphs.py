"""Join paragraphs that a page break cut in the middle of a sentence, and lines a PDF wrapped.

A paragraph that ends on a word, with no punctuation at all, followed (across
a blank line, in the same speaker turn) by one that starts in lower case, is
one paragraph. Any other paragraph without closing punctuation (one ending in
a comma, or followed by a capital) may be a real break: that join is only
suggested.

Text copied from a PDF also carries page furniture between the halves of a sentence: a page
number ("Page 4", "- 4 -") or a running header or footer (a title line that stands alone more
than once). Where a sentence runs on across it, it goes and the halves join; elsewhere it is only
offered for removal. And its lines are wrapped at a width: they are joined into paragraphs first.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from ..broken_words import rejoins
from ..model import Applicability, Block, BlockKind, Edit, Span, Suggestion, Transcript
from ..readers import CLOSING_TAGS, CUE_TIMING, PAGE_MARK, opens_with_label, paragraph_ends, reads_as_title
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
        if b.kind is BlockKind.PARAGRAPH
        and not _short(t.text, b.span.start, b.span.end)
        and not PAGE_MARK.match(t.text, b.span.start, b.span.end)
    ]
    return len(ends) >= 3 and sum(ends) < len(ends) / 2


# a page's number left in text copied from a PDF (readers.PAGE_MARK); or a bare number
# (only asked about: "fell by / 6 / percent" may be the sentence's own number)
_BARE_NUMBER = re.compile(r"\d{1,4}[ \t]*$")
_HEADER_WORDS = (3, 12)  # a running header ("Tesla Motors Q2 2011 Earnings Call") is a title, not a sentence


class _Marks:
    """The page furniture of a transcript copied from a PDF: page numbers, and running headers or
    footers (a line of three to twelve words, with a capital or a digit and no closing punctuation,
    that stands alone as a paragraph more than once)."""

    def __init__(self, t: Transcript) -> None:
        text = t.text
        self.numbers: dict[int, str] = {}  # block index -> "page" (a page number) or "number" (a bare one)
        lines: Counter[str] = Counter()
        self._short: dict[int, str] = {}  # block index -> its text, for the short lines without closing punctuation
        for k, b in enumerate(t.blocks):
            if b.kind is not BlockKind.PARAGRAPH or b.span.end - b.span.start > 120:
                continue
            if PAGE_MARK.match(text, b.span.start, b.span.end):
                self.numbers[k] = "page"
            elif _BARE_NUMBER.match(text, b.span.start, b.span.end):
                self.numbers[k] = "number"
            elif text[b.span.end - 1] not in _CLOSERS:
                self._short[k] = text[b.span.start : b.span.end]
                lines[self._short[k]] += 1
        self.headers = {
            line
            for line, n in lines.items()
            if n >= 2
            and _HEADER_WORDS[0] <= len(_WORDS.findall(line)) <= _HEADER_WORDS[1]
            and any(ch.isupper() or ch.isdigit() for ch in line)
        }

    def any(self) -> bool:
        """Most transcripts have no page number, nor a title line twice."""
        return bool(self.numbers or self.headers)

    def kinds(self, count: int, headers: bool) -> list[str | None]:
        """Each block's kind: "page" or "header" (sure marks), "number" (a bare number), or None;
        ``headers`` false leaves running headers out."""
        return [self.numbers.get(k) or ("header" if headers and self._short.get(k) in self.headers else None) for k in range(count)]


def _page_marks(t: Transcript, result: PassResult, marks: _Marks, unpunctuated: bool) -> set[int]:
    """Page numbers and running headers between paragraphs. Where the sentence runs on across them
    ("we expect the / Page 4 / margin to improve"), they go and the paragraphs join; elsewhere a page
    number or header is only offered for removal. Returns where the marks start, for the join rule
    to leave them alone."""
    found: set[int] = set()
    text, blocks = t.text, t.blocks
    # where no paragraph ends with punctuation, a repeated line may be speech ("okay so"): no headers
    kinds = marks.kinds(len(blocks), headers=not unpunctuated)
    i = 1
    while i < len(blocks) - 1:
        if kinds[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(blocks) and kinds[j + 1] is not None:
            j += 1  # a run of them: a footer, then the next page's number and header
        prev, nxt, run = blocks[i - 1], blocks[j + 1] if j + 1 < len(blocks) else None, blocks[i : j + 1]
        shown = " / ".join(text[b.span.start : b.span.end] for b in run)
        if nxt is not None and _runs_on(t, prev, nxt, run, unpunctuated):
            sure = all(kinds[k] != "number" for k in range(i, j + 1))
            tail = text[max(prev.span.start, prev.span.end - 30) : prev.span.end]
            why = f"'{shown}' is page furniture (a page number or running header) inside the sentence '…{tail}'"
            edit = Edit(Span(prev.span.end, nxt.span.start), " ")
            result.suggestions.append(
                suggest(
                    t,
                    PASS_ID,
                    "page-number",
                    [edit],
                    Applicability.AUTO if sure else Applicability.REVIEW,
                    why,
                    0.95 if sure else 0.5,
                    priority=40,
                )
            )
            found.update(b.span.start for b in run)
        else:
            for k in range(i, j + 1):
                if kinds[k] == "number":
                    continue  # "4" alone between sentences may be an answer
                b = blocks[k]
                until = blocks[k + 1].span.start if k + 1 < len(blocks) else len(text)
                why = f"'{text[b.span.start : b.span.end]}' looks like a page number or running header left from a printed copy"
                result.suggestions.append(
                    suggest(t, PASS_ID, "page-number", [Edit(Span(b.span.start, until), "")], Applicability.REVIEW, why, 0.6, priority=40)
                )
                found.add(b.span.start)
        i = j + 1
    return found


# words no sentence ends on: a paragraph ending on one was cut off, whatever the next one opens with
# ("...the margins of the / Roadster program")
_NEVER_LAST = frozenset(
    ["the", "a", "an", "of", "to", "and", "or", "nor", "with", "for", "from", "by", "into", "onto", "our", "their", "your", "my", "its"]
)
_LAST_WORD = re.compile(r"(\w+)$")


def _cut_off(text: str, prev: Block) -> bool:
    """The paragraph ends on a word no sentence ends on, in lower case ("Vitamin A", "Series A" end on a letter)."""
    m = _LAST_WORD.search(text, max(prev.span.start, prev.span.end - 12), prev.span.end)
    return m is not None and m.group(1) in _NEVER_LAST


def _repeated_labels(t: Transcript, kinds: list[str | None]) -> list[Suggestion]:
    """A speaker's label written again inside one of their sentences ("...the margins of the / Page 7 /
    Elon Musk / Roadster program"), as a printed transcript repeats it at the top of a page, or as a tool
    cuts one turn in two ("Jane Doe: we will look at the / Jane Doe: numbers tomorrow."): the label, and
    the page furniture before it, go, and the halves join. Only for the same label written the same way
    with no timestamp (a timed turn is the layout's own cut)."""
    text, blocks = t.text, t.blocks
    found: list[Suggestion] = []
    for i, b in enumerate(blocks[:-1]):
        if b.kind is not BlockKind.SPEAKER or b.turn < 1:
            continue
        p = i - 1
        while p >= 0 and kinds[p] is not None:
            p -= 1  # a page's number or running header before the repeated label
        prev, nxt = blocks[p] if p >= 0 else None, blocks[i + 1]
        if prev is None or prev.kind is not BlockKind.PARAGRAPH or nxt.kind is not BlockKind.PARAGRAPH:
            continue
        before, after = t.turns[b.turn - 1], t.turns[b.turn]
        if prev.turn != before.index or nxt.turn != after.index or before.label is None or after.label is None:
            continue
        if text[before.label.start : before.label.end] != text[after.label.start : after.label.end] or before.timestamp or after.timestamp:
            continue
        if not (text[prev.span.end - 1].isalnum() and (text[nxt.span.start].islower() or _cut_off(text, prev))):
            continue
        tail = text[max(prev.span.start, prev.span.end - 30) : prev.span.end]
        head = text[nxt.span.start : min(nxt.span.end, nxt.span.start + 30)]
        label = text[after.label.start : after.label.end]
        why = f"the sentence '…{tail}' goes on in '{head}…' under the same speaker's label '{label}' written again: one turn"
        edit = Edit(Span(prev.span.end, nxt.span.start), " ")
        found.append(suggest(t, PASS_ID, "repeated-label", [edit], Applicability.AUTO, why, 0.9, {"tail": tail, "head": head}, priority=40))
    return found


def _runs_on(t: Transcript, prev: Block, nxt: Block, run: list[Block], unpunctuated: bool) -> bool:
    """The paragraphs around ``run`` are the halves of one sentence of one turn."""
    if prev.kind is not BlockKind.PARAGRAPH or nxt.kind is not BlockKind.PARAGRAPH or unpunctuated:
        return False
    if any(b.turn != prev.turn for b in (*run, nxt)):
        return False
    return t.text[prev.span.end - 1].isalnum() and t.text[nxt.span.start].islower()


_WRAP = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*")  # a line break inside a paragraph (two in double-spaced text)
_HEAD = re.compile(r"\w+$")  # the piece of a word before a line-end hyphen
_TAIL = re.compile(r"\w+")  # and the rest of it, on the next line


def _line_join(before: str, after: str) -> tuple[int, str]:
    """How a line ending in ``before`` runs on into the next, starting ``after``: how many characters of
    ``before``'s end go, and what comes between. A space; none after a word broken at its own hyphen
    ("five-" / "star", "COVID-" / "19"); and one the typesetter broke ("thr-" / "oughput") loses its
    hyphen too (broken_words.py)."""
    compound = before[-1:] == "-" and before[-2:-1].isalnum() and after[:1].isalnum()
    if not compound:
        return 0, " "
    head, tail = _HEAD.search(before, 0, len(before) - 1), _TAIL.match(after)
    return (1, "") if head and tail and rejoins(head.group(), tail.group()) else (0, "")


def _unwrap(t: Transcript, result: PassResult) -> None:
    """Text hard-wrapped at a width, as a PDF's text or an email gives it: each paragraph's lines are
    joined into one line (a word broken at its own hyphen, "five-" / "star" or "COVID-" / "19", keeps
    the hyphen and no space; one the typesetter broke, "thr-" / "oughput", loses it: broken_words.py),
    and in the earnings layout a blank line parts the paragraphs and labels a PDF ran together."""
    text, blocks = t.text, t.blocks
    for k, b in enumerate(blocks):
        edits = []
        for m in _WRAP.finditer(text, b.span.start, b.span.end):
            a, z = m.start(), m.end()
            dropped, between = _line_join(text[max(0, a - 40) : a], text[z : z + 40])
            edits.append(Edit(Span(a - dropped, z), between))
        gap = Span(b.span.end, blocks[k + 1].span.start) if k + 1 < len(blocks) else None
        if t.layout == "earnings" and gap is not None and text[gap.start : gap.end].strip(" \t") == "\n":
            edits.append(Edit(gap, "\n\n"))
        if edits:
            why = "lines wrapped at a width (text copied from a PDF or an email) are one paragraph" + (
                ", a blank line apart from the next, as the transcript's layout has it" if edits[-1].replacement == "\n\n" else ""
            )
            result.suggestions.append(suggest(t, PASS_ID, "hard-wrap", edits, Applicability.AUTO, why, 0.95, priority=10))


# a court reporter's page: each line numbered (1 to 25 or so) down the margin, the page's number alone
# at its top right, labels ("MS. OKAFOR:", "THE WITNESS:") and "Q."/"A." indented deeper than the lines
# that continue them
_NUMBERED_LINE = re.compile(r"[ \t]{0,4}(\d{1,2})(?:[ \t]+(\S.*?))?[ \t]*")
_PAGE_NUMBER_LINE = re.compile(r"[ \t]{8,}\d{1,4}[ \t]*|[ \t]*(?:-[ \t]*)?[Pp]age[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?[ \t]*(?:-[ \t]*)?")
_COURT_TURN = re.compile(r"(?:[QA]\.[ \t]|(?:[A-Z][A-Z.'\-]*[ \t]){0,3}[A-Z][A-Z.'\-]*:(?:[ \t]|$))")


def _court_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of a transcript on numbered lines, as a court reporter types a deposition or a
    hearing, without the line and page numbers (None where the text is not one): a numbered line that
    opens a label, a "Q." or an "A.", or is indented deeper than the lines that continue one, opens a
    paragraph; the rest run on."""
    first = [line for line in text[:4000].split("\n") if line.strip()]
    if len(first) < 10 or sum(1 for line in first if _NUMBERED_LINE.fullmatch(line)) < 0.8 * len(first):
        return None  # most transcripts: their first lines say so at once
    lines = text.split("\n")
    kept = [line for line in lines if line.strip() and not _PAGE_NUMBER_LINE.fullmatch(line)]
    numbered = [m for line in kept if (m := _NUMBERED_LINE.fullmatch(line))]
    if len(numbered) < 10 or len(numbered) < 0.9 * len(kept):
        return None
    numbers = [int(m.group(1)) for m in numbered]
    if sum(1 for a, b in itertools.pairwise(numbers) if b == a + 1 or b == 1) < 0.9 * (len(numbers) - 1):
        return None  # a list of numbered points, not a page's numbered lines
    spoken = [m for m in numbered if m.group(2)]
    if sum(1 for m in spoken if _COURT_TURN.match(m.group(2))) < 3:
        return None  # no one speaks: a numbered list or an agenda, whose items are not to be joined
    margin = min(m.start(2) - m.end(1) for m in spoken)  # where the lines that continue a paragraph start
    # a title before the first numbered line stays, each line its own paragraph; a page number goes
    paragraphs = [line.strip() for line in lines[: lines.index(kept[0])] if line.strip() and not _PAGE_NUMBER_LINE.fullmatch(line)]
    current = ""
    for m in spoken:
        words = " ".join(m.group(2).split())
        if current and not (_COURT_TURN.match(words) or m.start(2) - m.end(1) > margin + 1):
            dropped, between = _line_join(current[-40:], words)
            current = current[: len(current) - dropped] + between + words
            continue
        if current:
            paragraphs.append(current)
        current = words
    if current:
        paragraphs.append(current)
    return paragraphs


def _court_lines(t: Transcript, result: PassResult) -> bool:
    """A court reporter's numbered lines made into paragraphs, in one change (see _court_paragraphs)."""
    paragraphs = _court_paragraphs(t.text)
    if paragraphs is None:
        return False
    clean = "\n\n".join(paragraphs) + "\n"
    if clean != t.text:
        why = "a court reporter's numbered lines are read as paragraphs: line and page numbers go, wrapped lines join"
        result.suggestions.append(
            suggest(t, PASS_ID, "line-numbers", [Edit(Span(0, len(t.text)), clean)], Applicability.AUTO, why, 0.95, priority=10)
        )
    return True


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    if t.layout != "captions" and _court_lines(t, result):
        return result  # made into paragraphs first and alone (pipeline.RESTRUCTURING)
    if t.layout != "captions" and paragraph_ends(t.text.split("\n")):
        _unwrap(t, result)
        return result  # joined first and alone (pipeline.RESTRUCTURING): the rest is judged on the joined text
    blocks = t.blocks
    decided: list[bool] = []  # decided when first needed, once: most transcripts have no break to judge

    def unpunctuated() -> bool:
        if not decided:
            decided.append(_unpunctuated(t))
        return decided[0]

    furniture = _Marks(t) if t.layout != "captions" else None
    marks = _page_marks(t, result, furniture, unpunctuated()) if furniture is not None and furniture.any() else set()
    if furniture is not None and len(t.turns) > 1:
        joins = _repeated_labels(t, furniture.kinds(len(blocks), headers=True))
        if joins and not unpunctuated():
            # a page number the join takes away is not asked about as well
            result.suggestions = [
                sg
                for sg in result.suggestions
                if sg.rule_id != "page-number" or not any(j.span.start <= sg.span.start and sg.span.end <= j.span.end for j in joins)
            ]
            result.suggestions += joins
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
        if opens_with_label(t.text[nxt.span.start : nxt.span.end]):
            continue  # a new speaker's turn, labelled inside a paragraph: no sentence runs on into it
        edit = Edit(Span(prev.span.end, nxt.span.start), " ")
        tail = t.text[max(prev.span.start, prev.span.end - 30) : prev.span.end]
        head = t.text[nxt.span.start : min(nxt.span.end, nxt.span.start + 30)]
        if _is_word_char(last) and (first.islower() or (first.isupper() and _cut_off(t.text, prev))):
            # a heading-like line, or a transcript that ends no paragraph with punctuation: the same
            # suggestion (its id survives an edit elsewhere that tips the balance), asked instead
            sure = not unpunctuated() and not _short(t.text, prev.span.start, prev.span.end)
            rule, applicability, confidence = "split-paragraph", Applicability.AUTO if sure else Applicability.REVIEW, 0.95 if sure else 0.5
            why = f"the sentence '…{tail}' continues in the next paragraph '{head}…': a page break split it"
            if not sure:
                why = f"'…{tail}' has no closing punctuation, but " + (
                    "few paragraphs here have any" if unpunctuated() else "it is short enough to be a heading"
                )
        elif (first.isalpha() or first.isdigit()) and not reads_as_title(t.text[prev.span.start : prev.span.end]):
            rule, applicability, confidence = "split-paragraph-review", Applicability.REVIEW, 0.5
            why = f"'…{tail}' has no closing punctuation; the next paragraph may continue it"
        else:
            continue
        result.suggestions.append(
            suggest(t, PASS_ID, rule, [edit], applicability, why, confidence, {"tail": tail, "head": head}, priority=40)
        )
    return result
