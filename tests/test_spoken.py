"""How numbers inside a term are said: the keys that let "cas nine" find Cas9."""

from __future__ import annotations

import pytest

from cleaner.spoken import MAX_VARIANTS, number_said, term_said


@pytest.mark.parametrize(
    ("digits", "said"),
    [
        ("9", ["nine"]),
        ("19", ["nineteen"]),
        ("66", ["sixty six"]),
        ("737", ["seven hundred thirty seven", "seven thirty seven", "seven three seven"]),
        ("707", ["seven hundred seven", "seven oh seven", "seven zero seven"]),
        ("2020", ["twenty twenty", "two zero two zero"]),
        ("2005", ["twenty oh five", "two thousand five", "two zero zero five"]),
        ("1900", ["nineteen hundred", "one nine zero zero"]),
        ("007", ["zero zero seven"]),
        ("123456", []),
    ],
)
def test_number_said(digits: str, said: list[str]) -> None:
    assert number_said(digits) == said


def test_term_said_keeps_letters_and_bounds_variants() -> None:
    assert term_said("Cas9") == ["Cas nine"]
    assert term_said("Kubernetes") == []
    assert term_said("Part 123456") == []  # too long to be said as words
    assert len(term_said("A320 737 2020")) == MAX_VARIANTS
