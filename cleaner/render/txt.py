"""Plain text in the input's own layout: the cleaned source text itself."""

from __future__ import annotations

from ..pipeline import CleanResult


def render(result: CleanResult) -> str:
    return result.final.text
