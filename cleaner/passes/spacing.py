"""Spaces before punctuation, on the wrong side of a comma, inside an amount ("$ 100", "12 %"), missing
after a sentence's full stop ("year.We") and in runs inside a paragraph; a word a printed line's end
broke ("produc- tion"); stray control characters."""

from __future__ import annotations

import re

from ..broken_words import HEAD, TAIL, rejoins
from ..broken_words import SPACED as BROKEN
from ..frequency import zipf
from ..model import Applicability, Edit, Span, Transcript
from ..wordcase import ordinary_word
from . import Paragraphs, PassContext, PassResult, suggest

SCOPE = "block"  # each result depends only on its own block: see cleaner/replay.py
PASS_ID = "spacing"
# a space between a word and the punctuation closing it: "growth , and" / "why ?"
# (the patterns start at the spaces and the character before is checked after: a look-behind tried
# at every position of the text is several times slower)
# (":)" and ";)" after a space are a smiley, not a colon)
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+(?=[,.?!](?:[\s\"”')\]]|$)|[;:](?:[\s\"”'\]]|$))")
_WORD_END = re.compile(r"[\w%)\]”\"']")
# a space on the wrong side of a comma or semicolon: "happened ,and we" is "happened, and we" (not
# before a digit: "1 ,000" is a number someone typed, which this does not guess at)
# (these start at the rarer mark, not at every space, and look back for the spaces after)
_WRONG_SIDE_MARK = re.compile(r"[,;](?=[a-z])")
# a currency sign apart from its amount, "$ 100", and a percent sign apart from its number, "12 %"
# ("US$ 10" too; "5 % 3", a number after it, may be the remainder operator of a lecture on code)
# (one pattern a sign: a literal first is found fast, a class of signs is tried at every position)
_SPACE_AFTER_CURRENCY = [(sign, re.compile(re.escape(sign) + r"[ \t]+(?=\d)")) for sign in "$€£¥"]
_NOT_BEFORE_CURRENCY = re.compile(r"[a-z0-9_$€£¥]")  # "5$ 3", "x$ 1": no amount's sign
_FRENCH_SPACED = "?!:;"  # French typography sets a space before these: "Pourquoi ?"
_PERCENT_MARK = re.compile(r" %(?![\w%])(?![ \t]*[\d(])")  # a space before it: "12%" needs nothing
# a sentence run into the next without its space: "last year.We expect" (a lower-case word before the
# stop and a capitalized word after it, in a stretch without "/", "@" or another dot: not an address,
# a file or code, "tesla.com", "self.Name.x")
# (the pattern starts at the rare dot, and the word before it is read after)
_NO_SPACE_AFTER_STOP = re.compile(r"\.(?=([A-Z][a-z]+)\b(?![.@/]\w))")
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w.@/-])[a-z]{2,}$")
# a comma or full stop typed twice after a word, before a space ("grew,, and", "rose.. We"): not an
# ellipsis ("..." or "rose.. ." stays), nor a path or a range of code ("../", "1..10")
_DOUBLED_MARK = re.compile(r"(?:,,|\.\.)(?<=[^\W\d_],,|[^\W\d_]\.\.)(?=[ \t]+[^\W\d_]|[ \t]*$)")
# "e.g" and "i.e" without their last full stop, before a space or a comma ("e.g growth", "i.e, more")
_LATIN_SHORT = re.compile(r"(?:e\.g|i\.e)(?<![\w.]e\.g)(?<![\w.]i\.e)(?=[ \t,])", re.IGNORECASE)
SENTENCE_WORD = 4.0  # Zipf: the word after the stop is an everyday one ("We", "Then"), not a file's "Pdf" or "Js"
_ADDRESS_MARK = re.compile(r"[/@]|\.\w+\.")
# spaces only: a tab is a column or an indent someone put there ("4200<TAB> It ships" in a .tsv)
_SPACE_RUN = re.compile(r" {2,}(?=\S)")
_NON_SPACE = re.compile(r"\S")
# a page break ("\f") left in a PDF's text, a line break ("\v") copied from Word, another control
# character: no reader sees one, and a speaker label behind one ("\fJane Doe: ...") is not read as one
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]+")
# what may follow a sentence's full stop: a capital (or a quote before one), a digit, or the end;
# "pip install -e . and" or "git add . && git push" is a command's "." and keeps its space
_SENTENCE_AFTER_STOP = re.compile(r"\.(?:[\s\"”')\]]*(?:$|[A-Z0-9\"“'‘(\[]))")


def _after(text: str, at: int, pattern: re.Pattern[str]) -> bool:
    """True when the character before ``at`` matches ``pattern``."""
    return at > 0 and pattern.match(text, at - 1) is not None


def _fix(t: Transcript, result: PassResult, rule: str, start: int, end: int, replacement: str, why: str) -> None:
    """Every spacing fix is sure: it changes no word."""
    result.suggestions.append(suggest(t, PASS_ID, rule, [Edit(Span(start, end), replacement)], Applicability.AUTO, why, priority=20))


def _control_characters(t: Transcript, s: int, e: int, result: PassResult) -> None:
    """Control characters in a block (a label's block holds the page break that opens its line)."""
    for m in _CONTROL.finditer(t.text, s, e):
        # between two words a space, elsewhere nothing: "deal\fand" is "deal and", "\fJane Doe:" is "Jane Doe:"
        before = t.text[m.start() - 1] if m.start() > 0 else "\n"
        after = t.text[m.end()] if m.end() < len(t.text) else "\n"
        glue = "" if before.isspace() or after.isspace() else " "
        _fix(t, result, "control-character", m.start(), m.end(), glue, "a page break or control character in the text is seen by no reader")


def _spaces_before(text: str, at: int, s: int) -> int:
    """Where the spaces or tabs right before ``at`` start (``at`` itself where there are none)."""
    i = at
    while i > s and text[i - 1] in " \t":
        i -= 1
    return i


def _run_on_sentence(text: str, m: re.Match[str], s: int, e: int) -> bool:
    """ "last year.We": a lower-case word before the stop, an everyday word after it, and no address,
    file or code around them."""
    if not _LOWER_WORD_BEFORE.search(text, max(s, m.start() - 40), m.start()):
        return False
    start = text.rfind(" ", s, m.start()) + 1 or s
    end = text.find(" ", m.end(), e)
    if _ADDRESS_MARK.search(text, max(start, s), e if end < 0 else end):
        return False
    after = m.group(1).lower()
    return ordinary_word(after) and zipf(after) >= SENTENCE_WORD


def _rare_marks(t: Transcript, spans: list[Span], result: PassResult, english: bool) -> None:
    """The rules that start at a mark most transcripts seldom hold (a comma against the next word, a
    currency or percent sign, a full stop against a capital): each scans the whole text once and keeps
    what lies inside one of the paragraphs, rather than being asked of every paragraph in turn."""
    text = t.text
    paragraphs = Paragraphs([(span.start, span.end) for span in spans])

    def paragraph(m: re.Match[str]) -> Span | None:
        i = paragraphs.holding(m.start(), m.end())
        return spans[i] if i >= 0 else None

    for m in _WRONG_SIDE_MARK.finditer(text) if any(pair in text for pair in (" ,", " ;", "\t,", "\t;")) else ():
        if (span := paragraph(m)) is None:
            continue
        first = _spaces_before(text, m.start(), span.start)
        if first < m.start() and _after(text, first, _WORD_END):
            _fix(t, result, "space-wrong-side", first, m.end(), m.group() + " ", f"the space belongs after '{m.group()}', not before it")
    for sign, pattern in _SPACE_AFTER_CURRENCY:
        for m in pattern.finditer(text) if sign in text else ():
            if paragraph(m) and not _after(text, m.start(), _NOT_BEFORE_CURRENCY):
                _fix(t, result, "space-in-amount", m.start() + 1, m.end(), "", "a currency sign is written against its amount")
    # French, German and others write "12 %" with its space: only English writes it against the number
    for m in _PERCENT_MARK.finditer(text) if english and " %" in text else ():
        if (span := paragraph(m)) is None:
            continue
        sign = m.start() + 1
        first = _spaces_before(text, sign, span.start)
        if span.start < first < sign and text[first - 1].isdigit():
            _fix(t, result, "space-in-amount", first, sign, "", "a percent sign is written against its number")
    for m in _NO_SPACE_AFTER_STOP.finditer(text):
        if (span := paragraph(m)) is not None and _run_on_sentence(text, m, span.start, span.end):
            _fix(t, result, "space-after-stop", m.end(), m.end(), " ", "a sentence ran into the next without its space")
    for m in _DOUBLED_MARK.finditer(text) if (",," in text or ".." in text) else ():
        if paragraph(m) is not None:
            _fix(t, result, "doubled-mark", m.start() + 1, m.end(), "", f"'{m.group()}' typed twice is one '{m.group()[0]}'")
    for m in _LATIN_SHORT.finditer(text) if ("e.g" in text or "i.e" in text) else ():
        if paragraph(m) is not None:
            _fix(t, result, "abbreviation-stop", m.end(), m.end(), ".", f"'{m.group()}.' ends with its full stop")


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    text = t.text
    for block in t.blocks:
        _control_characters(t, block.span.start, block.span.end, result)
    spans = [block.span for block in t.paragraphs()]
    french = ctx.language == "fr"
    for span in spans:
        s, e = span.start, span.end
        for m in _SPACE_BEFORE_PUNCT.finditer(text, s, e):
            if not _after(text, m.start(), _WORD_END):
                continue
            # "..." after a space is a trailing-off marker, not a stray space
            if text.startswith("..", m.end()):
                continue
            if text[m.end()] == "." and not _SENTENCE_AFTER_STOP.match(text, m.end(), e):
                continue
            if french and text[m.end()] in _FRENCH_SPACED:
                continue
            _fix(t, result, "space-before-punctuation", m.start(), m.end(), "", f"no space belongs before '{text[m.end()]}'")
        for m in _SPACE_RUN.finditer(text, s, e):
            if _after(text, m.start(), _NON_SPACE):
                _fix(t, result, "space-run", m.start(), m.end(), " ", "several spaces in a row inside a sentence read as one")
        for m in BROKEN.finditer(text, s, e):
            head = HEAD.search(text, max(s, m.start() - 40), m.start())
            tail = TAIL.match(text, m.end(), e)
            if head and tail and rejoins(head.group(), tail.group(1)):
                why = f"'{head.group()}- {tail.group(1)}' is the word '{head.group()}{tail.group(1)}', broken at a printed line's end"
                _fix(t, result, "broken-word", m.start(), tail.start(1), "", why)
    _rare_marks(t, spans, result, ctx.english)
    result.suggestions.sort(key=lambda sg: sg.span.start)  # in text order, as a pass gives them
    return result
