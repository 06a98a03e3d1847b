"""A user's term list, indexed for fast, explainable look-up of misrecognized terms.

Nothing here scans the term list per token: single words are found through a
symmetric-delete index (one deletion on each side finds every spelling within
two edits) and phonetic buckets (Metaphone); multi-word terms through an index
of their words; split words through their joined form. Each unique token is
judged once and cached.

Precision first: being close in spelling is never enough on its own. How sure
a candidate is comes from ``judge`` in the lexicon pass; this module only
finds and measures candidates.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jellyfish
from rapidfuzz.distance import OSA, Levenshtein

from . import frequency
from .cache import cached
from .dictionaries import WORD_RE, TermEntry, load_term_list
from .hashindex import HashIndex, entry
from .spoken import term_said
from .wordcase import name_like, ordinary_word

# most words have no candidate: one shared empty list (never changed) for all of them in the caches,
# not one each (about 1.5 MB over 10 MB of transcripts)
_NO_CANDIDATES: list[Candidate] = []


PAIR_TERMS_MAX = 5_000  # one-word terms: a longer list has a term sounding like almost any two words


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    """How common a word is in English (Zipf scale: 3 is once per million words)."""
    return frequency.zipf(word)


@lru_cache(maxsize=16_384)  # 50k held 6 MB more on the largest list for at most a few percent of speed
def phonetic(word: str) -> tuple[str, str]:
    """Two sound-alike keys; a match on either says two spellings sound the same. Accents say nothing of
    the sound the keys catch ("Tomás" and "Thomas"), and Metaphone drops a letter it does not know."""
    w = without_accents(word.lower())
    return jellyfish.metaphone(w), jellyfish.nysiis(w)


def sound_keys_agree(a: str, b: str) -> int:
    """On how many of the two sound-alike keys (Metaphone, NYSIIS) two spellings agree."""
    pa, pb = phonetic(a), phonetic(b)
    return int(bool(pa[0]) and pa[0] == pb[0]) + int(bool(pa[1]) and pa[1] == pb[1])


def sounds_alike(a: str, b: str) -> bool:
    return sound_keys_agree(a, b) > 0


def without_accents(word: str) -> str:
    """The word without its accents ("méxico" -> "mexico", "Tomás" -> "Tomas")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


_VOWEL_ENDING = re.compile(r"[aeiou]$")


def another_closing_vowel(a: str, b: str) -> bool:
    """Two spellings (lower case) of one name but for a closing vowel, which makes another person's
    name ("dan" and "dana", "julio" and "julia", "louis" and "louise")."""
    return _VOWEL_ENDING.sub("", a) == _VOWEL_ENDING.sub("", b)


def deletions(word: str) -> set[str]:
    """The word and every spelling of it one letter shorter: two words one edit apart share one."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


LONGEST_WORD = 48  # no term's word is longer; a longer "word" is a key, a hash or an address, never misheard
ANCHOR_MAX_ZIPF = 3.5  # a word more common than this is no evidence that a multi-word term is meant

_SUFFIXES = ("s", "es", "'s", "al", "ic", "ed", "ing", "er", "ers", "ly", "n", "ns", "ian", "ians", "ism", "ist", "ists")


def inflection(word: str, term: str) -> bool:
    """True when one is the other plus an ending ("mitochondrial" / "mitochondria"): a different word, not a typo."""
    longer, shorter = (word, term) if len(word) >= len(term) else (term, word)
    ending = longer[len(shorter) :]
    if ending == "s" and shorter.endswith("s"):
        return False  # "Postgress" is no plural of "Postgres"
    return longer.startswith(shorter) and ending in _SUFFIXES


# an acronym of two letter groups joined by "&" or "and": "SG&A", "P and L", "AT&T"
_AND_ACRONYM = re.compile(r"([A-Z]{1,3}) ?(?:&| and ) ?([A-Z]{1,3})")


# an acronym with one small letter inside, capitals at both ends ("HFrEF", "IgG", "PhD"): spelled out letter by letter
_SMALL_LETTER_ACRONYM = re.compile(r"[A-Z]+[a-z][A-Z]+")
# the first word of a name joined from two ("Next" of "NextEra", "Micro" of "MicroEssentials")
_CAMEL_HEAD = re.compile(r"([A-Z][a-z]{3,})(?=[A-Z][a-z]{2,})")


def join_key(text: str) -> str:
    """A term with its word breaks taken out: "NextEra Energy", "Next Era Energy" and "next-era energy"
    share one key, and so do "M&A" and "M and A"."""
    return "".join(ch for ch in text.lower().replace("&", "and") if ch.isalnum())


def bare(word: str) -> str:
    """A word without its possessive ending, as tokens.py reads the text's words ("Mary's": "Mary")."""
    return word[:-2] if len(word) > 2 and word[-2:] in ("'s", "’s") else word


def max_distance(length: int) -> int:
    """How many edits a misspelling of a word this long may have and still be a candidate."""
    return 1 if length <= 5 else 2 if length <= 9 else 3


@dataclass(frozen=True)
class Term:
    text: str
    words: tuple[str, ...]
    line: int

    @property
    def lower(self) -> str:
        return " ".join(self.words).lower()


@dataclass(frozen=True)
class Candidate:
    """A lexicon word near a text word, with the measurements that judge it."""

    form: str  # the spelling to write (a whole single-word term, or one word of a longer term)
    distance: int
    sounds_alike: bool
    whole_term: bool  # the form is a term by itself, not a word inside a longer one


class Lexicon:
    """Correct terms and the indexes that find misspellings of them."""

    def __init__(self, entries: list[TermEntry], source: str = "") -> None:
        self.source = source
        self.terms = [Term(e.text, tuple(WORD_RE.findall(e.text)), e.line) for e in entries]
        self.exact: set[str] = set()  # every term and every word of a term, as written
        self.by_lower: dict[str, list[Term]] = defaultdict(list)
        self.words: dict[str, str] = {}  # lower word -> spelling, for words that are whole terms
        self.parts: dict[str, str] = {}  # lower word -> spelling, for words inside multi-word terms
        self.joined: dict[str, Term] = {}  # join_key(term) -> term, for terms written with other word breaks
        self.anchors: dict[str, list[tuple[Term, int]]] = defaultdict(list)  # distinctive word -> multi-word terms holding it
        # multi-word terms of everyday words only ("Contract Logistics"), by their first word: too common to
        # anchor a search on their own, they are tried where the second word follows too
        self.plain_heads: dict[str, list[Term]] = defaultdict(list)
        self.holders: dict[str, list[tuple[Term, int]]] = defaultdict(list)  # any word -> multi-word terms holding it
        self.acronyms: dict[str, Term] = {}
        self.found_by_words: set[str] = set()  # multi-word terms the word-by-word rules look for (anchored or plain)
        # terms and words whose capitals are only guessed (a list written in capitals): no capitals are restored from them
        self.guessed_case: set[str] = set()
        self.and_heard: dict[str, Term] = {}  # "sgna" -> SG&A: an "X and Y" acronym run together, "and" heard as "n"
        # "porzingis" -> "porziņģis": a word with its accents taken off, however many ("Schrodinger", one letter
        # off, the fuzzy lookup finds too; two or three are too many letters for it)
        self.unaccented: dict[str, str] = {}
        self.max_words = 1
        self._fuzzy_words: list[str] = []  # lower-case words misspellings are looked up against, by number
        self._fuzzy_number: dict[str, int] = {}
        deletes: list[int] = []  # HashIndex entries
        sounds: list[int] = []
        for listed, term in zip(entries, self.terms, strict=True):
            if listed.guessed_case:
                self.guessed_case.add(term.text)
                self.guessed_case.update(term.words)
            self.exact.add(term.text)
            self.by_lower[term.lower].append(term)
            key = join_key(term.text)
            m = _AND_ACRONYM.fullmatch(term.text)
            if m:
                self.and_heard[(m[1] + "n" + m[2]).lower()] = term
            if len(key) >= 5:
                self.joined.setdefault(key, term)
                self.max_words = max(self.max_words, len(term.words))
            for said in term_said(term.text):  # "cas nine" for Cas9, "covid nineteen" for COVID-19
                if len(join_key(said)) < 5:
                    continue
                self.joined.setdefault(join_key(said), term)
                self.max_words = max(self.max_words, len(WORD_RE.findall(said)))
            if len(term.words) == 1 and not term.text[:1].isalnum() and term.text[:1] not in "'’":
                # ".NET", "(RED)", "#MeToo": the word alone is not the term ("net" is no ".NET"); said, ".NET" is "dot net"
                if term.text.startswith(".") and len(key) >= 2:
                    self.joined.setdefault("dot" + key, term)
                    self.max_words = max(self.max_words, 2)
            elif len(term.words) == 1:
                self._add_word(term.words[0], True, deletes, sounds)
                if term.text.isupper() and 2 <= len(term.text) <= 8:
                    self.acronyms[term.text] = term
                elif len(term.text) <= 8 and _SMALL_LETTER_ACRONYM.fullmatch(term.text):
                    self.acronyms.setdefault(term.text.upper(), term)  # "h f r e f" spells HFrEF, "i g g" IgG
            else:
                anchored = False
                for i, w in enumerate(term.words):
                    self.exact.add(w)
                    if i == len(term.words) - 1:
                        w = bare(w)  # the text's words are read without their possessive ("saint mary's": "mary")
                    self.holders[w.lower()].append((term, i))
                    # only a distinctive word can anchor a match: "of" or "company" would try every term;
                    # a name, or a word no dictionary writes in lower case, is distinctive however common
                    # ("america" in "Bank of America", "denver" in "Gardner Denver")
                    if len(w) >= 3 and (zipf(w.lower()) < ANCHOR_MAX_ZIPF or (w[:1].isupper() and not ordinary_word(w.lower()))):
                        self.anchors[w.lower()].append((term, i))
                        anchored = True
                    # a name joined from two words ("NextEra") is often heard as its first alone ("next energy")
                    head = _CAMEL_HEAD.match(w)
                    if head:
                        self.anchors[head[1].lower()].append((term, i))
                        anchored = True
                    if w[:1].isupper() and len(w) >= 4:
                        self._add_word(w, False, deletes, sounds)
                # plain words and hyphens only: "Department of Defense", "Coca-Cola", "COVID-19" (not "AS&I", "J.B.")
                plain = term.text.replace("-", " ") == " ".join(term.words) and term.words[0].isalpha() and len(term.words[0]) >= 2
                if not anchored and plain and any(ch.isupper() for ch in term.text):
                    # everyday words the list capitalizes ("Contract Logistics"): found from the first word,
                    # for the capitals alone (a question unless the transcript itself writes them)
                    self.plain_heads[term.words[0].lower()].append(term)
                    anchored = True
                if anchored:
                    self.found_by_words.add(term.text)
        self._cache: dict[str, list[Candidate]] = {}
        self._plausible: dict[str, list[Candidate]] = {}
        self._quiet: dict[str, bool] = {}
        self._prefix_cache: dict[str, bool] = {}
        # passes/lexicon.py: each word's flags for heard_as_words, which depend on the list alone
        self.pair_kinds: dict[str, int] = {}
        # passes/lexicon.py: paragraph text -> (its suggestions, the document facts they rested on)
        self.paragraph_memo: dict[str, tuple[list[tuple[object, ...]], list[tuple[str, str, object]]]] = {}
        # passes/lexicon.py: the last round's word counts of this document, brought up to date line by line
        self.document_counts: object | None = None
        self._joined_keys = sorted(self.joined)
        # packed into sorted integer arrays: a few MB for 50,000 terms instead of a hundred
        self._deletes = HashIndex(deletes)
        self._sounds = HashIndex(sounds)
        del self._fuzzy_number
        # the names' NYSIIS keys, one deletion deep: what two words run together may be ("death left")
        name_sounds: list[int] = []
        for n, low in enumerate(self._fuzzy_words):
            if len(low) >= 5 and low.isalpha() and name_like(low, zipf(low)):
                name_sounds.extend(entry(d, n) for d in deletions(phonetic(low)[1]))
        self._name_sounds = HashIndex(name_sounds)
        self._pair_cache: dict[str, list[str]] = {}
        self.by_lower = dict(self.by_lower)
        self.anchors = dict(self.anchors)
        self.plain_heads = dict(self.plain_heads)
        self.holders = dict(self.holders)

    def _add_word(self, word: str, whole: bool, deletes: list[int], sounds: list[int]) -> None:
        low = word.lower()
        table = self.words if whole else self.parts
        table.setdefault(low, word)
        plain = without_accents(low)
        if plain != low and plain.isascii():
            self.unaccented.setdefault(plain, low)
        if len(low) >= 4 and low not in self._fuzzy_number:
            n = self._fuzzy_number[low] = len(self._fuzzy_words)
            self._fuzzy_words.append(low)
            deletes.extend(entry(d, n) for d in deletions(low))
            key = phonetic(low)[0]
            if key:
                sounds.append(entry(key, n))

    @classmethod
    def load(cls, paths: list[Path]) -> Lexicon:
        """Term lists from files, read and checked every time; a large one is indexed once and cached on disk."""
        entries: list[TermEntry] = []
        seen: set[str] = set()
        for p in paths:
            for e in load_term_list(p):
                if e.text not in seen:
                    seen.add(e.text)
                    entries.append(e)
        return cached("lexicon", paths, lambda: cls(entries, ", ".join(str(p) for p in paths)))

    def has_exact(self, text: str) -> bool:
        return text in self.exact or (text.lower() in self.by_lower and any(t.text == text for t in self.by_lower[text.lower()]))

    def spelling(self, low: str) -> str | None:
        """The lexicon's spelling of a word it holds, whole terms first."""
        return self.words.get(low) or self.parts.get(low)

    def owned(self, low: str) -> str | None:
        """The listed name that is this word and its own "'s" ("lowe" for Lowe's), without the "'s"; None if none.
        A text's "lowe's" is read as "lowe" and a possessive, so the name is looked up with its ending put back."""
        form = self.spelling(low + "'s") or self.spelling(low + "’s")
        return form[:-2] if form is not None and form[-2:-1] in ("'", "’") else None

    def joined_prefix(self, key: str) -> bool:
        """True when some term, word breaks taken out, starts with ``key``: worth reading one more word."""
        hit = self._prefix_cache.get(key)
        if hit is None:
            i = bisect_left(self._joined_keys, key)
            hit = i < len(self._joined_keys) and self._joined_keys[i].startswith(key)
            if len(self._prefix_cache) > 100_000:
                self._prefix_cache.clear()
            self._prefix_cache[key] = hit
        return hit

    def start_document(self) -> None:
        """Forget the last document's paragraph verdicts and word counts: they serve the rounds of one
        document, and keeping them across a folder only costs memory."""
        self.paragraph_memo.clear()
        self.document_counts = None

    def names_sounding_like(self, joined: str) -> list[str]:
        """Names of the list (lower case) whose NYSIIS key is one edit from that of ``joined``, two words run
        together ("deathleft" for "detlef"), with the same first letter or sound. Cached per pair."""
        hit = self._pair_cache.get(joined)
        if hit is None:
            key = jellyfish.nysiis(joined)
            found = {self._fuzzy_words[n] for d in deletions(key) for n in self._name_sounds.get(d)}
            # the same first letter, or the same first sound ("cooper nettie's" for "kubernetes")
            hit = sorted(
                w for w in found if (w[0] == joined[0] or phonetic(w)[1][:1] == key[:1]) and Levenshtein.distance(phonetic(w)[1], key) <= 1
            )
            if len(self._pair_cache) > 20_000:
                self._pair_cache.clear()
            self._pair_cache[joined] = hit
        return hit

    def quiet(self, word: str) -> bool:
        """True when no term could be meant by this word (cached per word): the common case, made cheap."""
        hit = self._quiet.get(word)
        if hit is None:
            hit = self._quiet[word] = self._is_quiet(word)
        return hit

    def _is_quiet(self, word: str) -> bool:
        if word in self.exact or not word[:1].isalpha() or len(word) < 2:
            return True
        low = word.lower()
        if (
            low in self.and_heard
            or low in self.unaccented
            or low in self.joined  # perhaps a term without its apostrophe or hyphen ("obrien", "rollsroyce")
            or self.spelling(low) is not None
            or self.owned(low) is not None
            or (len(low) > 4 and low.endswith("s") and not low.endswith("ss") and self.spelling(low[:-1]) is not None)
        ):
            return False
        if (word.isupper() and len(word) <= 6) or len(low) < 4:
            return not (
                word.isupper() and len(word) >= 4 and any(len(a) == len(word) and Levenshtein.distance(a, word) == 1 for a in self.acronyms)
            )
        return not self.plausible(low)

    def heard_as_words_worth_asking(self) -> bool:
        """Whether two words said together may be asked about as a one-word term (passes/lexicon.py):
        not for a list of more than PAIR_TERMS_MAX one-word terms, where some term sounds like almost any
        pair of words, so a question would say little (and cost a tenth of the cleaning time)."""
        halves = getattr(self, "_halves", None)
        if halves is None:
            singles = [low for low in self.words if len(low) >= 5 and low.isalpha()]
            found: list[int] = []
            if len(singles) <= PAIR_TERMS_MAX:
                for low in singles:
                    whole = phonetic(low)[0]
                    for j in range(1, len(whole)):
                        found += (entry(whole[:j], 0), entry(whole[j:], 1))
            halves = self._halves = HashIndex(found)
        return len(halves) > 0

    def sound_parts(self, key: str) -> tuple[bool, bool]:
        """Whether some one-word term of five letters or more has a Metaphone key that starts with ``key``,
        and whether one has a key that ends with it (what two words said for one name must each be: "pie"
        and "torch" for PyTorch); once heard_as_words_worth_asking has indexed them."""
        parts = self._halves.get(key)
        return 0 in parts, 1 in parts

    def sounds_like_a_term(self, low: str) -> bool:
        """A cheap first look: some word of the list has this word's Metaphone key."""
        return self.sounds_like_key(jellyfish.metaphone(low))  # not phonetic()'s cache: words run together are seldom asked twice

    def sounds_like_key(self, key: str) -> bool:
        return bool(key) and len(self._sounds.get(key)) > 0

    def plausible(self, low: str, remember: bool = True) -> list[Candidate]:
        """Candidates that could be this word misheard: sound-alike (or one letter off with the same start),
        digits where the word has digits, not an inflection, not an ordinary lower-case word. Cached per word,
        unless ``remember`` is false (two words run together are seldom asked twice, and there are many)."""
        hit = self._plausible.get(low)
        if hit is not None:
            return hit
        digits = any(ch.isdigit() for ch in low)
        out = [
            c
            for c in self.candidates(low, remember)
            if (c.sounds_alike or (c.distance == 1 and c.form.lower()[:1] == low[:1]))
            and any(ch.isdigit() for ch in c.form) == digits
            and not inflection(low, c.form.lower())
            and not (c.form.islower() and zipf(c.form) >= ANCHOR_MAX_ZIPF)
        ]
        if remember:
            self._plausible[low] = out or _NO_CANDIDATES
        return out

    def candidates(self, word: str, remember: bool = True) -> list[Candidate]:
        """Lexicon words within a few edits of ``word`` or sounding like it, nearest first."""
        low = word.lower()
        hit = self._cache.get(low)
        if hit is not None:
            return hit
        found: set[str] = set()
        if len(low) > LONGEST_WORD:
            return []  # a key or a hash pasted into the text: its one-letter deletions alone would fill the memory
        if len(low) >= 4:
            words = self._fuzzy_words
            for d in deletions(low):
                found.update(words[n] for n in self._deletes.get(d))
            key = phonetic(low)[0]
            if key:
                found.update(words[n] for n in self._sounds.get(key))
        found.discard(low)
        limit = max_distance(len(low))
        out = []
        for cand in found:
            dist = OSA.distance(low, cand, score_cutoff=limit + 1)  # a swap of two letters is one edit ("Spier" / "Spire")
            if dist <= limit:
                whole = cand in self.words
                out.append(Candidate(self.words.get(cand) or self.parts[cand], dist, sounds_alike(low, cand), whole))
        out.sort(key=lambda c: (c.distance, not c.sounds_alike, not c.whole_term, c.form))
        if remember:
            self._cache[low] = out or _NO_CANDIDATES
        return out
