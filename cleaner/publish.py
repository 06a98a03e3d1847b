"""Publishing a folder of transcripts for a docs site: each cleaned, plus an index page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress

from . import readability
from .job import Job, clean_file
from .render import html, markdown
from .textio import CleanerError, write_atomic


def _row_cells(entry: dict[str, Any]) -> list[str]:
    r = entry["readability"]
    ease = r.get("flesch_reading_ease", "—")
    return [f"[{markdown.escape(entry['title'])}]({entry['link']})", entry["date"], str(entry["speakers"]), str(entry["gaps"]), str(ease)]


def index_markdown(entries: list[dict[str, Any]], title: str) -> str:
    meta = {"title": title, "description": f"{len(entries)} cleaned transcript(s)", "tags": ["transcript"]}
    lines = [markdown.front_matter(meta).rstrip("\n"), "", f"# {markdown.escape(title)}", ""]
    if not entries:
        return "\n".join([*lines, "No transcripts."]) + "\n"
    lines += ["| transcript | date | speakers | gaps | reading ease |", "|---|---|---:|---:|---:|"]
    lines += ["| " + " | ".join(_row_cells(e)) + " |" for e in entries]
    return "\n".join(lines) + "\n"


def publish_folder(pairs: list[tuple[Path, Path]], output_dir: Path, job: Job, title: str, console: Console) -> list[str]:
    entries: list[dict[str, Any]] = []
    failed: list[str] = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("publishing", total=len(pairs))
        for src, stem in pairs:
            try:
                outcome = clean_file(src, stem, job)
            except CleanerError as exc:
                console.print(f"error: {exc}", markup=False)
                failed.append(str(src))
                continue
            finally:
                progress.advance(task)
            if outcome.note:  # another encoding or language, said as the clean command says it
                console.print(f"note: {outcome.note}", markup=False, soft_wrap=True)
            result = outcome.result
            entries.append(
                {
                    "title": outcome.title,
                    "link": f"{stem.relative_to(output_dir).as_posix()}.md",
                    "date": outcome.date,
                    "speakers": len({t.speaker for t in result.final.turns}),
                    "gaps": len(result.flags),
                    "readability": readability.summary(outcome.readability) if outcome.readability else {},
                }
            )
    md_text = index_markdown(entries, title)
    write_atomic(output_dir / "index.md", md_text)
    html_text = html.render(
        md_text.replace(".md)", ".html)"), title, job.lang or "en-US", set(), f"{len(entries)} transcript(s) cleaned with cleaner."
    )
    write_atomic(output_dir / "index.html", html_text)
    return failed
