"""Reviewer approval end to end: terminal review through a pseudo-terminal, scripted decisions,
remembered decisions across edits, user dictionaries, and the Word round trip through LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner
from conftest import make_context

from cleaner.cli import main
from cleaner.pipeline import Decision, clean_text
from cleaner.review_tui import _shown_apart

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples/tesla-2011-q2-call.txt"
TERMS = ROOT / "samples/tesla-2011-q2-call.terms.txt"
CALL = (
    "Alice Smith: We saw the the results, and it it is clear. In the other phase we were before the beta phase.\n"
    "Bob Jones: Our (covered) plan is fine, and we we know the team.\n"
    "Alice Smith: Thanks.\n"
)


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def queue(out: Path, stem: str = "call") -> dict:
    return json.loads((out / f"{stem}.review.json").read_text())


@pytest.fixture
def cleaned(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "call.txt"
    src.write_text(CALL)
    out = tmp_path / "out"
    cli("clean", str(src), "-o", str(out))
    return src, out


def _spawn(cmd: str) -> pexpect.spawn:
    """The review command in a pseudo-terminal, as a person at a keyboard would run it."""
    return pexpect.spawn(cmd, encoding="utf-8", timeout=20, dimensions=(40, 160), env={"TERM": "xterm", "PATH": "/usr/bin:/bin"})


def _pending(out: Path) -> list[dict]:
    return json.loads(cli("review", str(out / "call.review.json"), "--list", "--json"))


def test_terminal_review_through_a_pty(cleaned: tuple[Path, Path]) -> None:
    src, out = cleaned
    suggestions = queue(out)["suggestions"]
    assert len(suggestions) == 5
    cmd = f"{sys.executable} -m cleaner review {out / 'call.review.json'} --reviewer ana"
    child = _spawn(cmd)
    child.expect("1 of 5")
    child.send("a")  # accept
    child.expect("2 of 5")
    child.send("r")  # reject
    child.expect("3 of 5")
    child.send("e")  # edit
    child.expect("with")
    child.sendline("my own words")
    child.expect("4 of 5")
    child.send("q")
    child.expect(pexpect.EOF)
    decisions = queue(out)["decisions"]
    assert [d["verdict"] for d in decisions.values()] == ["accepted", "rejected", "edited"]
    assert all(d["reviewer"] == "ana" for d in decisions.values())

    # resume where it stopped, undo a decision, then finish
    child = _spawn(cmd)
    child.expect("4 of 5")
    child.send("a")
    child.expect("5 of 5")
    child.send("u")  # undo the last accept
    child.expect("4 of 5")
    child.send("s")  # skip it
    child.expect("5 of 5")
    child.send("a")
    child.expect("4 of 5")  # the skipped one comes back once at the end
    child.send("q")
    child.expect(pexpect.EOF)
    decisions = queue(out)["decisions"]
    assert sorted(d["verdict"] for d in decisions.values()) == ["accepted", "accepted", "deferred", "edited", "rejected"]

    # the next clean applies them and never asks again
    by_id = {s["id"]: s for s in suggestions}
    cli("clean", str(src), "-o", str(out))
    text = (out / "call.txt").read_text()
    for sid, d in decisions.items():
        s = by_id[sid]
        if d["verdict"] == "accepted":
            assert s["context_before"] + s["after"] in text.replace("\n", " ")
        if d["verdict"] == "edited":
            assert "my own words" in text
    pending_ids = {s["id"] for s in queue(out)["suggestions"]}
    assert pending_ids == {i for i, d in decisions.items() if d["verdict"] == "deferred"}
    log = json.loads((out / "call.changes.json").read_text())
    assert {a["decided_by"] for a in log["applied"] if a["applicability"] == "review"} == {"review:ana"}


def test_a_folder_of_queues_is_reviewed_one_after_another(tmp_path: Path) -> None:
    """A folder of cleaned calls: one command decides a rule in all of them; the terminal walks the
    queues in turn and stops at q."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b", "c"):
        (src / f"{name}.txt").write_text(CALL)
    out = tmp_path / "out"
    cli("clean", str(src), "-o", str(out))
    listed = json.loads(cli("review", str(out), "--list", "--json"))
    assert {Path(r["queue"]).name for r in listed} == {"a.review.json", "b.review.json", "c.review.json"}
    cli("review", str(out), "--reject-rule", "doubled-word-review")
    assert all(not any(s["rule"] == "doubled-word-review" for s in _pending_in(out, n)) for n in "abc")
    child = _spawn(f"{sys.executable} -m cleaner review {out} --reviewer ana")
    child.expect("file 1 of 3")
    child.send("A")  # what is left in a.txt, all of its rules one by one
    child.send("A")
    child.expect("file 2 of 3")
    child.send("q")
    child.expect(pexpect.EOF)
    assert _pending_in(out, "a") == [] and len(_pending_in(out, "b")) == len(_pending_in(out, "c")) == 2


def _pending_in(out: Path, stem: str) -> list[dict]:
    return json.loads(cli("review", str(out / f"{stem}.review.json"), "--list", "--json"))


def test_scripted_decisions_by_id_rule_and_term(cleaned: tuple[Path, Path]) -> None:
    src, out = cleaned
    rows = _pending(out)
    guess = next(r for r in rows if r["rule"] == "uncertain-guess")
    cli("review", str(out / "call.review.json"), "--accept", guess["id"][:6])
    cli("review", str(out / "call.review.json"), "--reject-rule", "repeats/doubled-word-review")
    cli("review", str(out / "call.review.json"), "--accept-term", "the alpha phase")
    assert _pending(out) == []
    cli("clean", str(src), "-o", str(out))
    text = (out / "call.txt").read_text()
    assert "[covered?]" in text and "the alpha phase" in text and "the the results" in text and "we we know" in text
    assert "Alice Smith: We saw the the results" in text


def test_decisions_survive_an_edit_elsewhere_and_deleted_text_is_reported(cleaned: tuple[Path, Path]) -> None:
    src, out = cleaned
    cli("review", str(out / "call.review.json"), "--accept-rule", "repeats")
    cli("review", str(out / "call.review.json"), "--reject-rule", "gaps")
    cli("review", str(out / "call.review.json"), "--accept-rule", "dictionary")
    before = queue(out)["decisions"]
    # an unrelated edit in another turn, and the "(covered)" sentence deleted
    src.write_text(CALL.replace("Alice Smith: Thanks.", "Alice Smith: Thanks a lot, Bob.").replace(" Our (covered) plan is fine, and", ""))
    runner = CliRunner()
    result = runner.invoke(main, ["clean", str(src), "-o", str(out)])
    assert result.exit_code == 0
    stale = [i for i, d in queue(out)["decisions"].items() if d["stale"]]
    assert len(stale) == 1 and before[stale[0]]["rule"] == "gaps/uncertain-guess"
    assert f"decision {stale[0]}" in result.output
    assert set(queue(out)["decisions"]) == set(before)  # nothing dropped
    text = (out / "call.txt").read_text()
    assert "We saw the results, and it is clear. In the alpha phase" in text
    assert "match nothing in the transcript any more" in (out / "call.changes.md").read_text()


def test_an_accepted_spelling_from_the_term_list_is_not_undone_by_a_shipped_rule(tmp_path: Path) -> None:
    """A brand rule writes eBay; the user's list writes Ebay. Accepting the list's spelling must hold (it
    once went round and round, and the transcript was not written), and the list's own spelling is left."""
    src, terms, out = tmp_path / "call.txt", tmp_path / "terms.txt", tmp_path / "out"
    src.write_text("adjusted ebay margins and Ebay sales.\n")
    terms.write_text("Ebay\n")
    cli("clean", str(src), "--lexicon", str(terms), "-o", str(out), "--format", "txt,review")
    assert (out / "call.txt").read_text() == "adjusted eBay margins and Ebay sales.\n"
    cli("review", str(out / "call.review.json"), "--accept-term", "Ebay")
    cli("clean", str(src), "--lexicon", str(terms), "-o", str(out), "--format", "txt,review")
    assert (out / "call.txt").read_text() == "adjusted Ebay margins and Ebay sales.\n"


def test_a_reviewers_own_words_are_not_rewritten_by_an_automatic_rule() -> None:
    ctx = make_context()
    text = "Alice Smith: We sell the the site.\nBob Jones: Fine.\n"
    first = clean_text(text, ctx)
    doubled = next(s for s in first.pending if s.rule_id == "doubled-word-review")
    # the reviewer writes "Ebay" where a shipped rule would write "eBay": their words stand
    decided = clean_text(text, ctx, decisions={doubled.id: Decision(doubled.id, "edited", " Ebay", "ana", "", "review")})
    assert decided.final.text == "Alice Smith: We sell the Ebay site.\nBob Jones: Fine.\n"


def test_always_and_never_go_into_a_user_dictionary(cleaned: tuple[Path, Path], tmp_path: Path) -> None:
    _src, out = cleaned
    mine = tmp_path / "mine.yml"
    cmd = f"{sys.executable} -m cleaner review {out / 'call.review.json'} --save-dictionary {mine}"
    child = _spawn(cmd)
    child.expect("1 of 5")
    child.send("w")  # always
    child.expect("saved to")
    child.send("n")  # never
    child.expect("saved to")
    child.send("q")
    child.expect(pexpect.EOF)
    other = tmp_path / "other.txt"
    other.write_text("Carol Diaz: We saw the the numbers, and it it is fine.\nDan Roe: Good.\n")
    cli("clean", str(other), "-o", str(tmp_path / "o2"), "--dictionary", str(mine), "--format", "txt,changes")
    log = json.loads((tmp_path / "o2/other.changes.json").read_text())
    applied = [(a["before"], a["after"]) for a in log["applied"]]
    pending = [(p["before"], p["after"]) for p in log["pending"]]
    assert applied == [("the the", "the")]  # "always" remembered the whole phrase, not "delete 'the'"
    assert pending == []  # "never" stops "it it" being asked again


@pytest.mark.skipif(not (shutil.which("soffice") and Path("/usr/bin/python3").exists()), reason="needs LibreOffice (soffice)")
def test_word_round_trip_through_libreoffice(tmp_path: Path) -> None:
    probe = subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("needs Debian's python3-uno for LibreOffice scripting")
    src = tmp_path / "call.txt"
    src.write_text(CALL)
    out = tmp_path / "out"
    cli("clean", str(src), "-o", str(out), "--no-docx-comments")
    rows = queue(out)["suggestions"]
    in_docx = [r for r in rows if "\n" not in r["before"]]
    accept = [r["id"] for r in in_docx[::2]]
    reject = [r["id"] for r in in_docx[1::2]]
    reviewed = tmp_path / "call.reviewed.docx"
    subprocess.run(
        [
            "/usr/bin/python3",
            str(ROOT / "tests/tools/lo_decide.py"),
            str(out / "call.docx"),
            str(reviewed),
            "--accept",
            *accept,
            "--reject",
            *reject,
        ],
        check=True,
        timeout=180,
    )
    cli("import-review", str(reviewed), "--queue", str(out / "call.review.json"), "--reviewer", "lo")
    decisions = queue(out)["decisions"]
    assert {i for i, d in decisions.items() if d["verdict"] == "accepted"} == set(accept)
    assert {i for i, d in decisions.items() if d["verdict"] == "rejected"} == set(reject)
    assert all(d["source"] == "docx" for d in decisions.values())


def test_docx_has_tracked_changes_with_comments(cleaned: tuple[Path, Path]) -> None:
    import zipfile

    _, out = cleaned
    with zipfile.ZipFile(out / "call.docx") as z:
        xml = z.read("word/document.xml").decode()
        comments = z.read("word/comments.xml").decode()
    ids = [s["id"] for s in queue(out)["suggestions"]]
    assert all(f'w:name="cleaner_{i}"' in xml for i in ids)
    assert xml.count('w:author="cleaner"') >= len(ids)
    assert "confidence" in comments and "the alpha phase" in comments


def test_a_word_comment_names_a_suggestions_other_readings(tmp_path: Path) -> None:
    """ "ebit" asked as EBIT: the comment says EBITDA may be written instead (an edit the import reads as such)."""
    import zipfile

    src = tmp_path / "call.txt"
    src.write_text("Alice Smith: Our adjusted ebit rose 12% this year, and revenue grew.\nBob Jones: Thanks.\n")
    cli("clean", str(src), "-o", str(tmp_path / "out"), "--format", "docx,review")
    with zipfile.ZipFile(tmp_path / "out/call.docx") as z:
        comments = z.read("word/comments.xml").decode()
    assert "Accept to write 'EBIT', reject to keep 'ebit', or write 'EBITDA' in its place." in comments.replace("&apos;", "'")


def test_import_of_an_untouched_docx_decides_nothing(cleaned: tuple[Path, Path]) -> None:
    _, out = cleaned
    output = cli("import-review", str(out / "call.docx"))
    assert "0 accepted, 0 rejected, 0 edited, 5 undecided" in output


def test_import_of_a_folder_reads_every_docx_beside_its_queue(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b"):
        (src / f"{name}.txt").write_text(CALL)
    out = tmp_path / "out"
    cli("clean", str(src), "-o", str(out))
    output = cli("import-review", str(out))
    assert output.count("5 undecided") == 2 and "a.review.json" in output and "b.review.json" in output


def test_track_applied_shows_applied_fixes_as_tracked_changes(tmp_path: Path) -> None:
    import zipfile

    src = tmp_path / "call.txt"
    src.write_text("Alice Smith: We signed the \\$100 deal (inaudible) today.\nBob Jones: Good.\n")
    out = tmp_path / "out"
    cli("clean", str(src), "-o", str(out), "--format", "docx,changes", "--track-applied")
    applied = json.loads((out / "call.changes.json").read_text())["applied"]
    assert {(a["before"], a["after"]) for a in applied} == {("\\$", "$"), ("(inaudible)", "[inaudible]")}
    with zipfile.ZipFile(out / "call.docx") as z:
        xml = z.read("word/document.xml").decode()
        comments = z.read("word/comments.xml").decode()
    for a in applied:
        assert f'w:name="cleaner_{a["id"]}"' in xml
    assert "<w:delText>\\$</w:delText>" in xml and "<w:t>$</w:t>" in xml
    assert "Applied automatically (escapes/markdown-escape" in comments


def test_the_terminal_says_when_a_change_is_asked_more_than_once(tmp_path: Path) -> None:
    src = tmp_path / "call.txt"
    src.write_text("Alice Smith: We saw the the results.\nBob Jones: And the the team agreed.\nAlice Smith: Thanks.\n")
    out = tmp_path / "out"
    cli("clean", str(src), "-o", str(out))
    assert len(queue(out)["suggestions"]) == 2
    child = _spawn(f"{sys.executable} -m cleaner review {out / 'call.review.json'}")
    child.expect("2 alike")
    child.send("T")  # reject both at once
    child.expect("Nothing left to review")
    child.expect("2 decision")  # one per suggestion answered, not one per key
    child.expect(pexpect.EOF)
    assert [d["verdict"] for d in queue(out)["decisions"].values()] == ["rejected", "rejected"]


def test_a_digit_takes_one_of_a_suggestions_alternatives(tmp_path: Path) -> None:
    """ "ebit" is asked as EBIT, with EBITDA as the other reading: [1] takes that one, and the next clean applies it."""
    src = tmp_path / "call.txt"
    src.write_text("Alice Smith: Our adjusted ebit rose 12% this year, and revenue grew.\nBob Jones: Thanks.\n")
    out = tmp_path / "out"
    cli("clean", str(src), "-o", str(out))
    child = _spawn(f"{sys.executable} -m cleaner review {out / 'call.review.json'}")
    child.expect(r"\[1\] EBITDA")
    child.send("1")
    child.expect("Nothing left to review")
    child.expect(pexpect.EOF)
    assert [(d["verdict"], d.get("text")) for d in queue(out)["decisions"].values()] == [("edited", "EBITDA")]
    cli("clean", str(src), "-o", str(out), "--format", "txt")
    assert "adjusted EBITDA rose" in (out / "call.txt").read_text()


def test_the_review_shows_a_change_without_the_spaces_it_keeps() -> None:
    # "this year then " -> "this year than ": shown as it stood, the space doubled before the arrow
    assert _shown_apart("this year then ", "this year than ") == ("this year then", "this year than", "", " ")
    assert _shown_apart(" we", "") == (" we", "", "", "")  # a deletion keeps its space: it goes too
