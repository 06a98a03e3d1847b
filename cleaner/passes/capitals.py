"""A rare word the transcript itself writes as a name, once or twice in lower case ("the roadster"
beside twenty "Roadster"s inside sentences): the lower-case one takes the capital.

This is the transcript's own evidence, with no term list: a product or firm the speakers name all
through the call ("Roadster", "Radiometer", "Tallgrass") and the transcriber missed once. It is
sure only where nothing else could explain the capitals:

* the word is rare in English (Zipf below 3): "board", "street", "model" or "energy" are
  capitalized inside names ("the Board", "Wall Street", "Model S") and right in lower case elsewhere;
* it is capitalized inside sentences at least eight times (six was not enough: "the orthodontics"
  beside six "Orthodontics" a recognizer wrote), before at least three different words
  (a name of its own, not one word of a longer name);
* it is in lower case at most twice, and at most once for every five capitals;
* a lower-case use inside an address, written or said ("www dot danaher dot com"), stays.

A word the term list holds is left to the lexicon pass, which judges it with the list.
"""

from __future__ import annotations

import re
from collections import Counter

import ahocorasick

from ..frequency import zipf
from ..model import Applicability, Edit, Span, Transcript
from ..tokens import in_address_or_code
from . import Paragraphs, PassContext, PassResult, alone, sentence_start, suggest

PASS_ID = "capitals"
RARE = 3.0  # Zipf: rarer than this, a capital inside a sentence is the word's own
MIN_CAPITALS = 8
MIN_FOLLOWERS = 3  # different words after the capitalized uses
MAX_LOWER = 2
RATIO = 5  # capitals for every lower-case use
_CAPITALIZED = re.compile(r"[A-Z][a-z]{2,}")
_CHUNK = 1 << 18
_NEXT_WORD = re.compile(r"[\s,;:]*([\w'’]*)")
_SAID_BEFORE = re.compile(r"\b(?:dot|www)\s+$", re.IGNORECASE)
_SAID_AFTER = re.compile(r"\s+dot\b", re.IGNORECASE)


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    text = t.text
    spans = [(b.span.start, b.span.end) for b in t.paragraphs()]
    counts: Counter[str] = Counter()
    for at in range(0, len(text), _CHUNK):  # a stretch at a time: the whole text's word list would cost MBs at its peak
        counts.update(_CAPITALIZED.findall(text, at, min(len(text), at + _CHUNK)))  # a word cut at a seam counts less: never more
    candidates = [w for w, n in counts.items() if n >= MIN_CAPITALS and zipf(w.lower()) < RARE]
    if not candidates:
        return result
    lex = ctx.lexicon
    if lex is not None:  # the term list's words: the lexicon pass judges them with the list
        candidates = [w for w in candidates if w.lower() not in lex.by_lower and lex.spelling(w.lower()) is None]
    if not candidates:
        return result
    # where the words are in lower case (most never are), then where those are capitalized: a scan each
    inside = Paragraphs(spans)
    lowered = _find(text, inside, [w.lower() for w in candidates])
    candidates = [w for w in candidates if 0 < len(lowered.get(w.lower(), ())) <= MAX_LOWER]
    if not candidates:
        return result
    for word in candidates:
        low = word.lower()
        lower = lowered[low]
        # a few words: a literal search each is faster than another scan for all of them
        named = [m.end() for m in re.finditer(re.escape(word), text) if inside.at(m.start()) >= 0 and alone(text, m.start(), m.end())]
        named = [end for end in named if not sentence_start(text, end - len(word))]
        followers = {_NEXT_WORD.match(text, end)[1].lower() for end in named}
        if len(named) < MIN_CAPITALS or len(named) < RATIO * len(lower) or len(followers) < MIN_FOLLOWERS:
            continue
        for start, end in lower:
            said = _SAID_BEFORE.search(text, max(0, start - 8), start) or _SAID_AFTER.match(text, end)
            if said or in_address_or_code(text, start, end):
                continue
            result.suggestions.append(
                suggest(
                    t,
                    PASS_ID,
                    "capital-as-elsewhere",
                    [Edit(Span(start, end), word)],
                    # "rare" is rare in English: in another language the word may be an everyday one
                    Applicability.AUTO if ctx.english else Applicability.REVIEW,
                    f"this transcript writes '{word}' with a capital {len(named)} times inside sentences, and only here in lower case",
                    confidence=0.9,
                    evidence={"capitalized": len(named), "lower_case": len(lower), "zipf": round(zipf(low), 2)},
                )
            )
    return result


def _find(text: str, inside: Paragraphs, forms: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each form stands alone inside a paragraph: one Aho-Corasick scan for all of them."""
    finder = ahocorasick.Automaton()
    for form in forms:
        finder.add_word(form, form)
    finder.make_automaton()
    found: dict[str, list[tuple[int, int]]] = {}
    size = len(text)
    for last, form in finder.iter(text):
        start, end = last + 1 - len(form), last + 1
        if (start and text[start - 1].isalnum()) or (end < size and text[end].isalnum()):
            continue  # inside a longer word ("ross" in "across"): most hits, told apart cheaply
        if inside.at(start) >= 0 and alone(text, start, end):
            found.setdefault(form, []).append((start, end))
    return found
