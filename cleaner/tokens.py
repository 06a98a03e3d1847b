"""The words of a transcript as the term-list rules read them.

Each word is split into its base and a possessive "'s" ("Danaher's" is "Danaher" + "'s"), and
words that cannot be a misheard term are left out: those of a web or mail address
("corporate.monro.com") and a word the speaker broke off ("Logist- uh").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# a dot or "@" between letters: part of a web or mail address, a file name ("www.danaher.com")
# (each pattern starts at its literal character: scanning for a class at every position is ten times slower)
ADDRESS = re.compile(r"[.@](?<=[^\W\d_][.@])(?=[^\W\d_])")  # letters: "3.5" is a number
_NON_SPACE = re.compile(r"\S*")


# in a run of non-spaces, what code, a chat or a shell writes and prose does not: a handle or a hashtag
# ("@ceo", "#june-launch"), a path or a variable ("/usr/share", "$HOME", "~/docs"), a command-line flag
# ("--gpu", "-v"), an assignment, inline code or a glob ('device="gpu"', "`june`", "*.pdf"), a URL of
# any scheme ("gs://paris-logs/june", "s3://", "ftp://")
# (each branch starts at its mark, which the engine finds fast: a look-behind first made it try every
# position, 116 ms on 2 MB against 18 ms)
CODE = re.compile(r"[@#$~/\\=`*\-:](?:(?<=[=`\\])|(?<=\*)(?=\.)|(?<=:)(?=//)|(?<=[@#$~/\\])(?<!\S.)|(?<=-)(?<!\S.)-?(?=[^\W\d_]))")


def in_address_or_code(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a web or mail address, or of code written in the text: a dot
    or "@" between letters in the same run of non-spaces, outside the words themselves ("ana@texas.edu",
    "example.com/europe"; not the dots of "S.G. and A", nor "June." at a sentence's end), or a mark of
    code in that run (``CODE``). Words there keep their letters."""
    left, right = start, end
    while left > max(0, start - 100) and not text[left - 1].isspace():
        left -= 1
    while right < min(len(text), end + 100) and not text[right].isspace():
        right += 1
    return (
        ADDRESS.search(text, left, start + 1) is not None
        or ADDRESS.search(text, max(start, end - 1), right) is not None
        or CODE.search(text, left, right) is not None
    )


# a hyphen right after a word and no word after it: the speaker stopped mid-word ("Logist- uh")
_BROKEN_OFF = re.compile(r"-(?<=[^\W_]-)(?![^\W_])")


class Token:
    """A word of the text: ``base`` without a possessive ending, ``end`` is where the base ends."""

    __slots__ = ("base", "end", "low", "start", "suffix")

    def __init__(self, base: str, suffix: str, start: int, end: int) -> None:
        self.base, self.suffix, self.start, self.end = base, suffix, start, end
        self.low = base.lower()


# a word (as WORD_RE reads it) split into its base and a possessive "'s": one regex match per word
_TOKEN = re.compile(r"([^\W_]+(?:['’][^\W_]+)*?)((?:['’]s)?)(?![^\W_]|['’][^\W_])")


def words(text: str, start: int, end: int) -> list[Token]:
    """Every word of ``text[start:end]``, as WORD_RE reads them."""
    return [Token(m[1], m[2], m.start(), m.end(1)) for m in _TOKEN.finditer(text, start, end)]


class Fences:
    """Where in a text words are not to be judged: the runs holding a web or mail address
    ("corporate.monro.com") or code (``CODE``: "@datadog", "--kubernetes"), and the ends of words
    the speaker broke off ("Logist- uh"), whose letters are no misspelling. Found once per text;
    most paragraphs have neither."""

    def __init__(self, text: str) -> None:
        self.addresses: list[tuple[int, int]] = []
        marks = sorted(m.start() for pattern in (ADDRESS, CODE) for m in pattern.finditer(text))
        for at in marks:
            if self.addresses and at < self.addresses[-1][1]:
                continue  # the same run as the last one
            left = at
            while left > 0 and not text[left - 1].isspace():
                left -= 1
            self.addresses.append((left, _NON_SPACE.match(text, at).end()))
        self.broken = [m.start() for m in _BROKEN_OFF.finditer(text)]

    def tokens(self, text: str, start: int, end: int) -> list[Token]:
        """The words of ``text[start:end]`` a term could stand for."""
        found = words(text, start, end)
        fenced: list[tuple[int, int]] = []
        if self.addresses:
            first = max(0, bisect_right(self.addresses, (start, -1)) - 1)  # a run may begin before the paragraph
            fenced = [(a, b) for a, b in self.addresses[first : bisect_left(self.addresses, (end, -1))] if b > start]
        broken = set(self.broken[bisect_left(self.broken, start) : bisect_left(self.broken, end)]) if self.broken else ()
        if not fenced and not broken:
            return found
        starts = [a for a, _ in fenced]

        def in_fence(at: int) -> bool:  # the runs are sorted and apart: one look-up, not a scan per word
            i = bisect_right(starts, at) - 1
            return i >= 0 and at < fenced[i][1]

        return [tok for tok in found if not in_fence(tok.start) and tok.end + len(tok.suffix) not in broken]


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The words of ``text[start:end]`` a term could stand for (finding the fences of the whole text)."""
    return Fences(text).tokens(text, start, end)
