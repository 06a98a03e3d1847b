"""The command line as a user runs it, including every kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples/tesla-2011-q2-call.txt"
TERMS = ROOT / "samples/tesla-2011-q2-call.terms.txt"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output  # click mixes stderr into output


def test_acceptance_command_writes_txt(tmp_path: Path) -> None:
    code, out = run("clean", str(SAMPLE), "--lexicon", str(TERMS), "--format", "txt", "--output-dir", str(tmp_path))
    assert code == 0, out
    assert (tmp_path / "tesla-2011-q2-call.txt").read_text() == (ROOT / "samples/expected/tesla-2011-q2-call.txt").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tesla-2011-q2-call.txt"]
    assert "35 fix(es) applied, 4 waiting for review, 14 gap(s) flagged" in out


def test_all_formats(tmp_path: Path) -> None:
    code, out = run("clean", str(SAMPLE), "--lexicon", str(TERMS), "-o", str(tmp_path))
    assert code == 0, out
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        f"tesla-2011-q2-call.{s}" for s in ("changes.json", "changes.md", "docx", "gaps.json", "gaps.md", "md", "review.json", "txt")
    ]
    gaps = json.loads((tmp_path / "tesla-2011-q2-call.gaps.json").read_text())
    assert gaps["count"] == 14 and gaps["by_kind"] == {"inaudible": 12, "technical difficulty": 1, "uncertain": 1}
    assert "| 63 | Elon Musk | `[inaudible 0.42]` |" in (tmp_path / "tesla-2011-q2-call.gaps.md").read_text()
    data = json.loads((tmp_path / "tesla-2011-q2-call.changes.json").read_text())
    assert data["schema"] == "cleaner.changes/1" and data["summary"]["applied"] == 35


def test_folder_with_progress(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("Alice: We signed the \\$100 deal.\nBob: Good.\n")
    (src / "sub" / "b.txt").write_text("Thanks ,everyone.\n")
    code, out = run("clean", str(src), "-o", str(tmp_path / "out"), "--format", "txt")
    assert code == 0, out
    assert (tmp_path / "out/a.txt").read_text() == "Alice: We signed the $100 deal.\nBob: Good.\n"
    assert (tmp_path / "out/sub/b.txt").exists()
    assert "2 file(s) cleaned" in out


def test_caption_files_in_a_folder(tmp_path: Path) -> None:
    """A caption file is cleaned into a caption file; beside a text file of the same meeting (as Zoom
    saves both) only the text one is cleaned."""
    src = tmp_path / "in"
    src.mkdir()
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann Lee>We signed the \\$100 deal.</v>\n"
    (src / "a.vtt").write_text(vtt)
    (src / "b.vtt").write_text(vtt)
    (src / "b.txt").write_text("Ann Lee: We signed the deal.\n")
    sbv = "0:00:00.599,0:00:04.160\nWe signed the \\$100 deal.\n\n0:00:04.160,0:00:06.770\nThanks.\n"  # YouTube's SBV
    (src / "c.sbv").write_text(sbv)
    tsv = "start\tend\ttext\n0\t4200\t We signed the \\$100 deal.\n4200\t6000\t Thanks.\n"  # Whisper's .tsv
    (src / "d.tsv").write_text(tsv)
    code, out = run("clean", str(src), "-o", str(tmp_path / "out"), "--format", "txt")
    assert code == 0, out
    assert (tmp_path / "out/a.vtt").read_text() == vtt.replace("\\$", "$")
    assert (tmp_path / "out/c.sbv").read_text() == sbv.replace("\\$", "$")
    assert (tmp_path / "out/d.tsv").read_text() == tsv.replace("\\$", "$")  # its columns and their tabs kept
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.vtt", "b.txt", "c.sbv", "d.tsv"]


def test_a_folder_leaves_out_its_term_lists_and_cleaned_outputs(tmp_path: Path) -> None:
    """A folder holding its term list, and last week's cleaned outputs, cleans only its transcripts."""
    src = tmp_path / "in"
    (src / "done").mkdir(parents=True)
    (src / "a.txt").write_text("Alice: We signed the \\$100 deal.\n")
    (src / "glossary.txt").write_text("Fremont\n")
    (src / "b.terms.txt").write_text("Gigafactory\n")
    code, out = run("clean", str(src / "a.txt"), "-o", str(src / "done"), "--format", "txt,changes")
    assert code == 0, out
    code, out = run("clean", str(src), "--lexicon", str(src / "glossary.txt"), "-o", str(tmp_path / "out"), "--format", "txt")
    assert code == 0, out
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt"]


def test_a_word_transcript_is_cleaned_like_its_text(tmp_path: Path) -> None:
    """A .docx a transcriber delivered: each Word paragraph a paragraph; a tracked change read as not
    made, and said; a DOCX cleaner wrote is read without its title and appendix."""
    import docx

    from cleaner.docx_text import read_docx

    raw = SAMPLE.read_text()
    doc = docx.Document()
    for para in raw.split("\n\n"):
        doc.add_paragraph(para.strip("\n"))
    doc.save(tmp_path / "call.docx")
    code, out = run("clean", str(tmp_path / "call.docx"), "--lexicon", str(TERMS), "--format", "txt,docx", "-o", str(tmp_path / "out"))
    assert code == 0, out
    assert (tmp_path / "out/call.txt").read_text().rstrip() == (ROOT / "samples/expected/tesla-2011-q2-call.txt").read_text().rstrip()
    again = read_docx(tmp_path / "out/call.docx")  # cleaner's own DOCX, its pending questions tracked changes
    assert again.text.startswith("Thanks, Jeff.") and "Change log" not in again.text and "tracked change" in (again.note or "")
    table = docx.Document()  # a transcription service's table: a header row, then speaker, time, speech
    grid = table.add_table(rows=0, cols=3)
    for row in (("Speaker", "Time", "Text"), ("Jane Doe", "00:00:01", "We signed in Freemont."), ("John Roe", "00:00:05", "Good.")):
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            cell.text = value
    table.save(tmp_path / "table.docx")
    assert read_docx(tmp_path / "table.docx").text == "Jane Doe (00:00:01): We signed in Freemont.\n\nJohn Roe (00:00:05): Good.\n"
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really")
    code, out = run("clean", str(tmp_path / "bad.docx"), "-o", str(tmp_path / "out2"))
    assert code != 0 and "bad.docx: not a Word document" in out


def test_never_overwrites_the_input(tmp_path: Path) -> None:
    src = tmp_path / "call.txt"
    src.write_text("We signed the \\$100 deal.\n")
    code, out = run("clean", str(src), "-o", str(tmp_path), "--format", "txt")
    assert code != 0 and "would overwrite the input" in out
    assert src.read_text() == "We signed the \\$100 deal.\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\n", "is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("talk.json", b'{"text": " Welcome back.", "segments": [{"id": 0, "start": 0.0, "end": 4.2, "text": " Welcome back."}]}', "JSON"),
        ("call.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Jane Doe: Welcome back.\\par}", "RTF"),
        ("call.html", b"<!DOCTYPE html>\n<html><body><p>Jane Doe: Welcome back.</p></body></html>", "HTML"),
        ("talk.ttml", b'<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body><p>Welcome.</p></body></tt>', "TTML"),
        ("call.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdftotext"),
    ],
)
def test_bad_input_one_line_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    src = tmp_path / name
    src.write_bytes(content)
    out_dir = tmp_path / "out"
    code, out = run("clean", str(src), "-o", str(out_dir))
    assert code != 0
    errors = [ln for ln in out.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and str(src) in errors[0] and message in errors[0]
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_windows_line_breaks_are_kept(tmp_path: Path) -> None:
    src = tmp_path / "call.txt"
    src.write_bytes(b"Alice Smith: We signed the \\$100 deal.\r\nBob Jones: Good.\r\n")
    code, out = run("clean", str(src), "-o", str(tmp_path / "out"), "--format", "txt")
    assert code == 0, out
    assert (tmp_path / "out/call.txt").read_bytes() == b"Alice Smith: We signed the $100 deal.\r\nBob Jones: Good.\r\n"


def test_a_pasted_key_is_no_word_to_look_up(tmp_path: Path) -> None:
    """A 100,000-letter "word" (a key or hash pasted in) once made the fuzzy look-up build every one-letter
    deletion of it: 10 GB. It is now no word to look up, and the rest of the text is cleaned as ever."""
    from cleaner.lexicon import Lexicon

    assert Lexicon.load([TERMS]).candidates("Q" * 100_000) == []
    src = tmp_path / "key.txt"
    src.write_text("Elon Musk\n\nThe key is " + "ab3D" * 5_000 + " and the Freemont factory runs.\n")
    code, out = run("clean", str(src), "--lexicon", str(TERMS), "--format", "txt,md", "-o", str(tmp_path / "out"))
    assert code == 0, out
    assert "Fremont factory" in (tmp_path / "out/key.txt").read_text()


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    code, out = run("clean", str(tmp_path / "nope.txt"))
    assert code != 0 and "nope.txt: no such file" in out
    (tmp_path / "empty").mkdir()
    code, out = run("clean", str(tmp_path / "empty"))
    assert code != 0 and "no transcripts" in out


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le café de Zürich était très agréable. Ça va? Señor Müller.\n", "cp1252"),
        ("café naïve résumé at Freemont\n", "cp1252"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.\n", "cp1250"),
        # charset-normalizer offers only Korean ("johab") for this one
        ("Ana: Hoy vamos a hablar de la compañía, de México y de España, y del próximo año con todo el equipo.\n", "cp1252"),
        ("회의를 시작하겠습니다. 오늘은 결과를 이야기합니다.\n", "cp949"),
        ("今日は会議を始めます。結果について話します。\n", "cp932"),
    ],
)
def test_a_few_accented_words_are_read_in_their_own_code_page(text: str, encoding: str) -> None:
    from cleaner.textio import decode_bytes

    decoded = decode_bytes(text.encode(encoding), "call.txt")
    assert (decoded.text, decoded.encoding) == (text, encoding)


@pytest.mark.parametrize(
    ("encoding", "note"),
    [("cp1252", "cp1252"), ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16-LE (no byte-order mark)"), ("utf-16-be", "UTF-16-BE (no")],
)
def test_other_encodings_are_decoded_and_said(tmp_path: Path, encoding: str, note: str) -> None:
    src = tmp_path / "call.txt"
    src.write_bytes("Elon Musk: The café in Fremont costs \\$5 – “really”.\nDeepak Ahuja: Yes, it’s true.\n".encode(encoding))
    code, out = run("clean", str(src), "-o", str(tmp_path / "out"), "--format", "txt")
    assert code == 0, out
    assert note.lower() in out.lower()
    assert (tmp_path / "out/call.txt").read_text(encoding="utf-8").startswith("Elon Musk: The café in Fremont costs $5 – “really”.")


def test_malformed_dictionary_and_term_list(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yml"
    bad.write_text("rules:\n  - id: ok\n    match: foo\n    replace: bar\n  - id: Bad Id\n    match: x\n    replace: y\n")
    code, out = run("clean", str(SAMPLE), "--dictionary", str(bad), "-o", str(tmp_path / "out"))
    assert code != 0 and f"{bad}:5:" in out
    terms = tmp_path / "terms.txt"
    terms.write_text("Fremont\nFremont\n\n# comment\nGAAP\nGaap\n")
    code, out = run("clean", str(SAMPLE), "--lexicon", str(terms), "-o", str(tmp_path / "out2"), "--format", "txt")
    assert code == 0 and f"{terms}:2: 'Fremont' repeats line 1" in out
    assert f"{terms}:6: 'Gaap' conflicts with 'GAAP' on line 5" in out
    (tmp_path / "empty.txt").write_text("# only a comment\n\n")
    code, out = run("clean", str(SAMPLE), "--lexicon", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out3"))
    assert code != 0 and "has no terms" in out
    (tmp_path / "cp.txt").write_bytes("Café Nero\nSantana Row\n".encode("cp1252"))
    code, out = run("clean", str(SAMPLE), "--lexicon", str(tmp_path / "cp.txt"), "-o", str(tmp_path / "out4"), "--format", "txt")
    assert code == 0 and f"{tmp_path / 'cp.txt'}: not UTF-8; decoded as cp1252" in out


def test_a_term_list_in_capitals_gives_letters_not_capitals(tmp_path: Path) -> None:
    """Speech vendors keep vocabularies in capitals: such a list must not make cleaner shout names."""
    terms = tmp_path / "vocab.txt"
    terms.write_text("MONRO FORWARD INITIATIVES\nBRETT PONTON\nBED BATH & BEYOND\nJPMORGAN\nGREENFIELD\nOPPENHEIMER\nSG&A\n")
    text = tmp_path / "call.txt"
    text.write_text(
        "Brett Ponton of Monroe forward initiatives spoke. Greenfield stores grew at Bed Bath and Beyond, "
        "said Brian of Oppenheimer, then JP Morgan asked about sgna.\n"
    )
    code, out = run("clean", str(text), "--lexicon", str(terms), "-o", str(tmp_path / "out"), "--format", "txt")
    assert code == 0 and "are written in capitals" in out, out
    assert (tmp_path / "out/call.txt").read_text() == (
        "Brett Ponton of Monro forward initiatives spoke. Greenfield stores grew at Bed Bath & Beyond, "
        "said Brian of Oppenheimer, then JPMorgan asked about SG&A.\n"
    )


def test_unknown_format_and_dictionary(tmp_path: Path) -> None:
    code, out = run("clean", str(SAMPLE), "--format", "pdf")
    assert code != 0 and "pdf" in out
    code, out = run("clean", str(SAMPLE), "--dictionary", "klingon")
    assert code != 0 and "klingon: no such dictionary" in out


def test_python_dash_m(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(SAMPLE), "--format", "txt", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "tesla-2011-q2-call.txt").exists()


def test_a_file_too_large_to_be_a_transcript_is_refused_with_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.textio

    monkeypatch.setattr(cleaner.textio, "MAX_INPUT_BYTES", 1024 * 1024)
    src = tmp_path / "huge.txt"
    src.write_text("word " * 300_000)
    result = CliRunner().invoke(main, ["clean", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "huge.txt: 1.4 MiB is larger than the 1 MiB limit for a transcript" in result.output
    assert not (tmp_path / "out" / "huge.txt").exists()


def test_check_dictionary_reports_each_failing_example_by_file_and_line(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yml"
    mine.write_text(
        "name: mine\nrules:\n"
        "  - id: gonna\n    match: gonna\n    replace: going to\n    applicability: review\n"
        "    examples:\n      fix: [{text: 'we are gonna win', expect: 'we are going to win'}]\n      keep: ['gonna is fine']\n"
        "  - id: teh\n    match: teh\n    replace: dont\n    applicability: auto\n"
        "    examples:\n      fix: [{text: 'teh end', expect: 'dont end'}]\n      keep: ['the end']\n"
        "  - id: bare\n    match: wierdo\n    replace: weirdo\n    applicability: auto\n"
    )
    code, output = run("check-dictionary", str(mine))
    assert code == 1
    lines = output.splitlines()
    assert f"{mine}:3: rule gonna: keep example 'gonna is fine' is changed: 'going to is fine'" in lines
    # the fix is itself changed again by a shipped rule: cleaning the output would change it
    assert f"{mine}:10: rule teh: its fix 'dont end' is changed again: \"don't end\"" in lines
    assert f"{mine}:17: rule bare: no fix example" in lines
    assert lines[-1] == "3 rule(s), 4 example(s) checked: 2 problem(s)"


def test_check_dictionary_passes_the_shipped_ones_and_refuses_a_malformed_file(tmp_path: Path) -> None:
    code, output = run("check-dictionary", "automotive", "finance")
    assert code == 0 and output.endswith("checked: 0 problem(s)\n")
    bad = tmp_path / "bad.yml"
    bad.write_text("rules:\n  - id: a\n    pattern: '(foo'\n    replace: b\n")
    code, output = run("check-dictionary", str(bad))
    assert code == 1 and f"{bad}:2: pattern '(foo' is not a valid regular expression" in output


def test_the_gap_report_holds_guesses_and_blanks(tmp_path: Path) -> None:
    """A guess between question marks and a typist's blank ("___") are gaps in the report."""
    src = tmp_path / "talk.txt"
    src.write_text("Ann: It was [? Fremont ?], and ___ was there, in snake_case.\nBob: (inaudible 0:42) yes.\n")
    code, out = run("clean", str(src), "-o", str(tmp_path / "out"), "--format", "gaps,html")
    assert code == 0, out
    assert (
        '<span class="gap"><span class="visually-hidden">Gap in the recording: </span>___</span>'
        in (tmp_path / "out/talk.html").read_text()
    )
    gaps = json.loads((tmp_path / "out/talk.gaps.json").read_text())
    kinds = [(g["kind"], g["marker"]) for g in gaps["gaps"]]
    assert kinds == [("uncertain", "[Fremont?]"), ("inaudible", "___"), ("inaudible", "[inaudible 0:42]")], kinds


SPANISH = (
    "Ana: Hola a todos y bienvenidos a la llamada de resultados del tercer trimestre. Hoy vamos a hablar de los resultados "
    "de la compañía, de las ventas en México y en España, y de nuestras perspectivas para el próximo año.\n"
    "Luis: Gracias, Ana. Las ventas subieron un diez por ciento, y el margen bruto mejoró gracias a la eficiencia de "
    "nuestras plantas. Estamos muy contentos con el equipo y con los clientes que confían en nosotros.\n"
)


FRENCH = (
    "Animatrice : Bonjour à tous et bienvenue à la conférence sur les résultats du deuxième trimestre. Nous avons "
    "augmenté notre chiffre d'affaires de 12 % sur l'année, et la marge est en hausse.\n\n"
    "Pierre Martin : Merci. Je voudrais revenir sur les chiffres. Au mois de mars, la demande a été forte et nous avons "
    "gagné de nouveaux clients. Des questions ? Nous sommes prêts à répondre. So lets see : la suite est bonne.\n"
)


def test_a_transcript_in_french_keeps_its_typography_and_english_rules_only_suggest(tmp_path: Path) -> None:
    src = tmp_path / "appel.txt"
    src.write_text(FRENCH)
    code, out = run("clean", str(src), "-o", str(tmp_path / "out"), "--format", "txt,md,changes")
    assert code == 0 and "reads as French" in out and "English rules only suggest" in out, out
    assert (tmp_path / "out/appel.txt").read_text() == FRENCH  # "12 %", "questions ?" and "see :" keep their spaces
    assert "**Pierre Martin**" in (tmp_path / "out/appel.md").read_text()
    pending = json.loads((tmp_path / "out/appel.changes.json").read_text())["pending"]
    assert [(c["before"], c["after"]) for c in pending] == [("lets", "let's")], pending
    assert "and the transcript reads as French" in pending[0]["reason"]
    # said to be English, it is cleaned as English
    code, out = run("clean", str(src), "-o", str(tmp_path / "en"), "--format", "txt", "--lang", "en-GB")
    assert code == 0 and "12%" in (tmp_path / "en/appel.txt").read_text()


def test_a_transcript_in_another_language_is_said_and_its_pages_marked_so(tmp_path: Path) -> None:
    src = tmp_path / "llamada.txt"
    src.write_text(SPANISH)
    code, out = run("clean", str(src), "-o", str(tmp_path / "out"), "--format", "html")
    assert code == 0 and "reads as Spanish, not English" in out and "marked 'es'" in out, out
    assert '<html lang="es">' in (tmp_path / "out/llamada.html").read_text()
    code, out = run("clean", str(src), "-o", str(tmp_path / "out2"), "--format", "html", "--lang", "es-MX")
    assert code == 0 and "reads as" not in out and '<html lang="es-MX">' in (tmp_path / "out2/llamada.html").read_text()
    code, out = run("clean", str(SAMPLE), "-o", str(tmp_path / "out3"), "--format", "html")
    assert code == 0 and "reads as" not in out and '<html lang="en-US">' in (tmp_path / "out3/tesla-2011-q2-call.html").read_text()


def test_a_file_whose_cleaning_does_not_settle_fails_alone_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pass that keeps changing the text is a bug; the file it hits fails with one line, nothing is
    written for it, and the run says so in its exit status."""
    from cleaner import pipeline

    monkeypatch.setattr(pipeline, "MAX_ROUNDS", 1)  # a fix applied needs a second round to show nothing is left
    src = tmp_path / "call.txt"
    src.write_text("We signed the \\$100 million deal.\n")
    code, out = run("clean", str(src), "-o", str(tmp_path / "out"), "--format", "txt")
    assert code == 1 and "call.txt: cleaning did not settle" in out and "Traceback" not in out, out
    assert not (tmp_path / "out" / "call.txt").exists()
