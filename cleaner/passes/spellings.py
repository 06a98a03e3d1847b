"""A name the transcript spells two ways: once or twice one way, more often the other, one letter
apart and sounding the same ("Renada" beside three "Renata"s, "Massachusets" beside twenty
"Massachusetts", "Hirshey" beside six "Hershey"s). The rarer spelling takes the other.

This is the transcript's own evidence, with no term list, as in the capitals pass. It is sure only
where nothing else could explain two spellings:

* the rarer one is no word English knows (Zipf below 1.5) and is never written in lower case;
* the other is written at least twice, and at least twice as often;
* they are one letter apart (changed, added or dropped), start with the same letter and agree on a
  sound key (Metaphone or NYSIIS: "Renada" and "Renata" on Metaphone only);
* the rarer one stands in no full name the other stands in with another first name or surname
  ("Niek Bosch" beside a "Nick Terrell");
* they are not one name with another closing vowel ("Dan" and "Dana", "Julio" and "Julia"), nor
  one with an ending on it ("Ingersoll" and "Ingersolls").

A word of the term list or of a speaker label is left to the lexicon and speakers passes, which
judge it with the list or the label.
"""

from __future__ import annotations

import re

import ahocorasick
from rapidfuzz.distance import Levenshtein

from ..frequency import zipf
from ..lexicon import another_closing_vowel, deletions, inflection, sound_keys_agree
from ..model import Applicability, Edit, Span, Transcript
from ..tokens import in_address_or_code
from . import Paragraphs, PassContext, PassResult, suggest

PASS_ID = "spellings"
UNKNOWN = 1.5  # Zipf: below this a spelling is no word English knows
MIN_OTHER = 2  # uses of the other spelling at the least...
RATIO = 2  # ...and for every use of the rarer one
NAME_WORD = 4.5  # Zipf: a capitalized word before a name rarer than this is a first name, not "The" or "And"
# a capitalized word, its capital found first (a \b first is tried at every position, twice as slow)
_CAPITALIZED = re.compile(r"[A-Z](?<![\w'’][A-Z])[a-z]{3,}\b")
_WORD = re.compile(r"[^\W\d_]+")
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]*) $")  # a first name (or another name's first word) right before
_NAME_AFTER = re.compile(r" ([A-Z](?:[a-z]+|\.))")  # a surname, or an initial, right after
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Judge", "Senator", "President"})


def _label_words(t: Transcript) -> set[str]:
    return {w.lower() for turn in t.turns for part in (turn.speaker, turn.firm or "") for w in _WORD.findall(part)}


def _in_lower_case(text: str, words: set[str]) -> set[str]:
    """Which of ``words`` (in lower case) the text writes in lower case somewhere: one Aho-Corasick scan."""
    finder = ahocorasick.Automaton()
    for word in words:
        finder.add_word(word, word)
    finder.make_automaton()
    seen: set[str] = set()
    for last, word in finder.iter(text):
        start, end = last + 1 - len(word), last + 1
        if not (start and text[start - 1].isalnum()) and not text[end : end + 1].isalnum():
            seen.add(word)
    return seen


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    text = t.text
    where: dict[str, list[int]] = {}
    for m in _CAPITALIZED.finditer(text):
        where.setdefault(m[0], []).append(m.start())
    common = {w for w, found in where.items() if len(found) >= MIN_OTHER}
    rare = [w for w in where if zipf(w.lower()) < UNKNOWN]
    if not common or not rare:
        return result
    by_delete: dict[str, list[str]] = {}
    for word in common:
        for key in deletions(word):
            by_delete.setdefault(key, []).append(word)
    lex = ctx.lexicon
    labels = _label_words(t)
    pairs: list[tuple[str, str]] = []
    for word in rare:
        others = {o for key in deletions(word) for o in by_delete.get(key, ()) if o != word}
        others = {o for o in others if len(where[o]) >= max(MIN_OTHER, RATIO * len(where[word])) and _same_name(word, o)}
        if len(others) != 1:
            continue  # none, or two spellings it could be
        other = others.pop()
        if lex is not None and any(lex.has_exact(w) or lex.spelling(w.lower()) is not None for w in (word, other)):
            continue
        if word.lower() not in labels and other.lower() not in labels:
            pairs.append((word, other))
    if not pairs:
        return result
    words = _in_lower_case(text, {word.lower() for word, _ in pairs})
    inside = Paragraphs([(b.span.start, b.span.end) for b in t.paragraphs()])
    around: dict[str, tuple[set[str | None], set[str | None]]] = {}
    for word, other in pairs:
        if word.lower() in words:
            continue
        found = [at for at in where[word] if inside.at(at) >= 0 and not in_address_or_code(text, at, at + len(word))]
        neighbours = around.get(other) or around.setdefault(other, _neighbours(text, where[other], len(other)))
        if not all(_named_alike(text, at, len(word), neighbours) for at in found):
            continue
        uses, other_uses = len(where[word]), len(where[other])
        for at in found:
            result.suggestions.append(
                suggest(
                    t,
                    PASS_ID,
                    "name-spelled-as-elsewhere",
                    [Edit(Span(at, at + len(word)), other)],
                    # "no word English knows" is English's: in another language it may be an everyday word
                    Applicability.AUTO if ctx.english else Applicability.REVIEW,
                    f"this transcript writes '{other}' {other_uses} times and '{word}' {uses}: one name spelled two ways",
                    confidence=0.9,
                    evidence={"other_spelling": other, "other_uses": other_uses, "uses": uses},
                )
            )
    return result


def _first_name(text: str, at: int) -> str | None:
    """The name right before a word ("Hans" of "Hans Krebbs"): not a title, nor an everyday word ("The")."""
    before = _NAME_BEFORE.search(text, max(0, at - 40), at)
    if before is None or before[1] in _TITLES or zipf(before[1].lower()) >= NAME_WORD:
        return None
    return before[1]


def _surname(text: str, end: int) -> str | None:
    """The surname or initial right after a word ("Bosch" of "Niek Bosch")."""
    after = _NAME_AFTER.match(text, end)
    return after[1] if after else None


def _neighbours(text: str, starts: list[int], size: int) -> tuple[set[str | None], set[str | None]]:
    """The first names and surnames a spelling stands beside, wherever it is written."""
    return {_first_name(text, at) for at in starts}, {_surname(text, at + size) for at in starts}


def _named_alike(text: str, at: int, size: int, neighbours: tuple[set[str | None], set[str | None]]) -> bool:
    """False where the rarer spelling stands in a full name that the other spelling stands in with
    another first name or surname: "Niek Bosch" beside a "Nick Terrell" is someone else. "Hans Krebbs"
    beside "the Krebs cycle", or "Tony Mechylynck" beside "Tony Mechelynck", is the same name."""
    firsts, surnames = neighbours
    first, surname = _first_name(text, at), _surname(text, at + size)
    if first and first not in firsts and firsts - {None}:
        return False
    return not (surname and surname not in surnames and surnames - {None})


def _same_name(word: str, other: str) -> bool:
    """One name, the rarer spelling a slip: see the module's docstring."""
    a, b = word.lower(), other.lower()
    if a[0] != b[0] or Levenshtein.distance(a, b) != 1 or zipf(b) < zipf(a):
        return False
    if inflection(a, b) or another_closing_vowel(a, b):
        return False
    return sound_keys_agree(a, b) > 0
