"""Common misspellings a person makes typing a transcript ("recieve", "goverment"), from codespell's list.

codespell's ``dictionary.txt`` (CC BY-SA 3.0, derived from English Wikipedia) maps about 65,000
misspellings to their corrections. It is read once and cached on disk; the typos pass decides which
of its entries are safe in a transcript, where names and lower-case acronyms abound.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import codespell_lib

from .cache import cached

SOURCE = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"


def _build() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("->")
        if not right or not wrong.isalpha():
            continue  # "pre-emptive", "2nd": hyphens and digits are house style, not typing
        table[wrong] = tuple(f.strip() for f in right.split(",") if f.strip())  # "a, b," lists several
    return table


@cache
def table() -> dict[str, tuple[str, ...]]:
    """Misspelling (lower case) -> its corrections, most likely first."""
    return cached("typos", [SOURCE], _build)
