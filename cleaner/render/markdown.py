"""Cleaned Markdown: YAML front matter, a title, section headings, bold speaker labels, marked gaps.

Transcript text must never turn into markup, so every character CommonMark
could read as syntax is backslash-escaped, and line starts that would open a
list, heading or quote are neutralised.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..model import BlockKind
from ..pipeline import CleanResult
from .structure import Item, speakers, walk, without_title

_INLINE = re.compile(r"([\\`*_<>|~])")
# a closing bracket that could end a link, an image or a link definition ("](", "][", "]:"); other
# brackets ("[inaudible]", "[crosstalk]") are plain text to CommonMark and stay unescaped, as
# readers and scorers of the Markdown source see them
_LINK_BRACKET = re.compile(r"\](?=[(\[:])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def escape(text: str) -> str:
    """Escape ``text`` so CommonMark shows it literally."""
    text = _LINK_BRACKET.sub(r"\\]", _INLINE.sub(r"\\\1", text))
    text = text.replace("&", "&amp;") if re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", text, re.I) else text
    return _LINE_START.sub(
        lambda m: m.group(1) + (m.group(2)[:-1] + "\\" + m.group(2)[-1] if m.group(2)[0].isdigit() else "\\" + m.group(2)), text
    )


def front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n"


def metadata(result: CleanResult, title: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {"title": title}
    people = speakers(result)
    if people:
        meta["speakers"] = people
    meta["gaps"] = len(result.flags)
    meta["changes_applied"] = len(result.applied)
    meta["pending_review"] = len(result.pending)
    if extra:
        meta.update(extra)
    return meta


def _paragraph(item: Item) -> str:
    out = []
    for p in item.pieces:
        out.append(f"*{escape(p.text.strip())}*" if p.gap else escape(p.text))
    return "".join(out).strip()


def speaker_label(item: Item) -> str:
    label = f"**{escape(item.speaker)}**"
    extra_bits = [b for b in (item.firm, item.role) if b]
    if extra_bits:
        label += " - " + escape(", ".join(extra_bits))
    if item.timestamp:
        label += f" ({item.timestamp})"
    return label


def speaker_labels(items: list[Item]) -> set[str]:
    return {speaker_label(i) for i in items if i.kind is BlockKind.SPEAKER}


def description(items: list[Item], words: int = 30) -> str:
    """The opening words of the transcript, for a docs site's page description."""
    for item in items:
        if item.kind is BlockKind.PARAGRAPH:
            cut = item.text.split()
            return " ".join(cut[:words]) + (" …" if len(cut) > words else "")
    return ""


def render(result: CleanResult, title: str, extra: dict[str, Any] | None = None, items: list[Item] | None = None) -> str:
    """The Markdown page; ``items`` is ``without_title(walk(result), result)`` when the caller already has it."""
    parts = [front_matter(metadata(result, title, extra)).rstrip("\n"), f"# {escape(title)}"]
    for item in items if items is not None else without_title(walk(result), result):
        if item.kind is BlockKind.HEADING:
            parts.append(f"## {escape(item.text)}")
        elif item.kind is BlockKind.SPEAKER:
            parts.append(speaker_label(item))
        else:
            parts.append(_paragraph(item))
    return "\n\n".join(parts) + "\n"
