"""Stable suggestion ids: the same fix gets the same id on every run.

An id hashes the pass, the rule, the speaker turn's key, the text matched,
the replacement and which occurrence of that text it is within the turn --
never an absolute offset -- so editing another part of the file leaves it
unchanged and a reviewer is never asked the same question twice.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace

from .model import Suggestion, Transcript


def turn_key_at(t: Transcript, offset: int) -> str:
    block = t.block_at(offset)
    return t.turn_key(block.turn) if block is not None else "preamble"


def suggestion_id(pass_id: str, rule_id: str, turn_key: str, before: str, after: str, occurrence: int) -> str:
    raw = "\x1f".join((pass_id, rule_id, turn_key, before, after, str(occurrence)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]


def assign_ids(t: Transcript, suggestions: list[Suggestion], taken: frozenset[str] | set[str] = frozenset()) -> list[Suggestion]:
    """Number each suggestion among those alike in its turn. An id in ``taken`` (a change an earlier round of
    this clean applied) is skipped: the third "Grails" -> "GRAILs" applied in round one leaves the fourth as
    the fourth in round two, not the third, whose decision it would otherwise take over."""
    seen: Counter[tuple[str, ...]] = Counter()
    out = []
    for s in sorted(suggestions, key=lambda s: (s.span.start, s.span.end, s.pass_id, s.rule_id)):
        key = (s.pass_id, s.rule_id, turn_key_at(t, s.span.start), s.before, s.after)
        n = seen[key] + 1
        while (i := suggestion_id(*key, n)) in taken:
            n += 1
        seen[key] = n
        out.append(replace(s, id=i))
    return out
