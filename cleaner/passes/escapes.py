"""Undo Markdown escapes a transcript picked up on its way through an editor (``\\$100``).

A plain-text transcript never means a literal backslash before punctuation,
so these are always safe to remove.
"""

from __future__ import annotations

import re

from ..model import Applicability, Edit, Span, Transcript
from . import PassContext, PassResult, suggest

SCOPE = "block"  # each result depends only on its own block: see cleaner/replay.py
PASS_ID = "escapes"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$&%<>|~\"'=:;,?@^])")


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    for block in t.blocks:
        for m in _ESCAPE.finditer(t.text, block.span.start, block.span.end):
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
