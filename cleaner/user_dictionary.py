"""Saving a reviewer's "always" and "never" into a user dictionary file (the shipped format).

"Always" becomes an ``auto`` rule that matches the exact text (case and
all); "never" becomes a ``never`` entry that stops any pass from proposing
that change again. The example sentence is kept, so the rule carries its own
test like every shipped one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .textio import CleanerError, write_atomic


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def _phrase(suggestion: dict[str, Any]) -> tuple[str, str]:
    """The change as whole words: a deletion or a space change takes the word beside it along,
    so "the the" -> "the" is remembered, never "the" -> "" (which would delete every "the")."""
    before, after = suggestion["before"], suggestion["after"]
    if after.strip() and before.strip() and before == before.strip():
        return before, after
    left = re.search(r"[\w'’]+$", suggestion.get("context_before", ""))
    right = re.match(r"[\w'’]+", suggestion.get("context_after", ""))
    pre = left.group() if left else ""
    post = right.group() if right else ""
    return (pre + before + post).strip(), (pre + after + post).strip()


def remember(path: Path, suggestion: dict[str, Any], always: bool) -> None:
    before, after = _phrase(suggestion)
    if not re.search(r"\w", before):
        return  # nothing word-like to match on: remembered in the queue only
    if path.exists():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise CleanerError(f"{path}: not a dictionary file")
    else:
        data = {"name": path.stem, "description": "Decisions a reviewer asked cleaner to remember.", "default": True}
    data.setdefault("rules", [])
    data.setdefault("never", [])
    sentence = f"{suggestion.get('context_before', '')}{suggestion['before']}{suggestion.get('context_after', '')}".strip()
    if always:
        ids = {r.get("id") for r in data["rules"]}
        rid = base = f"{_slug(before)}-to-{_slug(after)}"
        n = 2
        while rid in ids:
            rid, n = f"{base}-{n}", n + 1
        fixed = sentence.replace(suggestion["before"], suggestion["after"], 1)
        data["rules"].append(
            {
                "id": rid,
                "match": before,
                "match_case": True,
                "replace": after,
                "applicability": "auto",
                "reason": f"a reviewer always accepts '{before}' → '{after}'",
                "examples": {"fix": [{"text": sentence, "expect": fixed}], "keep": []},
            }
        )
    else:
        # a "never" only ever stops a suggestion, so it names the change exactly as passes propose it
        entry = {"match": suggestion["before"].strip(), "replace": suggestion["after"].strip()}
        if entry not in data["never"]:
            data["never"].append(entry)
    write_atomic(path, yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000))
