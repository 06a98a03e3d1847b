"""A speaker addressed by first name, spelled as their label writes it.

"Thanks, Helene." right after Helane Becker's question, "Sure, Connor." in the answer to Conor
Cunningham, "Go ahead, Savvy." before Savi Syth speaks: a reply names the person who has just spoken,
or who speaks next, and a transcriber types that first name by ear. The label, typed once and with
care, has the spelling.

Only a name said to someone at the opening or the close of a turn is read (after a comma or a
greeting, or opening a sentence with a comma after it); only the first name of the speaker before or
after; only one that sounds like it and is a letter or two away. A name another label gives ("John"
beside a "Jon Ames" and a "John Li") may be someone else's and is left alone; a label's spelling
English hardly knows, against a common one in the speech ("Micheal" for "Michael"), may be the
label's slip and is only asked about.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from ..lexicon import another_closing_vowel, phonetic, sound_keys_agree, without_accents, zipf
from ..model import Applicability, BlockKind, Edit, Span, Transcript
from ..wordcase import ordinary_word
from . import PassContext, PassResult, suggest

PASS_ID = "addressed"
REACH = 160  # characters at a turn's opening and close where a reply names who it answers
COMMON_NAME = 4.0  # Zipf: a first name this common in the speech...
RARE_LABEL = 3.0  # ...against a label's this rare: the label may be the slip
UNFAMILIAR = 2.5  # Zipf: a label's first name this rare is one a typist does not know, and writes as one it does
NO_NAME = 1.0  # Zipf: a spelling this rare is no name anyone is given
EVERYDAY = 5.5  # Zipf: a word this common ("Well", "Right") is that word, not a name misheard
# a capitalized word alone in its clause, before , . ! ? or a dash (_addressed says what may come before)
_ADDRESSED = re.compile(r"\b([A-Z][^\W\d_A-Z]+)(?=[,.!?]|\s[-–—]\s)")
_GREETING = re.compile(r"\b(?:[Tt]hanks|[Tt]hank you|[Hh]i|[Hh]ey|[Hh]ello|[Mm]orning|[Bb]ye|[Ww]elcome) $")
_SENTENCE_END = re.compile(r"[.!?] $")
_VOWELS = re.compile(r"[aeiou]")
_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+")


def first_name(speaker: str) -> str | None:
    """The first name a label gives, or None for a label that names nobody: a role of everyday words
    ("Operator", "Audience Member", "THE COURT"), or one numbered or lettered ("Speaker 1")."""
    words = _TITLE.sub("", speaker.strip()).split()
    if not words or any(len(w) == 1 or any(ch.isdigit() for ch in w) for w in words):
        return None
    first = words[0]
    if not first.isalpha() or len(first) < 3 or all(ordinary_word(w.lower()) for w in words):
        return None
    return first.capitalize() if first.isupper() else first


def _near(said: str, name: str) -> bool:
    """The same name heard another way: a letter or two apart (one in a short name), on both sound keys
    and with the same vowels ("Connor" for "Conor", "Jon" for "John"). Other vowels make another name
    ("Don" and "Dan", "Dean", "Tim" and "Tom"), and so does another closing vowel ("Dan" and "Dana",
    "Julio" and "Julia"), unless the label's name is one English hardly knows, which a typist writes as
    the name it knows ("Helene" for "Helane", "Savvy" for "Savi"), or what was typed is no name at all
    ("Vivac" for "Vivek")."""
    a, b = without_accents(said.lower()), without_accents(name.lower())
    if a == b:
        return True  # the label's accents ("Tomas" for a "Tomás")
    if another_closing_vowel(a, b):
        return False
    distance = Levenshtein.distance(a, b)
    if distance > 2 or (distance == 2 and min(len(a), len(b)) < 4):
        return False
    keys = sound_keys_agree(a, b)
    # the label's name one a typist does not know, or what was typed no name at all ("Vivac" for Vivek)
    unfamiliar = zipf(b) < UNFAMILIAR or zipf(a) < NO_NAME
    # both keys, or Metaphone (the consonants as said) and the first letter: "Beatrice" for "Beatriz",
    # not "Rich" for "Rick", which only NYSIIS hears alike
    if keys == 2 or (a[0] == b[0] and phonetic(a)[0] == phonetic(b)[0]):
        return unfamiliar or _vowels(a) == _vowels(b)
    return keys == 1 and unfamiliar and a[0] == b[0]


def _vowels(name: str) -> list[str]:
    """A name's vowels, in any order ("Micheal": two swapped), "ey" as "ay" ("Greyson", "Grayson"), and
    without a long name's closing silent "e" ("Beatrice", "Beatriz"; "Mike" is not "Mick")."""
    name = name.replace("ey", "ay")
    if len(name) >= 6 and name.endswith("e"):
        name = name[:-1]
    return sorted(_VOWELS.findall(name))


def _stretches(t: Transcript) -> list[tuple[str | None, list[Span]]]:
    """Each speaker's run of turns (a caption file gives every cue a turn of its own), with the first
    name its label gives and the spans of its paragraphs."""
    out: list[tuple[str | None, list[Span]]] = []
    last = None
    for block in t.blocks:
        if block.kind is not BlockKind.PARAGRAPH or block.turn < 0:
            continue
        speaker = t.turns[block.turn].speaker
        if speaker != last:
            out.append((first_name(speaker), []))
            last = speaker
        out[-1][1].append(block.span)
    return out


def _addressed(text: str, start: int, end: int, opening: int) -> list[re.Match[str]]:
    """Names said to someone between ``start`` and ``end``: after a comma or a greeting ("Sure, Connor.",
    "thanks Tomas."), or opening a sentence or the turn with a comma after them ("Tomas, where are we?")."""
    found = []
    for m in _ADDRESSED.finditer(text, start, end):
        before = text[max(0, m.start() - 12) : m.start()]
        after_comma = before.endswith(", ") or _GREETING.search(before)
        opens_sentence = text.startswith(",", m.end(1)) and _SENTENCE_END.search(before)
        if m.start() == opening or after_comma or opens_sentence:
            found.append(m)
    return found


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    stretches = _stretches(t)
    everyone = {n.lower() for n, _ in stretches if n}
    for k, (own, spans) in enumerate(stretches):
        near = {stretches[i][0] for i in (k - 1, k + 1) if 0 <= i < len(stretches)} - {None, own}
        if not near:
            continue
        first, last = spans[0], spans[-1]
        opening = min(first.end, first.start + REACH)
        close = max(last.start, last.end - REACH, opening if last is first else last.start)
        for start, end in ((first.start, opening), (close, last.end)):
            for m in _addressed(t.text, start, end, first.start):
                said = m.group(1)
                if said.lower() in everyone or zipf(said.lower()) >= EVERYDAY:
                    continue  # a name some label gives, or a word too common to be a name misheard
                heard = [n for n in near if n and _near(said, n)]
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
