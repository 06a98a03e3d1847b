"""Inaudible and uncertain-text gaps: one house style, and a report of each.

Every common style -- ``(inaudible)``, ``(inaudible 0.42)``, ``<inaudible>``,
``[inaudible 00:12:31]``, ``(inaudible - 5 seconds)``, ``(technical difficulty)``, ``[crosstalk]``,
``(ph)`` -- becomes ``[inaudible 00:12:31]``-style square brackets, keeping
any timestamp. A parenthesized guess such as ``(covered)`` may also be an
ordinary aside, so turning it into ``[covered?]`` is only suggested. Every
gap, in any style, is flagged for the gap report.
"""

from __future__ import annotations

import re

from ..model import Applicability, Block, Edit, Flag, Span, Transcript
from . import PassContext, PassResult, suggest

SCOPE = "block"  # each result depends only on its own block: see cleaner/replay.py
PASS_ID = "gaps"

_KINDS = {
    "inaudible": r"inaudible|unintelligible|indiscernible|incomprehensible|unclear|inaudible speech|inaud\.?|unint\.?",
    "crosstalk": r"cross[- ]?talk|overlapping(?:\s+(?:speech|voices|speakers))?|multiple speakers",
    "technical difficulty": (
        # (not Whisper's "[BLANK_AUDIO]": that is silence, no speech lost)
        r"technical\s+difficult(?:y|ies)|audio\s+(?:cuts?\s+out|drops?\s+out|drops?|glitch|gap)|no\s+audio"
    ),
    "ph": r"ph|phon\.?|phonetic(?:ally)?|sp",
}
_TS = r"(?:\d{1,2}:)?\d{1,2}[:.]\d{2}(?:[.:]\d{1,3})?"
# how long the gap lasted, as some transcribers write it: "[inaudible - 5 seconds]", "(inaudible, 3 sec)"
_DURATION = r"\d{1,3}(?:\.\d)?\s*(?:seconds?|secs?|s|minutes?|mins?)"
# in parentheses, square or curly brackets, or angle brackets as Rev writes "<inaudible>"
GAP_RE = re.compile(
    r"(?P<open>[(\[{<])\s*(?P<word>" + "|".join(f"(?P<k{i}>{v})" for i, v in enumerate(_KINDS.values())) + r")"
    r"(?:\s*(?:at\s+|@\s*|-\s*)?(?P<ts>" + _TS + r")|\s*[-,–]?\s*(?P<dur>" + _DURATION + r"))?\s*(?P<close>[)\]}>])",
    re.IGNORECASE,
)
_UNCLEAR_Q = re.compile(r"[(\[]\s*\?{1,3}\s*[)\]]")
# "(covered)": one to three lower-case words in parentheses, inside a sentence
_GUESS_PAREN = re.compile(r"\((?<=\w \()(?P<g>[a-z][a-z'’]*(?: [a-z][a-z'’]*){0,2})\)(?=[\s,.;:?!])")
_GUESS_HOUSE = re.compile(r"\[(?P<g>[A-Za-z][\w'’ -]{0,40}?)\?\]")
# "[? Fremont ?]", "[?Fremont?]": a guess between question marks, as some transcribers mark one
_GUESS_QUESTIONED = re.compile(r"\[\?[ \t]*(?P<g>[A-Za-z][\w'’ -]{0,40}?)[ \t]*\?\]")
# "___": a blank a typist left for words not heard
_BLANK = re.compile(r"___(?<![\w_]___)_*(?![\w_])")  # starts at the underscores: a look-behind first is tried everywhere
_NOT_GUESSES = {
    "sic",
    "laughs",
    "laughter",
    "applause",
    "music",
    "pause",
    "silence",
    "sighs",
    "coughs",
    "s",
    "es",
    "ed",
    "ies",
    "and",
    "or",
    "i",
    "ii",
    "iii",
    "iv",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "x",
    "y",
    "z",
    "eg",
    "ie",
    "etc",
    "approx",
    "approximately",
    "roughly",
    "estimated",
}


def house_style(kind: str, ts: str | None) -> str:
    return f"[{kind} {ts}]" if ts else f"[{kind}]"


def _kind(m: re.Match[str]) -> str:
    for i, name in enumerate(_KINDS):
        if m.group(f"k{i}"):
            return name
    return "inaudible"


def run(t: Transcript, ctx: PassContext) -> PassResult:
    result = PassResult()
    for block in t.paragraphs():
        s, e = block.span.start, block.span.end
        taken: list[tuple[int, int]] = []
        for m in GAP_RE.finditer(t.text, s, e):
            kind = _kind(m)
            ts, duration = m.group("ts"), m.group("dur")
            want = house_style(kind, ts or (re.sub(r"\s+", " ", duration) if duration else None))
            span = Span(m.start(), m.end())
            taken.append((m.start(), m.end()))
            if m.group(0) != want:
                result.suggestions.append(
                    suggest(
                        t,
                        PASS_ID,
                        "gap-style",
                        [Edit(span, want)],
                        Applicability.AUTO,
                        f"gap marker written in house style {want}",
                        priority=15,
                        evidence={"kind": kind, "timestamp": ts},
                    )
                )
            result.flags.append(
                Flag(
                    PASS_ID,
                    kind if kind != "ph" else "phonetic",
                    span,
                    _message(kind, ts),
                    {"timestamp": ts or block.timestamp, "marker": want} | ({"duration": duration} if duration else {}),
                )
            )
        for m in _UNCLEAR_Q.finditer(t.text, s, e):
            if any(a <= m.start() < b for a, b in taken):
                continue
            span = Span(m.start(), m.end())
            if m.group(0) != "[?]":
                result.suggestions.append(
                    suggest(
                        t,
                        PASS_ID,
                        "gap-style",
                        [Edit(span, "[?]")],
                        Applicability.AUTO,
                        "unclear-text marker written in house style [?]",
                        priority=15,
                    )
                )
            result.flags.append(Flag(PASS_ID, "inaudible", span, "unclear words", {"timestamp": block.timestamp, "marker": "[?]"}))
        for m in _GUESS_PAREN.finditer(t.text, s, e):
            guess = m.group("g")
            if guess.lower() in _NOT_GUESSES or GAP_RE.fullmatch(m.group(0)):
                continue
            why = f"'({guess})' looks like the transcriber's guess at unclear words; house style marks it [{guess}?]"
            _guessed(t, result, m, block, ("uncertain-guess", Applicability.REVIEW, why, 0.6))
        for m in _GUESS_QUESTIONED.finditer(t.text, s, e):
            _guessed(
                t,
                result,
                m,
                block,
                ("gap-style", Applicability.AUTO, f"the transcriber's guess written in house style [{m.group('g')}?]", 1.0),
            )
        for m in _BLANK.finditer(t.text, s, e):
            result.flags.append(
                Flag(
                    PASS_ID,
                    "inaudible",
                    Span(*m.span()),
                    "a blank left for words not heard",
                    {"timestamp": block.timestamp, "marker": m.group(0)},
                )
            )
        for m in _GUESS_HOUSE.finditer(t.text, s, e):
            _guessed(t, result, m, block, None)
    return result


def _guessed(
    t: Transcript, result: PassResult, m: re.Match[str], block: Block, restyle: tuple[str, Applicability, str, float] | None
) -> None:
    """A transcriber's guess (its words in group "g"): reported, and, given ``restyle`` (rule, applicability,
    reason, confidence), written in house style, "[covered?]"."""
    guess, span = m.group("g"), Span(*m.span())
    if restyle is not None:
        rule, applicability, why, confidence = restyle
        result.suggestions.append(
            suggest(t, PASS_ID, rule, [Edit(span, f"[{guess}?]")], applicability, why, confidence=confidence, priority=15)
        )
    result.flags.append(Flag(PASS_ID, "uncertain", span, f"transcriber's guess: {guess}", {"timestamp": block.timestamp, "guess": guess}))


def _message(kind: str, ts: str | None) -> str:
    what = {
        "inaudible": "inaudible speech",
        "crosstalk": "people talking over each other",
        "technical difficulty": "audio lost to a technical problem",
        "ph": "a name or word spelled as it sounded",
    }[kind]
    return f"{what} at {ts}" if ts else what
