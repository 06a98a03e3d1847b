"""Every pass's should-change and must-not-change cases, from tests/cases/<pass>.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import make_context

from cleaner.model import Applicability
from cleaner.passes import apply_edits
from cleaner.pipeline import PASS_ORDER, clean_text

CASES = Path(__file__).parent / "cases"


def _load() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text())
        for case in data["cases"]:
            out.append((data["pass"], case))
    return out


ALL = _load()


@pytest.mark.parametrize("pass_id", PASS_ORDER)
def test_every_pass_has_change_and_keep_cases(pass_id: str) -> None:
    cases = [c for p, c in ALL if p == pass_id]
    assert any(c["expect"] != "same" for c in cases), f"{pass_id}: no should-change case"
    assert any(c["expect"] == "same" for c in cases), f"{pass_id}: no must-not-change case"


@pytest.mark.parametrize(("pass_id", "case"), ALL, ids=[f"{p}: {c['name']}" for p, c in ALL])
def test_case(pass_id: str, case: dict) -> None:
    ctx = make_context(case.get("terms"), options=case.get("options"), language=case.get("language", "en"))
    result = clean_text(case["text"], ctx, passes=(pass_id,), layout=case.get("layout"))
    expected = case["text"] if case["expect"] == "same" else case["expect"]
    assert result.final.text == expected
    if "review" in case:
        proposed = sorted(apply_edits(result.final.text, list(s.edits)) for s in result.pending)
        assert proposed == sorted(case["review"])
    assert all(s.applicability is Applicability.REVIEW for s in result.pending)
