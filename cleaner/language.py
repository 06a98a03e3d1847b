"""Whether a transcript is written in another language than English.

cleaner's rules, word lists and readability formulas are English's: a Spanish call cleaned as English
gets English capitals and apostrophes where Spanish has none, and pages marked ``en-US``. This says so,
and names the language (``--lang`` then marks the pages). English text answers at once, from the
English word table already loaded; only a text most of whose words English does not know is looked
up in other languages' word lists (wordfreq's, a tenth of a second each).
"""

from __future__ import annotations

import re

from .frequency import zipf

_WORD = re.compile(r"[^\W\d_]{2,}")
_SAMPLE = 3000  # words: enough to tell one language from another, cheap on a long transcript
_MIN_WORDS = 30  # fewer say too little
_KNOWN = 2.5  # a word a language "knows": at least this often in it (zipf)
_ENGLISH = 0.75  # this share of words English knows or more: English, nothing more asked
_OTHER = 0.75  # another language must know this share, and this much more than English does
_MARGIN = 0.25
LANGUAGES = {"es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}


def other_language(text: str) -> str | None:
    """The code of the language the text is written in ("es"), where it is clearly not English; else None."""
    words = [w.lower() for w in _WORD.findall(text, 0, 200_000)[:_SAMPLE]]
    if len(words) < _MIN_WORDS:
        return None
    english = sum(zipf(w) >= _KNOWN for w in words) / len(words)
    if english >= _ENGLISH:
        return None
    import wordfreq

    shares = {code: sum(wordfreq.zipf_frequency(w, code) >= _KNOWN for w in words) / len(words) for code in LANGUAGES}
    code, share = max(shares.items(), key=lambda kv: kv[1])
    return code if share >= _OTHER and share - english >= _MARGIN else None
