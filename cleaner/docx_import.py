"""Reading a reviewer's decisions back from a DOCX cleaner wrote with tracked changes.

python-docx cannot read tracked changes (``Paragraph.text`` drops both sides),
so the document XML is read directly. Each suggestion sits inside a bookmark
named ``cleaner_<id>``, which survives Word's and LibreOffice's accept and
reject. What the bookmark holds afterwards tells the decision:

* still holding cleaner's deletion or insertion: not decided yet;
* otherwise the visible text (everything not deleted): the suggested text means
  accepted, the original text means rejected, anything else was edited by hand.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .render.docx import BOOKMARK_PREFIX
from .textio import CleanerError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Marked:
    kept: list[str] = field(default_factory=list)  # text outside w:del (plain and inserted)
    inserted: bool = False
    deleted: bool = False

    @property
    def visible(self) -> str:
        return "".join(self.kept)


def read_marks(path: Path) -> tuple[dict[str, Marked], str]:
    """Suggestion id -> what its bookmark holds; and who last saved the document."""
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml")
            core = z.read("docProps/core.xml") if "docProps/core.xml" in z.namelist() else b""
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise CleanerError(f"{path}: not a DOCX file ({exc})") from None
    root = etree.fromstring(xml)
    marks: dict[str, Marked] = {}
    open_ids: dict[str, str] = {}  # bookmark w:id -> suggestion id
    for el in root.iter():
        tag = el.tag
        if tag == W + "bookmarkStart":
            name = el.get(W + "name", "")
            if name.startswith(BOOKMARK_PREFIX):
                sid = name[len(BOOKMARK_PREFIX) :]
                open_ids[el.get(W + "id", "")] = sid
                marks.setdefault(sid, Marked())
        elif tag == W + "bookmarkEnd":
            open_ids.pop(el.get(W + "id", ""), None)
        elif tag in (W + "t", W + "delText") and open_ids:
            # only cleaner's own revisions say "not decided yet"; a reviewer's tracked edits are just text
            dels = [a for a in el.iterancestors() if a.tag == W + "del"]
            ins = [a for a in el.iterancestors() if a.tag == W + "ins"]
            in_del = bool(dels) or tag == W + "delText"
            ours = any(a.get(W + "author") == "cleaner" for a in dels + ins)
            in_ins = bool(ins) and ours
            for sid in open_ids.values():
                m = marks[sid]
                if in_del:
                    m.deleted |= ours
                else:
                    m.kept.append(el.text or "")
                    m.inserted |= in_ins
    reviewer = ""
    if core:
        croot = etree.fromstring(core)
        node = croot.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy")
        reviewer = (node.text or "") if node is not None else ""
    return marks, reviewer


def verdict(mark: Marked, before: str, after: str) -> tuple[str, str | None] | None:
    """(verdict, edited text) for one bookmark, or None while it is undecided."""
    if mark.inserted or mark.deleted:
        return None
    seen = mark.visible
    if seen == after or seen.strip() == after.strip():
        return "accepted", None
    if seen == before or seen.strip() == before.strip():
        return "rejected", None
    return "edited", seen
