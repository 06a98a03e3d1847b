"""How the numbers inside a term are said, so that "cas nine" finds Cas9 and "covid nineteen" COVID-19.

A recognizer writes what it hears: a term with digits in it often comes out with the number in words.
Each run of digits gets the few ways people say it (whole, in pairs like a year or a model number, digit
by digit), and each way gives the term another join key (see ``lexicon.join_key``).
"""

from __future__ import annotations

import itertools
import re

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_DIGITS = re.compile(r"\d+")
NUMBER_WORDS = frozenset([*_ONES, *_TENS[2:], "hundred", "thousand", "oh"])
# the numbers that, said twice, make a year or a time ("twenty twenty", "ten ten")
PAIRED_NUMBERS = frozenset([*_ONES[10:], *_TENS[2:]])
MAX_VARIANTS = 8  # per term: a list of part numbers must not blow up the index


def _below_hundred(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + ("" if ones == 0 else " " + _ONES[ones])


def _pair(n: int) -> str:
    """A two-digit group as said inside a year or model number: 7 is "oh seven", 20 is "twenty"."""
    return ("oh " + _ONES[n]) if n < 10 else _below_hundred(n)


def number_said(digits: str) -> list[str]:
    """The ways a run of digits is said, most usual first; empty for runs too long to be said as words."""
    if len(digits) > 4 or (len(digits) > 1 and digits[0] == "0"):
        return [" ".join(_ONES[int(d)] for d in digits)] if len(digits) <= 4 else []
    n = int(digits)
    said: list[str] = []
    if n < 100:
        said.append(_below_hundred(n))
    elif n < 1000:
        hundreds, rest = divmod(n, 100)
        said.append(f"{_ONES[hundreds]} hundred" + (f" {_below_hundred(rest)}" if rest else ""))
        if rest:
            said.append(f"{_ONES[hundreds]} {_pair(rest)}")  # "seven thirty seven"
    else:
        high, low = divmod(n, 100)
        if low == 0 and high % 10 == 0:
            said.append(f"{_ONES[high // 10]} thousand")
        else:
            said.append(f"{_below_hundred(high)} {_pair(low) if low else 'hundred'}")  # "twenty twenty", "nineteen oh five"
        if 2000 <= n < 2010:
            said.append("two thousand" + (f" {_ONES[n - 2000]}" if n > 2000 else ""))
    if len(digits) > 2:
        said.append(" ".join(_ONES[int(d)] for d in digits))  # "seven three seven"
    return list(dict.fromkeys(said))


def term_said(text: str) -> list[str]:
    """The term with each run of digits in words, one string per way of saying it (none without digits).
    Letters are kept as written; the caller makes join keys of them."""
    runs = _DIGITS.findall(text)
    if not runs:
        return []
    choices = [number_said(r) for r in runs]
    if not all(choices):
        return []
    pieces = _DIGITS.split(text)
    out = []
    for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS):
        said = pieces[0]
        for words, piece in zip(combo, pieces[1:], strict=True):
            said += f" {words} {piece}"
        out.append(" ".join(said.split()))
    return out
