"""How common an English word is, on wordfreq's Zipf scale, from a compact table.

wordfreq keeps its 321,000 English words in a dict of about 33 MB, a sixth of a
small run's memory. The guards only ever ask about single words, so the table is
kept as sorted 64-bit hashes with the Zipf value in hundredths beside them (3 MB),
built once from wordfreq's own data and cached on disk. Latin letters with accents
are in it too (wordfreq's 3,400 words such as "andré"): one accented name in a
transcript would otherwise load the whole dict. A word the table cannot answer
exactly (one with digits or other scripts, which wordfreq tokenizes its own way,
or an unknown apostrophe, which it splits) is passed to wordfreq itself, which then
loads its dict. A test checks both agree.
"""

from __future__ import annotations

import math
import unicodedata
from array import array
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from zlib import adler32, crc32

from .cache import cached
from .hashindex import position


def _wordfreq() -> ModuleType:
    """wordfreq, imported when first needed: importing it (ftfy, langcodes, its tokenizer) took a third of
    start-up, and a run whose table is cached never asks it anything."""
    import wordfreq

    return wordfreq


def _latin(char: str) -> bool:
    return char < "\u0250"  # Basic Latin to Latin Extended-B: wordfreq keeps these words whole


def _simple(word: str) -> bool:
    """A lower-case word of Latin letters, apostrophes inside allowed: wordfreq looks these up as they are."""
    return (
        word.islower()
        and word.replace("'", "").isalpha()
        and word[0] != "'"
        and word[-1] != "'"
        and (word.isascii() or all(map(_latin, word)))
    )


def _folded(word: str) -> str:
    """What wordfreq looks up for English: NFC, then case folded (the same as lower() for ASCII)."""
    return word.lower() if word.isascii() else unicodedata.normalize("NFC", word).casefold()


def _key(word: str) -> int:
    raw = word.encode()
    return (crc32(raw) << 32) | adler32(raw)


def _zipf_of(freq: float) -> float:
    """wordfreq's own rounding: the frequency to three significant digits, the Zipf value to two decimals."""
    return round(math.log(round(freq, math.floor(-math.log(freq, 10)) + 3), 10) + 9, 2)


def _build() -> tuple[array, array]:
    wordfreq = _wordfreq()
    words = wordfreq.get_frequency_dict("en", "best")
    pairs = sorted((_key(w), round(_zipf_of(f) * 100)) for w, f in words.items() if _simple(w) and f > 0)
    # wordfreq keeps its list and dict for good once read (an unbounded lru_cache): let them go
    del words
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    return array("Q", (k for k, _ in pairs)), array("H", (z for _, z in pairs))


@lru_cache(maxsize=1)
def _table() -> tuple[array, array]:
    spec = find_spec("wordfreq")  # where its data is, without importing it
    assert spec is not None and spec.origin is not None, "wordfreq is a dependency"
    data = Path(spec.origin).parent / "data" / "large_en.msgpack.gz"
    return cached("frequency", [data], _build)


@lru_cache(maxsize=1 << 13)
def zipf(word: str) -> float:
    """wordfreq.zipf_frequency(word, "en"): 3 is once per million words, 0 never seen. Cached: the
    passes ask about the same words again and again (a tenth of all cleaning time before it was)."""
    low = _folded(word)
    if not (low and _simple(low)):
        return _wordfreq().zipf_frequency(word, "en")
    keys, values = _table()
    i = position(keys, _key(low))
    if i >= 0:
        return values[i] / 100
    # wordfreq splits an apostrophe it does not know ("o'hearn" is "o" and "hearn"): ask it
    return _wordfreq().zipf_frequency(word, "en") if "'" in low else 0.0
