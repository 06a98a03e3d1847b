"""Doubled words ("the the").

A doubled word is usually what the speaker said (a stutter, a restart: "and
uh and" loses its "uh" in ASR), so a verbatim transcript keeps it. Doublings
are offered for review, never removed silently; "that that" and "had had",
which are grammatical, are not even offered. With the option
``doubled_words: remove`` (``--doubled-words remove``) the ones that are never
grammatical are removed, for clean-read transcripts.
"""

from __future__ import annotations

import re

from ..model import Applicability, Edit, Span, Transcript
from ..spoken import PAIRED_NUMBERS
from . import PassContext, PassResult, suggest

SCOPE = "block"  # each result depends only on its own block: see cleaner/replay.py
PASS_ID = "repeats"
_DOUBLE = re.compile(r"\b([^\W\d_]+)([ \t]+)\1\b", re.IGNORECASE)
# a name the second word opens, joined by "&", "-", a dot or a slash ("at AT&T", "to TO-DO", "in
# IN-N-OUT"): no doubling where it is written otherwise than the first ("non non-GAAP" is one)
_JOINED_ON = re.compile(r"[&\-./@]\w")
# never grammatical twice in a row
_SURE = {
    "the",
    "a",
    "an",
    "of",
    "to",
    "and",
    "for",
    "with",
    "at",
    "from",
    "into",
    "our",
    "my",
    "your",
    "their",
    "its",
    "this",
    "these",
    "those",
    "we're",
    "i'm",
}
# grammatical, or a deliberate emphasis, twice in a row
_KEEP = {
    "that",
    "had",
    "is",
    "do",
    "very",
    "so",
    "no",
    "yes",
    "yeah",
    "bye",
    "ha",
    "really",
    "well",
    "much",
    "many",
    "more",
    "far",
    "long",
    "now",
    "never",
    "again",
    "go",
    "oh",
    "okay",
    "ok",
    "hey",
    "please",
    "wait",
    "right",
    "sure",
    "fine",
    "bla",
    "blah",
    "there",
    "what",
    "who",
    "knock",
    "tut",
    "hip",
    "boo",
    "pooh",
    "chop",
    "night",
    "back",
    "over",
    "round",
    "on",
    "out",
    "by",
}


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    for block in t.paragraphs():
        for m in _DOUBLE.finditer(t.text, block.span.start, block.span.end):
            word = m.group(1).lower()
            # a number said twice is a year or a time ("twenty twenty"), not a doubling
            if word in _KEEP or word in PAIRED_NUMBERS or (len(word) == 1 and word not in ("a",)):
                continue
            second = t.text[m.end() - len(m.group(1)) : m.end()]
            if second != m.group(1) and _JOINED_ON.match(t.text, m.end()):
                continue
            sure = word in _SURE and ctx.options.get("doubled_words") == "remove"
            edit = Edit(Span(m.start(1) + len(m.group(1)), m.end()), "")
            result.suggestions.append(
                suggest(
                    t,
                    PASS_ID,
                    "doubled-word" if sure else "doubled-word-review",
                    [edit],
                    Applicability.AUTO if sure else Applicability.REVIEW,
                    f"'{m.group(1)}' is written twice in a row",
                    confidence=0.95 if sure else 0.6,
                    priority=30,
                )
            )
    return result
