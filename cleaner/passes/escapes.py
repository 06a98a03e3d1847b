"""Undo what a transcript picked up on its way through editors and web pages: Markdown escapes
(``\\$100``), HTML entities (``R&amp;D``) and tags (``<br>``, ``<b>12%</b>``), and mojibake, UTF-8 read
once as Windows-1252 (``donâ€™t``).

A plain-text transcript never means a literal backslash before punctuation,
so these are always safe to remove, except inside a file path: a word that also has
a backslash before a letter or digit (``C:\\Users\\me\\.config``, ``\\\\server\\share``)
keeps every backslash it has. An entity is decoded only where it names a character, and never in
an address or code; mojibake is mended by ftfy, word by word, only where a letter of the kind
UTF-8 leaves behind (``Ã``, ``Â``, ``â€``) stands before one of Windows-1252's marks.
"""

from __future__ import annotations

import html
import re

from ..model import Applicability, Edit, Span, Transcript
from ..tokens import in_address_or_code
from . import PassContext, PassResult, suggest

SCOPE = "block"  # each result depends only on its own block: see cleaner/replay.py
PASS_ID = "escapes"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$&%<>|~\"'=:;,?@^])")
_PATH_SEPARATOR = re.compile(r"\\[^\W_]")  # "\Users": a backslash no Markdown writer puts before a letter
_WORD = re.compile(r"\S+")
# a named or numbered character reference: "&amp;", "&#39;", "&#x2019;", "&nbsp;", escaped again and again
# as some exports do ("&amp;amp;lt;"): decoded whole, in one change
_ENTITY = re.compile(r"&(?:amp;){0,20}(?:#\d{2,6}|#[xX][0-9a-fA-F]{2,5}|[A-Za-z][A-Za-z0-9]{1,7});")
# a word holding what UTF-8 leaves when read as Windows-1252: a lead letter, then a continuation mark
_MOJIBAKE = re.compile(
    r"[ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßâãäåæçèéêëìíîï]"
    r"[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022"
    r"\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_TOKEN_EDGE = " \t\r\n"
# a web page's line break, and its inline formatting tags, opened and closed in the same paragraph: "<b>12%</b>"
_BREAK_TAG = re.compile(r"[ \t]*<br[ \t]*/?>[ \t]*", re.IGNORECASE)
_FORMAT_TAG = re.compile(r"<(/?)(b|i|u|em|strong|span|font|mark)(?:[ \t][^<>\n]{0,80})?>", re.IGNORECASE)


def _in_path(text: str, at: int, start: int, end: int) -> bool:
    """True when the word around ``at`` is a file path (it has a backslash before a letter or digit)."""
    s = at
    while s > start and not text[s - 1].isspace():
        s -= 1
    word = _WORD.match(text, s, end)
    return word is not None and _PATH_SEPARATOR.search(word.group()) is not None


def _fix(t: Transcript, result: PassResult, rule: str, edits: list[Edit], reason: str) -> None:
    """Every change of this pass is sure: what the text picked up on its way is never what was said."""
    result.suggestions.append(suggest(t, PASS_ID, rule, edits, Applicability.AUTO, reason, priority=10))


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    for block in t.blocks:
        for m in _ESCAPE.finditer(t.text, block.span.start, block.span.end):
            if _in_path(t.text, m.start(), block.span.start, block.span.end):
                continue
            why = f"'{m.group(0)}' is a Markdown escape left in plain text; the reader should see '{m.group(1)}'"
            _fix(t, result, "markdown-escape", [Edit(Span(m.start(), m.end()), m.group(1))], why)
        if t.layout != "captions":  # WebVTT writes "&" as "&amp;": a caption file keeps its format's codes
            _entities(t, block.span.start, block.span.end, result)
            _tags(t, block.span.start, block.span.end, result)
        _mojibake(t, block.span.start, block.span.end, result)
    return result


def _entities(t: Transcript, start: int, end: int, result: PassResult) -> None:
    text = t.text
    for m in _ENTITY.finditer(text, start, end) if text.find("&", start, end) >= 0 else ():
        char = m.group()
        while (decoded := html.unescape(char)) != char:
            char = decoded
        if char == m.group() or in_address_or_code(text, m.start(), m.end()):
            continue  # no character of that name ("&foo;"), or code that writes the entity on purpose
        char = " " if char == "\u00a0" else char  # a web page's no-break space is a space in a transcript
        _fix(t, result, "html-entity", [Edit(Span(m.start(), m.end()), char)], f"'{m.group()}' is a web page's code for '{char}'")


def _mojibake(t: Transcript, start: int, end: int, result: PassResult) -> None:
    text = t.text
    after = start  # the end of the last word looked at: a word with two mangled letters is one fix
    for m in _MOJIBAKE.finditer(text, start, end):
        if m.start() < after:
            continue
        s = m.start()
        while s > start and text[s - 1] not in _TOKEN_EDGE:
            s -= 1
        e = m.end()
        while e < end and text[e] not in _TOKEN_EDGE:
            e += 1
        after = e
        import ftfy  # only where a word looks mangled: most transcripts have none

        word = text[s:e]
        fixed = ftfy.fix_encoding(word)
        if fixed != word:
            _fix(t, result, "mojibake", [Edit(Span(s, e), fixed)], f"'{word}' is '{fixed}' written in UTF-8 and read back as Windows-1252")


def _tags(t: Transcript, start: int, end: int, result: PassResult) -> None:
    """A web page's tags left in the text: a line break is a space, and inline formatting opened and closed
    around the same words goes, the words staying ("<b>12%</b>" is 12%). Never in inline code ("`<br>`")."""
    text = t.text
    if text.find("<", start, end) < 0:
        return

    def in_code(at: int) -> bool:  # inside inline code: an odd number of backticks before it in the paragraph
        return text.count("`", start, at) % 2 == 1

    for m in _BREAK_TAG.finditer(text, start, end):
        if in_code(m.start()):
            continue
        edge = m.start() == start or m.end() == end
        _fix(t, result, "html-tag", [Edit(Span(m.start(), m.end()), "" if edge else " ")], "a web page's line break left in the text")
    # formatting tags paired as they nest ("<b><i>12%</i></b>"): each outermost pair goes with all inside it,
    # in one change; a tag without its partner stays
    opened: list[re.Match[str]] = []
    pairs: list[tuple[re.Match[str], re.Match[str], int]] = []  # open, close, depth
    for m in _FORMAT_TAG.finditer(text, start, end):
        if in_code(m.start()):
            continue
        if not m.group(1):
            opened.append(m)
        elif opened and opened[-1].group(2).lower() == m.group(2).lower():
            pairs.append((opened.pop(), m, len(opened)))
        else:
            opened.clear()  # tags that do not nest: none of them is sure
    for outer, close, depth in pairs:
        if depth:
            continue
        inside = [(o, c) for o, c, _ in pairs if outer.start() <= o.start() and c.end() <= close.end()]
        edits = [Edit(Span(*tag.span()), "") for o, c in inside for tag in (o, c)]
        _fix(t, result, "html-tag", edits, f"a web page's <{outer.group(2).lower()}> formatting left around the words")
