"""How English writes a word: as an ordinary lower-case word, or only ever with a capital (a name).

Restoring a term's capitals is safe for a name ("danaher" -> "Danaher", "bank of
america" -> "Bank of America") and wrong for an ordinary word a term list happens
to capitalize ("Digital", "Legacy", "Clover House"). Word frequencies cannot tell
the two apart, since they are counted without case; a cased dictionary can. The
``english-words`` package ships Webster's Second and GCIDE with their capitals.
"""

from __future__ import annotations

from array import array
from functools import lru_cache
from pathlib import Path

import english_words
from english_words import get_english_words_set

from .cache import cached
from .frequency import zipf
from .hashindex import crc, position

RARE_COMPOUND_ZIPF = 2.0  # two words run together, rarer than this, are taken for a name
COMMON_ZIPF = 3.5  # an unlisted word this frequent is taken for a newer ordinary word ("website", "app")


def _build() -> tuple[array, array]:
    """(words the dictionaries write in lower case, lower-cased words Webster's writes only capitalized),
    as sorted CRC-32 hashes: a megabyte instead of the forty the word sets take.

    GCIDE capitalizes every headword, so only its lower-case entries (newer words
    such as "internet") count; names come from Webster's Second alone.
    """
    web2 = get_english_words_set(["web2"], alpha=True)
    lower = {w for w in web2 if w.islower()} | {w for w in get_english_words_set(["gcide"], alpha=True) if w.islower()}
    names = {w.lower() for w in web2 if not w.islower()} - lower
    return array("I", sorted({crc(w) for w in lower})), array("I", sorted({crc(w) for w in names}))


@lru_cache(maxsize=1)
def _entries() -> tuple[array, array]:
    data = Path(english_words.__file__).parent / "data"
    return cached("wordcase", [data / "web2_alpha.pickle", data / "gcide_alpha.pickle"], _build)


def _in(entries: array, word: str) -> bool:
    """Membership by hash. A collision is rare (one word in 20,000 looks ordinary, one in 200,000 like a name)."""
    return position(entries, crc(word)) >= 0


_ENDINGS = ("s", "es", "ies", "ing", "ed", "d", "er", "ers", "ly", "ness")
# combining forms newer words are built from ("telemedicine", "ecommerce", "omnichannel")
_PREFIXES = ("bio", "e", "eco", "geo", "hydro", "micro", "multi", "nano", "neuro", "omni", "tele", "cyber", "agri", "fin")


def _stems(low: str) -> set[str]:
    """The word and the words it may be an inflection of ("camping" -> "camp", "stores" -> "store")."""
    stems = {low}
    for end in _ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3:
            stem = low[: -len(end)]
            stems.update((stem, stem + "e", stem + "y"))
            if len(stem) > 3 and stem[-1] == stem[-2]:
                stems.add(stem[:-1])  # "shipping" -> "ship"
    return stems


def _listed(low: str, entries: array) -> bool:
    return any(_in(entries, s) for s in _stems(low))


def _prefixed(low: str) -> bool:
    """A combining form and a word ("telemedicine", "ecommerce"), or the form alone ("omni")."""
    lower, _ = _entries()
    if low in _PREFIXES:
        return True
    return any(
        low.startswith(head) and len(low) - len(head) >= (6 if head == "e" else 4) and _listed(low[len(head) :], lower)
        for head in _PREFIXES
    )


def _word_pair(low: str) -> bool:
    """Two ordinary words run together ("worldwide", "datacenter")."""
    lower, _ = _entries()
    return any(_in(lower, low[:i]) and _listed(low[i:], lower) for i in range(3, len(low) - 3))  # three letters and four at least


@lru_cache(maxsize=100_000)
def _kind(low: str) -> str:
    """ "ordinary", "name", or "unknown" (in neither dictionary, nor built from their words)."""
    lower, names = _entries()
    if _listed(low, lower):
        return "ordinary"
    if _listed(low, names):
        return "name"
    # two words English hardly uses as one ("evercore", "esterhazy", "keysight") are far more often a
    # firm's or a place's name than a new word
    if _prefixed(low) or (_word_pair(low) and zipf(low) >= RARE_COMPOUND_ZIPF):
        return "ordinary"
    return "unknown"


def in_dictionary(low: str) -> bool:
    """True when a cased dictionary has exactly this word, in lower case or as a name (no endings taken
    off): "trough" and "wich" are words of their own, "recieve" is not."""
    lower, names = _entries()
    return _in(lower, low) or _in(names, low)


def lower_case_word(low: str) -> bool:
    """True when a cased dictionary writes exactly this word in lower case (no endings taken off, no two
    words joined): "target" and "host" are, "barclays" is not."""
    lower, _ = _entries()
    return _in(lower, low)


def ordinary_word(low: str) -> bool:
    """True when English writes this word in lower case ("mosaic", "diagnostics", "camping", "website")."""
    return _kind(low) == "ordinary"


def known_name(low: str) -> bool:
    """True when a cased dictionary writes this word (or it with an ending taken off) as a name: "americans"."""
    return _kind(low) == "name"


def name_like(low: str, zipf: float) -> bool:
    """A word to capitalize when a term list does: a known name, or a rare word no dictionary has ("danaher")."""
    kind = _kind(low)
    return kind == "name" or (kind == "unknown" and zipf < COMMON_ZIPF)
