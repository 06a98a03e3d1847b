"""A word a typesetter broke at a line's end ("produc-" / "tion"), told from words joined by a hyphen.

A PDF's text keeps the hyphen the typesetter put where a line ran out, and copying it leaves that
hyphen before a line break ("thr-" / "oughput") or a space ("produc- tion"). Such a word is whole
again only where the two pieces make an everyday English word and are not both words themselves:
"five-" / "star", "well-" / "known", "pre- and post-war", "co-" / "operate" and "e-" / "mail" keep
their hyphen.
"""

from __future__ import annotations

import re

from .frequency import zipf

EVERYDAY = 3.0  # Zipf: the joined word is one English uses (once in a million words or more)
# a hyphen and a space between a piece of a word and its lower-case rest ("produc- tion"); the pattern
# starts at the rare hyphen, and the pieces are read on either side of it (HEAD, TAIL)
SPACED = re.compile(r"-(?= [a-z]{2})(?<=[A-Za-z]{2}-)")
HEAD = re.compile(r"(?<![\w-])[A-Za-z]{2,}$")
TAIL = re.compile(r" ([a-z]{2,})\b")


def rejoins(head: str, tail: str) -> bool:
    """Whether ``head`` and ``tail``, on either side of a hyphen, are one word a line's end broke."""
    if not (head.isalpha() and tail.isalpha() and tail.islower()):
        return False
    if zipf((head + tail).lower()) < EVERYDAY:
        return False
    return not (zipf(head.lower()) >= EVERYDAY and zipf(tail) >= EVERYDAY)
