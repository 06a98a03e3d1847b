"""Shared helpers: build a pass context from inline terms and run the engine on text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cleaner.dictionaries import TermEntry, load_dictionaries
from cleaner.lexicon import Lexicon
from cleaner.passes import PassContext

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def make_context(
    terms: list[str] | None = None, dictionaries: bool = True, options: dict | None = None, language: str = "en"
) -> PassContext:
    lexicon = Lexicon([TermEntry(t, i + 1) for i, t in enumerate(terms)]) if terms else None
    return PassContext(tuple(load_dictionaries([], dictionaries)), lexicon, options or {}, language)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
