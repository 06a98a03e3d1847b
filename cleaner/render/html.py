"""Accessible HTML, rendered from the cleaned Markdown with markdown-it-py (raw HTML off).

The page has a language, a title, landmarks (banner, main, contentinfo), one
h1 and section headings in order; speaker labels get their own class, and
each gap marker is a labelled span whose meaning is in words, not colour.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

# gap markers in house style, a transcriber's guess "[covered?]", one still in parentheses "(covered)", or a
# typist's blank "___"
_GAP_TEXT = re.compile(r"^\[(?:inaudible|crosstalk|technical difficulty|ph|\?)[^\]]*\]$|^\[[^\]]+\?\]$|^\([^)]+\)$|^_{3,}$")

CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, 'DejaVu Serif', serif; line-height: 1.6; color: #1a1a1a; background: #fff;
       max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
header, footer { font-family: system-ui, 'DejaVu Sans', sans-serif; color: #333; }
header p { margin: 0; font-size: .95rem; }
footer { border-top: 1px solid #999; margin-top: 3rem; padding-top: 1rem; font-size: .9rem; }
h1 { font-size: 1.9rem; line-height: 1.25; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 2px solid #1a1a1a; }
p.speaker { font-family: system-ui, 'DejaVu Sans', sans-serif; font-weight: 700; margin: 1.8rem 0 .2rem; }
p.speaker strong { font-weight: 700; }
.gap { font-style: italic; background: #f1ecd9; color: #3b2f00; border: 1px dashed #6b5a1e; padding: 0 .2em; border-radius: 3px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
                   clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 1rem; top: 1rem; background: #fff; color: #00347a; padding: .3rem; }
a { color: #00347a; }
"""


def _mark_up(tokens: list[Token], speaker_labels: set[str]) -> None:
    """Give speaker paragraphs a class and turn gap emphasis into labelled spans."""
    for i, tok in enumerate(tokens):
        if tok.type == "paragraph_open" and i + 1 < len(tokens) and tokens[i + 1].content in speaker_labels:
            tok.attrSet("class", "speaker")
        if tok.type != "inline" or not tok.children:
            continue
        kids = tok.children
        for j, kid in enumerate(kids):
            if kid.type == "em_open" and j + 2 < len(kids) and kids[j + 2].type == "em_close" and _GAP_TEXT.match(kids[j + 1].content):
                kid.tag = kids[j + 2].tag = "span"
                kid.attrSet("class", "gap")
                hint = Token("html_inline", "", 0)
                hint.content = '<span class="visually-hidden">Gap in the recording: </span>'
                kids[j + 1 : j + 1] = [hint]


def render(markdown_text: str, title: str, lang: str, speaker_labels: set[str], footer: str) -> str:
    md = MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin)
    tokens = md.parse(markdown_text)
    _mark_up(tokens, speaker_labels)
    body = md.renderer.render(tokens, md.options, {})
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        '<header>\n<a class="skip-link" href="#transcript">Skip to the transcript</a>\n<p>Transcript</p>\n</header>\n'
        f'<main id="transcript">\n{body}</main>\n<footer>\n<p>{html.escape(footer)}</p>\n</footer>\n</body>\n</html>\n'
    )
