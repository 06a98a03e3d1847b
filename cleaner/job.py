"""Cleaning one file end to end: read, apply remembered decisions, clean, render, write atomically."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import readability
from .language import LANGUAGES, other_language
from .passes import PassContext
from .pipeline import CleanResult, NotConverging, clean_text
from .queue import Queue, queue_path
from .render import changelog, markdown, txt
from .render.structure import title_for, walk, without_title
from .textio import CleanerError, Decoded, read_text, write_atomic

FORMATS = ("md", "docx", "txt", "changes", "gaps", "review", "html", "readability")
CAPTION_SUFFIXES = (".vtt", ".srt", ".sbv")
KEPT_SUFFIXES = (*CAPTION_SUFFIXES, ".tsv")  # timed formats, cleaned into a file of the same kind
DEFAULT_FORMATS = ("md", "docx", "txt", "changes", "gaps", "review")


@dataclass(frozen=True)
class Job:
    """Everything about how to clean, shared by every file of one run."""

    ctx: PassContext
    formats: tuple[str, ...] = DEFAULT_FORMATS
    layout: str | None = None
    lang: str | None = None  # None: en-US, or the language a transcript clearly reads as
    track_applied: bool = False
    docx_comments: bool = True
    options: dict[str, Any] = field(default_factory=dict)  # recorded in the review queue


@dataclass
class Outcome:
    result: CleanResult
    written: list[Path]
    note: str | None
    title: str = ""
    date: str = ""
    readability: dict[str, Any] | None = None


def _markup_or_data(text: str) -> str | None:
    """What a text file holds when it is no transcript but a document's markup or data, which cleaned as
    text would have its codes, tags, keys and numbers read as speech; None for a transcript."""
    head = text.lstrip("\ufeff \t\n")[:200].lower()
    if head.startswith("{\\rtf"):
        return "an RTF document, not a transcript: save it as .docx or .txt"
    if head.startswith(("<!doctype html", "<html")):
        return "a web page (HTML), not a transcript: save its text as .txt"
    if head.startswith(("<?xml", "<tt")):
        return "XML data (TTML captions?), not a transcript: export it as .srt or .vtt"
    if head.startswith(("{", "[")):
        try:
            json.loads(text.lstrip("\ufeff"))
        except ValueError:
            return None  # "[00:00:05] Jane Doe: ..." opens with a bracket too
        return "JSON data, not a transcript: clean the .txt, .srt, .vtt or .tsv written beside it"
    return None


# documents cleaner does not read, and what to make of them instead
_SAVE_AS = {
    ".pdf": "a PDF: clean its text instead (`pdftotext {name}` writes {stem}.txt; cleaner joins its wrapped lines)",
    ".doc": "an old Word document: save it as .docx",
    ".odt": "an OpenDocument text: save it as .docx",
    ".pages": "a Pages document: export it as .docx",
}


def _read_docx(src: Path) -> Decoded:
    from .docx_text import read_docx

    return read_docx(src)


def clean_file(src: Path, stem: Path, job: Job) -> Outcome:
    """Clean ``src`` into ``<stem>.*``; outputs are all rendered before any is written."""
    if src.suffix.lower() in _SAVE_AS and src.is_file():
        raise CleanerError(f"{src}: is " + _SAVE_AS[src.suffix.lower()].format(name=src.name, stem=src.stem))
    decoded = _read_docx(src) if src.suffix.lower() == ".docx" else read_text(src)
    if kind := _markup_or_data(decoded.text):
        raise CleanerError(f"{src}: is {kind}")
    note = decoded.note
    lang = job.lang
    if (lang is None or lang.lower().startswith("en")) and (foreign := other_language(decoded.text)):
        said = f"reads as {LANGUAGES[foreign]}, not English: cleaner's English rules only suggest there, so read them with care"
        note = "; ".join(filter(None, [note, f"{src}: {said}" + ("" if lang else f"; its pages are marked '{foreign}'")]))
        lang = lang or foreign
    lang = lang or "en-US"
    qpath = queue_path(stem)
    queue = Queue.load_or_new(qpath)
    # a transcript in French is cleaned by French's typography, and English's rules only suggest there
    language = lang.split("-")[0].lower()
    ctx = job.ctx if language == job.ctx.language else replace(job.ctx, language=language)
    try:
        result = clean_text(decoded.text, ctx, layout=job.layout, decisions=queue.pipeline_decisions())
    except NotConverging as exc:  # a bug in some pass: this file fails, with one line, and the others go on
        raise CleanerError(f"{src}: cleaning did not settle ({exc}); nothing was written for it, please report it") from None
    title = title_for(src, result)
    outputs: dict[Path, str | bytes] = {}
    if "txt" in job.formats:
        # a caption file stays one: "meeting.vtt" is cleaned into "meeting.vtt" (and Whisper's "talk.tsv" into
        # "talk.tsv"), every other input into ".txt"
        plain = src.suffix.lower() if src.suffix.lower() in KEPT_SUFFIXES else ".txt"
        outputs[stem.with_name(stem.name + plain)] = txt.render(result).replace("\n", decoded.newline)
    published = {"md", "html", "readability"} & set(job.formats)
    date = datetime.fromtimestamp(src.stat().st_mtime, UTC).date().isoformat()
    # the whole report only where it is written; the Markdown's front matter needs its summary alone
    rep = readability.report(result, language) if "readability" in job.formats else None
    if published:
        items = without_title(walk(result), result)  # one walk for the page, its description and the HTML speaker labels
        extra = {
            "date": date,
            "description": markdown.description(items),
            "tags": ["transcript"],
            "readability": readability.summary(rep) if rep is not None else readability.summary_of(result, language),
        }
        md_text = markdown.render(result, title, extra, items)
        if "md" in job.formats:
            outputs[stem.with_name(stem.name + ".md")] = md_text
        if "html" in job.formats:
            footer = (
                f"Cleaned with cleaner: {len(result.applied)} change(s) applied, {len(result.pending)} waiting for review, "
                f"{len(result.flags)} gap(s) marked in square brackets."
            )
            from .render import html

            outputs[stem.with_name(stem.name + ".html")] = html.render(md_text, title, lang, markdown.speaker_labels(items), footer)
        if "readability" in job.formats:
            outputs[stem.with_name(stem.name + ".readability.md")] = readability.render_markdown(rep, title)
            outputs[stem.with_name(stem.name + ".readability.json")] = json.dumps(rep, indent=2, ensure_ascii=False) + "\n"
    if "docx" in job.formats:
        from .render import docx  # python-docx and markdown-it-py are imported only by the runs that write with them

        outputs[stem.with_name(stem.name + ".docx")] = docx.render(
            result, title, lang, track_applied=job.track_applied, comments=job.docx_comments
        )
    if "changes" in job.formats:
        outputs[stem.with_name(stem.name + ".changes.md")] = changelog.render_markdown(result, src.name)
        outputs[stem.with_name(stem.name + ".changes.json")] = changelog.render_json(result, src.name)
    if "gaps" in job.formats:
        gaps_md, gaps_json = changelog.render_gap_report(result, src.name)
        outputs[stem.with_name(stem.name + ".gaps.md")] = gaps_md
        outputs[stem.with_name(stem.name + ".gaps.json")] = gaps_json
    src_resolved = src.resolve()
    for path in [*outputs, qpath]:
        if path.resolve() == src_resolved:
            raise CleanerError(f"{src}: the output {path} would overwrite the input; choose another --output-dir")
    for path, data in outputs.items():
        write_atomic(path, data)
    written = list(outputs)
    if "review" in job.formats or qpath.exists():
        queue.update_from(result, str(src.resolve()), job.options)
        queue.save()
        written.append(qpath)
    return Outcome(result, written, note, title, date, rep)
