"""Names and ordinary words, as the capital-restoring rules see them."""

from __future__ import annotations

import pytest

from cleaner.lexicon import zipf
from cleaner.wordcase import name_like, ordinary_word

NAMES = ["amazon", "america", "steve", "danaher", "sirona", "illumina", "cytiva", "nordex", "evercore", "eversource", "keysight"]
ORDINARY = [
    "mosaic",
    "diagnostics",
    "camping",
    "worldwide",
    "telemedicine",
    "website",
    "clover",
    "legacy",
    "digital",
    "stores",
    "datacenter",
    "ecommerce",
]


@pytest.mark.parametrize("word", NAMES)
def test_names(word: str) -> None:
    assert name_like(word, zipf(word)) and not ordinary_word(word)


@pytest.mark.parametrize("word", ORDINARY)
def test_ordinary_words(word: str) -> None:
    assert ordinary_word(word) and not name_like(word, zipf(word))


def test_a_frequent_word_no_dictionary_has_is_not_taken_for_a_name() -> None:
    assert not ordinary_word("gardner") and not name_like("gardner", zipf("gardner"))
