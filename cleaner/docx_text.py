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

import zipfile
from pathlib import Path

from lxml import etree

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
    for p in (body if body is not None else root).iter(W + "p"):
        if any(a.tag.endswith("}Fallback") for a in p.iterancestors()):
            continue  # a text box written twice, for programs that cannot read the first
        style = p.find(f"{W}pPr/{W}pStyle")
        style_name = style.get(W + "val", "") if style is not None else ""
        if style_name == "Title":
            continue  # the document's title is no part of what was said
        text, n = _paragraph(p)
        if style_name.startswith("Heading") and text.strip() == APPENDIX_HEADING:
            break  # a DOCX cleaner wrote: its change log and gap report follow the transcript
        revisions += n
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
