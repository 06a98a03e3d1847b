"""Dictionary rules: exact words and phrases (and guarded patterns), with context conditions.

Every literal of every loaded dictionary is found in one Aho-Corasick scan
per paragraph; a hit counts only on whole-word boundaries and when its
context (words near it in the same paragraph) allows it.
"""

from __future__ import annotations

from pathlib import Path

from ..dictionaries import WORD_RE, Dictionary, Rule
from ..model import Applicability, Edit, Span, Transcript
from ..tokens import in_address
from . import PassContext, PassResult, match_case, sentence_start, suggest

SCOPE = "block"  # each result depends only on its own block: see cleaner/replay.py
PASS_ID = "dictionary"


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


def _hits(t: Transcript, low: str, d: Dictionary, patterns: list[Rule], bs: int, be: int) -> list[tuple[Rule, int, int]]:
    text = t.text
    hits: list[tuple[Rule, int, int]] = []
    if d.automaton is not None:
        # a slice, not iter(low, bs, be): pyahocorasick converts the whole string on every call
        for end_idx, rules in d.automaton.iter(low[bs:be]):
            for rule in rules:
                assert rule.match is not None
                s = bs + end_idx - len(rule.match) + 1
                e = bs + end_idx + 1
                if (s > bs and _is_word_char(text[s - 1])) or (e < be and _is_word_char(text[e])):
                    continue
                if rule.match_case and text[s:e] != rule.match:
                    continue
                hits.append((rule, s, e))
    for rule in patterns:
        assert rule.pattern is not None
        if rule.gate is not None and rule.gate.search(text, bs, be) is None:
            continue
        for m in rule.pattern.finditer(text, bs, be):
            if m.end() > m.start():
                hits.append((rule, m.start(), m.end()))
    return hits


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    low = _lower_same_length(t.text)  # once: lower-casing each paragraph on its own cost more than the scan
    # a pattern whose gate the whole text never holds is asked of no paragraph (most rules, in most
    # transcripts: a paragraph without it would find nothing, so each result still rests on its block)
    patterns = [[r for r in d.pattern_rules if r.gate is None or r.gate.search(t.text) is not None] for d in ctx.dictionaries]
    for block in t.paragraphs():
        bs, be = block.span.start, block.span.end
        for d, active in zip(ctx.dictionaries, patterns, strict=True):
            for rule, s, e in _hits(t, low, d, active, bs, be):
                if not _context_allows(rule, t.text, s, e, bs, be) or in_address(t.text, s, e):
                    continue  # a word of a web or mail address keeps its letters ("ana@texas.edu")
                source = t.text[s:e]
                if rule.pattern is not None:
                    m = rule.pattern.match(t.text, s)  # not fullmatch(text, s, e): a look-ahead must see past e
                    m = m if m is not None and m.end() == e else None
                    options = [m.expand(r) if m else r for r in rule.replacements]
                else:
                    options = list(rule.replacements)
                options = [_replacement(rule, source, t.text, s, r) for r in options]
                if options[0] == source:
                    continue
                result.suggestions.append(
                    suggest(
                        t,
                        PASS_ID,
                        f"{d.name}/{rule.id}",
                        [Edit(Span(s, e), options[0])],
                        rule.applicability,
                        rule.reason,
                        confidence=0.95 if rule.applicability is Applicability.AUTO else 0.6,
                        evidence={"dictionary": d.name, "rule": rule.id, "source": rule.source},
                        alternatives=tuple(o for o in options[1:] if o != source),
                        priority=55,
                    )
                )
    return result


def rule_only(rule: Rule) -> Dictionary:
    """A dictionary holding one rule, for running that rule's own examples."""
    d = Dictionary(rule.dictionary, Path(rule.source.rsplit(":", 1)[0]), "", True)
    d.rules.append(rule)
    return d
