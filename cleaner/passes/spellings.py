"""A name the transcript spells two ways: once or twice one way, more often the other, one letter
apart and sounding the same ("Renada" beside three "Renata"s, "Massachusets" beside twenty
"Massachusetts", "Hirshey" beside six "Hershey"s). The rarer spelling takes the other.

This is the transcript's own evidence, with no term list, as in the capitals pass. It is sure only
where nothing else could explain two spellings:

* the rarer one is no word English knows (Zipf below 1.5) and is never written in lower case;
* the other is written at least twice, and at least twice as often;
* they are one letter apart (changed, added or dropped), start with the same letter and agree on
  both sound keys (Metaphone and NYSIIS);
* they are not one name with another closing vowel ("Dan" and "Dana", "Julio" and "Julia"), nor
  one with an ending on it ("Ingersoll" and "Ingersolls").

A word of the term list or of a speaker label is left to the lexicon and speakers passes, which
judge it with the list or the label.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from ..frequency import zipf
from ..lexicon import inflection, sound_keys_agree
from ..model import Applicability, Edit, Span, Transcript
from ..tokens import in_address_or_code
from . import Paragraphs, PassContext, PassResult, suggest

PASS_ID = "spellings"
UNKNOWN = 1.5  # Zipf: below this a spelling is no word English knows
MIN_OTHER = 2  # uses of the other spelling at the least...
RATIO = 2  # ...and for every use of the rarer one
NAME_WORD = 4.5  # Zipf: a capitalized word before a name rarer than this is a first name, not "The" or "And"
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_WORD = re.compile(r"[^\W\d_]+")
_VOWEL_ENDING = re.compile(r"[aeiou]$")
_CHUNK = 1 << 18
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]*) $")  # a first name (or another name's first word) right before
_NAME_AFTER = re.compile(r" ([A-Z](?:[a-z]+|\.))")  # a surname, or an initial, right after
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Judge", "Senator", "President"})


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _label_words(t: Transcript) -> set[str]:
    return {w.lower() for turn in t.turns for part in (turn.speaker, turn.firm or "") for w in _WORD.findall(part)}


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    text = t.text
    spans = [(b.span.start, b.span.end) for b in t.paragraphs()]
    inside = Paragraphs(spans)
    counts: Counter[str] = Counter()
    for start, end in spans:
        for at in range(start, end, _CHUNK):
            counts.update(_CAPITALIZED.findall(text, at, min(end, at + _CHUNK)))
    common = {w: n for w, n in counts.items() if n >= MIN_OTHER}
    rare = [w for w in counts if zipf(w.lower()) < UNKNOWN]
    if not common or not rare:
        return result
    by_delete: dict[str, list[str]] = {}
    for word in common:
        for key in _deletes(word):
            by_delete.setdefault(key, []).append(word)
    lex = ctx.lexicon
    labels = _label_words(t)
    for word in rare:
        low = word.lower()
        others = {o for key in _deletes(word) for o in by_delete.get(key, ()) if o != word}
        others = {o for o in others if common[o] >= max(MIN_OTHER, RATIO * counts[word]) and _same_name(word, o)}
        if len(others) != 1:
            continue  # none, or two spellings it could be
        other = others.pop()
        if lex is not None and any(lex.has_exact(w) or lex.spelling(w.lower()) is not None for w in (word, other)):
            continue
        if low in labels or other.lower() in labels or re.search(rf"\b{low}\b", text):
            continue
        found = [m for m in re.finditer(rf"\b{word}\b", text) if inside.at(m.start()) >= 0]
        found = [m for m in found if not in_address_or_code(text, m.start(), m.end())]
        if not all(_named_alike(text, m, other) for m in found):
            continue
        for m in found:
            result.suggestions.append(
                suggest(
                    t,
                    PASS_ID,
                    "name-spelled-as-elsewhere",
                    [Edit(Span(m.start(), m.end()), other)],
                    # "no word English knows" is English's: in another language it may be an everyday word
                    Applicability.AUTO if ctx.english else Applicability.REVIEW,
                    f"this transcript writes '{other}' {common[other]} times and '{word}' {counts[word]}: one name spelled two ways",
                    confidence=0.9,
                    evidence={"other_spelling": other, "other_uses": common[other], "uses": counts[word]},
                )
            )
    return result


def _named_alike(text: str, m: re.Match[str], other: str) -> bool:
    """False where the rarer spelling stands in a full name that the other spelling stands in with
    another first name or surname: "Niek Bosch" beside a "Nick Terrell" is someone else. "Hans Krebbs"
    beside "the Krebs cycle", or "Tony Mechylynck" beside "Tony Mechelynck", is the same name."""
    before = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
    first = before[1] if before and before[1] not in _TITLES and zipf(before[1].lower()) < NAME_WORD else None
    if first and not re.search(rf"\b{first} {other}\b", text):
        firsts = re.findall(rf"\b([A-Z][a-z]*) {other}\b", text)
        if any(zipf(f.lower()) < NAME_WORD and f not in _TITLES for f in firsts):
            return False
    after = _NAME_AFTER.match(text, m.end())
    if after and not re.search(rf"\b{other} {re.escape(after[1])}", text):
        return not re.search(rf"\b{other} [A-Z](?:[a-z]+|\.)", text)
    return True


def _same_name(word: str, other: str) -> bool:
    a, b = word.lower(), other.lower()
    if a[0] != b[0] or Levenshtein.distance(a, b) != 1 or zipf(b) < zipf(a):
        return False
    if inflection(a, b) or _VOWEL_ENDING.sub("", a) == _VOWEL_ENDING.sub("", b):
        return False
    return sound_keys_agree(a, b) > 0
