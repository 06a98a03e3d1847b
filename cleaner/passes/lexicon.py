"""Restore terms from the user's term list: misspellings, lost capitals, split words, spelled-out acronyms.
The names and firms of the speaker labels are restored in the speech the same way (label_terms.py).

Precision guards, in order of strength:

* a word already written as the term list writes it is never touched;
* an ordinary English word (by word frequency) is never turned into a term on
  spelling alone: at most a ``review`` suggestion, and only when it also sounds
  like the term;
* ``auto`` needs a rare word that is close in spelling *and* in sound to
  exactly one term, or a multi-word term matched as a whole around a
  distinctive word, or evidence in the document itself (the term spelled right
  elsewhere).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from .. import frequency, label_terms
from ..dictionaries import WORD_RE
from ..label_terms import better_known, label_lexicon, label_names, rare_both
from ..lexicon import (
    Candidate,
    Lexicon,
    Term,
    bare,
    join_key,
    max_distance,
    phonetic,
    sound_keys_agree,
    sounds_alike,
    without_accents,
    zipf,
)
from ..model import Applicability, BlockKind, Edit, Span, Suggestion, Transcript
from ..spoken import NUMBER_WORDS
from ..tokens import Fences, Token
from ..wordcase import in_dictionary, known_name, name_like, ordinary_word
from . import PassContext, PassResult, sentence_start, suggest, written_in_capitals

PASS_ID = "lexicon"
PHRASE_TOPIC = 5  # a term of two everyday words said this often is what the transcript is about...
PHRASE_WORD = 4.5  # ...where one of them is less common than this (Zipf): "contract logistics", not "new home"
LONG_SPLIT_TERM = 10  # letters of a term heard in three pieces or more that may hold a little word ("spiro no lactone")
COMMON = 3.5  # Zipf frequency at or above which a word is ordinary English (about 3 per million words)
RARE = 2.9  # below this a word is rare enough that a close, sound-alike term may replace it without asking
SLIP_MIN = 9  # letters: a word no dictionary knows, this long and one letter from one term alone, is that term mistyped
WHOLE_TERM_WORDS = 3  # a multi-word term this long, matched whole, is the term whatever its words
ACRONYM_TOPIC = 3  # an everyday word said this often is taken for the listed acronym it also spells (GRAIL)
FOREIGN_ZIPF = 1.5  # below this a word is unknown to English
FOREIGN_SHARE = 0.25  # more unknown words than this: the transcript is in another language
FOREIGN_MIN_WORDS = 30  # too few words to tell
NO_WORD = 2.0  # below this a spelling is no word English uses (a name at most)
RARE_WORD_AND = 2.5  # below this "gna" or "pnl" is no word English uses, only letters run together
COMMON_WORD_AND = 4.0  # at or above this ("DNA") letters run together are not even asked about
NEVER = 4.5  # a word this common is never even suggested on spelling alone
PAIR_RARE = 4.0  # two words heard for one name hold one rarer than this ("torch" of "Pie torch"; not "came in")
PLURAL_SEEN = 3.0  # Zipf: a term with an "s" this common is a plural English uses ("iPhones"), not a lost apostrophe
CAPITALIZED_ONCE = 4.0  # Zipf: a rarer word the transcript capitalizes inside a sentence even once is the listed name there
FUNCTION_WORD = 5.5  # "it", "us", "will", "may": in lower case the word itself, not a list's IT, US, Will, May
MEMO_PARAGRAPHS = 20_000  # verdicts kept for replay: enough for the rounds of a long transcript, bounded in memory
SURNAME_SHARED = 60  # a name after a listed first name this near its surname (letters, or both sound keys) is asked about
# words that follow a person's name where people are introduced ("Aaron Watts with Deutsche Bank");
# not "of" or "at", which follow everyday words too often ("more of that")
_INTRODUCING = frozenset({"with", "from", "vice", "president", "chief", "executive", "senior", "director", "head", "analyst"})
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
# one word with an apostrophe, hyphen or dot inside ("O'Brien", "Rolls-Royce"); not "M&A", whose letters spell "manda"
_PUNCTUATED_WORD = re.compile(r"\w+(?:['’.\-]\w+)+'?s?")
# a title that only ever stands before a surname ("Mr. price" is Mr. Price)
_HONORIFIC_BEFORE = re.compile(r"(?:^|[^\w.])(?:Mr|Mrs|Ms|Dr|Prof)\.? $")
# a capital not after . ? ! or : (which ends a speaker label); the space first: a look-behind at every position is slow
_MID_SENTENCE_CAPITAL = re.compile(r" (?<=[\w,;] )([A-Z][^\W_]*)")
# short function words: two of them side by side ("as a") are never a split term
_MIXED_ACRONYM = re.compile(r"[A-Z]+[a-z]+[A-Z]+")  # an acronym with small letters inside: IgG, SaaS, PoC
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "do",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "up",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "you",
        "your",
    ]
)
_NOT_NAME_PARTS = _FUNCTION_WORDS | {"uh", "um", "er", "ah", "oh", "yeah", "okay"}  # never half of a name heard as two words
# two capitalized words, the second read ahead so that "A B C" yields both pairs
# (both start at a capital and look behind it after: a look-behind or \b first is tried at every position)
_CAPITAL_PAIR = re.compile(r"([A-Z](?<![\w'’][A-Z])[a-z]+) (?=([A-Z][a-z]+)(?![\w'’]))")
# a capitalized word the recognizer took for a name after a lower-case one ("cooper Nettie's" for
# Kubernetes): found at its space, which the regex engine looks for at memchr speed
_NAME_AFTER_WORD = re.compile(r" ([A-Z][a-z]{2,})(?:['’]s)?(?![\w'’])")
HALF_PAIR_MIN = 9  # letters of a name heard as a word and a capitalized one: a shorter one sounds like too much
_SPELLED_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])(?:\.\s?|\s)(?:[A-Z](?:\.\s?|\s)){0,6}[A-Z]\b\.?")
# what follows a sentence's full stop: a line's end, or a capital
_SENTENCE_NEXT = re.compile(r"[ \t]*(?:\n|$)|[ \t]+[\"“‘(]?[A-Z]")
# the same in a transcript written in lower case ("an m r a like"), letters one space apart
_SPELLED_LOWER = re.compile(r"\b[a-z](?: [a-z]){2,6}\b")
_LETTER_BRAND = re.compile(r"[a-z][A-Z][a-z]{2,}\w*")  # eTouch, iPad, eBay
_SEPARATOR = re.compile(r"[ \t]+|[ \t]*-[ \t]*")
_JOIN_SEPARATOR = re.compile(r"[ \t]+|[ \t]*[-&][ \t]*|")


def _cut_short(low: str, word: str) -> bool:
    """True when ``low`` is the start of a longer term word, too far from it for a misspelling: the
    recognizer dropped its end ("next" for "NextEra")."""
    target = word.lower()
    return len(low) >= 4 and len(target) > len(low) and target.startswith(low) and len(target) - len(low) > max_distance(len(word))


def _other_number(low: str, target: str) -> bool:
    """True when one word is the other with a plural ending ("initiative", "initiatives")."""
    short, long = sorted((low, target), key=len)
    if short.endswith(("s", "x", "z", "ch", "sh")):
        return long == short + "es"  # "Postgress" is no plural of "Postgres"
    return long == short + "s"


def _in_number(low: str, word: str) -> str:
    """The term's ``word`` in the number the text uses ("initiative" for a list's "Initiatives")."""
    if not _other_number(low, word.lower()):
        return word
    return word + low[len(word) :] if len(low) > len(word) else word[: len(low)]


def _loses_accent(low: str, target: str) -> bool:
    """True when ``target`` is ``low`` with the accents the text has taken away ("méxico" -> "mexico")."""
    if low.isascii():
        return False
    plain = without_accents(low)
    return plain != low and plain == without_accents(target)


def _text_case(replacement: str, source: str) -> str:
    """A term from a list written in capitals, written with the text's own capitals wherever the text has
    the same letters: a word ("Bed Bath Beyond" -> "Bed Bath & Beyond"), or capitalized words run together
    ("JP Morgan" -> "JPMorgan"); elsewhere the list's guessed capitals stay ("next era" -> "Nextera")."""
    words = WORD_RE.findall(source)
    by_lower = {w.lower(): w for w in words}
    runs: dict[str, str] = {}
    for i in range(len(words)):
        for j in range(i + 2, min(i + 4, len(words)) + 1):
            run = words[i:j]
            if any(w[:1].isupper() for w in run):
                runs.setdefault("".join(run).lower(), "".join(run))

    def word(m: re.Match[str]) -> str:
        low = m.group().lower()
        if len(low) < 3:
            return m.group()  # the letters of "M&A" are no word the text has ("m and a")
        return by_lower.get(low) or runs.get(low) or m.group()

    return WORD_RE.sub(word, replacement)


def _spells_capitals(window: list[Token], term: str) -> bool:
    """Three letters or more said one by one that are capitals the term writes together: "g p t four"
    for GPT-4, "chat g p t" for ChatGPT, "s g l t two" for SGLT2 (three letters with "a" or "i" at an
    end may hold that word, as a spelled-out acronym may)."""
    run = best = ""
    for w in window:
        run = run + w.base.upper() if len(w.base) == 1 and w.base.isalpha() else ""
        best = max(best, run, key=len)
    return len(best) >= 3 and best in term and not _word_at_an_end(best)


def _word_at_an_end(letters: str) -> bool:
    """Three letters with "a" or "i" at an end, which may be that word ("the m r a like", "a i a")."""
    return len(letters) == 3 and bool({letters[0], letters[-1]} & {"A", "I"})


def _write_as(form: str, source: str) -> str:
    """Write the term's own spelling; a lower-case term follows the text's capitals."""
    if form.islower() and source[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


class _LineCounts:
    """How often a pattern's matches appear in a text, kept from one round of the fix loop to the next.
    No match crosses a line break, so a new round's counts are the last round's less the lines that went
    and plus the lines that came: a few lines instead of the whole text."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.lines: Counter[str] | None = None
        self.counts: Counter[str] = Counter()

    def of(self, text: str, lines: Counter[str] | None = None) -> Counter[str]:
        """The counts for ``text``; ``lines``: its lines, counted already (another count's, of the same text)."""
        lines = Counter(text.split("\n")) if lines is None else lines
        if self.lines is None:
            self.counts = Counter(self.pattern.findall(text))
        else:
            gone, came = self.lines - lines, lines - self.lines
            self.counts = counts = self.counts.copy()
            for changed, sign in ((gone, -1), (came, 1)):
                for line, n in changed.items():
                    for w in self.pattern.findall(line):
                        counts[w] += sign * n
                        if counts[w] <= 0:
                            del counts[w]
        self.lines = lines
        return self.counts


class DocumentCounts:
    """How often each word of a document appears, and each capitalized word inside a sentence of its
    speech (a speaker label's "van der Berg" is no capital the speech gives "Berg"), round after round."""

    def __init__(self) -> None:
        self.words = _LineCounts(WORD_RE)
        self.capitals = _LineCounts(_MID_SENTENCE_CAPITAL)

    def of(self, t: Transcript) -> tuple[Counter[str], Counter[str]]:
        speech = t.text
        labels = [b.span for b in t.blocks if b.kind is BlockKind.SPEAKER]
        if labels:
            pieces, pos = [], 0
            for span in labels:  # blanked, not cut: every line stays a line
                pieces += (speech[pos : span.start], " " * (span.end - span.start))
                pos = span.end
            speech = "".join(pieces) + speech[pos:]
        words = self.words.of(t.text)
        return words, self.capitals.of(speech, self.words.lines if speech is t.text else None)


# a word's flags for heard_as_words; _PAIR_HOT: rare and part of a term's sound, a word it looks around
_PAIR_WORD, _PAIR_RARE, _PAIR_FIRST, _PAIR_SECOND, _PAIR_HOT = 1, 2, 4, 8, 16
KNOWN_WORD = 2.0  # Zipf: a word this common, never capitalized in a paragraph that capitalizes names, is that word
PARAGRAPH_CAPITALS = 2  # words capitalized inside a paragraph's sentences that show it writes names so
SAID_OFTEN = 3  # times an everyday word is said, never capitalized, for a list's capital on it not to be asked
PAIR_KINDS_KEPT = 200_000  # words whose flags the list keeps across documents (a few MB at most)


def _sounds_long(name: str, key: str) -> bool:
    """A long name one Metaphone edit from ``key``, two words' run-together sound."""
    return len(name) >= HALF_PAIR_MIN - 1 and Levenshtein.distance(phonetic(name)[0], key) <= 1


def _pair_near(joined: str, key: str, name: str, half: bool) -> bool:
    """Two words run together (``joined``, Metaphone ``key``) near enough a listed name in letters: half
    the name's letters apart, or 60% where a word and a name were heard (heard_as_two checks their sound
    after) or the two sound like a long name on Metaphone too ("Cooper Netties" for Kubernetes)."""
    sounds = half or _sounds_long(name, key)
    return Levenshtein.distance(joined, name) <= ((len(name) * 3) // 5 if sounds else max(2, len(name) // 2))


def _pair_kind(low: str, lex: Lexicon) -> int:
    """For heard_as_words, a word's flags: three letters or more, plain letters; of the rarer sort; its
    sound key the start of a one-word term's; the end of one's."""
    if len(low) < 3 or not (low.isascii() and low.isalpha()):
        return 0
    first = lex.sound_parts(_sound_key(low))[0]
    second = lex.sound_parts(_inner_sound_key(low))[1]
    return _PAIR_WORD | (_PAIR_RARE if zipf(low) < PAIR_RARE else 0) | (_PAIR_FIRST if first else 0) | (_PAIR_SECOND if second else 0)


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


@lru_cache(maxsize=2048)  # bounded: a long transcript's every word would cost megabytes at the peak
def _sound_key(low: str) -> str:
    return jellyfish.metaphone(low)


def _inner_sound_key(low: str) -> str:
    """A word's sound key as the second half of a name: Metaphone keeps only a word's first vowel, so
    "ana" of "graph ana" (Grafana) sounds as "N" there, not "AN"."""
    key = _sound_key(low)
    return key[1:] if len(key) > 1 and key[0] in "AEIOU" else key


class _Run:
    """One pass over one transcript: keeps the tokens already claimed by a match."""

    def __init__(self, t: Transcript, lex: Lexicon, speakers: bool = False) -> None:
        self.t = t
        self.lex = lex
        # the terms are the people and firms of this transcript's own speaker labels (label_terms.py)
        self.speakers = speakers
        self.result = PassResult()
        counts = lex.document_counts if isinstance(lex.document_counts, DocumentCounts) else DocumentCounts()
        lex.document_counts = counts
        # how often each word appears, and each capitalized word inside a sentence (not after . ? ! or a line start)
        self.word_counts, self.capitalized_uses = counts.of(t)
        self.deferred: list[tuple[str, list[Edit], str, dict[str, object]]] = []
        # words of speaker labels are names the transcript itself vouches for
        self.speaker_words = {w for turn in t.turns for w in WORD_RE.findall(turn.speaker)}
        # words of the firms in speaker labels ("Carter Driscoll - Capstone Investments"), which vouch for a spelling
        self.firm_words = {w for turn in t.turns for w in WORD_RE.findall(turn.firm or "")}
        # every look-up of those document-wide facts while judging a paragraph, so a later round can
        # reuse the verdict on an unchanged paragraph after checking the facts it rested on
        self.deps: list[tuple[str, str, object]] | None = None
        self.memo = lex.paragraph_memo
        self.fences = Fences(t.text)
        self.paragraph = (0, 0)  # the paragraph being judged, and whether it writes names with capitals
        self.paragraph_capitals: bool | None = None
        self.lowered: str | None = None  # the text in lower case, made the first time a phrase is counted
        self.phrases: dict[str, int] = {}
        # whether a term has two words' sound keys run together: bounded, as _sound_key is
        self.pair_sounds = lru_cache(maxsize=2048)(lex.sounds_like_key)

    def fact(self, kind: str, key: str) -> object:
        """A document-wide fact ("uses", "word", "count", "phrase", "speaker", "firm"), recorded as a
        dependency of the current paragraph."""
        value = self._lookup(kind, key)
        if self.deps is not None:
            self.deps.append((kind, key, value))
        return value

    def _lookup(self, kind: str, key: str) -> object:
        if kind == "uses":
            return self.capitalized_uses.get(key, 0)
        if kind == "word":
            return key in self.word_counts
        if kind == "count":
            return self.word_counts.get(key, 0)
        if kind == "firm":
            return key in self.firm_words
        if kind == "phrase":
            if key not in self.phrases:
                if self.lowered is None:
                    self.lowered = self.t.text.lower()
                self.phrases[key] = self.lowered.count(key)
            return self.phrases[key]
        return key in self.speaker_words

    def add(
        self,
        rule: str,
        edits: list[Edit],
        applicability: Applicability,
        reason: str,
        confidence: float,
        evidence: dict[str, object],
        alternatives: tuple[str, ...] = (),
    ) -> None:
        if self.lex.guessed_case and evidence.get("term") in self.lex.guessed_case:
            edits = [Edit(e.span, _text_case(e.replacement, self.t.text[e.span.start : e.span.end])) for e in edits]
            if all(self.t.text[e.span.start : e.span.end] == e.replacement for e in edits):
                return  # the list's letters are the text's: only capitals differed, which the list does not know
        self.result.suggestions.append(
            suggest(self.t, PASS_ID, rule, edits, applicability, reason, confidence, evidence, alternatives, priority=60)
        )

    def add_term(self, rule: str, span: Span, written: str, sure: bool, reason: str, term: Term, sure_confidence: float = 0.9) -> None:
        """One edit writing the list's term over ``span``: applied when ``sure``, otherwise asked."""
        applicability = Applicability.AUTO if sure else Applicability.REVIEW
        evidence = {"term": term.text, "term_list_line": term.line}
        self.add(rule, [Edit(span, written)], applicability, reason, sure_confidence if sure else 0.6, evidence)

    def block(self, s: int, e: int) -> None:
        """Judge one paragraph, or replay the verdict on the same words from an earlier round or file."""
        key = self.t.text[max(0, s - 4) : e]  # a few characters before: whether the paragraph opens a sentence
        known = self.memo.get(key)
        if known is not None and all(self._lookup(kind, k) == v for kind, k, v in known[1]):
            for rule, edits, applicability, reason, confidence, evidence, alternatives in known[0]:
                self.add(
                    rule, [Edit(Span(a + s, b + s), r) for a, b, r in edits], applicability, reason, confidence, evidence, alternatives
                )
            return
        first = len(self.result.suggestions)
        self.deps = []
        self._judge(s, e)
        if len(self.memo) > MEMO_PARAGRAPHS:
            self.memo.clear()
        self.memo[key] = (
            [
                (
                    sg.rule_id,
                    [(x.span.start - s, x.span.end - s, x.replacement) for x in sg.edits],
                    sg.applicability,
                    sg.reason,
                    sg.confidence,
                    sg.evidence,
                    sg.alternatives,
                )
                for sg in self.result.suggestions[first:]
            ],
            self.deps,
        )
        self.deps = None

    def _judge(self, s: int, e: int) -> None:
        self.paragraph = (s, e)
        self.paragraph_capitals = None
        toks = self.fences.tokens(self.t.text, s, e)
        first = len(self.result.suggestions)
        taken: set[int] = set()
        # most words are quiet (no term could be meant): decide that once per distinct word, not per token
        quiet = self.lex.quiet
        loud = {base for base in {tok.base for tok in toks} if not quiet(base)}
        self.acronyms(s, e, toks, taken)
        self.multiword(toks, taken, loud)
        self.split_words(toks, taken)
        self.heard_as_two(s, e, toks, taken)
        self.split_misspelt(toks, taken)
        self.heard_as_words(toks, taken)
        if loud:
            for i, tok in enumerate(toks):
                if tok.base in loud and i not in taken:
                    self.single(tok)
        if self.deferred:
            self._ask_deferred(first)

    def _ask_deferred(self, first: int) -> None:
        """A whole term that is not sure is one question, not a question per word ("Clover House", not
        "Clover"), unless a sure fix already holds part of it. The paragraph's suggestions are looked up
        by position, so a paragraph of a whole transcript on one line costs no more than its lines would."""
        here = self.result.suggestions[first:]
        spans = sorted((sg.span.start, sg.span.end, k) for k, sg in enumerate(here))
        starts = [a for a, _, _ in spans]
        longest = max((b - a for a, b, _ in spans), default=0)
        dropped: set[int] = set()
        asked: list[Suggestion] = []

        def overlapping(span: Span) -> list[int]:
            lo = bisect_left(starts, span.start - longest)
            return [k for a, b, k in spans[lo : bisect_left(starts, span.end)] if b > span.start and a < span.end]

        for rule, edits, why, evidence in self.deferred:
            span = Span(edits[0].span.start, edits[-1].span.end)
            near = [k for k in overlapping(span) if k not in dropped]
            if any(here[k].applicability is Applicability.AUTO for k in near):
                continue
            dropped.update(near)
            asked = [sg for sg in asked if not sg.span.overlaps(span)]
            before = len(self.result.suggestions)
            self.add(rule, edits, Applicability.REVIEW, why, 0.6, evidence)
            asked.extend(self.result.suggestions[before:])
            del self.result.suggestions[before:]
        self.result.suggestions[first:] = [sg for k, sg in enumerate(here) if k not in dropped] + asked
        self.deferred.clear()

    # -- spelled-out acronyms: "I B N R" -> "IBNR"
    def acronyms(self, s: int, e: int, toks: list[Token], taken: set[int]) -> None:
        found = list(_SPELLED_ACRONYM.finditer(self.t.text, s, e)) + list(_SPELLED_LOWER.finditer(self.t.text, s, e))
        for m in found:
            letters = "".join(ch for ch in m.group() if ch.isalpha()).upper()
            term = self.lex.acronyms.get(letters)
            if term is None:
                continue
            # a closing dot is the sentence's after letters spelled apart ("a little A T P."), and after dotted
            # ones that end a sentence ("we booked I.B.N.R. Next"); inside one it is the last letter's
            end = m.end()
            if m.group().endswith(".") and ("." not in m.group()[:-1] or m.end() >= e or _SENTENCE_NEXT.match(self.t.text, m.end())):
                end -= 1
            # "a" and "i" are words too: in lower case, three letters with one at an end ("the m r a") may not all be the acronym's
            sure = len(letters) >= 3 and not (m.group().islower() and _word_at_an_end(letters))
            reason = f"'{m.group().strip()}' spells out the term list's acronym {term.text}"
            self.add_term("spelled-acronym", Span(m.start(), end), term.text, sure, reason, term, sure_confidence=0.95)
            taken.update(i for i, tok in enumerate(toks) if m.start() <= tok.start < m.end())

    # -- multi-word terms matched as a whole around a word they share with the text
    def multiword(self, toks: list[Token], taken: set[int], loud: set[str]) -> None:
        tried: set[tuple[int, str]] = set()
        text = self.t.text
        anchors, holders, plain = self.lex.anchors, self.lex.holders, self.lex.plain_heads
        # a capitalized word some term could be meant by may be a name misheard inside a longer term
        misheard = {base for base in loud if base[0].isupper() and base.lower() not in anchors and base.lower() not in holders}
        surnames: dict[int, list[Term]] = {}  # a person's first name, then another name: the terms it may be
        for i in [
            i
            for i, tok in enumerate(toks)
            if tok.low in anchors or tok.low in plain or (tok.low in holders and tok.base[0].isupper()) or tok.base in misheard
        ]:
            tok = toks[i]
            terms = anchors.get(tok.low, ())
            if tok.low in plain and i + 1 < len(toks):
                # everyday words the list capitalizes ("contract logistics"): where the first two are there
                after = toks[i + 1].low
                terms = (*terms, *((t, 0) for t in plain[tok.low] if bare(t.words[1]).lower() == after))
            if not terms and tok.base in misheard:
                # a name one letter from a term's word, sounding the same ("Monroe" for the "Monro" of "Monro Forward")
                terms = self._misheard_anchors(tok)
                if not terms:
                    continue
            if len(tok.base) >= 3 and tok.base[0].isupper() and tok.low in holders and not sentence_start(text, tok.start):
                # a word the recognizer capitalized inside a sentence as the term does ("contract Logistics") anchors too
                terms = (*terms, *((t, p) for t, p in holders[tok.low] if t.words[p] == tok.base))
            # the longest term first: "Ingersoll Rand Industrial Segment" before the "Ingersoll Rand" inside it
            for term, pos in sorted(terms, key=lambda tp: -len(tp[0].words)) if len(terms) > 1 else terms:
                start, n = i - pos, len(term.words)
                if start < 0 or start + n > len(toks) or (start, term.text) in tried:
                    continue
                tried.add((start, term.text))
                window = toks[start : start + n]
                if any(k in taken for k in range(start, start + n)) or not self._joined_by_spaces(window):
                    continue
                if text[window[0].start : window[-1].end] in self.lex.exact:
                    continue  # another term, written right ("Mark Connolly" beside "Mark Connelly")
                words, written = term.words, term.text
                if window[-1].suffix and bare(words[-1]) != words[-1]:
                    # "Standard Poor's" for "Standard & Poor's": the text's own possessive stays where it is
                    words, written = (*words[:-1], bare(words[-1])), written[:-2]
                if words[0] == "The" and window[0].base == "the" and written.startswith("The "):
                    # "the New Home Company": a name's own "The" takes no capital inside a sentence
                    words, written = ("the", *words[1:]), "the" + written[3:]
                verdict = None
                if written == " ".join(words) and any(
                    _other_number(w.low, tw.lower()) and not self.fact("firm", tw) for w, tw in zip(window, words, strict=False)
                ):
                    # one or many is the speaker's grammar, the spelling is the list's: "Monroe forward initiative"
                    # is "Monro Forward Initiative" for a list's "Monro Forward Initiatives" (where only the
                    # number differs, the list's number stays a question; where only capitals differ besides, a
                    # plural is no evidence of the name: "federal courts" is not a list's "Federal Court")
                    kept = tuple(tw if self.fact("firm", tw) else _in_number(w.low, tw) for w, tw in zip(window, words, strict=False))
                    verdict = self._compare(window, kept)
                    if verdict is not None and verdict[1]:
                        words, written = kept, " ".join(kept)
                    else:
                        verdict = None
                verdict = verdict or self._compare(window, words)
                if verdict is None:
                    if n == 2 and self._surname_heard(window, term):
                        surnames.setdefault(start, []).append(term)
                    continue
                edits, spelling_changed, distinctive, weak = verdict
                if not edits:
                    self._hyphens(window, written, term)
                    taken.update(range(start, start + n))
                    continue
                if not spelling_changed and term.text in self.lex.guessed_case:
                    continue  # capitals only, from a list written in capitals
                if not spelling_changed and all(w.base.isupper() for w in window):
                    continue  # "HOPE WELLS" in capitals is a house style (a speaker label), as "NASDAQ" is
                pairs = list(zip(window, words, strict=False))
                cut = [tw for w, tw in pairs if _cut_short(w.low, tw)]
                if cut and self._rest_follows(toks, start + n, pairs):
                    continue  # "Priyanka Raghu Nathan": the word's end is the next word, which split_words joins
                if cut:
                    sure, why = self._cut_verdict(pairs, cut, term)
                elif spelling_changed:
                    sure, why = self._spelling_verdict(pairs, term, distinctive, len(edits))
                else:
                    sure, why = self._case_verdict(pairs, term, distinctive, edits)
                if weak:
                    # a short word heard for the term's ("see Logistics" for Sea Logistics) is sure only where the
                    # recognizer wrote the rest of the term as a name inside the sentence, capitals it has no other
                    # reason for; otherwise a question ("David Lu" for David Liu)
                    rest = [(w, tw) for w, tw in pairs if len(tw) > 3]
                    sure = bool(rest) and all(
                        w.base == tw and ordinary_word(w.low) and tw[:1].isupper() and not sentence_start(text, w.start) for w, tw in rest
                    )
                rule = "multiword-term" if spelling_changed else "term-case"
                evidence = {"term": term.text, "term_list_line": term.line, "matched": " ".join(w.base for w in window)}
                whole = Span(window[0].start, window[-1].end)
                if self.t.text[whole.start : whole.end] != written:
                    edits = [Edit(whole, written)]  # the term as written, its hyphens included ("Lambda-CDM")
                if sure:
                    taken.update(range(start, start + n))
                    self.add(rule, edits, Applicability.AUTO, why, 0.9, evidence)
                else:
                    # the words may still be sure fixes one by one; ask about the whole term only if they are not
                    self.deferred.append((rule, edits, why, evidence))
        for start, terms in surnames.items():
            if len(terms) == 1 and start + 1 not in taken:
                # one person of the list has this first name: asked, never applied (it may be another person)
                term, last = terms[0], toks[start + 1]
                why = f"the term list has '{term.text}'; the text names a '{toks[start].base} {last.base}', whose surname is near it"
                evidence = {"term": term.text, "term_list_line": term.line, "matched": f"{toks[start].base} {last.base}"}
                self.deferred.append(("surname-heard", [Edit(Span(last.start, last.end), term.words[1])], why, evidence))

    def _hyphens(self, window: list[Token], written: str, term: Term) -> None:
        """ "Rolls Royce", "T Mobile": the term's words as the list writes them, a space where it has a
        hyphen. Sure where the words are written as a name; a hyphen is never taken away."""
        shown = self.t.text[window[0].start : window[-1].end]
        # a space where the term has a hyphen, at one place or several ("Catalina Ruiz Whitaker")
        if shown == written or shown.replace("-", " ") != written.replace("-", " "):
            return
        if any(c == "-" and w != "-" for c, w in zip(shown, written, strict=True)):
            return
        named = any(w.base[:1].isupper() and not sentence_start(self.t.text, w.start) for w in window)
        reason = f"the term list writes '{term.text}' with a hyphen"
        self.add_term("term-punctuation", Span(window[0].start, window[-1].end), written, named, reason, term)

    def _rest_follows(self, toks: list[Token], after: int, pairs: list[tuple[Token, str]]) -> bool:
        """True when the last word of a window is cut short of the term's and the words after it, run
        together with it, are the rest ("Raghu Nathan" for Raghunathan): the term with another word break,
        not with its end lost."""
        last, target = pairs[-1][0], pairs[-1][1].lower()
        if not _cut_short(last.low, target):
            return False
        joined, k = last.low, after
        while k < len(toks) and len(joined) < len(target) and _JOIN_SEPARATOR.fullmatch(self.t.text[toks[k - 1].end : toks[k].start]):
            joined += toks[k].low
            k += 1
        return joined == target

    def _cut_verdict(self, pairs: list[tuple[Token, str]], cut: list[str], term: Term) -> tuple[bool, str]:
        """ "next Energy Partners": the other words exactly as the term writes them, one capitalized inside
        a sentence, or at least two of them in any case ("next energy partners"); and the whole word
        ("NextEra") written elsewhere in this transcript."""
        rest = [(w, tw) for w, tw in pairs if tw not in cut]
        written = all(w.base == tw for w, tw in rest) and any(
            w.base == tw and tw[:1].isupper() and not sentence_start(self.t.text, w.start) for w, tw in pairs
        )
        sure = (written or (len(rest) >= 2 and all(w.low == tw.lower() for w, tw in rest))) and all(self.fact("word", tw) for tw in cut)
        return sure, f"the term list has '{term.text}'; the text has it with '{cut[0]}' cut short"

    def _spelling_verdict(self, pairs: list[tuple[Token, str]], term: Term, distinctive: bool, changed: int) -> tuple[bool, str]:
        """A word of the term misspelt: sure around a distinctive word written right, for a name heard as
        another that sounds the same, or for a person of the list named by first name."""
        # one or many is grammar, not hearing: "our Monro Forward Initiative costs" is right as written,
        # unless a speaker label writes the name ("Carter Driscoll - Capstone Investments")
        grammar = any(_other_number(w.low, tw.lower()) and not self.fact("firm", tw) for w, tw in pairs)
        # a name written as another name that sounds the same, one letter apart (two, for a spelling
        # English never uses), inside the whole term ("Monroe forward" for "Monro Forward",
        # "John Hartman" for "John Hartmann", "Ryner Blair" for "Rainer Blair")
        # a first name a dictionary also has as an old word ("Brett", "Eric") counts when it is written
        # as a name inside a sentence, one letter off and sounding the same on both keys ("Brett Jordan")
        misheard_name = all(
            w.base[:1].isupper()
            and tw[:1].isupper()
            and (
                not ordinary_word(w.low)
                or (
                    k == 0
                    and len(pairs) == 2
                    and not sentence_start(self.t.text, w.start)
                    and sound_keys_agree(w.low, tw.lower()) == 2
                    and Levenshtein.distance(w.low, tw.lower()) == 1
                )
            )
            and sounds_alike(w.base, tw)
            and Levenshtein.distance(w.low, tw.lower()) <= (2 if zipf(w.low) < NO_WORD and len(tw) >= 5 else 1)
            for k, (w, tw) in enumerate(pairs)
            if w.low != tw.lower()
        )
        close = all(sounds_alike(w.base, tw) or Levenshtein.distance(w.low, tw.lower()) <= 1 for w, tw in pairs if w.base != tw)
        # every misspelt word is no word at all, one letter from the term's and sounding like it, beside the
        # rest of the term written right ("ATP synthaze" for ATP synthase, however common "ATP" is)
        unheard = all(
            zipf(w.low) == 0 and Levenshtein.distance(w.low, tw.lower()) == 1 and sounds_alike(w.base, tw)
            for w, tw in pairs
            if w.low != tw.lower()
        )
        window = [w for w, _ in pairs]
        heard = self._first_name_heard(window, term.words, *pairs[0])
        sure = not grammar and (((distinctive or misheard_name or unheard) and close) or self._person(window, term) or heard)
        words = "a word" if changed == 1 else "words"
        return sure, f"the term list has '{term.text}'; the text has the same name with {words} misspelled"

    def _case_verdict(self, pairs: list[tuple[Token, str]], term: Term, distinctive: bool, edits: list[Edit]) -> tuple[bool, str]:
        """Only capitals differ. One name among the words is enough ("bank of america", "gardner denver":
        words no dictionary writes in lower case, however common), and so are three capitalized words
        around a rare one ("Big City Mountaineers"); two ordinary words need the transcript's own
        capitals ("Clover House" is also a clover house)."""
        named = any(len(tw) >= 3 and tw[:1].isupper() and not ordinary_word(tw.lower()) for tw in term.words)
        titled = distinctive and sum(1 for tw in term.words if tw[:1].isupper()) >= 3
        # the recognizer already wrote part of it as the name, inside a sentence ("contract Logistics")
        begun = any(w.base == tw and tw[:1].isupper() and not sentence_start(self.t.text, w.start) for w, tw in pairs)
        # three words or more, the whole term as the list writes it ("the new home company", "office of
        # public counsel"): a phrase that long is the name, where two everyday words may be just that; a
        # name's own "The" does not count ("the long run" is only a long run beside a show The Long Run)
        whole = len(term.words) - (term.words[0].lower() in ("the", "a", "an")) >= WHOLE_TERM_WORDS
        # two everyday words said again and again, as the list writes them: what the transcript is about
        # ("each new home sale" is just that: a phrase of the commonest words is too often only itself)
        often = (
            len(term.words) == 2
            and any(zipf(tw.lower()) < PHRASE_WORD for tw in term.words)
            and int(self.fact("phrase", " ".join(term.words).lower())) >= PHRASE_TOPIC
        )
        # every word capitalized elsewhere in the transcript; but a title of everyday words ("The Long Run",
        # "The Bottom Line") is an idiom too, which its capitalized uses say nothing of ("skip the long run")
        idiom = term.words[0].lower() == "the" and all(ordinary_word(tw.lower()) for tw in term.words)
        elsewhere = not idiom and all(self._case_is_sure(e) for e in edits)
        sure = named or titled or begun or whole or often or elsewhere
        return sure, f"the term list writes '{term.text}' with these capitals"

    def _person(self, window: list[Token], term: Term) -> bool:
        """A person of the list named by first name, the surname misheard ("Aaron wants" for "Aaron Watts")."""
        if len(window) != 2:
            return False
        first, last = window
        given, surname = term.words
        if term.text != f"{given} {surname}" or not (given.isalpha() and surname.isalpha()):
            return False  # "Standard & Poor's" is no first name and surname
        # the first name as the list writes it: a name, or a word ("Mark", "Peter") capitalized inside a sentence
        if not (first.base == given and given[:1].isupper() and surname[:1].isupper()):
            return False
        if sentence_start(self.t.text, first.start) and not name_like(given.lower(), zipf(given.lower())):
            return False
        if last.base[:1].isupper() or not ordinary_word(last.low):
            return True  # written as a name, or no word of English
        # "James web" for a listed James Webb: a surname English does not write, heard as the word it sounds
        # like, one letter off; not one of the commonest words, which is itself ("Thanks Craig more of that")
        if (
            not ordinary_word(surname.lower())
            and zipf(last.low) < FUNCTION_WORD
            and Levenshtein.distance(last.low, surname.lower()) == 1
            and sound_keys_agree(last.low, surname.lower()) == 2
        ):
            return True
        # an everyday word ("Chris hovers") is a surname only where people are introduced: "Aaron wants with Deutsche"
        return self._word_after(last).lower() in _INTRODUCING

    def _surname_heard(self, window: list[Token], term: Term) -> bool:
        """ "Jensen Wong" for the list's "Jensen Huang": the first name as the list writes it, then a name
        that is not the surname but shares most of its letters. Not a speaker's own name, nor a word of
        another term of the list (that is another person)."""
        last, surname = window[1], term.words[1]
        # a name, or in lower case ("lorenzo octoberg" of a caption) a word no one writes (plain letters only:
        # asking wordfreq itself about "o'hearn" or "2020" would load its whole table)
        named = last.base[:1].isupper() or (last.low.isascii() and last.low.isalpha() and last.base.islower() and zipf(last.low) == 0)
        if len(last.base) < 3 or not named or not self._person(window, term):
            return False
        if last.low in self.lex.anchors or last.low in self.lex.holders or self.fact("speaker", last.base):
            return False
        if without_accents(last.low) == without_accents(surname.lower()):
            return False  # "Santander México": the text's own accent is no other name
        if ratio(last.low, surname.lower()) >= SURNAME_SHARED:
            return True
        # or sounds near it on both keys ("Wong" for Huang: WNK and HNK, WANG and HANG)
        return all(ratio(a, b) >= SURNAME_SHARED for a, b in zip(phonetic(last.low), phonetic(surname.lower()), strict=True) if a and b)

    def _misheard_anchors(self, tok: Token) -> tuple[tuple[Term, int], ...]:
        if len(tok.base) < 4 or ordinary_word(tok.low):
            return ()
        return tuple(
            anchor
            for c in self.lex.plausible(tok.low)
            if c.distance == 1 and c.sounds_alike
            for anchor in self.lex.anchors.get(c.form.lower(), ())
        )

    def _joined_by_spaces(self, window: list[Token]) -> bool:
        text = self.t.text
        return all(_SEPARATOR.fullmatch(text[a.end + len(a.suffix) : b.start]) for a, b in itertools.pairwise(window)) and not any(
            w.suffix for w in window[:-1]
        )

    def _compare(self, window: list[Token], words: tuple[str, ...]) -> tuple[list[Edit], bool, bool, bool] | None:
        """The edits that make ``window`` the term's ``words``, whether a spelling changes, whether a
        distinctive word is written right, and whether the evidence is too weak for a sure fix."""
        edits: list[Edit] = []
        spelling = weak = False
        distinctive = False
        for w, tw in zip(window, words, strict=False):
            if w.base == tw:
                distinctive |= zipf(tw.lower()) < COMMON and len(tw) >= 3
                continue
            if w.base[:1].isupper() and tw[:1].islower():
                return None  # never take away a capital the text has ("European Commission" vs a list's "commission")
            if w.low == tw.lower():
                distinctive |= zipf(tw.lower()) < COMMON and len(tw) >= 3
                edits.append(Edit(Span(w.start, w.end), tw))
                continue
            if _loses_accent(w.low, tw.lower()):
                return None  # never take away an accent the text has ("Santander México")
            dist = Levenshtein.distance(w.low, tw.lower())
            if self._first_name_heard(window, words, w, tw):
                spelling = True
                edits.append(Edit(Span(w.start, w.end), tw))
                continue
            # a short name one letter off that sounds the same ("David Lu" for David Liu) is only ever a question
            short = len(tw) == 3 and dist == 1 and len(w.low) >= 2 and sounds_alike(w.base, tw)
            # another first letter only for the same sound ("Christaps" for Kristaps, "Cathy" for Kathy)
            first = w.low[:1] == tw.lower()[:1] or sounds_alike(w.base, tw)
            if (dist > max_distance(len(tw)) or not first or (len(tw) < 4 and not short)) and not _cut_short(w.low, tw):
                return None
            weak |= short
            spelling = True
            edits.append(Edit(Span(w.start, w.end), tw))
        if spelling and sum(1 for w, tw in zip(window, words, strict=False) if w.low == tw.lower()) == 0:
            return None
        return edits, spelling, distinctive, weak

    def _first_name_heard(self, window: list[Token], words: tuple[str, ...], w: Token, tw: str) -> bool:
        """A person of the list named by the surname it writes, the first name heard as one that sounds
        like it, with its first letter: "Stephen" for "Steven", "Mary Lopez" for a speaker label's "Maria
        Lopez". For a list's person, an everyday word is one letter off and sounding the same on both keys,
        capitalized inside a sentence or after a title ("Mr. If Culp" for "Iv Culp"; "If Culp agrees" opens
        a sentence, "a Runner Blair" is a runner); a speaker of the transcript itself needs no more."""
        rest_written = len(window) >= 2 and all(x.base == y for x, y in zip(window[1:], words[1:], strict=True))
        if not (rest_written and w is window[0] and w.base[:1] == tw[:1] and w.base[:1].isupper()):
            return False  # the rest of the name as the list writes it ("Thomas de la Fuente" for Tomás de la Fuente)
        distance = Levenshtein.distance(w.low, tw.lower())
        if ordinary_word(w.low) and not self.speakers:
            named = not sentence_start(self.t.text, w.start) or self._after_title(w)
            return named and distance == 1 and sound_keys_agree(w.low, tw.lower()) == 2
        return distance <= 2 and sounds_alike(w.base, tw)

    # -- a term written with other word breaks: "Giga factory", "Next Era Energy", "M and A", "m&a"
    def split_words(self, toks: list[Token], taken: set[int]) -> None:
        text = self.t.text
        prefix = self.lex.joined_prefix
        if not toks:
            return
        if text.find("&", toks[0].start, toks[-1].end) != -1:
            starts: list[int] = list(range(len(toks) - 1))  # "M and A" from "m&a": read every word
        else:
            # a term with other word breaks starts where one word and the next both begin one
            starts = [i for i, (a, b) in enumerate(itertools.pairwise(toks)) if prefix(a.low) and prefix(a.low + b.low)]
        cursor = 0
        for i in starts:
            if i < cursor:
                continue
            found = self._joined_at(toks, i, taken)
            if found is None:
                continue
            k, term = found
            window = toks[i : i + k]
            shown = text[window[0].start : window[-1].end]
            has_amp = "&" in term.text
            pieces = [w.low for w in window]
            if (
                not has_amp
                and pieces == [w.lower() for w in term.words]
                and term.text.replace("-", " ") == " ".join(term.words)
                and (term.text in self.lex.found_by_words or (term.text.islower() and "-" not in term.text))
            ):
                # the same words with other capitals: the case rules decide that, not this one (but a term
                # whose words a dot or a star joins, "Node.js" or "E*Trade", or that they never look for,
                # "T-Mobile", or a lower-case one's hyphen, "multi head" for "multi-head", is this rule's)
                continue
            # "as a" is never "ASA"; a long word heard in three pieces or more may hold one ("spiro no lactone")
            long_word = len(window) >= 3 and len(join_key(term.text)) >= LONG_SPLIT_TERM
            if not has_amp and not long_word and any(p in _FUNCTION_WORDS and p not in term.lower.split() for p in pieces):
                continue
            named = any(w.base[:1].isupper() and not sentence_start(text, w.start) for w in window)
            if named and not any(ch.isupper() for ch in term.text):
                continue  # written as a name ("Health Care Providers"): a list's lower-case term takes no capital away
            if has_amp:
                # "M and A", "m&a": the letters must be the term's capitals, or joined by "&" as written
                # ("SG and a" too: a lower-case last letter is the article only after "I" or "A", which are words)
                last = len(window) - 1
                sure = "&" in shown or (
                    all(w.base.isupper() or (k == last and len(w.base) == 1) for k, w in enumerate(window) if len(w.base) <= 2)
                    and window[0].base not in ("I", "A")
                )
            else:
                squeezed = "".join(ch for ch in shown if ch.isalnum())
                # "Word Press" is WordPress cut at its own inner capital
                camel = squeezed == "".join(ch for ch in term.text if ch.isalnum()) and any(ch.isupper() for ch in term.text[1:])
                # a brand of one small letter and a name ("e touch" for eTouch, "i pad" for iPad) split at that letter
                camel = camel or (len(window) == 2 and window[0].base == term.text[:1] and _LETTER_BRAND.fullmatch(term.text) is not None)
                all_common = all(zipf(p) >= COMMON for p in pieces)
                joined = join_key(term.text)
                # ``named``: written as a name would be, a capital on a word that does not open a sentence ("micro Essentials")
                rare = zipf(joined) < COMMON
                # everyday words that run together into a name English never writes ("sure smile" for
                # SureSmile, "prime scan" for Primescan), different words ("buy buy" is a word said twice),
                # not after "a" ("a sure smile" is what it says)
                coined = (
                    len(term.words) == 1
                    and term.text[:1].isupper()
                    and zipf(joined) < NO_WORD
                    and len({w.low for w in window}) == len(window)
                    and all(len(w.low) >= 2 for w in window)
                    and not (i > 0 and toks[i - 1].low in ("a", "an") and not toks[i - 1].suffix)
                )
                # the number said in words ("cas nine", "covid nineteen"): sure beside a word English does not
                # write in lower case, or one written as a name ("Windows eleven"); "three m" may be three million
                said = [w for w in window if w.low not in NUMBER_WORDS]
                spoken = any(ch.isdigit() for ch in term.text) and len(said) < len(window)
                if spoken:
                    sure = bool(said) and all(len(w.low) >= 2 for w in said) and (named or not all(ordinary_word(w.low) for w in said))
                else:
                    sure = camel or (rare and len(joined) >= 6 and (not all_common or named or coined))
                    # joined, the words are an everyday word ("snow flake" for Snowflake): its capital is a
                    # question unless the words are written as a name
                    if sure and not camel and not named and term.text[:1].isupper() and zipf(joined) >= RARE and ordinary_word(joined):
                        sure = False
            sure = sure or (not has_amp and _spells_capitals(window, term.text)) or self._split_vouched(pieces, term)
            fixed = _write_as(term.text, shown)
            if fixed == shown:
                continue
            reason = f"'{shown}' is the term list's '{term.text}' written with other word breaks"
            self.add_term("split-term", Span(window[0].start, window[-1].end), fixed, sure, reason, term)
            taken.update(range(i, i + k))
            cursor = i + k

    def _split_vouched(self, pieces: list[str], term: Term) -> bool:
        """ "next era energy partners": a multi-word term whole, where a name of it that is no English
        word was heard in pieces and is written whole elsewhere in this transcript ("NextEra"), as the
        cut-short rule asks. Not "health care providers" (English writes both) nor "p&l" for "P and L"."""
        if len(term.words) < 2:
            return False
        at, heard_in_pieces = 0, []
        for tw in term.words:
            want, got, first = join_key(tw), "", at
            while at < len(pieces) and len(got) < len(want):
                got, at = got + pieces[at], at + 1
            if got != want:
                return False
            if at - first >= 2:
                heard_in_pieces.append(tw)
        return (
            at == len(pieces)
            and bool(heard_in_pieces)
            and all(tw[:1].isupper() and not ordinary_word(tw.lower()) and self.fact("word", tw) for tw in heard_in_pieces)
        )

    def _joined_at(self, toks: list[Token], i: int, taken: set[int]) -> tuple[int, Term] | None:
        """The longest run of words from ``toks[i]`` whose letters spell a term with other word breaks."""
        text = self.t.text
        best = None
        key = toks[i].low
        if not self.lex.joined_prefix(key):
            return None
        for k in range(2, min(self.lex.max_words + 3, len(toks) - i + 1)):
            prev, tok = toks[i + k - 2], toks[i + k - 1]
            sep = text[prev.end + len(prev.suffix) : tok.start]
            if prev.suffix or not _JOIN_SEPARATOR.fullmatch(sep) or (i + k - 1) in taken or i in taken:
                break
            key += ("and" if "&" in sep else "") + tok.low
            if not self.lex.joined_prefix(key):
                break
            term = self.lex.joined.get(key)
            if term is not None and text[toks[i].start : tok.end] != term.text:
                best = (k, term)
        return best

    # -- a term cut in two and one letter off: "lin parza" -> "Lynparza" (only ever a question)
    def split_misspelt(self, toks: list[Token], taken: set[int]) -> None:
        """Two words, one of them no word of English, that run together are one letter from a term and sound
        like it. A new word break and a new letter are two guesses, so this is only asked."""
        text = self.t.text
        # plain letters only: asking wordfreq itself about "don't" or "2020" would load its whole table
        rare = {low for low in {tok.low for tok in toks} if low.isascii() and low.isalpha() and zipf(low) < NO_WORD}
        if not rare:
            return
        at = sorted({j for i, tok in enumerate(toks) if tok.low in rare for j in (i - 1, i)})
        for i in at:
            if i < 0 or i + 1 >= len(toks) or i in taken or i + 1 in taken:
                continue
            a, b = toks[i], toks[i + 1]
            if a.suffix or len(a.low) < 2 or len(b.low) < 2:
                continue
            joined = a.low + b.low
            if len(joined) < 7 or not joined.isalpha() or not self.lex.sounds_like_a_term(joined):
                continue
            if not _JOIN_SEPARATOR.fullmatch(text[a.end : b.start]) or self.lex.has_exact(a.base) or self.lex.has_exact(b.base):
                continue
            near = [
                c
                for c in self.lex.plausible(joined, remember=False)
                if c.distance == 1 and c.sounds_alike and c.whole_term and " " not in c.form and zipf(c.form.lower()) < COMMON
            ]
            if len(near) != 1:
                continue  # none, or two terms equally near: too much guessing for one question
            why = f"'{a.base} {b.base}' run together is one letter from the term list's '{near[0].form}' and sounds the same"
            self._ask_as_one("split-misspelt", a, b, near[0], why, 0.5)
            taken.update((i, i + 1))

    def heard_as_words(self, toks: list[Token], taken: set[int]) -> None:
        """Two English words said together that sound like a one-word name of the list, two letters from it
        at most: "Pie torch" for PyTorch, "say Tiva" for Cytiva. Only asked: most such pairs ("came in"
        for a list's Kamen) are just the words, so both must be three letters or more and one of them a
        word of the rarer sort."""
        text = self.t.text
        if not self.lex.heard_as_words_worth_asking():
            return
        kinds = self.lex.pair_kinds
        if len(kinds) > PAIR_KINDS_KEPT:
            kinds.clear()
        for low in {tok.low for tok in toks if tok.low not in kinds}:
            kind = _pair_kind(low, self.lex)
            kinds[low] = kind | _PAIR_HOT if kind & _PAIR_RARE and kind & (_PAIR_FIRST | _PAIR_SECOND) else kind
        # only pairs around a word of the rarer sort (one word in sixteen) whose sound can be part of a
        # term's, both of three letters or more
        last = len(toks) - 1
        at = sorted({j for i, tok in enumerate(toks) if kinds[tok.low] & _PAIR_HOT for j in (i - 1, i) if 0 <= j < last})
        for i in at:
            a, b = toks[i], toks[i + 1]
            if not (kinds[a.low] & _PAIR_FIRST and kinds[b.low] & _PAIR_SECOND) or len(a.low) + len(b.low) < 7:
                continue
            if not (kinds[a.low] | kinds[b.low]) & _PAIR_RARE:
                continue
            # the two words' sound keys run together (each worked out once per word) are the pair's own
            # but where a sound spans the break: a first look
            if not self.pair_sounds(_sound_key(a.low) + _inner_sound_key(b.low)):
                continue
            if a.suffix or i in taken or i + 1 in taken:
                continue
            if not _JOIN_SEPARATOR.fullmatch(text[a.end : b.start]):
                continue
            joined = a.low + b.low
            if not self.lex.sounds_like_a_term(joined) or self.lex.has_exact(a.base) or self.lex.has_exact(b.base):
                continue
            near = [
                c
                for c in self.lex.plausible(joined, remember=False)
                if c.sounds_alike
                and c.distance <= 2
                and c.whole_term
                and " " not in c.form
                and zipf(c.form.lower()) < COMMON
                and not ordinary_word(c.form.lower())
            ]
            if len(near) != 1:
                continue
            why = f"'{a.base} {b.base}' said together sounds like the term list's '{near[0].form}'"
            self._ask_as_one("heard-as-words", a, b, near[0], why, 0.4)
            taken.update((i, i + 1))

    def _ask_as_one(self, rule: str, a: Token, b: Token, near: Candidate, why: str, confidence: float) -> None:
        """Ask whether two words are the one term ``near`` (a new word break is a guess: never sure)."""
        evidence = {"term": near.form, "edit_distance": near.distance, "sounds_alike": True}
        self.add(rule, [Edit(Span(a.start, b.end), _write_as(near.form, a.base))], Applicability.REVIEW, why, confidence, evidence)

    # -- one name heard as two words: "Death Left" -> "Detlef" (only ever a question)
    def heard_as_two(self, s: int, e: int, toks: list[Token], taken: set[int]) -> None:
        """Only where the recognizer itself wrote a name: two capitalized words inside a sentence, or a
        word and a capitalized one English hardly knows, long enough together to sound like one name
        ("cooper Nettie's" for Kubernetes: the possessive's s then heard as the name's)."""
        text = self.t.text
        # where the first word starts, or (a word and a name) where the name does
        pairs = [(m.start(1), False) for m in _CAPITAL_PAIR.finditer(text, s, e)]
        pairs += [
            (m.start(1), True)
            for m in _NAME_AFTER_WORD.finditer(text, s, e)
            if text[m.start() - 1].islower() and zipf(m.group(1).lower()) < RARE  # cheap looks first
        ]
        if not pairs:
            return
        index = {tok.start: i for i, tok in enumerate(toks)}
        for at, half in pairs:
            i = index.get(at)
            if i is not None and half:
                i -= 1
            if i is None or i < 0 or i + 1 >= len(toks) or i in taken or i + 1 in taken:
                continue
            a, b = toks[i], toks[i + 1]
            if half and not (len(a.base) >= 3 and a.base.isalpha() and a.base.islower() and not a.suffix and a.end + 1 == b.start):
                continue
            if a.low in _NOT_NAME_PARTS or b.low in _NOT_NAME_PARTS or (not half and sentence_start(text, a.start)):
                continue
            joined, end = a.low + b.low, b.end
            if half:
                joined, end = (joined + "s", end + len(b.suffix)) if b.suffix else (joined, end)
                if len(joined) < HALF_PAIR_MIN:
                    continue
            if len(joined) < 5 or self.lex.has_exact(a.base) or self.lex.has_exact(b.base):
                continue
            key = jellyfish.metaphone(joined)
            names = [n for n in self.lex.names_sounding_like(joined) if _pair_near(joined, key, n, half)]
            # a word English hardly knows ("Accel", "Dera"), or a name this transcript is about;
            # two everyday words ("Bay Area", "Keen Eye") are too often just that
            odd = min(zipf(a.low), zipf(b.low)) < RARE
            forms = [form for form in (self.lex.spelling(n) or n for n in names) if odd or self._relevant(form)]
            if half:  # long, and close in the other sound key too: "continue Thio" is not "Cincinnati"
                forms = [f for f in forms if _sounds_long(f, key)]
            if not forms:
                continue
            self.add(
                "heard-as-two",
                [Edit(Span(a.start, end), forms[0])],
                Applicability.REVIEW,
                f"'{text[a.start : end]}' sounds like the term list's '{forms[0]}' said as one word",
                0.4,
                {"term": forms[0], "sound_key": jellyfish.nysiis(joined)},
                tuple(forms[1:4]),
            )
            taken.update((i, i + 1))

    # -- one word: lost capitals or a misspelling
    def single(self, tok: Token) -> None:
        base, low = tok.base, tok.low
        bare_term = self.lex.joined.get(low)
        if bare_term is not None and not tok.suffix and _PUNCTUATED_WORD.fullmatch(bare_term.text):
            self.unpunctuated(tok, bare_term)
            return
        owned = self.lex.owned(low) if tok.suffix[1:] == "s" and not base.isupper() else None
        if owned is not None:
            # a name that ends in its own "'s" ("Lowe's", "Macy's", "Moody's"): the word is the name's, written
            # small, its "'s" kept as the text has it
            self.case(tok, owned, owned=True)
            return
        if self.lex.quiet(base):
            return
        heard = self.lex.and_heard.get(low)
        if heard is not None:
            self.and_run_together(tok, heard)
            return
        form = self.lex.spelling(low)
        if form is None and len(low) > 4 and low.endswith("s") and not low.endswith("ss"):
            if base[:-1] in self.lex.exact:
                return  # a plural of a term, written right
            stem = self.lex.spelling(low[:-1])
            if stem is not None:
                self.case(tok, stem + "s", plural=True)
                return
        if form is not None:
            self.case(tok, form)
            return
        accented = self.lex.unaccented.get(low)
        if accented is not None:
            self.accents(tok, self.lex.spelling(accented) or accented, accented in self.lex.words)
            return
        if len(low) < 4:
            self.acronym_near_miss(tok)
            return
        self.fuzzy(tok)

    def unpunctuated(self, tok: Token, term: Term) -> None:
        """ "obrien", "mcdonalds", "rollsroyce": the term's very letters without its apostrophe or hyphen.
        Sure for a word English does not write so; a question for one it does ("cant" for a list's "Can't")."""
        freq = zipf(tok.low)
        sure = freq < COMMON and not ordinary_word(tok.low)
        self.add(
            "term-punctuation",
            [Edit(Span(tok.start, tok.end), term.text)],
            Applicability.AUTO if sure else Applicability.REVIEW,
            f"'{tok.base}' is the term list's '{term.text}' without its punctuation"
            + ("" if sure else f"; but '{tok.low}' is also an ordinary word"),
            0.9 if sure else 0.5,
            {"term": term.text, "term_list_line": term.line, "zipf": round(freq, 2)},
        )

    def _uses(self, form: str) -> int:
        """How often the transcript writes this term (or the listed singular of it) capitalized inside a sentence."""
        uses = int(self.fact("uses", form))
        singular = form[:-1]
        if form.endswith("s") and self.lex.words.get(singular.lower()) == singular:  # "Roadsters": the list has "Roadster"
            uses += int(self.fact("uses", singular))
        return uses

    def _case_is_sure(self, edit: Edit) -> bool:
        """A one-word capitalization change is sure when the capitals are the term's own, or the word is a name."""
        form = edit.replacement
        low = form.lower()
        distinctive = form != form[:1].upper() + form[1:].lower()
        return distinctive or name_like(low, zipf(low)) or self._capitalized_here(form)

    def _capitalized_here(self, form: str) -> bool:
        """The transcript itself writes the term capitalized inside sentences, at least twice and as often as not."""
        uses = self._uses(form)
        return uses >= 2 and uses >= int(self.fact("count", form.lower()))

    def case(self, tok: Token, form: str, plural: bool = False, owned: bool = False) -> None:
        """The term's capitals on a word written with others; ``plural``: the word is a listed term with an "s";
        ``owned``: the word and its "'s" are a listed name (Lowe's)."""
        base = tok.base
        if form in self.lex.guessed_case or form[:-1] in self.lex.guessed_case:
            return  # the list was written in capitals: it does not say which letters are capitals
        if form == base or form.islower() or (base.isupper() and not form.isupper() and not _MIXED_ACRONYM.fullmatch(form)):
            return  # "NASDAQ" may be how a house writes Nasdaq; "IGG" is only ever IgG
        whole = owned or tok.low in self.lex.words
        freq = zipf(tok.low)
        if freq >= FUNCTION_WORD and (base[1:].islower() or len(base) == 1):
            return  # asking at every "it" or "It" of a call for a list's IT, or "will" for Will, would bury the questions that matter
        named = name_like(tok.low, freq) or (owned and not in_dictionary(tok.low))  # "lowe's" is no English
        if base.islower() and form.istitle() and (whole or form.lower() in self.lex.holders) and self._after_title(tok):
            named = True  # "Mr. price", "Dr. baker": the surname of a person of the list, whatever else the word is
        common = freq >= COMMON and not named
        if not whole and common:
            return  # a common word that is only part of a longer term ("investments") says nothing alone
        if common and base[:1].isupper() and not form.isupper():
            return  # "Target" vs "TARGET"-style differences on a capitalized common word are not worth asking
        # Capitals inside a term (GAAP, CapEx, iPhone) are the term's own, and a name is always capitalized;
        # a plain capital on an ordinary word (Roadster, Diagnostics) may only be how the list was typed,
        # so the transcript must show it too.
        distinctive = form != form[:1].upper() + form[1:].lower()
        used_here = self._uses(form)
        everyday = ordinary_word(tok.low)
        if distinctive and not form.isupper() and len(tok.low) >= 4 and (not everyday or not in_dictionary(tok.low)):
            # capitals inside a word no dictionary has, however often it is said: "iphone", "ebay",
            # "youtube", "playstation", which the web writes in lower case too but no English dictionary
            # has (an all-capitals acronym is judged as other words are: "ups" is also "follow-ups")
            sure, why = True, ""
        elif whole and freq < CAPITALIZED_ONCE and used_here and not plural and len(tok.low) >= 3 and not self._joins_next(tok):
            # a listed name the recognizer itself writes capitalized inside a sentence, and no everyday word
            # ("willow" beside "Willow", "omni" beside "Omni"): the small ones are the same name. Not a word
            # that is only part of a listed name ("the resiliency of our grid" beside the North Florida
            # Resiliency Connection), nor one as common as "target" or "gap"
            sure, why = True, f"; the transcript writes '{form}' {_times(used_here)} inside sentences"
        elif common:
            sure, why = False, f"; but '{tok.low}' is also an ordinary word"
        elif form.isupper() and base.islower() and everyday and int(self.fact("count", tok.low)) < ACRONYM_TOPIC:
            # an acronym that is also an everyday word, said once or twice: "a WIMP is a particle", but
            # "he calls me a wimp"; said again and again it is what the transcript is about ("grail" for GRAIL)
            sure, why = False, f"; but '{tok.low}' is also an ordinary word"
        elif distinctive or named:
            sure, why = True, ""
        elif self._capitalized_here(form):
            sure, why = True, f"; the transcript writes '{form}' {_times(used_here)} inside sentences"
        else:
            sure, why = False, f"; '{tok.low}' may be an ordinary word, and the transcript does not capitalize it elsewhere"
        # an everyday word said again and again, never capitalized, where the paragraph capitalizes names: the
        # recognizer means the word ("target", "president", "financials"), and a question at each would bury
        # the rest (said once, "the born rule" beside a listed Born is still asked)
        dictionary_word = everyday and in_dictionary(tok.low) and form.istitle() and freq >= KNOWN_WORD
        if (
            not sure
            and dictionary_word
            and base.islower()
            and not named
            and not used_here
            and int(self.fact("count", tok.low)) >= SAID_OFTEN
            and self._writes_capitals()
        ):
            return
        alternatives: tuple[str, ...] = ()
        acronym = form[:-1].isupper() and not in_dictionary(tok.low[:-1])
        seen = known_name(tok.low) or (not ordinary_word(tok.low) and freq >= PLURAL_SEEN)
        if plural and sure and not acronym and not seen and self._before_a_word(tok):
            # a name with an "s" before a word ("grails mission", "conchos assets") is as often its
            # possessive, the apostrophe lost, as a plural: GRAIL's mission, Concho's assets. Before
            # punctuation or a little word ("out of roadsters, says"), an acronym's plural (IPOs) and a
            # plural English writes as a name or often ("Americans", "Carolinas", "iPhones") it is a plural
            sure, why = False, f"; '{base}' may be the possessive {form[:-1]}'s"
            alternatives = (form[:-1] + "'s",)
        self.add(
            "term-case",
            [Edit(Span(tok.start, tok.end), form)],
            Applicability.AUTO if sure else Applicability.REVIEW,
            "the term list writes '" + (form + "'s" if owned else form) + "'" + why,
            0.9 if sure else 0.6,
            {"term": form, "zipf": round(freq, 2), "capitalized_elsewhere": used_here},
            alternatives,
        )

    def _writes_capitals(self) -> bool:
        """Whether the paragraph being judged writes names with their capitals: two words or more
        capitalized inside its sentences, not counting "I". A recognizer that writes a stretch in lower
        case says nothing there by leaving a word small; one that capitalizes means its small words."""
        if self.paragraph_capitals is None:
            found = _MID_SENTENCE_CAPITAL.findall(self.t.text, *self.paragraph)
            self.paragraph_capitals = sum(1 for w in found if w != "I" and not w.startswith("I'")) >= PARAGRAPH_CAPITALS
        return self.paragraph_capitals

    def _word_after(self, tok: Token) -> str:
        """The word right after ``tok`` and its possessive ending ("" where none follows)."""
        after = _NEXT_WORD.match(self.t.text, tok.end + len(tok.suffix))
        return after[1] if after is not None else ""

    def _joins_next(self, tok: Token) -> bool:
        """True when the word and the next make another listed term ("omni channel" where the list also has
        Omni-channel): the word is not that name alone there."""
        after = self._word_after(tok)
        return bool(after) and tok.low + after.lower() in self.lex.joined

    def _before_a_word(self, tok: Token) -> bool:
        """True when a word that is no little word of grammar follows ``tok`` (what a possessive needs)."""
        after = self._word_after(tok)
        return bool(after) and after.lower() not in _FUNCTION_WORDS

    def _after_title(self, tok: Token) -> bool:
        return _HONORIFIC_BEFORE.search(self.t.text, max(0, tok.start - 8), tok.start) is not None

    def _relevant(self, form: str) -> bool:
        """True when the transcript elsewhere has the term, or another word of a multi-word term holding it."""
        if self.fact("word", form):
            return True
        for term, _ in self.lex.holders.get(form.lower(), ()):
            if any(w != form and len(w) >= 3 and w.lower() not in _FUNCTION_WORDS and self.fact("word", w) for w in term.words):
                return True
        return False

    def and_run_together(self, tok: Token, term: Term) -> None:
        """ "sgna" -> "SG&A", "PNL" -> "P and L": the letters of an "X and Y" acronym with "and" heard as "n".
        Sure when the word is no word at all; a question when it is one ("TNT" may be the explosive)."""
        freq = zipf(tok.low)
        if freq >= COMMON_WORD_AND:
            return  # "DNA" is too often just that
        sure = freq < RARE_WORD_AND and not ordinary_word(tok.low)
        self.add(
            "and-run-together",
            [Edit(Span(tok.start, tok.end), term.text)],
            Applicability.AUTO if sure else Applicability.REVIEW,
            f"'{tok.base}' is the term list's '{term.text}' said with 'and' run into its letters",
            0.9 if sure else 0.5,
            {"term": term.text, "term_list_line": term.line, "zipf": round(freq, 2)},
        )

    def acronym_near_miss(self, tok: Token) -> None:
        # three capitals one letter from a listed acronym are another acronym far more often than a
        # misheard one ("EPS" for UPS, "FPL" for PPL: 544 such questions on Earnings-21, next to none right)
        if not tok.base.isupper() or len(tok.base) < 4:
            return
        near = [a for a in self.lex.acronyms if len(a) == len(tok.base) and Levenshtein.distance(a, tok.base) == 1]
        if near:
            self.add(
                "acronym-near-miss",
                [Edit(Span(tok.start, tok.end), near[0])],
                Applicability.REVIEW,
                f"'{tok.base}' is one letter away from the term list's acronym {near[0]}",
                0.5,
                {"terms": near},
                tuple(near[1:]),
            )

    def fuzzy(self, tok: Token) -> None:
        base, low = tok.base, tok.low
        if base.isupper() and len(base) <= 6:
            self.acronym_near_miss(tok)
            return
        if self.fact("speaker", base):
            return
        cands = self.lex.plausible(low)
        if not cands:
            return
        best = cands[0]
        if _loses_accent(low, best.form.lower()):
            return  # the text has accents the term list leaves out ("México")
        if low.isascii() and without_accents(best.form.lower()) == low and not best.form.isascii():
            self.accents(tok, best.form, best.whole_term)
            return
        ties = [c for c in cands if (c.distance, c.sounds_alike) == (best.distance, best.sounds_alike)]
        common = zipf(low)
        if common >= NEVER:
            return
        if common >= RARE and ordinary_word(best.form.lower()):
            return  # one ordinary word for another ("gross" / a list's "Cross"): no name the recognizer lost
        in_doc = bool(self.fact("word", best.form))
        # another first letter only for the same sound on both keys, and a term this transcript spells
        # right elsewhere ("karolina" beside "Carolina")
        same_start = best.form.lower()[:1] == low[:1] or (sound_keys_agree(low, best.form.lower()) == 2 and in_doc)
        strong = best.sounds_alike and same_start and len(ties) == 1 and len(best.form) >= 5
        # a lower-case word that English knows is not a misspelt name ("ramen" is not "Raman")
        case_conflict = base.islower() and best.form[:1].isupper() and common >= 2.0
        # two edits apart is only sure in a long word: short names two letters apart are often other names
        close = best.distance == 1 or (best.distance == 2 and len(low) >= 8)
        # both sound keys must agree, unless the word is no word at all
        sound = sound_keys_agree(low, best.form.lower()) == 2 or (common == 0 and best.sounds_alike)
        # a word English has seen now and then (a name, say) is only replaced by a term this transcript is about
        relevant = self._relevant(best.form)
        # the first word of a longer term alone ("Sundar" of a listed "Sundar Pichai", "Folsom" of "Folsom
        # Ranch") is a first name many people share, or a place: only where the transcript names the rest
        first_word = not best.whole_term and all(pos == 0 for _, pos in self.lex.holders.get(best.form.lower(), ()))
        sure = strong and sound and not case_conflict and close and common < RARE and (relevant or (common < 2.0 and not first_word))
        sure = sure and not _other_number(low, best.form.lower())  # one or many is grammar, not hearing
        # a short everyday word or common name ("stores", "Travis") is what any speller would offer for a
        # garbled word ("stires", "Traviss"): the list only says it is meant where the transcript is about it
        # (one letter from a long one, "Missisippi", "Einstien", is that name misspelt)
        sure = sure and (relevant or zipf(best.form.lower()) < COMMON or len(best.form) >= 8)
        # a typing slip: a long word that is no word at all, one letter from one long term alone and
        # starting as it does, whatever its sound ("empaglifozin": a dropped letter changes the sound keys)
        slip = common == 0 and best.distance == 1 and len(ties) == 1 and min(len(low), len(best.form)) >= SLIP_MIN
        slip = slip and best.whole_term and best.form.lower()[:2] == low[:2] and not case_conflict and not ordinary_word(low)
        sure = sure or (slip and not _other_number(low, best.form.lower()))
        if not sure and not best.sounds_alike and (common >= RARE or (common > 0 and not in_doc and len(low) < SLIP_MIN)):
            # a word English knows one letter from a term, sounding different: noise, not a lead (on
            # Earnings-21, such short ones were one question in fifteen right); still asked where the
            # transcript spells the term right elsewhere ("Anan" beside Anand), for a long word
            # ("Hollingworth") or a spelling no one writes
            return
        if not sure and not best.whole_term and common >= RARE and ordinary_word(low):
            return  # an everyday word near one word of a longer term ("mathematics" of Principia Mathematica): no lead
        evidence = {
            "term": best.form,
            "edit_distance": best.distance,
            "sounds_alike": best.sounds_alike,
            "zipf": round(common, 2),
            "term_spelled_right_elsewhere": in_doc,
            "term_relevant_here": relevant,
        }
        alternatives = tuple(c.form for c in cands[1:4] if c.form != best.form)
        why = f"'{base}' is {best.distance} letter(s) from the term list's '{best.form}'" + (
            " and sounds the same" if best.sounds_alike else ""
        )
        if not sure:
            why += "; " + (f"'{base}' is itself a common word or name" if common >= RARE else "not sure enough to change without a person")
        written = _write_as(best.form, base)
        if base.islower() and not best.whole_term and written == written.capitalize() and ordinary_word(written.lower()):
            written = written.lower()  # "retial sales" is "retail sales": only the whole term "Sears Retail" capitalizes it
        self.add(
            "term-spelling",
            [Edit(Span(tok.start, tok.end), written)],
            Applicability.AUTO if sure else Applicability.REVIEW,
            why,
            0.9 if sure else 0.5,
            evidence,
            alternatives,
        )

    def accents(self, tok: Token, form: str, whole_term: bool) -> None:
        """ "Schrodinger" for a list's "Schrödinger": its very letters, without the accents. Sure for a term
        of its own that English does not write so; a question for a word English does write so ("resume"
        for a list's "Résumé", "nestle"), or for one word of a longer term ("Mexico" the country beside
        a list's "Santander México"; "Porzingis" for a listed "Kristaps Porziņģis" is no word of English, and sure)."""
        sure = (whole_term or zipf(tok.low) < RARE) and not ordinary_word(tok.low)
        why = "" if sure else f"; '{tok.base}' is also an English word" if whole_term else f"; '{form}' is one word of a longer term"
        self.add(
            "term-accents",
            [Edit(Span(tok.start, tok.end), _write_as(form, tok.base))],
            Applicability.AUTO if sure else Applicability.REVIEW,
            f"the term list writes '{form}' with accents" + why,
            0.9 if sure else 0.5,
            {"term": form},
        )


def reads_as_english(word_counts: Counter[str]) -> bool:
    """False for a transcript in another language: the word frequencies every guard rests on are English
    ones, and to them "ventas" or "plantas" is as rare as a name. At most a twentieth of an English
    transcript's words are unknown to English (names, garbled words); a Spanish one has over a third."""
    total = unknown = 0
    # plain ASCII words only (an accented one would load wordfreq's whole list), and a few thousand
    # distinct ones are plenty to tell
    for word, n in itertools.islice(((w, n) for w, n in word_counts.items() if len(w) >= 3 and w.isascii() and w.isalpha()), 5000):
        total += n
        if frequency.zipf(word) < FOREIGN_ZIPF:
            unknown += n
    return total < FOREIGN_MIN_WORDS or unknown <= FOREIGN_SHARE * total


CAPITALS_SAMPLE = 600  # characters of a paragraph read to tell whether it is written in capitals
_NO_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")


def _lowered(t: Transcript) -> Transcript:
    """The transcript with its paragraphs written all in capitals (a broadcast's captions) in lower case:
    the words they stand for, judged as a recognizer's lower-case output is. Every capital there says
    nothing of a name."""
    text = t.text
    pieces: list[str] = []
    pos = 0
    for b in t.blocks:
        if b.kind is not BlockKind.PARAGRAPH:
            continue
        # its opening words tell (the whole of a long paragraph would cost a scan of every text), and
        # most paragraphs are a quarter lower-case letters or more, which a count in C shows at once
        sample = text[b.span.start : min(b.span.end, b.span.start + CAPITALS_SAMPLE)]
        if 4 * (len(sample) - len(sample.translate(_NO_LOWER))) < len(sample) and written_in_capitals(sample, 0, len(sample)):
            lower = text[b.span.start : b.span.end].lower()
            if len(lower) == b.span.end - b.span.start:  # every offset stays where it was
                pieces += (text[pos : b.span.start], lower)
                pos = b.span.end
    return replace(t, text="".join(pieces) + text[pos:]) if pieces else t


def run(t: Transcript, ctx: PassContext) -> PassResult:
    labels = label_lexicon(label_names(t))
    result = PassResult()
    if ctx.lexicon is None and labels is None:
        return result
    view = _lowered(t)
    if ctx.lexicon is not None:
        result = _find(t, view, ctx.lexicon, (BlockKind.PARAGRAPH, BlockKind.SPEAKER, BlockKind.HEADING))
    if labels is not None:
        if ctx.lexicon is not None:
            labels.document_counts = ctx.lexicon.document_counts  # the same text's counts, not counted again
        _add_label_terms(result, _find(t, view, labels, (BlockKind.PARAGRAPH,), speakers=True), ctx.lexicon)
    return result


def _add_label_terms(result: PassResult, found: PassResult, listed: Lexicon | None) -> None:
    """The speaker labels' names restored in the speech, where the user's term list found nothing there
    (its terms come first, and a word it writes is never changed) and the label's spelling is no slip
    beside a better-known one in the speech. A question is kept only for a whole name ("Bob Smyth" for
    a label's "Bob Smith"): one at every "company representative" under such a label, or at every
    "Jira" near a "Jiri", would bury the ones that matter."""
    taken = [sg.span for sg in result.suggestions]
    for sg in found.suggestions:
        if any(sg.span.start < s.end and s.start < sg.span.end for s in taken):
            continue
        known = better_known(sg.before, sg.after)
        if not known and not (sg.applicability is Applicability.AUTO and rare_both(sg.before, sg.after)):
            continue
        words = WORD_RE.findall(sg.before)
        if listed is not None and any(listed.has_exact(w) for w in words):
            continue
        if sg.applicability is not Applicability.AUTO and (sg.before.lower() == sg.after.lower() or len(words) < 2):
            continue
        evidence = {k: v for k, v in sg.evidence.items() if k != "term_list_line"} | {"source": label_terms.SOURCE}
        reason = sg.reason.replace("the term list", "a speaker label")
        if not known:
            # two rare spellings of one name ("Halverson" in the speech, "Ingrid Halvorsen" on the label):
            # the label is as likely the slip, so a person decides
            sg = replace(sg, applicability=Applicability.REVIEW, confidence=0.6)
            reason += "; the speech's spelling is a name too, so which is right is unclear"
        result.suggestions.append(replace(sg, rule_id="label-" + sg.rule_id, reason=reason, evidence=evidence))


def _find(t: Transcript, view: Transcript, lexicon: Lexicon, kinds: tuple[BlockKind, ...], speakers: bool = False) -> PassResult:
    """One term list's suggestions for the blocks of these kinds, judged in ``view`` (see _lowered)."""
    run_ = _Run(view, lexicon, speakers)
    for block in t.blocks:
        if block.kind in kinds:
            run_.block(block.span.start, block.span.end)
    if any(sg.applicability is Applicability.AUTO for sg in run_.result.suggestions) and not reads_as_english(run_.word_counts):
        run_.result.suggestions = [
            replace(sg, applicability=Applicability.REVIEW, reason=sg.reason + "; the transcript does not read as English")
            if sg.applicability is Applicability.AUTO
            else sg
            for sg in run_.result.suggestions
        ]
    if view is not t:
        # found in the lower-case view: built again on the text itself, where they are written in capitals
        run_.result.suggestions = [
            suggest(t, PASS_ID, sg.rule_id, sg.edits, sg.applicability, sg.reason, sg.confidence, sg.evidence, sg.alternatives, sg.priority)
            for sg in run_.result.suggestions
        ]
    return run_.result
