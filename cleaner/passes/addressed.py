"""A speaker addressed by first name, spelled as their label writes it.

"Thanks, Helene." right after Helane Becker's question, "Sure, Connor." in the answer to Conor
Cunningham, "Go ahead, Savvy." before Savi Syth speaks: a reply names the person who has just spoken,
or who speaks next, and a transcriber types that first name by ear. The label, typed once and with
care, has the spelling. Only a name said on its own between a comma and the end of its clause, at
the opening or the close of a turn, is read; only the first name of the turn before or after; only
one that sounds like it and is a letter or two away. A name another label gives ("John" beside a
"Jon Ames" and a "John Li") may be someone else's and is left alone; a label's spelling English hardly
knows, against a common one in the speech ("Micheal" for "Michael"), may be the label's slip and is
only asked about.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from ..lexicon import sound_keys_agree, zipf
from ..model import Applicability, BlockKind, Edit, Span, Transcript
from ..wordcase import ordinary_word
from . import PassContext, PassResult, suggest

PASS_ID = "addressed"
REACH = 160  # characters at a turn's opening and close where a reply names who it answers
COMMON_NAME = 4.0  # Zipf: a first name this common in the speech...
RARE_LABEL = 3.0  # ...against a label's this rare: the label may be the slip
# a capitalized word alone in its clause: after a comma (or opening the turn), before , . ! ? or a dash
_ADDRESSED = re.compile(r"\b([A-Z][a-z]+)(?=[,.!?]|\s[-–—]\s)")
_VOWEL_ENDING = re.compile(r"[aeiou]$")
_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+")


def first_name(speaker: str) -> str | None:
    """The first name a label gives, or None for a label that names nobody ("Operator", "Speaker 1")."""
    words = _TITLE.sub("", speaker.strip()).split()
    if not words or any(len(w) == 1 or any(ch.isdigit() for ch in w) for w in words):
        return None
    first = words[0]
    if not first.isalpha() or len(first) < 3 or (len(words) == 1 and ordinary_word(first.lower())):
        return None
    return first.capitalize() if first.isupper() else first


def _near(said: str, name: str) -> bool:
    """The same name heard: a letter or two apart (one in a short name), sounding alike, starting alike,
    and not the same name with another closing vowel, which is another person's ("Dan" and "Dana",
    "Julio" and "Julia", "Louis" and "Louise")."""
    a, b = said.lower(), name.lower()
    if _VOWEL_ENDING.sub("", a) == _VOWEL_ENDING.sub("", b):
        return False
    distance = Levenshtein.distance(a, b)
    keys = sound_keys_agree(a, b)
    return (distance == 1 or (distance == 2 and min(len(a), len(b)) >= 4)) and keys > 0 and (a[0] == b[0] or keys == 2)


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    names = [first_name(turn.speaker) for turn in t.turns]
    everyone = {n.lower() for n in names if n}
    paragraphs: dict[int, list[Span]] = {}
    for block in t.blocks:
        if block.kind is BlockKind.PARAGRAPH and block.turn >= 0:
            paragraphs.setdefault(block.turn, []).append(block.span)
    for turn, spans in paragraphs.items():
        own = names[turn]
        near = {names[i] for i in (turn - 1, turn + 1) if 0 <= i < len(names) and names[i] and names[i] != own}
        if not near:
            continue
        first, last = spans[0], spans[-1]
        opening = min(first.end, first.start + REACH)
        close = max(last.start, last.end - REACH, opening if last is first else last.start)
        for start, end in ((first.start, opening), (close, last.end)):
            for m in _ADDRESSED.finditer(t.text, start, end):
                said = m.group(1)
                if m.start() != first.start and t.text[m.start() - 2 : m.start()] != ", ":
                    continue
                if said.lower() in everyone or zipf(said.lower()) >= 5.5:
                    continue  # a name some label gives, or a word too common to be a name misheard
                heard = [n for n in near if _near(said, n)]
                if len(heard) != 1:
                    continue
                name = heard[0]
                slip = zipf(said.lower()) >= COMMON_NAME and zipf(name.lower()) < RARE_LABEL
                result.suggestions.append(
                    suggest(
                        t,
                        PASS_ID,
                        "addressed-name-review" if slip else "addressed-name",
                        [Edit(Span(m.start(1), m.end(1)), name)],
                        Applicability.REVIEW if slip else Applicability.AUTO,
                        f"'{said}' addresses the speaker next to this turn, whose label writes '{name}'"
                        + ("; the label's spelling is the rarer one, so it may be the slip" if slip else ""),
                        confidence=0.6 if slip else 0.9,
                        evidence={"label_name": name},
                    )
                )
    return result
