"""A compact many-to-many index from strings to word numbers, for large term lists.

A dict of delete-variants to word tuples costs about 200 bytes an entry, some
100 MB for 50,000 terms. Here each entry is one 64-bit integer in a sorted
array -- the key's CRC-32 in the high half, the word's number in the low half --
so the same index takes a few megabytes and unpickles in milliseconds. A CRC
collision can only add a candidate, which the caller's edit-distance check then
drops; it never hides one.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from zlib import crc32


def crc(key: str) -> int:
    """The 32-bit hash every compact table here is keyed by (stable across runs, unlike ``hash``)."""
    return crc32(key.encode("utf-8"))


def position(entries: array, value: int) -> int:
    """Where ``value`` is in a sorted array, or -1."""
    i = bisect_left(entries, value)
    return i if i < len(entries) and entries[i] == value else -1


def entry(key: str, value: int) -> int:
    """One index entry: build a list of these and hand it to ``HashIndex``."""
    return (crc(key) << 32) | value


class HashIndex:
    def __init__(self, entries: list[int]) -> None:
        entries.sort()
        self._entries = array("Q", entries)

    def get(self, key: str) -> list[int]:
        """The word numbers stored under ``key`` (and, rarely, under a key with the same hash)."""
        h = crc(key) << 32
        entries = self._entries
        i = bisect_left(entries, h)
        out = []
        while i < len(entries) and entries[i] >> 32 == h >> 32:
            out.append(entries[i] & 0xFFFFFFFF)
            i += 1
        return out

    def __len__(self) -> int:
        return len(self._entries)
