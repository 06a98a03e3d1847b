"""Undo Markdown escapes a transcript picked up on its way through an editor (``\\$100``).

A plain-text transcript never means a literal backslash before punctuation,
so these are always safe to remove, except inside a file path: a word that also has
a backslash before a letter or digit (``C:\\Users\\me\\.config``, ``\\\\server\\share``)
keeps every backslash it has.
"""

from __future__ import annotations

import re

from ..model import Applicability, Edit, Span, Transcript
from . import PassContext, PassResult, suggest

SCOPE = "block"  # each result depends only on its own block: see cleaner/replay.py
PASS_ID = "escapes"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$&%<>|~\"'=:;,?@^])")
_PATH_SEPARATOR = re.compile(r"\\[^\W_]")  # "\Users": a backslash no Markdown writer puts before a letter
_WORD = re.compile(r"\S+")


def _in_path(text: str, at: int, start: int, end: int) -> bool:
    """True when the word around ``at`` is a file path (it has a backslash before a letter or digit)."""
    s = at
    while s > start and not text[s - 1].isspace():
        s -= 1
    word = _WORD.match(text, s, end)
    return word is not None and _PATH_SEPARATOR.search(word.group()) is not None


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    for block in t.blocks:
        for m in _ESCAPE.finditer(t.text, block.span.start, block.span.end):
            if _in_path(t.text, m.start(), block.span.start, block.span.end):
                continue
            result.suggestions.append(
                suggest(
                    t,
                    PASS_ID,
                    "markdown-escape",
                    [Edit(Span(m.start(), m.end()), m.group(1))],
                    Applicability.AUTO,
                    f"'{m.group(0)}' is a Markdown escape left in plain text; the reader should see '{m.group(1)}'",
                    priority=10,
                )
            )
    return result
