"""The names and firms a transcript's speaker labels write, as a term list for its speech.

A transcriber types a label once and with care, and the speech around it in a hurry: "Bob Smith -
Example Securities" above "...comes from Bob Smith with Example Securites". Where the speech writes a
label's name another way, the label's spelling is the one to restore, with every guard the lexicon
pass puts on a user's term list, and one more: a label never turns a spelling English knows better
into its own (a label's "Morgan Stanly" is the slip, not the speech's "Morgan Stanley").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .dictionaries import WORD_RE, TermEntry
from .lexicon import Lexicon, zipf
from .model import Transcript
from .wordcase import lower_case_word, ordinary_word

SOURCE = "speaker labels"
KNOWN = 3.0  # Zipf: a spelling English writes this often (once per million words) is no slip of a label
# a title before a name says nothing of its spelling, and the speech often leaves it out
_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+")


def label_names(t: Transcript) -> tuple[str, ...]:
    """Each person and firm the labels name, once, in the order they come. Left out: a label written all
    in capitals (which letters, not which are capitals), one numbered or lettered ("Speaker 1",
    "Analyst A"), and a single everyday word ("Operator", "Host"), which names nobody. A firm's one word
    after a name is a name by its place, unless English writes that very word in lower case ("Host",
    "Target"): "Barclays" is kept, though the word lists read it as "bar" and "clays"."""
    names: dict[str, None] = {}
    for turn in t.turns:
        for name, is_firm in ((turn.speaker, False), (turn.firm, True)):
            name = _TITLE.sub("", (name or "").strip())
            words = WORD_RE.findall(name)
            if not words or name.upper() == name or any(len(w) == 1 or w.isdigit() for w in words):
                continue
            low = words[0].lower()
            if len(words) > 1 or not (lower_case_word(low) if is_firm else ordinary_word(low)):
                names.setdefault(name, None)
    return tuple(names)


@lru_cache(maxsize=4)  # the rounds of one document ask again with the same labels
def label_lexicon(names: tuple[str, ...]) -> Lexicon | None:
    if not names:
        return None
    return Lexicon([TermEntry(name, n) for n, name in enumerate(names, 1)], SOURCE)


def better_known(before: str, after: str) -> bool:
    """False when the label's word is a spelling English hardly knows and the speech's is one it knows
    better: the label is then the slip ("Stanley" for a label's "Stanly", "Deutsche" for its "Deutch").
    A label's well-known spelling stands ("Maria" for the speech's "Mary", "Jon" for "John")."""
    old, new = WORD_RE.findall(before), WORD_RE.findall(after)
    if len(old) != len(new):
        return True  # words joined or split ("JP Morgan" for a label's "JPMorgan"): the lexicon's own guards judge those
    return all(zipf(n.lower()) >= min(zipf(o.lower()), KNOWN) for o, n in zip(old, new, strict=True) if o.lower() != n.lower())


def rare_both(before: str, after: str) -> bool:
    """Every word the label would change is one English hardly knows, as the label's own is: two
    spellings of a rare name ("Halverson", "Halvorsen"), where the words' frequencies say nothing."""
    old, new = WORD_RE.findall(before), WORD_RE.findall(after)
    changed = [o for o, n in zip(old, new, strict=False) if o.lower() != n.lower()]
    return len(old) == len(new) and bool(changed) and all(zipf(o.lower()) < KNOWN for o in changed)
