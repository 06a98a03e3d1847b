"""Layout detection and parsing: every layout, and spans that always point into the source."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cleaner.model import BlockKind
from cleaner.readers import detect_layout, parse

ROOT = Path(__file__).resolve().parent.parent

EARNINGS = (
    "Opening remarks here.\n\nQuestion-and-Answer Session\n\nOperator\n\nOur first question.\n\n"
    "Himanshu Patel - JPMorgan\n\nA question?\n\nDeepak Ahuja - CFO\n\nAn answer.\n"
)
COLON = "Priya Raman: Let's start.\nJiri Novak: Sure.\nthis line continues Jiri.\nSpeaker 2: Yes.\n"
BRACKET = "PROFESSOR OKAFOR [00:00:04]\nGood morning.\n\nSTUDENT [00:03:40]\nA question?\n"
PLAIN = "and the results were good\nand we expect more\nOkay\n"
OTTER = "Jane Doe  0:00\nWelcome back.\n\nSpeaker 2  0:07\nThanks, Jane.\nMeeting at 10:30\n"
REV = "Maria Lopez (00:00):\nOkay, let's start.\n\nJohn Park (01:12):\nThanks (see 10:30): fine.\n"
TEAMS = (
    "WEBVTT\n\nNOTE exported\n\n3f2a-1/12-0\n00:00:01.230 --> 00:00:04.560\n<v Maria Lopez>Okay, let's start.</v>\n\n"
    "3f2a-1/13-0\n00:00:05.000 --> 00:00:09.120\n<v Maria Lopez>Next item.</v>\n\n"
    "3f2a-1/14-0\n00:00:09.500 --> 00:00:11.000\n<v John Park>Thanks.</v>\n"
)
SRT = "1\n00:00:01,000 --> 00:00:04,200\nWelcome to the workshop.\n\n2\n00:00:04,500 --> 00:00:07,000\nToday we cover Redis.\n"
STAMPED = "[00:00:01] Jane Doe: Welcome back.\n[00:00:05] Speaker 2: Thanks, Jane.\n[00:00:09] Jane Doe: Sure.\n"


@pytest.mark.parametrize(
    ("text", "layout"),
    [(EARNINGS, "earnings"), (COLON, "colon"), (BRACKET, "bracket"), (OTTER, "bracket"), (STAMPED, "colon"), (PLAIN, "plain")],
)
def test_detect(text: str, layout: str) -> None:
    assert detect_layout(text) == layout


def test_earnings_structure() -> None:
    t = parse(EARNINGS)
    kinds = [b.kind for b in t.blocks]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.SPEAKER,
        BlockKind.PARAGRAPH,
        BlockKind.SPEAKER,
        BlockKind.PARAGRAPH,
        BlockKind.SPEAKER,
        BlockKind.PARAGRAPH,
    ]
    assert [(u.speaker, u.firm, u.role) for u in t.turns] == [
        ("Operator", None, None),
        ("Himanshu Patel", "JPMorgan", None),
        ("Deepak Ahuja", None, "CFO"),
    ]


MOTLEY_FOOL = (
    "Prepared Remarks:\n\nOperator\n\nWelcome to the call.\n\nTim Bernstein -- Director, Investor Relations\n\nThank you.\n\n"
    "Questions and Answers:\n\nOperator\n\nOur first question.\n\nAdam Jonas -- Morgan Stanley -- Analyst\n\nHey, RJ.\n\n"
    "Tim Bernstein -- Director, Investor Relations\n\nNext.\n"
)


def test_motley_fool_labels_and_headings() -> None:
    """The Motley Fool writes "Name -- Firm -- Role" and heads the call's parts "Prepared Remarks:"."""
    t = parse(MOTLEY_FOOL)
    assert t.layout == "earnings"
    assert [(u.speaker, u.firm, u.role) for u in t.turns] == [
        ("Operator", None, None),
        ("Tim Bernstein", None, "Director, Investor Relations"),
        ("Operator", None, None),
        ("Adam Jonas", "Morgan Stanley", "Analyst"),
        ("Tim Bernstein", None, "Director, Investor Relations"),
    ]
    assert [t.block_text(b) for b in t.blocks if b.kind is BlockKind.HEADING] == ["Prepared Remarks:", "Questions and Answers:"]
    # a sentence ending in a colon is still no heading
    assert all(b.kind is not BlockKind.HEADING for b in parse("We said this:\n\nOperator\n\nNext.\n").blocks)


STREETEVENTS = (
    "=" * 80 + "\nCorporate Participants\n" + "=" * 80 + "\n\n * Elon Musk\n   Tesla Motors Inc - CEO\n * Deepak Ahuja\n"
    "   Tesla Motors Inc - CFO\n\n" + "=" * 80 + "\nPresentation\n" + "-" * 80 + "\nOperator   [1]\n" + "-" * 80 + "\n"
    "Good day, and welcome.\n\n"
    + "-" * 80
    + "\nElon Musk,  Tesla Motors Inc - CEO   [2]\n"
    + "-" * 80
    + "\nThank you.\n\n"
    + "-" * 80
    + "\nAdam Jonas,  Morgan Stanley - Analyst   [3]\n"
    + "-" * 80
    + "\nA question?\n"
)


def test_streetevents_labels_rules_and_participants() -> None:
    """Thomson Reuters' StreetEvents: numbered labels with the firm after a comma, rules drawn between
    the parts (in no block, so published nowhere), and a bulleted list of participants."""
    t = parse(STREETEVENTS)
    assert t.layout == "earnings"
    assert [(u.speaker, u.firm, u.role) for u in t.turns] == [
        ("Operator", None, None),
        ("Elon Musk", "Tesla Motors Inc", "CEO"),
        ("Adam Jonas", "Morgan Stanley", "Analyst"),
    ]
    shown = [(b.kind, " ".join(t.block_text(b).split())) for b in t.blocks]
    assert shown[:4] == [
        (BlockKind.HEADING, "Corporate Participants"),
        (BlockKind.PARAGRAPH, "Elon Musk Tesla Motors Inc - CEO"),
        (BlockKind.PARAGRAPH, "Deepak Ahuja Tesla Motors Inc - CFO"),
        (BlockKind.HEADING, "Presentation"),
    ]
    assert not any(set(text) <= set("=- ") for _, text in shown)
    # a dash opening lines of speech is no bullet, and a sentence with a number in brackets no label
    speech = parse("Operator\n\nThe plan:\n- first, margins\n- then growth\n\nJane Roe - CFO\n\nSee note [1]\n")
    assert "- first, margins" in speech.block_text(speech.blocks[1]) and len(speech.turns) == 2


def test_a_streetevents_call_wrapped_at_80_columns() -> None:
    """StreetEvents' text files are wrapped at 80 columns, rules as wide: the participants stay a list,
    not labels ("Northwind Motors Inc - CEO" alone on its line), and no rule runs into the speech."""
    speech = textwrap.wrap(
        "Thank you. It has been a strong quarter for the company, and the Fremont line is now running at its full rate, "
        "which we expect to keep through the rest of the year and into the next one, with more shifts in the spring.",
        80,
    )
    lines = ["=" * 80, "Corporate Participants", "=" * 80, "", " * Dana Whitlock", "   Northwind Motors Inc - CEO", " * Ravi Rao"]
    lines += ["   Northwind Motors Inc - CFO", "", "=" * 80, "Presentation", "-" * 80, "Operator   [1]", "-" * 80, *speech, ""]
    lines += ["-" * 80, "Dana Whitlock,  Northwind Motors Inc - CEO   [2]", "-" * 80, *speech, *speech, ""]
    t = parse("\n".join(lines) + "\n")
    assert [(u.speaker, u.firm, u.role) for u in t.turns] == [("Operator", None, None), ("Dana Whitlock", "Northwind Motors Inc", "CEO")]
    shown = [" ".join(t.block_text(b).split()) for b in t.blocks if b.kind is BlockKind.PARAGRAPH]
    assert shown[:2] == ["Dana Whitlock Northwind Motors Inc - CEO", "Ravi Rao Northwind Motors Inc - CFO"]
    assert not any("---" in text or "===" in text for text in shown)


def test_a_turns_time_after_a_dash_or_alone_below_its_label() -> None:
    """Fireflies and other meeting tools write the time after the name ("Jane Doe - 00:00:03") or on the
    line below it: the turn's time, neither a firm nor speech."""
    for text in (
        "Jane Doe\n00:00\nWelcome.\n\nJohn Park\n00:12\nThanks.\n\nJane Doe\n00:25\nSure.\n",
        "Jane Doe - 00:00\nWelcome.\n\nJohn Park - 00:12\nThanks.\n\nJane Doe - 00:25\nSure.\n",
    ):
        t = parse(text)
        assert [(u.speaker, u.firm, u.role, u.timestamp) for u in t.turns] == [
            ("Jane Doe", None, None, "00:00"),
            ("John Park", None, None, "00:12"),
            ("Jane Doe", None, None, "00:25"),
        ]
        assert [t.block_text(b) for b in t.paragraphs()] == ["Welcome.", "Thanks.", "Sure."]


def test_a_time_span_above_each_label_as_premiere_exports_a_transcript() -> None:
    """Adobe Premiere writes the span of each turn (hours, minutes, seconds and frames) above its speaker."""
    t = parse(
        "00:00:00:00 - 00:00:05:12\nSpeaker 1\nWelcome back.\n\n00:00:05:12 - 00:00:09:20\nSpeaker 2\nThanks.\n\n"
        "00:00:09:20 - 00:00:14:02\nSpeaker 1\nSo, your background.\n"
    )
    assert t.layout == "earnings"
    assert [(u.speaker, u.timestamp) for u in t.turns] == [
        ("Speaker 1", "00:00:00:00"),
        ("Speaker 2", "00:00:05:12"),
        ("Speaker 1", "00:00:09:20"),
    ]
    assert [t.block_text(b) for b in t.blocks] == [
        "Speaker 1",
        "Welcome back.",
        "Speaker 2",
        "Thanks.",
        "Speaker 1",
        "So, your background.",
    ]
    # a time alone above a paragraph that is no label stays in the paragraph
    plain = parse("Operator\n\n10:30\nwe met at the plant.\n\nJane Roe - CFO\n\nYes.\n")
    assert plain.block_text(plain.blocks[1]) == "10:30\nwe met at the plant."


def test_colon_and_bracket_turns() -> None:
    t = parse(COLON)
    assert [u.speaker for u in t.turns] == ["Priya Raman", "Jiri Novak", "Speaker 2"]
    assert t.block_text(t.paragraphs()[2]) == "this line continues Jiri."
    b = parse(BRACKET)
    assert [(u.speaker, u.timestamp) for u in b.turns] == [("PROFESSOR OKAFOR", "00:00:04"), ("STUDENT", "00:03:40")]
    o = parse(OTTER)  # Otter.ai's export: the timestamp after the name, without brackets
    assert [(u.speaker, u.timestamp) for u in o.turns] == [("Jane Doe", "0:00"), ("Speaker 2", "0:07")]
    assert o.block_text(o.paragraphs()[-1]) == "Meeting at 10:30"
    # a title and a byline above the speech read as labels, but no one of that name speaks: they stay text
    w = parse(
        "Patient Education Webinar: Living with Type 2 Diabetes\nHost: Karen Mitchell, RN | Guest: Dr. Sam Okonkwo\n\n"
        "Karen Mitchell: Welcome.\n\nDr. Sam Okonkwo: Thank you.\n\nKaren Mitchell: Let's begin.\n"
    )
    assert [u.speaker for u in w.turns] == ["Karen Mitchell", "Dr. Sam Okonkwo", "Karen Mitchell"]
    assert w.block_text(w.blocks[0]) == "Patient Education Webinar: Living with Type 2 Diabetes"
    # ...but a first speaker whose words are in title case, who speaks again, is a speaker
    h = parse("Operator: Good Morning Everyone\n\nJane Doe: Thanks.\n\nOperator: Next Question\n")
    assert [u.speaker for u in h.turns] == ["Operator", "Jane Doe", "Operator"]
    r = parse(REV)  # Rev.com's export: "Name (00:00):" alone on a line (its parenthesis is no firm)
    assert (r.layout, [(u.speaker, u.firm, u.timestamp) for u in r.turns]) == (
        "bracket",
        [("Maria Lopez", None, "00:00"), ("John Park", None, "01:12")],
    )
    assert [(u.speaker, u.firm) for u in parse("Speaker 1 (00:00):\nHi.\n\nSpeaker 2 (00:12):\nHello.\n").turns] == [
        ("Speaker 1", None),
        ("Speaker 2", None),
    ]
    assert r.block_text(r.paragraphs()[-1]) == "Thanks (see 10:30): fine."
    f = parse("Operator: Welcome.\n\nJohn Doe - CFO: Thank you.\n\nJane Roe - Goldman Sachs: A question: margins?\n")
    assert (f.layout, [(u.speaker, u.firm, u.role) for u in f.turns]) == (
        "colon",
        [("Operator", None, None), ("John Doe", None, "CFO"), ("Jane Roe", "Goldman Sachs", None)],
    )
    assert f.block_text(f.paragraphs()[-1]) == "A question: margins?"
    # a role or firm in parentheses after the name; a role alone before a name in parentheses is the show's
    p = parse("Host (Mark): Welcome.\n\nJane Doe (CFO): Thanks.\n\nJohn Roe (Acme Capital): Hi.\n\nMark: Next (see slide 4): margins.\n")
    assert (p.layout, [(u.speaker, u.firm, u.role) for u in p.turns]) == (
        "colon",
        [("Mark", None, "Host"), ("Jane Doe", None, "CFO"), ("John Roe", "Acme Capital", None), ("Mark", None, None)],
    )
    assert p.block_text(p.paragraphs()[-1]) == "Next (see slide 4): margins."
    # "Council member Ashby": a role in lower case inside a label, never its first word
    c = parse("Mayor Gonzales: Order.\nCouncil member Ashby: Present.\nmember votes: none.\nCity manager Paul Eze: Yes.\n")
    assert [u.speaker for u in c.turns] == ["Mayor Gonzales", "Council member Ashby", "City manager Paul Eze"]
    w = parse("[SPEAKER_00]: Welcome back.\n[SPEAKER_01]: Thanks.\n")  # WhisperX's diarized text
    assert (w.layout, [u.speaker for u in w.turns], w.block_text(w.paragraphs()[0])) == (
        "colon",
        ["SPEAKER_00", "SPEAKER_01"],
        "Welcome back.",
    )
    d = parse("[00:00.000 --> 00:04.000] SPEAKER_00: Welcome back.\n[00:04.000 --> 00:06.500] SPEAKER_01: Thanks.\n")
    assert [(u.speaker, u.timestamp) for u in d.turns] == [("SPEAKER_00", "00:00.000"), ("SPEAKER_01", "00:04.000")]
    z = parse(STAMPED)  # Zoom's and Descript's export: the timestamp before the name
    assert [(u.speaker, u.timestamp) for u in z.turns] == [("Jane Doe", "00:00:01"), ("Speaker 2", "00:00:05"), ("Jane Doe", "00:00:09")]
    assert z.block_text(z.paragraphs()[0]) == "Welcome back."
    x = parse("Jane Doe: [00:00:04] Welcome back.\n\nJohn Smith: [00:00:09] Thanks, Jane.\n")  # Sonix: the timestamp after the colon
    assert [(u.speaker, u.timestamp) for u in x.turns] == [("Jane Doe", "00:00:04"), ("John Smith", "00:00:09")]
    assert x.block_text(x.paragraphs()[0]) == "Welcome back."
    zl = parse("[Jane Doe] 10:05:33\nWelcome back.\n[John Smith] 10:05:40\nThanks, Jane.\n")  # Zoom's saved live transcript
    assert (zl.layout, [(u.speaker, u.timestamp) for u in zl.turns]) == ("bracket", [("Jane Doe", "10:05:33"), ("John Smith", "10:05:40")])
    assert [zl.block_text(p) for p in zl.paragraphs()] == ["Welcome back.", "Thanks, Jane."]


def test_french_labels_with_a_space_before_their_colon() -> None:
    t = parse("Animatrice : Bonjour à tous.\n\nPierre Martin : Merci. Des questions ? Oui : deux.\n")
    assert (t.layout, [u.speaker for u in t.turns]) == ("colon", ["Animatrice", "Pierre Martin"])
    assert t.block_text(t.paragraphs()[-1]) == "Merci. Des questions ? Oui : deux."


def test_timestamp_first_labels_as_word_transcribes() -> None:
    """Microsoft Word's Transcribe: "00:00:05 Speaker 1" alone on a line, the speech below. A video's
    chapter list, its names said once and no speech below them, stays text."""
    w = parse("Transcript\n00:00:00 Speaker 1\nLet us start.\n00:00:12 Speaker 2\nGreat.\n00:00:20 Speaker 1\nGo ahead.\n")
    assert w.layout == "bracket"
    assert [(u.speaker, u.timestamp) for u in w.turns] == [("Speaker 1", "00:00:00"), ("Speaker 2", "00:00:12"), ("Speaker 1", "00:00:20")]
    assert [w.block_text(p) for p in w.paragraphs()] == ["Transcript", "Let us start.", "Great.", "Go ahead."]
    assert detect_layout("Chapters\n0:00 Intro\n1:30 Setup\n4:10 The Demo\n9:45 Questions\n") == "plain"
    assert detect_layout("0:00 Intro\nWe meet the team.\n1:30 Setup\nWe build it.\n") == "plain"


def test_speaker_labels_in_markdown_bold() -> None:
    # a transcript copied from a web page: "**Jane Doe:** speech" or "**Jane Doe**: speech"
    for text in ("**Jane Doe:** Hello.\n\n**Bob:** Hi.\n", "**Jane Doe**: Hello.\n\n**Bob**: Hi.\n"):
        t = parse(text)
        assert (t.layout, [u.speaker for u in t.turns]) == ("colon", ["Jane Doe", "Bob"])
        assert [t.block_text(p) for p in t.paragraphs()] == ["Hello.", "Hi."]


def test_markdown_headings_are_headings_without_their_hashes() -> None:
    t = parse("# Episode 12\n\n**Jane Doe:** Hello.\n\n## Interview\n\n**Bob:** #1 question: why?\n")
    assert [(b.kind.value, t.block_text(b)) for b in t.blocks if b.kind.value != "speaker"] == [
        ("heading", "Episode 12"),
        ("paragraph", "Hello."),
        ("heading", "Interview"),
        ("paragraph", "#1 question: why?"),
    ]
    plain = parse("# Notes\nfirst line\n")
    assert [(b.kind.value, plain.block_text(b)) for b in plain.blocks] == [("heading", "Notes"), ("paragraph", "first line")]


def test_a_timestamp_alone_on_a_line_times_the_next_turn() -> None:
    # as Google Meet writes a transcript: a timestamp every few minutes, then "Name: speech" lines
    t = parse("00:00:00\nJane Doe: Hello.\nJohn Smith: Hi.\n00:05:00\n\nJohn Smith: Later.\nJane Doe: Bye at 10:30.\n")
    assert [(u.speaker, u.timestamp) for u in t.turns] == [
        ("Jane Doe", "00:00:00"),
        ("John Smith", None),
        ("John Smith", "00:05:00"),
        ("Jane Doe", None),
    ]
    assert [t.block_text(p) for p in t.paragraphs()] == ["Hello.", "Hi.", "Later.", "Bye at 10:30."]


def test_tab_separated_columns() -> None:
    first = parse("00:00:05\tJane Doe\tHello everyone.\n00:00:09\tJohn Smith\tThanks, Jane.\n")
    second = parse("Jane Doe\t00:00:05\tHello everyone.\nJohn Smith\t00:00:09\tThanks, Jane.\n")
    for t in (first, second):
        assert (t.layout, [(u.speaker, u.timestamp) for u in t.turns]) == ("tabs", [("Jane Doe", "00:00:05"), ("John Smith", "00:00:09")])
        assert [t.block_text(p) for p in t.paragraphs()] == ["Hello everyone.", "Thanks, Jane."]
    # a table of figures pasted in, without names and times, is no transcript of turns
    assert detect_layout("Revenue\t2020\t2021\nSales\t10\t12\n") == "plain"


def test_whisper_segment_timings_are_timestamps_not_words() -> None:
    t = parse("[00:00.000 --> 00:04.000]  Welcome back.\n[00:04.000 --> 00:06.500]  Thanks.\n")
    assert t.layout == "plain"
    assert [(t.block_text(b), b.timestamp) for b in t.paragraphs()] == [("Welcome back.", "00:00.000"), ("Thanks.", "00:04.000")]


def test_a_video_transcript_copied_from_its_page_times_each_line() -> None:
    """YouTube's transcript, copied from the page: a timestamp alone on every other line."""
    t = parse("0:00\nhey everyone welcome back\n0:04\ntoday we look at the new\n1:02:08\nraspberry pi\n")
    assert t.layout == "plain"
    assert [(t.block_text(b), b.timestamp) for b in t.blocks] == [
        ("hey everyone welcome back", "0:00"),
        ("today we look at the new", "0:04"),
        ("raspberry pi", "1:02:08"),
    ]
    # one time of day in a plain transcript is speech
    said = parse("We met at\n10:30\nand left at noon.\nThen lunch.\n")
    assert [said.block_text(b) for b in said.blocks][1] == "10:30"


def test_whisper_tsv_rows_are_timed_segments() -> None:
    """Whisper's .tsv: a header, then start and end in milliseconds before each segment's text."""
    t = parse("start\tend\ttext\n0\t4200\t Welcome back.\n3725000\t3729800\t Thanks.\n")
    assert t.layout == "plain"
    assert [(t.block_text(b), b.timestamp) for b in t.blocks] == [("Welcome back.", "00:00:00"), ("Thanks.", "01:02:05")]
    table = parse("2020\t100\tgrowth\n2021\t120\tmore growth\n")  # figures without Whisper's header
    assert [(table.block_text(b), b.timestamp) for b in table.blocks] == [("2020\t100\tgrowth", None), ("2021\t120\tmore growth", None)]


def test_whisperx_captions_name_the_speaker_in_brackets() -> None:
    t = parse("1\n00:00:00,000 --> 00:00:04,000\n[SPEAKER_00]: Welcome back.\n\n2\n00:00:04,000 --> 00:00:06,500\n[SPEAKER_01]: Thanks.\n")
    assert (t.layout, [u.speaker for u in t.turns]) == ("captions", ["SPEAKER_00", "SPEAKER_01"])
    assert [t.block_text(b) for b in t.paragraphs()] == ["Welcome back.", "Thanks."]


def test_labels_with_their_speech_on_the_next_line() -> None:
    text = (
        "Operator\nWelcome to the call.\n\nKate Morris - Investor Relations\nThank you.\n\n"
        "Todd Vasos - CEO\nThanks, Kate.\n\nKate Morris - Investor Relations\nOne question.\n"
    )
    t = parse(text)
    assert t.layout == "earnings" and [u.speaker for u in t.turns] == ["Operator", "Kate Morris", "Todd Vasos", "Kate Morris"]
    assert [t.block_text(p) for p in t.paragraphs()] == ["Welcome to the call.", "Thank you.", "Thanks, Kate.", "One question."]
    # a short capitalized line above a paragraph is no label without such signs
    assert parse("Introduction\nWe begin here.\n\nMethods\nWe used a survey.\n").layout == "plain"


def test_caption_files() -> None:
    t = parse(TEAMS)  # a voice opens a turn when the speaker changes; header, ids and timings are no blocks
    assert (t.layout, [(u.speaker, u.timestamp) for u in t.turns]) == ("captions", [("Maria Lopez", "00:00:01"), ("John Park", "00:00:09")])
    assert [t.block_text(p) for p in t.paragraphs()] == ["Okay, let's start.", "Next item.", "Thanks."]
    s = parse(SRT)
    assert (s.layout, s.turns) == ("captions", ())
    assert [s.block_text(p) for p in s.paragraphs()] == ["Welcome to the workshop.", "Today we cover Redis."]


def test_caption_formatting_tags_are_no_words() -> None:
    t = parse(
        "1\n00:00:01,000 --> 00:00:04,000\n<i>We will see.</i>\n\n"
        '2\n00:00:04,500 --> 00:00:06,000\n{\\an8}<font color="#ffff00">The plant\nis open.</font>\n'
    )
    assert [t.block_text(p) for p in t.paragraphs()] == ["We will see.", "The plant", "is open."]


def test_sbv_captions_and_broadcast_speaker_markers() -> None:
    sbv = (
        "0:00:00.599,0:00:04.160\n>> ALICE: Hi, I'm Alice.\n\n0:00:04.160,0:00:06.770\n>> BOB: And I'm Bob.\n\n"
        "0:00:06.770,0:00:09.000\n>> ALICE: We bake.\n\n0:00:09.000,0:00:11.000\n>> BOB: Daily.\n"
    )
    t = parse(sbv)
    assert (t.layout, [u.speaker for u in t.turns]) == ("captions", ["ALICE", "BOB", "ALICE", "BOB"])
    assert [t.block_text(p) for p in t.paragraphs()] == ["Hi, I'm Alice.", "And I'm Bob.", "We bake.", "Daily."]


def test_spaces_under_a_cue_timing_do_not_end_the_cue() -> None:
    # as YouTube writes its automatic captions: a line of spaces, then the cue's text
    t = parse("WEBVTT\n\n00:00:00.080 --> 00:00:02.710 align:start\n \nhey everyone\n\n00:00:02.720 --> 00:00:05.000\nwelcome\n")
    assert [t.block_text(p) for p in t.paragraphs()] == ["hey everyone", "welcome"]


def test_caption_cues_that_open_with_the_speakers_name() -> None:
    # as Microsoft Teams wrote transcripts: the name alone on the cue's first line
    teams = (
        "0:0:0.0 --> 0:0:4.230\nJane Doe\nHello everyone.\n\n0:0:5.0 --> 0:0:8.0\nJohn Smith\nThanks, Jane.\n\n"
        "0:0:9.0 --> 0:0:11.0\nJohn Smith\nOne more thing.\n"
    )
    t = parse(teams)
    assert (t.layout, [(u.speaker, u.timestamp) for u in t.turns]) == ("captions", [("Jane Doe", "0:00:00"), ("John Smith", "0:00:05")])
    assert [t.block_text(p) for p in t.paragraphs()] == ["Hello everyone.", "Thanks, Jane.", "One more thing."]
    # as Zoom writes a meeting's captions: the name and a colon at the cue's start
    zoom = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nJane Doe: Hello everyone.\n\n"
        "2\n00:00:04.500 --> 00:00:08.000\nJohn Smith: Thanks, Jane.\n\n3\n00:00:08.500 --> 00:00:10.000\nJohn Smith: We ship Monday.\n"
    )
    z = parse(zoom)
    assert [(u.speaker, u.timestamp) for u in z.turns] == [("Jane Doe", "00:00:01"), ("John Smith", "00:00:04")]
    assert [z.block_text(p) for p in z.paragraphs()] == ["Hello everyone.", "Thanks, Jane.", "We ship Monday."]
    note = zoom.replace("Jane Doe:", "Note:").replace("John Smith: Thanks", "Thanks").replace("John Smith: We", "Warning: we")
    assert parse(note).turns == ()  # a colon now and then at a cue's start is speech
    # a caption's text wrapped after a capitalized line goes on in lower case: no speaker
    wrapped = "1\n00:00:01,000 --> 00:00:03,000\nNew York City\nis sunny today.\n\n2\n00:00:03,500 --> 00:00:05,000\nLos Angeles\nis not.\n"
    w = parse(wrapped)
    assert (w.turns, [w.block_text(p) for p in w.paragraphs()]) == ((), ["New York City", "is sunny today.", "Los Angeles", "is not."])
    # a cue that opens with "Okay" or a short phrase now and then is speech
    mixed = (
        "1\n00:00:01,000 --> 00:00:03,000\nOkay\nLet's begin.\n\n2\n00:00:03,500 --> 00:00:05,000\nGood Morning\nEveryone is here.\n\n"
        "3\n00:00:05,500 --> 00:00:07,000\nThe agenda is short.\nFirst, the budget.\n"
    )
    assert parse(mixed).turns == ()


def test_turn_keys_survive_other_turns() -> None:
    a = parse(COLON)
    b = parse("Marco Bellini: Hello.\n" + COLON)
    assert [u.key for u in a.turns] == [u.key for u in b.turns[1:]]


def test_short_paragraph_is_not_a_speaker() -> None:
    t = parse("Elon Musk\n\nYes.\n\nOkay\n\nDeepak Ahuja\n\nRight.\n")
    assert [u.speaker for u in t.turns] == ["Elon Musk", "Deepak Ahuja"]


def _as_from_a_pdf(text: str, width: int) -> str:
    """``text`` as a PDF's text gives it back: each paragraph wrapped at ``width``, no blank lines."""
    return "\n".join(textwrap.fill(p, width) for p in text.split("\n") if p.strip()) + "\n"


@pytest.mark.parametrize("width", [50, 60, 72, 80, 100, 120])
def test_text_hard_wrapped_as_a_pdf_gives_it_is_read_in_paragraphs(width: int) -> None:
    """Text copied from a PDF: lines wrapped at a width, no blank line between paragraphs or around
    labels. Its speakers are those of the transcript it was made from, and so are its paragraphs, but
    for a few whose last line was nearly full (nothing tells those from a sentence ending at a wrap)."""
    original = (ROOT / "samples/tesla-2011-q2-call.txt").read_text()
    wrapped = parse(_as_from_a_pdf(original, width))
    t = parse(original)
    assert wrapped.layout == t.layout == "earnings"
    assert [u.speaker for u in wrapped.turns] == [u.speaker for u in t.turns]
    paragraphs = {" ".join(wrapped.block_text(b).split()) for b in wrapped.paragraphs()}
    assert sum(t.block_text(b) in paragraphs for b in t.paragraphs()) >= 0.9 * len(t.paragraphs())


def test_text_not_wrapped_keeps_a_paragraph_a_line() -> None:
    """One sentence a line, a list of names or paths: lines of one width, but none goes on mid-sentence."""
    sentences = "\n".join(f"Sentence number {i} of the call is about as long as the others are." for i in range(30))
    assert [b.span for b in parse(sentences).paragraphs()] == [b.span for b in parse(sentences + "\n").paragraphs()]
    assert len(parse(sentences).paragraphs()) == 30


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Lecture 7: Gradient Descent", True),
        ("The Future of Battery Storage", True),
        ("00:00:00:00 - 00:00:05:12", False),
        ("12 34 56", False),
    ],
)
def test_a_title_has_words_in_title_case(line: str, title: bool) -> None:
    from cleaner.readers import reads_as_title

    assert reads_as_title(line) is title


def test_a_name_may_open_with_an_accented_capital() -> None:
    t = parse("Élodie Martin: Welcome back.\nÁngel Ruiz: Thanks.\nØystein Berg: Hi.\nŁUKASZ NOWAK: Hello.\n")
    assert (t.layout, [u.speaker for u in t.turns]) == ("colon", ["Élodie Martin", "Ángel Ruiz", "Øystein Berg", "ŁUKASZ NOWAK"])
