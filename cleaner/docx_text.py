"""A Word transcript (.docx) read as plain text, as transcribers often deliver them.

Each Word paragraph becomes a paragraph of the text (a blank line between them), a line break
inside one a line break, a tab a tab; paragraphs in tables are read in order. The title is left
out, and so is what follows the change log's heading in a DOCX cleaner wrote (its appendix). The XML is read
directly because python-docx's ``Paragraph.text`` drops tracked changes on both sides ("Freemont"
deleted and "Fremont" inserted would leave neither). A tracked change is read as not made (as
rejected), so the text is the document as it was before anyone's revisions, and the user is told:
a reviewer's decisions on cleaner's own suggestions come back with ``cleaner import-review``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from .readers import CAPITALS
from .render.docx import APPENDIX_HEADING
from .textio import CleanerError, Decoded, check_readable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = {W + "t", W + "delText"}  # a deletion's text is the document's text before the revision
XML_PER_TEXT = 8  # Word's XML is several times the text it holds: a DOCX of 50 MiB of text has about 400 MiB of it
_BREAKS = {W + "br": "\n", W + "cr": "\n", W + "tab": "\t"}


def _paragraph(p: etree._Element) -> tuple[str, int]:
    """The paragraph's text without tracked insertions, and how many revisions it holds."""
    out: list[str] = []
    revisions = 0
    for el in p.iter():
        tag = el.tag
        if tag in (W + "ins", W + "del", W + "moveFrom", W + "moveTo"):
            revisions += 1
        if tag in _TEXT or tag in _BREAKS:
            inserted = any(a.tag in (W + "ins", W + "moveTo") for a in el.iterancestors())
            if not inserted:
                out.append((el.text or "") if tag in _TEXT else _BREAKS[tag])
    return "".join(out), revisions


_TIMESTAMP = re.compile(r"\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\)?\]?")
# the words of a transcript table's header row
_HEADER_WORDS = {"speaker", "name", "who", "time", "timestamp", "timecode", "start", "end", "text", "transcript", "speech", "dialogue"}
_SPEAKER = re.compile(rf"(?:Speaker[ \t]+\d+|[{CAPITALS}][\w'’.\-]*(?:[ \t]+[\w'’.\-]+){{0,4}})")


def _rows(body: etree._Element, read: dict[etree._Element, tuple[str, int]]) -> dict[etree._Element, str | None]:
    """Table rows that are turns, as transcription services lay them out: speaker, time and speech
    ("Jane Doe | 00:00:01 | Welcome back."), in any order, or speaker and speech. Each becomes
    "Jane Doe (00:00:01): Welcome back.", a line the colon layout reads, and such a table's header
    row ("Speaker | Time | Text") is left out (""); other tables are read cell by cell."""
    turns: dict[etree._Element, str | None] = {}
    for row in body.iter(W + "tr"):
        cells = [" ".join(read[p][0].strip() for p in tc.iter(W + "p")).strip() for tc in row.findall(W + "tc")]
        cells = [c for c in cells if c]
        stamps = [c for c in cells if _TIMESTAMP.fullmatch(c)]
        rest = [c for c in cells if not _TIMESTAMP.fullmatch(c)]
        if len(stamps) > 1 or len(rest) != 2 or not _SPEAKER.fullmatch(rest[0]) or rest[0][-1:] in ".?!,;:":
            continue
        stamp = f" ({stamps[0].strip('[]()')})" if stamps else ""
        turns[row] = f"{rest[0]}{stamp}: {rest[1]}"
    for table in body.iter(W + "tbl"):
        first = table.find(W + "tr")
        if first is not None and any(r in turns for r in table.iter(W + "tr") if r is not first):
            words = {w.lower().strip(":") for tc in first.findall(W + "tc") for t in tc.iter(W + "t") for w in (t.text or "").split()}
            if words and words <= _HEADER_WORDS:
                turns[first] = ""  # the table's header row ("Speaker | Time | Text"): no speech
    return turns


def read_docx(path: Path) -> Decoded:
    """The text of a .docx transcript, with one-line errors for every bad case."""
    check_readable(path)
    try:
        with zipfile.ZipFile(path) as z:
            # the XML's own size, not the file's: a small zip may unpack to gigabytes
            check_readable(path, size=z.getinfo("word/document.xml").file_size // XML_PER_TEXT)
            xml = z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise CleanerError(f"{path}: not a Word document ({exc})") from None
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise CleanerError(f"{path}: its document.xml is broken ({exc})") from None
    body = root.find(W + "body")
    paragraphs: list[str] = []
    revisions = 0
    scope = body if body is not None else root
    read = {p: _paragraph(p) for p in scope.iter(W + "p")}  # each paragraph read once: a table's rows need theirs first
    rows = _rows(scope, read)
    for p, (text, n) in read.items():
        if any(a.tag.endswith("}Fallback") for a in p.iterancestors()):
            continue  # a text box written twice, for programs that cannot read the first
        style = p.find(f"{W}pPr/{W}pStyle")
        style_name = style.get(W + "val", "") if style is not None else ""
        if style_name == "Title":
            continue  # the document's title is no part of what was said
        if style_name.startswith("Heading") and text.strip() == APPENDIX_HEADING:
            break  # a DOCX cleaner wrote: its change log and gap report follow the transcript
        revisions += n
        row = next((r for r in p.iterancestors(W + "tr")), None)
        if row is not None and row in rows:
            if rows[row]:
                paragraphs.append(rows[row])  # the row's turn, written once, at its first paragraph
            rows[row] = None
            continue
        if text.strip():
            paragraphs.append(text.strip(" "))
    text = "\n\n".join(paragraphs) + "\n"
    if not text.strip():
        raise CleanerError(f"{path}: is empty, nothing to clean")
    note = None
    if revisions:
        note = (
            f"read as a Word document; its {revisions} tracked change(s) were read as not made "
            "(to bring back a reviewer's decisions on cleaner's suggestions, use cleaner import-review)"
        )
    return Decoded(text, "docx", note)
