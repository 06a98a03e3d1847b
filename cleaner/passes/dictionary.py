"""Dictionary rules: exact words and phrases (and guarded patterns), with context conditions.

Every literal of every loaded dictionary is found in one Aho-Corasick scan
per paragraph; a hit counts only on whole-word boundaries and when its
context (words near it in the same paragraph) allows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from ..dictionaries import WORD_RE, Dictionary, Rule, compile_literals
from ..language import LANGUAGES
from ..lexicon import Lexicon
from ..model import Applicability, Edit, Span, Transcript
from ..tokens import in_address_or_code
from . import Paragraphs, PassContext, PassResult, match_case, sentence_start, suggest

# the word right before a place ("leave" before " there"), to show a change with it
_WORD_BEFORE = re.compile(r"[\w'’-]+$")
SCOPE = "block"  # each result depends only on its own block: see cleaner/replay.py
PASS_ID = "dictionary"


def _named(code: str | None) -> str:
    return "English" if code == "en" else LANGUAGES.get(code or "", repr(code))


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _replacement(rule: Rule, source: str, text: str, start: int, repl: str) -> str:
    if rule.case == "match-source":
        return match_case(source, repl)
    # a capital where a sentence starts, unless the text writes it in lower case there (ASR lines that
    # begin mid-sentence: "non gap profitability" is "non-GAAP profitability")
    if repl[:1].islower() and sentence_start(text, start) and not source[:1].islower():
        return repl[:1].upper() + repl[1:]
    return repl


def _context_allows(rule: Rule, text: str, s: int, e: int, bs: int, be: int) -> bool:
    # only the window's words either side: read a stretch that surely holds them, not the whole
    # paragraph (a transcript on one line is one paragraph), and the whole paragraph only if it did not
    reach = 40 * (rule.context.window + 1)
    lo, hi = max(bs, s - reach), min(be, e + reach)
    before = WORD_RE.findall(text, lo, s)
    if lo > bs and len(before) <= rule.context.window:
        before = WORD_RE.findall(text, bs, s)
    after = WORD_RE.findall(text, e, hi)
    if hi < be and len(after) <= rule.context.window:
        after = WORD_RE.findall(text, e, be)
    n = rule.context.window + 1
    return rule.context.allows([w.lower() for w in before[-n:]], [w.lower() for w in after[:n]])


class _Literals(NamedTuple):
    dictionaries: tuple[Dictionary, ...]  # kept, so the ids the cache is keyed by stay theirs
    automaton: ahocorasick.Automaton | None
    place: dict[int, int]  # a literal rule's id -> the index of its dictionary
    presence: ahocorasick.Automaton | None  # every pattern rule's Rule.presence literal: see _present


# every dictionary's literals in one automaton, by the dictionaries' identity: one scan of the text
# serves them all
_COMBINED: dict[tuple[int, ...], _Literals] = {}


def _literals(dictionaries: tuple[Dictionary, ...]) -> _Literals:
    key = tuple(map(id, dictionaries))
    if key not in _COMBINED:
        if len(_COMBINED) > 8:
            _COMBINED.clear()
        rules = [(n, r) for n, d in enumerate(dictionaries) for r in d.rules if r.match]
        presence = {r.presence for d in dictionaries for r in d.pattern_rules if r.presence}
        _COMBINED[key] = _Literals(dictionaries, compile_literals([r for _, r in rules]), {id(r): n for n, r in rules}, _finder(presence))
    return _COMBINED[key]


def _finder(literals: set[str]) -> ahocorasick.Automaton | None:
    """One automaton over these literals, each its own value (None for none)."""
    if not literals:
        return None
    finder = ahocorasick.Automaton()
    for literal in literals:
        finder.add_word(literal, literal)
    finder.make_automaton()
    return finder


def _literal_hits(
    text: str, low: str, base: int, automaton: ahocorasick.Automaton | None, spans: list[tuple[int, int]]
) -> dict[int, list[tuple[Rule, int, int]]]:
    """Each paragraph's whole-word literal matches (by the paragraph's index), from one Aho-Corasick scan
    of ``low``, the text from ``base`` on in lower case: a literal holds no line break, so none runs from
    one paragraph into the next."""
    found: dict[int, list[tuple[Rule, int, int]]] = {}
    if automaton is None:
        return found
    paragraphs = Paragraphs(spans)
    size = len(text)
    for end_idx, rules in automaton.iter(low):
        e = base + end_idx + 1
        for rule in rules:
            assert rule.match is not None
            s = e - len(rule.match)
            if (s > 0 and _is_word_char(text[s - 1])) or (e < size and _is_word_char(text[e])):
                continue
            if rule.match_case and text[s:e] != rule.match:
                continue
            if (i := paragraphs.holding(s, e)) >= 0:
                found.setdefault(i, []).append((rule, s, e))
    return found


def _pattern_hits(
    text: str, rules: list[Rule], spans: list[tuple[int, int]], whole: bool, present: dict[str, list[int] | None] | None = None
) -> dict[int, list[tuple[Rule, int, int]]]:
    """Each paragraph's pattern matches (by the paragraph's index), a rule at a time, as if each paragraph
    were searched alone. A rule with a gate searches only the paragraphs that hold it. One without is
    searched over the whole text once: asking tens of thousands of short paragraphs costs more than the
    search itself; a paragraph a match runs into or out of is then searched alone, and so is every
    paragraph for a pattern with "$" (which a paragraph's end would match). Not ``whole`` (a later
    round's few changed paragraphs): each paragraph is searched alone. ``present``: where the first
    round's one Aho-Corasick scan found each presence literal, which spares an anchored rule its own search."""
    paragraphs = Paragraphs(spans)
    found: dict[int, list[tuple[Rule, int, int]]] = {}
    for rule in rules:
        assert rule.pattern is not None
        pattern = rule.pattern
        alone: set[int] = set()
        if rule.anchor is not None:
            # tried only a few characters before each place its literal is found, the text's paragraphs in turn
            starts = present.get(rule.presence) if present is not None and rule.presence is not None else None
            for m in _anchored(text, rule, spans, paragraphs if whole else None, starts):
                found.setdefault(paragraphs.at(m.start()), []).append((rule, m.start(), m.end()))
            continue
        if not whole:
            alone.update(i for i, (s, e) in enumerate(spans) if rule.gate is None or rule.gate.search(text, s, e))
        elif rule.gate is not None:
            # the paragraphs holding the gate (a literal found at memchr speed), each searched alone
            alone.update(i for g in rule.gate.finditer(text) if (i := paragraphs.at(g.start())) >= 0)
        elif "$" in pattern.pattern or "\\Z" in pattern.pattern:
            alone.update(range(len(spans)))
        else:
            for m in pattern.finditer(text):
                s, e = m.span()
                i = paragraphs.at(s)
                if i >= 0 and e <= spans[i][1]:
                    if e > s:
                        found.setdefault(i, []).append((rule, s, e))
                    continue
                # across a paragraph's end, or from outside into one: those paragraphs alone
                j = i if i >= 0 else paragraphs.after(s)
                while j < len(spans) and spans[j][0] < e:
                    alone.add(j)
                    j += 1
        for i in sorted(alone):
            found[i] = [h for h in found.get(i, []) if h[0] is not rule]
            found[i] += [(rule, m.start(), m.end()) for m in pattern.finditer(text, *spans[i]) if m.end() > m.start()]
    return found


def _gate_starts(text: str, rule: Rule, lo: int, hi: int) -> Iterator[int]:
    """Where the gate's literal starts between ``lo`` and ``hi``, each place once (a literal may overlap itself)."""
    assert rule.gate is not None
    at = lo
    while (g := rule.gate.search(text, at, hi)) is not None:
        yield g.start()
        at = g.start() + 1


def _anchored(
    text: str, rule: Rule, spans: list[tuple[int, int]], paragraphs: Paragraphs | None, starts: list[int] | None = None
) -> list[re.Match[str]]:
    """The matches ``finditer`` finds in each paragraph, tried only where one can start: at most
    ``rule.anchor`` characters before a place the gate's literal is found (a paragraph's "then" is
    found at memchr speed; scanning it from a pattern that opens on "more|less|..." is many times
    slower). With ``paragraphs``, the literal is looked for once over the whole text; without, in
    each paragraph. ``starts``: where the literal, in lower case, is already known to start in the
    whole text (a few more places than the gate's own, where only the case differs: the pattern decides)."""
    assert rule.gate is not None and rule.pattern is not None and rule.anchor is not None
    out: list[re.Match[str]] = []
    ranges = [(0, len(text))] if paragraphs is not None else spans
    for lo, hi in ranges:
        tried = lo  # positions before ``tried`` are tried, or inside a match found
        for start in starts if starts is not None and paragraphs is not None else _gate_starts(text, rule, lo, hi):
            if paragraphs is None:
                s, e = lo, hi
            elif (k := paragraphs.at(start)) >= 0:
                s, e = spans[k]
            else:
                continue
            for pos in range(max(tried, s, start - rule.anchor), start + 1):
                m = rule.pattern.match(text, pos, e)
                if m is not None and m.end() > m.start():
                    out.append(m)
                    tried = m.end()
                    break
            else:
                tried = max(tried, start + 1)
    return out


def _present(dictionaries: tuple[Dictionary, ...], low: str) -> dict[str, list[int] | None]:
    """Where each of the pattern rules' presence literals (Rule.presence) starts in the lower-cased text:
    one Aho-Corasick scan for all of them, in place of a search of the whole text for each rule. A
    literal found more than PLACES_KEPT times is only said to be there (None), its places not kept: 50
    MB of "to to to" would otherwise hold millions of them."""
    finder = _literals(dictionaries).presence
    found: dict[str, list[int] | None] = {}
    if finder is not None:
        for end, literal in finder.iter(low):
            places = found.setdefault(literal, [])
            if places is not None:
                places.append(end - len(literal) + 1)
                if len(places) > PLACES_KEPT:
                    found[literal] = None
    return found


PLACES_KEPT = 100_000


def _may_hold(rule: Rule, probe: str, whole: bool, present: dict[str, list[int] | None] | None = None) -> bool:
    """Whether ``rule`` may match in the paragraphs ``probe`` holds (the whole text, or a later round's
    changed paragraphs joined): False only where its gate is surely not there (``present``: the presence
    literals the whole text holds)."""
    if present is not None and rule.presence is not None:
        return rule.presence in present
    if rule.gate is None:
        return True
    if whole or rule.anchor is not None or "(?" not in rule.gate.pattern:
        return rule.gate.search(probe) is not None
    return True


def _respells_a_listed_word(listed: Lexicon, source: str, replacement: str) -> bool:
    """The user's term list writes ``source`` so ("Ebay"): a shipped rule does not respell it ("eBay"),
    though it may still set its punctuation ("Co " -> "Co-")."""
    return listed.has_exact(source.strip()) and _LETTERS.sub("", source) != _LETTERS.sub("", replacement)


_LETTERS = re.compile(r"[\W_]+")


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    text = t.text
    spans = [(b.span.start, b.span.end) for b in t.paragraphs()]
    # the first round holds every paragraph: the whole text is scanned once; a later round holds only
    # the paragraphs the last one changed (cleaner/replay.py): each is scanned alone
    whole = 4 * sum(e - s for s, e in spans) >= len(text)
    # a pattern whose gate the text never holds is asked of no paragraph (most rules, in most transcripts:
    # a paragraph without it would find nothing, so each result still rests on its block). In a later
    # round, only the paragraphs it holds are looked in, joined: a literal gate (or a letter and a
    # literal) found in one of them is found there; another gate may look outside its paragraph, and
    # is asked of each paragraph alone, as _pattern_hits does anyway
    probe = text if whole else "\n\n".join(text[s:e] for s, e in spans)
    low = _lower_same_length(text) if whole else ""  # once: lower-casing each paragraph on its own cost more than the scan
    present = _present(ctx.dictionaries, low) if whole else None
    patterns = [
        _pattern_hits(text, [r for r in d.pattern_rules if _may_hold(r, probe, whole, present)], spans, whole, present)
        for d in ctx.dictionaries
    ]
    compiled = _literals(ctx.dictionaries)
    every: dict[int, list[tuple[Rule, int, int]]] = {}
    if whole:
        every = _literal_hits(text, low, 0, compiled.automaton, spans)
    else:
        for k, (bs, be) in enumerate(spans):
            if hits := _literal_hits(text, _lower_same_length(text[bs:be]), bs, compiled.automaton, [(bs, be)]).get(0):
                every[k] = hits
    # each dictionary's own hits, as one automaton per dictionary gave them
    literals: list[dict[int, list[tuple[Rule, int, int]]]] = [{} for _ in ctx.dictionaries]
    for k, hits in every.items():
        for hit in hits:
            literals[compiled.place[id(hit[0])]].setdefault(k, []).append(hit)
    # a dictionary written for English only suggests in a French transcript: "Juni", "positiv" and
    # "Im" are words there
    elsewhere = {
        d.name: f"; but this rule is {_named(d.language)}'s, and the transcript reads as {_named(ctx.language)}"
        for d in ctx.dictionaries
        if not d.written_for(ctx.language)
    }
    for k, (bs, be) in enumerate(spans):
        for d, words, found in zip(ctx.dictionaries, literals, patterns, strict=True):
            for rule, s, e in words.get(k, []) + found.get(k, []):
                if not _context_allows(rule, t.text, s, e, bs, be) or in_address_or_code(t.text, s, e):
                    continue  # a word of an address or of code keeps its letters ("ana@texas.edu", "--june")
                source = t.text[s:e]
                if rule.pattern is not None:
                    m = rule.pattern.match(t.text, s)  # not fullmatch(text, s, e): a look-ahead must see past e
                    m = m if m is not None and m.end() == e else None
                    options = [m.expand(r) if m else r for r in rule.replacements]
                else:
                    options = list(rule.replacements)
                options = [_replacement(rule, source, t.text, s, r) for r in options]
                if options[0] == source or (ctx.lexicon is not None and _respells_a_listed_word(ctx.lexicon, source, options[0])):
                    continue
                several = " " in source.strip()
                if source[:1] == " " and (before := _WORD_BEFORE.search(t.text, max(bs, s - 40), s)) is not None:
                    # a rule whose words before are look-behinds (" there" -> " their") is shown with the word
                    # before it, as a reader of the change log needs it: "leave there" -> "leave their"
                    lead = t.text[before.start() : s]
                    s, source, options = before.start(), lead + source, [lead + o for o in options]
                applicability = rule.applicability
                if d.name in elsewhere and applicability is Applicability.AUTO:
                    applicability = Applicability.REVIEW
                result.suggestions.append(
                    suggest(
                        t,
                        PASS_ID,
                        f"{d.name}/{rule.id}",
                        [Edit(Span(s, e), options[0])],
                        applicability,
                        rule.reason + elsewhere.get(d.name, ""),
                        confidence=0.95 if applicability is Applicability.AUTO else 0.6,
                        evidence={"dictionary": d.name, "rule": rule.id, "source": rule.source},
                        alternatives=tuple(o for o in options[1:] if o != source),
                        # a rule for several words is the more particular where two start together: "i phones"
                        # is iPhones before the pronoun's "i" is I
                        priority=54 if several else 55,
                    )
                )
    return result


def rule_only(rule: Rule) -> Dictionary:
    """A dictionary holding one rule, for running that rule's own examples."""
    d = Dictionary(rule.dictionary, Path(rule.source.rsplit(":", 1)[0]), "", True)
    d.rules.append(rule)
    return d
