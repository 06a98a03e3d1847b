"""Properties that must hold on any text: no crash, every output made, no overlapping edits, idempotence, stable ids."""

from __future__ import annotations

import itertools
import re

import pytest
from conftest import make_context
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.hashindex import HashIndex, entry
from cleaner.model import BlockKind, Edit, Span
from cleaner.pipeline import clean_text, run_passes
from cleaner.readers import parse
from cleaner.render import docx, html, markdown
from cleaner.render.structure import walk
from cleaner.resolve import SourceMap, choose

TERMS = ["Fremont", "Capstone Investments", "IBNR", "WordPress", "Roadster", "Detlef Trefzger", "Bank of America"]
TERMS += ["Contract Logistics", "Danaher", "European commission", "M&A", "NextEra Energy"]
CTX = make_context(TERMS)
WORDS = [
    "the",
    "the",
    "Freemont",
    "Sudan",
    "car",
    "offer",
    "beta",
    "\\$5",
    "(inaudible)",
    "(inaudible 0.42)",
    "[crosstalk]",
    "(covered)",
    ",",
    " ,",
    ".",
    "?",
    "Capstone",
    "Investment",
    "I B N R",
    "Word",
    "Press",
    "roadster",
    "\n",
    "\n\n",
    "Elon Musk\n\n",
    "Name:",
    "  ",
    "that",
    "-",
    "#",
    "*",
    "2024.",
    "[x](y)",
    "<script>",
    "é",
    "ß",
    "Death",
    "Left",
    "Trefzger",
    "bank of america",
    "Contract",
    "logistics",
    "danaher",
    "European Commission",
    "M and A",
    "next era energy",
    # what web pages and wrong decoding leave: entities escaped again, tags nested or unpaired, mojibake
    "&amp;",
    "&amp;amp;lt;",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<br>",
    "donâ€™t",
    "Ã©",
    "`",
]
texty = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texty)
def test_never_crashes_and_is_idempotent(text: str) -> None:
    result = clean_text(text, CTX)
    again = clean_text(result.final.text, CTX)  # as a user would run it: the layout detected again
    assert again.final.text == result.final.text
    assert again.final.layout == result.final.layout


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texty)
def test_every_output_renders_whatever_the_text(text: str) -> None:
    """Any text a file may hold, control characters too (a PDF's page break, Word's line break), makes
    every output: a DOCX cannot hold them, and once ended the run with a traceback."""
    result = clean_text(text, CTX)
    items = walk(result)
    page = markdown.render(result, "T", {}, items)
    html.render(page, "T", "en-US", markdown.speaker_labels(items), "")
    docx.render(result, "T")


def test_a_text_whose_layout_flips_with_its_fixes_is_left_as_it_came_and_its_fixes_asked() -> None:
    """Labels of two layouts mixed (found by fuzzing): cleaned as "earnings" it reads as "colon", and
    cleaned as "colon" it reads as "earnings". Nothing is applied by itself; a second run agrees."""
    text = (
        "roadster roadster Jane Doe PLANT OPEN. IS EPS i monday com think . COM the Freemont i \n gap \n"
        "John Smith: [00:00:04]  IS PLANT OPEN. dot \n \nJane Doe\n \nJane Doe\n \n THE PLANT roadster I B N R GAP \n"
        " WWW I B N R dot DOT www MONDAY MONDAY Roadster Reporter: EPS . , , the >> gap \n"
        "John Smith: [00:00:04]  gap I B N R Freemont www \nJohn Smith: [00:00:04]  FREEMONT the EPS com Reporter: >> \n"
        "Jane Doe\n \n\n gap"
    )
    ctx = make_context(None)
    result = clean_text(text, ctx)
    assert result.final.text == text and not result.applied and result.pending
    assert clean_text(result.final.text, ctx).final.text == text


def test_a_fix_that_changes_the_layout_is_cleaned_in_the_layout_of_the_output() -> None:
    # "I B N R" alone on a line reads as a speaker label; "IBNR" does not, so the output is plain
    result = clean_text("A  A\n\nI B N R", CTX)
    assert (result.final.text, result.final.layout) == ("A A\n\nIBNR", "plain")
    assert clean_text(result.final.text, CTX).final.text == result.final.text


@SETTINGS
@given(texty)
def test_chosen_edits_never_overlap(text: str) -> None:
    found = run_passes(parse(text), CTX)
    chosen = choose([s for s in found.suggestions if s.applicability.value == "auto"])
    spans = sorted((e.span.start, e.span.end) for s in chosen for e in s.edits)
    for (a0, a1), (b0, b1) in itertools.pairwise(spans):
        assert a1 <= b0 and not (a0 == a1 == b0 == b1)


@SETTINGS
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join), st.text(alphabet="abc XYZ.\n", max_size=40))
def test_ids_survive_an_edit_in_another_turn(body: str, inserted: str) -> None:
    text = f"Alice Smith: {body}\nBob Jones: intro.\n"
    edited = f"Alice Smith: {body}\nBob Jones: intro {inserted.replace(chr(10), ' ')}.\n"

    # the same suggestion keeps its id. Whether it is made at all may hang on the whole text (with Bob's
    # turn unpunctuated, a line Alice says twice is no running header): such a one may come or go
    def ids(t: str) -> dict[tuple[str, str, str, str], str]:
        found = run_passes(parse(t, "colon"), CTX).suggestions
        return {(s.pass_id, s.rule_id, s.before, s.after): s.id for s in found if s.span.start < t.index("\nBob")}

    before, after = ids(text), ids(edited)
    assert {k: before[k] for k in before.keys() & after.keys()} == {k: after[k] for k in before.keys() & after.keys()}
    assert {k[:2] for k in before.keys() ^ after.keys()} <= {("paragraphs", "page-number")}


def _ids_of_one_clean(text: str) -> list[str]:
    r = clean_text(text, CTX)
    return [a.suggestion.id for a in r.applied] + [s.id for s in r.pending] + [s.id for s in r.rejected]


def test_a_change_made_in_a_later_round_has_an_id_of_its_own() -> None:
    # "pre covid" -> "pre-covid" goes first; its "covid" -> "COVID" waits a round, and then is the only
    # "covid" left in the turn: numbered first again, it took the id of the first, already applied
    ids = _ids_of_one_clean("We saw covid cases. It was at pre covid levels.\n")
    assert len(ids) == 3 and len(set(ids)) == 3


@SETTINGS
@given(texty)
def test_no_two_changes_of_one_clean_share_an_id(text: str) -> None:
    ids = _ids_of_one_clean(text)
    assert len(ids) == len(set(ids))


def _outcome(text: str, incremental: bool) -> tuple[object, ...]:
    r = clean_text(text, CTX, incremental=incremental)
    return (
        r.final.text,
        [(a.suggestion.id, a.round) for a in r.applied],
        [(s.id, s.span, s.after) for s in r.pending],
        [(f.kind, f.span, f.data) for f in r.flags],
    )


@SETTINGS
@given(texty)
def test_replaying_unchanged_blocks_changes_nothing(text: str) -> None:
    assert _outcome(text, incremental=True) == _outcome(text, incremental=False)


def test_replaying_unchanged_blocks_changes_nothing_on_the_sample(root) -> None:
    text = (root / "samples/tesla-2011-q2-call.txt").read_text()
    assert _outcome(text, incremental=True) == _outcome(text, incremental=False)


@given(st.lists(st.tuples(st.text(max_size=12), st.integers(0, 1000)), max_size=200), st.text(max_size=12))
def test_hash_index_never_hides_an_entry(pairs: list[tuple[str, int]], probe: str) -> None:
    index = HashIndex([entry(k, v) for k, v in pairs])
    for k, v in pairs:
        assert v in index.get(k)
    assert {v for k, v in pairs if k == probe} <= set(index.get(probe))


@given(st.text(alphabet="ab's’_ -é1.@", max_size=40))
def test_lexicon_tokens_are_the_words_with_possessives_split_off(text: str) -> None:
    from cleaner.dictionaries import WORD_RE
    from cleaner.tokens import tokens, words

    found = words(text, 0, len(text))
    assert [t.base + t.suffix for t in found] == WORD_RE.findall(text)
    assert all(t.suffix in ("", "'s", "’s") and t.base and text[t.start : t.end] == t.base for t in found)
    # the words judged are some of those, in order: never a part of one
    starts = [t.start for t in found]
    assert all(t.start in starts for t in tokens(text, 0, len(text)))


WORDS_FOR_FREQUENCY = ["the", "The", "GAAP", "danaher", "don't", "o'hearn", "y'all", "tesla's", "covid19", "café", "x", "zzqx", "Roadster"]
# accented Latin words are in the compact table too; other scripts, a combining accent and letters that
# fold to two ("ß", "ŉ") check the edges of what it answers itself
ACCENTED = ["André", "JOSÉ", "müller", "Straße", "François", "cafe\u0301", "ŉ", "ǅ", "naïve", "mañana", "дом", "Ωmega", "ﬁnance"]


@given(
    st.one_of(
        st.sampled_from(WORDS_FOR_FREQUENCY + ACCENTED),
        st.text(alphabet="abcxyz'É1", min_size=1, max_size=8),
        st.text(alphabet="aenrosé'ßñüÁŉ\u0301д", min_size=1, max_size=8),
    )
)
def test_compact_frequency_table_agrees_with_wordfreq(word: str) -> None:
    from wordfreq import zipf_frequency

    from cleaner.frequency import zipf

    assert zipf(word) == zipf_frequency(word, "en")


def test_an_accented_name_does_not_load_wordfreqs_whole_list(monkeypatch) -> None:
    """Its 33 MB dict: one "Andrés" in a transcript loaded it, a tenth of a large run's peak memory."""
    import wordfreq

    from cleaner import frequency

    frequency._table()  # built (or read from the cache) before the dict is taken away
    frequency.zipf.cache_clear()
    monkeypatch.setattr(wordfreq, "get_frequency_dict", lambda *a, **k: pytest.fail("wordfreq loaded its whole list"))
    assert frequency.zipf("Andrés") > 0 and frequency.zipf("café") > 3 and frequency.zipf("zzqé") == 0


_PATTERN_RULES = [r for d in CTX.dictionaries for r in d.pattern_rules if r.gate is not None]


@given(
    st.lists(
        st.sampled_from(
            [
                *("non", "gap", "Gap", "GAP", "basis", "cap", "ex", "SG", "and", "A", "Q", "50", "base", "points", "-", "x"),
                *("its", "Its", "bits", "great", "to", "be", "lets", "Lets", "So", "talk", "im", "Im", "Tim", "the", "ive", "Ive"),
                *("five", "been", "your", "Your", "going", "we", "wont", "cant", "I", ",", "."),
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_a_pattern_gate_never_hides_a_match(text: str) -> None:
    assert _PATTERN_RULES
    for rule in _PATTERN_RULES:
        assert rule.pattern is not None and rule.gate is not None
        for start in range(0, len(text), 7):
            if rule.pattern.search(text, start) is not None:
                assert rule.gate.search(text, start) is not None


@given(st.lists(st.text(alphabet="ab A,. \n':", max_size=30), min_size=1, max_size=5))
def test_word_counts_kept_line_by_line_equal_a_full_count(texts: list[str]) -> None:
    from collections import Counter

    from cleaner.dictionaries import WORD_RE
    from cleaner.passes.lexicon import _MID_SENTENCE_CAPITAL, DocumentCounts
    from cleaner.readers import parse

    counts = DocumentCounts()
    for text in texts:  # one document's rounds, each a new text
        t = parse(text)
        words, capitals = counts.of(t)
        assert words == Counter(WORD_RE.findall(text))
        labels = [b.span for b in t.blocks if b.kind is BlockKind.SPEAKER]  # a label's capitals are none of the speech's
        speech = "".join(" " if any(s.start <= i < s.end for s in labels) else ch for i, ch in enumerate(text))
        assert capitals == Counter(_MID_SENTENCE_CAPITAL.findall(speech))


def _walked_back(rounds: list[list[Edit]], pos: int) -> int:
    """The source map's answer the slow way: through every edit of every round, last round first."""
    for edits in reversed(rounds):
        delta = 0
        mapped = None
        for e in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
            new_start = e.span.start + delta
            if pos < new_start:
                break
            if pos < new_start + len(e.replacement):
                mapped = e.span.start
                break
            delta += len(e.replacement) - (e.span.end - e.span.start)
        pos = mapped if mapped is not None else pos - delta
    return pos


@st.composite
def _edit_history(draw: st.DrawFn) -> tuple[list[list[Edit]], int]:
    """Rounds of edits that overlap nothing within a round (insertions, deletions, replacements), and
    the final text's length."""
    length = draw(st.integers(0, 40))
    rounds = []
    for _ in range(draw(st.integers(1, 4))):
        points = sorted(draw(st.sets(st.integers(0, length), max_size=8)))
        edits = []
        for a, b in zip(points[::2], points[1::2], strict=False):
            end = b if draw(st.booleans()) else a
            edits.append(Edit(Span(a, end), "x" * draw(st.integers(0, 3))))
        rounds.append(edits)
        length += sum(len(e.replacement) - (e.span.end - e.span.start) for e in edits)
    return rounds, length


@SETTINGS
@given(_edit_history())
def test_the_source_map_finds_each_position_as_walking_every_edit_would(history: tuple[list[list[Edit]], int]) -> None:
    """Positions are found by bisection in each round; the walk through every edit is the reference."""
    rounds, length = history
    source = SourceMap()
    for edits in rounds:
        source.record(edits)
    for pos in range(length + 1):
        assert source.to_original(pos) == _walked_back(rounds, pos)


def _code_run(run: str) -> bool:
    """What CODE is meant to find in a run of non-spaces, written plainly."""
    flag = run.startswith("-") and (run[1:2].isalpha() or (run[1:2] == "-" and run[2:3].isalpha()))
    return run[0] in "@#$~/\\" or flag or any(c in run for c in "=`\\") or "*." in run or "://" in run


@given(st.text(alphabet="ab1 -@#$~/\\=`*.:\n", max_size=30))
def test_code_marks_are_found_in_the_runs_that_hold_them(text: str) -> None:
    from cleaner.tokens import CODE

    found = set()
    for m in CODE.finditer(text):
        left = m.start()
        while left > 0 and not text[left - 1].isspace():
            left -= 1
        found.add(left)
    runs = {m.start() for m in re.finditer(r"\S+", text) if _code_run(m.group())}
    assert found == runs


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=200).map(lambda t: t.encode("utf-16-le", "surrogatepass")),
        st.text(max_size=200).map(lambda t: t.encode("utf-16-be", "surrogatepass")),
    )
)
def test_any_bytes_decode_or_give_a_one_line_error(data: bytes) -> None:
    """Whatever a file holds, reading it gives text or a CleanerError naming the file, never a crash."""
    from cleaner.textio import CleanerError, decode_bytes

    try:
        decoded = decode_bytes(data, "call.txt")
    except CleanerError as exc:
        assert str(exc).startswith("call.txt: ") and "\n" not in str(exc)
    else:
        assert isinstance(decoded.text, str)


_ANCHORED = [r for d in make_context().dictionaries for r in d.pattern_rules if r.anchor is not None]
_ANCHOR_WORDS = (  # noqa: SIM905 (a sentence of words is easier to read than a list of them)
    "more then the we and R D SG S.G. gap measures non a few per say , . its not been covid 19 march 10 Monday could  "
    "of ebit ferc head wind www dot acme com your welcome their going to be Q A all ready knew were suppose loose  "
    "money offer beta version peak my interest wreck havoc by in large physical year revenue as swell "
    "to too little bit way easily shady you're you’re with on there leave track Its on my list five 30 "
    "day plan month period Sunday's On follow up long term pre non multi clinical"
).split()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_ANCHOR_WORDS), max_size=40), st.lists(st.integers(0, 40), max_size=3))
def test_a_pattern_tried_only_before_its_literal_finds_what_a_full_search_finds(words: list[str], breaks: list[int]) -> None:
    """The dictionary pass tries an anchored rule only a few characters before each place its literal is
    found, by its own search or where the first round's one scan found it (in lower case, and not where
    it is found too often to keep the places); over any paragraphs that must give every match a search of
    each paragraph gives."""
    from cleaner.passes import Paragraphs
    from cleaner.passes.dictionary import _anchored, _present

    for k in sorted(set(breaks), reverse=True):
        words[k:k] = ["\n\n"]
    text = " ".join(words)
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    present = _present(CTX.dictionaries, text.lower())
    for rule in _ANCHORED:
        full = [m.span() for s, e in spans for m in rule.pattern.finditer(text, s, e) if m.end() > m.start()]
        assert [m.span() for m in _anchored(text, rule, spans, None)] == full, rule.id
        assert [m.span() for m in _anchored(text, rule, spans, Paragraphs(spans))] == full, rule.id
        starts = present.get(rule.presence) if rule.presence is not None else None
        assert [m.span() for m in _anchored(text, rule, spans, Paragraphs(spans), starts)] == full, rule.id


_ALL_PATTERN_RULES = [r for d in CTX.dictionaries for r in d.pattern_rules]
_PRESENCE_WORDS = (
    _ANCHOR_WORDS
    + (  # noqa: SIM905 (as above)
        "head aches my self them selves apart of in tact strait sight alter altar breath breathe advise advice brake wait "
        "quite personal council use to here sink data base payed Air bus A321 share holders buy backs hyper scalers There "
        "worse Lets pray than bring you're roof monthly effect"
    ).split()
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PRESENCE_WORDS), max_size=40))
def test_a_pattern_whose_presence_literal_the_text_lacks_matches_nothing_there(words: list[str]) -> None:
    """The dictionary pass asks a pattern nothing where one scan for all the rules' literals did not find
    its own (Rule.presence): no text without the literal may hold a match."""
    from cleaner.passes.dictionary import _present

    text = " ".join(words)
    present = _present(CTX.dictionaries, text.lower())
    for rule in _ALL_PATTERN_RULES:
        if rule.presence is not None and rule.presence not in present:
            assert rule.pattern.search(text) is None, rule.id


def test_a_lower_case_name_after_a_listed_first_name_does_not_load_wordfreqs_whole_list(monkeypatch) -> None:
    """Asking whether "o'hearn" is a word no one writes loaded wordfreq's 33 MB dict: 28 MB more at a large run's peak."""
    import wordfreq

    from cleaner import frequency

    frequency._table()
    frequency.zipf.cache_clear()
    ctx = make_context(["Lorenzo Achterberg"])
    monkeypatch.setattr(wordfreq, "get_frequency_dict", lambda *a, **k: pytest.fail("wordfreq loaded its whole list"))
    clean_text("our ceo lorenzo o'hearn will start, then lorenzo octoberg", ctx)
