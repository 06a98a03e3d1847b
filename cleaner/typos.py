"""Common misspellings a person makes typing a transcript ("recieve", "goverment"), from codespell's list.

codespell's ``dictionary.txt`` (CC BY-SA 3.0, derived from English Wikipedia) maps about 65,000
misspellings to their corrections. Only the entries that can matter in a transcript are kept: a
spelling no dictionary has as a word of its own ("trough" is one), whose correction is far more
common than itself, and that is no grammar a speaker used ("equipments") nor speech written as said
("nothin"). They are packed into one
string and a sorted array of hashes (about 2 MB, where a dict of tuples took 17), built once and
cached on disk.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from functools import cache
from pathlib import Path

import codespell_lib

from .cache import cached
from .frequency import zipf
from .hashindex import crc
from .wordcase import in_dictionary

SOURCE = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
MORE_COMMON = 1.0  # Zipf: the correction must be ten times as common as the misspelling
_GRAMMAR_ENDINGS = ("s", "es", "d", "ed")


class Misspellings:
    """Misspelling (lower case) -> its corrections, most likely first."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        lines: list[str] = []
        keyed: list[int] = []
        offset = 0
        for wrong, fixes in pairs:
            line = f"{wrong}\t{fixes}\n"
            keyed.append((crc(wrong) << 32) | offset)
            lines.append(line)
            offset += len(line)
        self._text = "".join(lines)
        self._keys = array("Q", sorted(keyed))

    def get(self, word: str) -> tuple[str, ...]:
        h = crc(word)
        keys, text = self._keys, self._text
        i = bisect_left(keys, h << 32)
        while i < len(keys) and keys[i] >> 32 == h:
            start = keys[i] & 0xFFFFFFFF
            wrong, _, fixes = text[start : text.index("\n", start)].partition("\t")
            if wrong == word:
                return tuple(fixes.split(","))
            i += 1
        return ()

    def __len__(self) -> int:
        return len(self._keys)


def _zipf(word: str) -> float:
    """How common a plain word is ("doesn't" read as "doesnt"): never one wordfreq must load its whole list for."""
    plain = word.split()[0].replace("'", "")
    return zipf(plain) if plain.isascii() and plain.isalpha() else 0.0


def _worth_keeping(wrong: str, fixes: list[str]) -> bool:
    if not (wrong.isascii() and wrong.isalpha()) or in_dictionary(wrong):
        return False  # "pre-emptive", "2nd" are house style; "trough", "calender" are words of their own
    if any(wrong == f + end for f in fixes for end in _GRAMMAR_ENDINGS):
        return False  # "equipments": grammar a speaker used, which a verbatim transcript keeps
    if fixes[0] == wrong + "g":
        return False  # "gettin", "nothin": how the speaker said it, written on purpose
    return _zipf(fixes[0]) >= _zipf(wrong) + MORE_COMMON  # else no evidence of a slip


def _build() -> Misspellings:
    pairs = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("->")
        fixes = [f.strip() for f in right.split(",") if f.strip()]  # "a, b," lists several
        wrong = wrong.lower()  # "Britian->Britain": looked up in lower case, as every word is
        if fixes and _worth_keeping(wrong, fixes):
            pairs.append((wrong, ",".join(fixes)))
    return Misspellings(pairs)


@cache
def table() -> Misspellings:
    return cached("typos", [SOURCE], _build)


def corrections(word: str) -> tuple[str, ...]:
    """The corrections of a lower-case word, or () (the pass asks once per distinct word of a transcript)."""
    return table().get(word)
