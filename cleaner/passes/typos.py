"""Common typing mistakes in a transcript a person typed ("recieve", "goverment", "definately").

The list is codespell's (see ``cleaner/typos.py``). A transcript is not source code: it is full of
names and of acronyms a recognizer writes in lower case ("tne" for T&E, "sgna" for SG&A). Only a
word no dictionary has, that no listed term could be, whose correction is far more common than
itself, is offered at all; nothing is changed without a person unless ``typos: fix``
(``--typos fix``), for transcripts a person typed. Then a lower-case word of five letters or more
with a single correction is fixed. On speech recognition output that would be wrong a third of the
time: the recognizer's own odd spellings are misheard words ("hygene" for hydrogen, "humber" for
the Humber), not slips of a finger.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Applicability, Edit, Span, Transcript
from ..typos import corrections
from . import PassContext, PassResult, alone, in_capitals, sentence_start, suggest

SCOPE = "block"  # each result depends only on its own block: see cleaner/replay.py
PASS_ID = "typos"
SURE_LENGTH = 5  # shorter misspellings ("teh", "tne") are too often an acronym or a word cut short
# a run of letters that may be a word (lower case, capitalized, or in capitals where the text is
# written so, as a broadcast's captions are): found fast, judged after
_CANDIDATE = re.compile(r"[A-Za-z](?:[a-z]{2,}|[A-Z]{2,})")


def _write_like(fix: str, source: str) -> str:
    return fix[:1].upper() + fix[1:] if source[:1].isupper() else fix


# the words up to a clause's end after a demonstrative: a plural noun among the next three ("thes closures",
# "thes forward looking statements") makes "these" the likelier fix than "this"
_NEXT_WORDS = re.compile(r"(?:[ \t]+[A-Za-z'-]+){1,3}")
_NOT_PLURAL = frozenset(["is", "was", "has", "does", "its", "this", "us", "as", "thus", "plus", "always", "perhaps"])
_PLURAL_OF = {"this": "these", "that": "those"}
# a short word right after one of these is a noun, an acronym a recognizer wrote small ("an hsa", "the etf"),
# never the verb or little word its letters are one slip from ("has", "the")
_OPENS_A_NOUN = re.compile(r"(?<![\w'’])(?:a|an|the|your|my|our|their|his|her|its)[ \t]+$", re.IGNORECASE)
SHORT = 4  # letters: a word this short after an article is judged as above


def _plural_first(fixes: tuple[str, ...], text: str, end: int) -> tuple[str, ...]:
    """The fixes with "these" (or "those") first where a plural noun follows, "this" first otherwise."""
    plural = _PLURAL_OF.get(fixes[0]) if fixes else None
    if plural is None or plural not in fixes:
        return fixes
    m = _NEXT_WORDS.match(text, end)
    words = m.group().split() if m else []
    if any(w.lower().endswith("s") and not w.lower().endswith("ss") and w.lower() not in _NOT_PLURAL for w in words):
        return (plural, *(f for f in fixes if f != plural))
    return fixes


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    if not ctx.english:
        return result  # the list is of English misspellings: German's "Juni" and Spanish "potencial" are words
    # most transcripts hold none or a few of the misspellings: find which, then look only for those
    paragraphs = [b.span for b in t.paragraphs()]
    words: set[str] = set()
    for span in paragraphs:  # a paragraph at a time: the whole text's word list would cost MBs at its peak
        words.update(_CANDIDATE.findall(t.text, span.start, span.end))
    found = {w for w in words if corrections(w.lower())}
    if not found:
        return result
    # each found word searched for as a literal, which is fast, rather than one pattern tried everywhere
    text = t.text
    hits = sorted(
        (m for w in found for m in re.finditer(re.escape(w), text) if alone(text, m.start(), m.end())),
        key=lambda m: m.start(),
    )
    lex = ctx.lexicon
    starts = [span.start for span in paragraphs]
    for m in hits:
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or m.end() > paragraphs[i].end:
            continue  # not inside a paragraph (a speaker label, a heading)
        word = m.group()
        low = word.lower()
        fixes = corrections(low)
        if not fixes:
            continue  # no known misspelling worth asking about (see cleaner/typos.py)
        if len(word) <= SHORT and _OPENS_A_NOUN.search(text, max(0, m.start() - 8), m.start()):
            continue  # "an hsa": an acronym where a noun goes, not "has" mistyped
        fixes = _plural_first(fixes, text, m.end())
        if word.isupper():
            if not in_capitals(t, Span(m.start(), m.end())):
                continue  # an acronym ("TEH" may be a company's)
            word = low  # a word of text written in capitals: judged as the word, written in capitals again
        capital = word[:1].isupper()
        if capital and not sentence_start(t.text, m.start()) and not fixes[0][:1].isupper():
            continue  # a capital inside a sentence: a name ("Humber", "Verifi"), unless the fix is one ("Cincinatti")
        if lex is not None and (low in lex.by_lower or word in lex.exact or not lex.quiet(word)):
            continue  # the user's own term, or one the term-list rules judge
        sure = ctx.options.get("typos") == "fix" and len(fixes) == 1 and len(low) >= SURE_LENGTH and not capital
        others = f"; or {', '.join(fixes[1:])}" if len(fixes) > 1 else ""
        result.suggestions.append(
            suggest(
                t,
                PASS_ID,
                "common-misspelling" if sure else "common-misspelling-review",
                [Edit(Span(m.start(), m.end()), _write_like(fixes[0], word))],
                Applicability.AUTO if sure else Applicability.REVIEW,
                f"'{m.group()}' is a common misspelling of '{fixes[0]}'{others}",
                confidence=0.9 if sure else 0.5,
                evidence={"source": "codespell dictionary", "corrections": list(fixes)},
                alternatives=tuple(_write_like(f, word) for f in fixes[1:4]),
                priority=40,
            )
        )
    return result
