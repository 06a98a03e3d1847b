"""Lint every shipped dictionary and run each rule's own examples."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from cleaner.dictionaries import DictionaryWarning, _load_yaml, load_dictionary, load_term_list, shipped_dictionaries
from cleaner.dictionary_check import missing_examples, rule_problems
from cleaner.textio import CleanerError

SHIPPED = [load_dictionary(p) for p in shipped_dictionaries()]
RULES = [r for d in SHIPPED for r in d.rules]


def test_dictionaries_ship() -> None:
    assert {d.name for d in SHIPPED} >= {"automotive", "brands", "brokers", "english", "finance", "web"}


@pytest.mark.parametrize("rule", RULES, ids=[f"{r.dictionary}/{r.id}" for r in RULES])
def test_rule_has_examples_that_pass(rule) -> None:
    """Its fix examples fixed, its keep examples kept, and no fix changed again by any shipped rule."""
    assert not missing_examples(rule), f"{rule.source}: {missing_examples(rule)}"
    problems = rule_problems(rule, SHIPPED)
    assert not problems, f"{rule.source}: {problems}"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("rules: [}", "not valid YAML"),
        ("rules:\n  - id: a\n    match: x\n", "replace must be"),
        ("rules:\n  - id: a\n    match: x\n    replace: [y, z]\n    applicability: auto\n", "several replacements cannot be auto"),
        ("rules:\n  - id: a\n    pattern: '(a+)+$'\n    replace: b\n", "backtrack"),
        ("rules:\n  - id: a\n    match: x\n    replace: y\n  - id: a\n    match: z\n    replace: y\n", "used twice"),
        ("rules:\n  - id: a\n    match: x\n    replace: y\n    colour: red\n", "unknown key"),
        ("rules:\n  - ? [a, b]\n    : c\n", "not valid YAML"),
        ("rules:\n  - *nowhere\n", "not valid YAML"),
        ("rules: []\n---\nrules: []\n", "not valid YAML"),
        ("name: x\nlanguage: English\nrules: []\n", ":2: language is a two- or three-letter code"),
        ("rules:\n  - id: a\n    pattern: '(a)b'\n    replace: '\\2'\n", ":2: rule a: replace '\\\\2' does not fit its pattern"),
    ],
)
def test_malformed_dictionary_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yml"
    path.write_text(content)
    with pytest.raises(CleanerError) as err:
        load_dictionary(path)
    assert str(path) in str(err.value) and message in str(err.value)
    assert "\n" not in str(err.value)


def _without_lines(value):
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


_yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=8).filter(lambda k: k != "__line__"), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(_yaml_values)
def test_event_yaml_loader_reads_what_safe_load_reads(value) -> None:
    text = yaml.safe_dump(value, allow_unicode=True)
    assert _without_lines(_load_yaml(text)) == yaml.safe_load(text)


def test_event_yaml_loader_reads_every_shipped_dictionary_as_safe_load_does() -> None:
    for path in shipped_dictionaries():
        text = path.read_text()
        assert _without_lines(_load_yaml(text)) == yaml.safe_load(text)


def test_a_list_of_acronyms_is_not_a_list_in_capitals(tmp_path: Path) -> None:
    acronyms = tmp_path / "acronyms.txt"
    acronyms.write_text("GAAP\nEBITDA\nIBNR\nSG&A\nNASDAQ\nCapEx\n")
    assert [t.text for t in load_term_list(acronyms)] == ["GAAP", "EBITDA", "IBNR", "SG&A", "NASDAQ", "CapEx"]
    shouted = tmp_path / "vocab.txt"
    shouted.write_text("MONRO INC EARNINGS CONFERENCE CALL\nBANK OF AMERICA\nO'REILLY AUTOMOTIVE\nLOWE'S\nBMO CAPITAL MARKETS\n")
    with pytest.warns(DictionaryWarning, match="written in capitals"):
        terms = load_term_list(shouted)
    assert [t.text for t in terms] == [
        "Monro Inc Earnings Conference Call",
        "Bank of America",
        "O'Reilly Automotive",
        "Lowe's",
        "BMO Capital Markets",
    ]
    assert all(t.guessed_case for t in terms)


_RULE = "  - id: {id}\n    match: {match}\n    replace: {replace}\n    applicability: {applicability}\n"


def _dictionary(path: Path, *rules: dict[str, str], context: str = "") -> Path:
    path.write_text("name: mine\nrules:\n" + "".join(_RULE.format(**r) + context for r in rules))
    return path


def test_two_rules_that_change_the_same_words_differently_are_said_with_both_lines(tmp_path: Path) -> None:
    from cleaner.dictionaries import load_dictionaries

    sedan = {"id": "sedan", "match": "sudan", "replace": "sedan", "applicability": "auto"}
    country = {"id": "country", "match": "Sudan", "replace": "Sudan", "applicability": "auto"}
    path = _dictionary(tmp_path / "mine.yml", sedan, country)
    with pytest.warns(
        DictionaryWarning, match=r"mine\.yml:7: rule 'country' changes 'Sudan' to 'Sudan', but rule 'sedan' \(.*mine\.yml:3\)"
    ):
        assert len(load_dictionaries([str(path)])[-1].rules) == 2


@pytest.mark.filterwarnings("error::cleaner.dictionaries.DictionaryWarning")
def test_rules_on_the_same_words_that_agree_ask_or_differ_in_context_are_no_conflict(tmp_path: Path) -> None:
    from cleaner.dictionaries import load_dictionaries

    same = [{"id": f"r{i}", "match": "sudan", "replace": "sedan", "applicability": "auto"} for i in (1, 2)]
    load_dictionaries([str(_dictionary(tmp_path / "same.yml", *same))])
    asked = [
        {"id": "r1", "match": "sudan", "replace": "sedan", "applicability": "review"},
        {"id": "r2", "match": "sudan", "replace": "Sudan", "applicability": "review"},
    ]
    load_dictionaries([str(_dictionary(tmp_path / "asked.yml", *asked))])
    near = "    context:\n      require_any: [car]\n"
    first = _dictionary(tmp_path / "car.yml", {"id": "r1", "match": "sudan", "replace": "sedan", "applicability": "auto"}, context=near)
    second = _dictionary(tmp_path / "plain.yml", {"id": "r2", "match": "sudan", "replace": "Sudan", "applicability": "auto"})
    load_dictionaries([str(first), str(second)])


# patterns found without a literal of their own: the pronoun "i" and short words every transcript holds,
# and spellings of one term that share no run of four letters (each a scan of the whole text, 5-20 ms per MB)
_SCANNED = {
    "english/pronoun-i",
    "english/pronoun-i-more",
    "english/pronoun-i-verbs",
    "english/pronoun-i-sentence-start",
    "english/pronoun-i-contracted",
    "english/pronoun-i-speech",
    "english/pronoun-i-past",
    "english/pronoun-i-after-modal",
    "english/pronoun-i-past-more",
    "english/covid-19",
    "english/may-date",
    "english/apostrophe-im-name",
    "finance/gap-measures-gaap",
    "finance/gap-results-gaap",
    "finance/gap-earnings-gaap",
    "finance/ebitda-spaced",
    "finance/quarter-spaced",
    "finance/quarter-lower-case",
}


def test_a_shipped_pattern_is_found_through_a_literal() -> None:
    """A new pattern that opens on an alternation of words ("\\b(does|could)'nt") is tried at every
    position of every transcript: README, "Dictionary files", says how to give it a literal instead."""
    scanned = {f"{r.dictionary}/{r.id}" for r in RULES if r.pattern is not None and r.presence is None and r.anchor is None}
    assert scanned <= _SCANNED, f"patterns with no literal to find them by: {sorted(scanned - _SCANNED)}"


def test_a_literal_found_too_often_to_keep_its_places_still_finds_every_match(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past PLACES_KEPT places of one literal the first round's scan only says it is there, and each rule
    on it searches the text itself: the same fixes either way (50 MB of "to to to" would otherwise be held
    as millions of places)."""
    from cleaner.dictionaries import load_dictionaries
    from cleaner.passes import PassContext
    from cleaner.passes import dictionary as dictionary_pass
    from cleaner.pipeline import clean_text

    text = "Host: It's to late, he talks to much, and the paint to easily. " * 40 + "We track there projects."
    ctx = PassContext(tuple(load_dictionaries([])), None)
    kept = clean_text(text, ctx).final.text
    monkeypatch.setattr(dictionary_pass, "PLACES_KEPT", 3)
    assert clean_text(text, ctx).final.text == kept
    assert kept.count("too late") == 40 and "track their projects" in kept
