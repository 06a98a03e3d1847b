"""Terminal review: one suggestion at a time, one key per decision (a digit for one of its
alternatives), saved as you go.

Every decision is written to the queue file at once, so quitting (or a closed
terminal) loses nothing and the next ``cleaner review`` resumes at the first
undecided suggestion. Keys are read one at a time from a terminal, or a line
at a time from a pipe, so scripts and tests can drive it too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.text import Text

from .queue import Queue
from .user_dictionary import remember

KEYS = [
    ("a", "accept"),
    ("r", "reject"),
    ("e", "edit"),
    ("s", "skip"),
    ("A", "accept all of this rule"),
    ("R", "reject all of this rule"),
    ("t", "accept all of this term"),
    ("T", "reject all of this term"),
    ("w", "always (accept, save to dictionary)"),
    ("n", "never (reject, save to dictionary)"),
    ("u", "undo"),
    ("q", "quit"),
]


def read_key() -> str:
    """One key from a terminal; from a pipe, the first character of the next line ('' at the end)."""
    if sys.stdin.isatty():
        return click.getchar()
    line = sys.stdin.readline()
    return line[:1] if line else "q"


def read_line(prompt: str) -> str:
    if sys.stdin.isatty():
        return click.prompt(prompt, default="", show_default=False)
    click.echo(prompt + ": ", nl=False)
    return sys.stdin.readline().rstrip("\n")


def _shown_apart(before: str, after: str) -> tuple[str, str, str, str]:
    """The change without the spaces it keeps at either end ("this year then " -> "this year than "), which
    go back into the sentence around it: shown, they doubled the space before the arrow."""
    lead = tail = ""
    while before[:1] == after[:1] and before[:1].isspace() and len(before) > 1 and len(after) > 1:
        lead, before, after = lead + before[0], before[1:], after[1:]
    while before[-1:] == after[-1:] and before[-1:].isspace() and len(before) > 1 and len(after) > 1:
        tail, before, after = before[-1] + tail, before[:-1], after[:-1]
    return before, after, lead, tail


@dataclass
class Session:
    queue: Queue
    reviewer: str
    console: Console
    dictionary: Path | None = None
    history: list[list[tuple[str, dict[str, Any] | None]]] = field(default_factory=list)
    shown_deferred: set[str] = field(default_factory=set)
    quit: bool = False  # the reviewer pressed q: a folder's review stops here too

    def _apply(self, targets: list[dict[str, Any]], verdict: str, text: str | None = None) -> None:
        step = []
        for s in targets:
            step.append((s["id"], self.queue.decisions.get(s["id"])))
            self.queue.decide(s, verdict, self.reviewer, text)
        self.history.append(step)
        self.queue.save()

    def _decided(self) -> int:
        return sum(1 for d in self.queue.decisions.values() if d.get("verdict") != "deferred")

    def undo(self) -> str | None:
        if not self.history:
            return None
        step = self.history.pop()
        for sid, previous in reversed(step):
            self.queue.undecide(sid, previous)
        self.queue.save()
        return step[0][0]

    def show(self, s: dict[str, Any], n: int, total: int, alike: int = 1) -> None:
        c = self.console
        c.rule(
            f"[bold]{n} of {total}[/]  ·  line {s['line']}"
            + (f"  ·  {s['speaker']}" if s["speaker"] else "")
            # the same change asked more than once: [t] or [T] answers them all
            + (f"  ·  {alike} alike, t/T for all" if alike > 1 else "")
        )
        before, after, lead, tail = _shown_apart(s["before"], s["after"])
        line = Text(s["context_before"].lstrip() + lead)
        line.append(before.replace("\n", "¶"), style="bold red strike")
        line.append(" → ", style="dim")
        line.append(after.replace("\n", "¶") or "(delete)", style="bold green underline")
        line.append((tail + s["context_after"]).rstrip())
        c.print(line)
        c.print(Text(f"why: {s['reason']}", style="italic"))
        evidence = {k: v for k, v in s.get("evidence", {}).items() if v not in (None, "", [], {})}
        if evidence:
            c.print(Text("evidence: " + ", ".join(f"{k}={v}" for k, v in evidence.items()), style="dim"))
        if s.get("alternatives"):
            # a digit takes that reading instead ("ebit": [1] EBITDA)
            c.print(Text("alternatives: " + "  ".join(f"[{i}] {a}" for i, a in enumerate(s["alternatives"][:9], 1)), style="cyan"))
        c.print(Text(f"rule {s['pass']}/{s['rule']}  ·  confidence {s['confidence']:.2f}", style="dim"))
        c.print(Text("  ".join(f"[{k}] {label}" for k, label in KEYS), style="cyan"))

    def run(self, key_reader: Callable[[], str] = read_key, line_reader: Callable[[str], str] = read_line) -> int:
        """Walk the pending suggestions; returns how many decisions were made (a skip is none, and
        "accept all of this term" is one per suggestion it answers)."""
        start = self._decided()
        while True:
            todo = self.queue.pending()
            undecided = [s for s in todo if s["id"] not in self.queue.decisions]
            # skipped ones come back once, after everything else
            again = [s for s in todo if s["id"] in self.queue.decisions and s["id"] not in self.shown_deferred]
            current = undecided[0] if undecided else (again[0] if again else None)
            if current is not None and not undecided:
                self.shown_deferred.add(current["id"])
            if current is None:
                self.console.print("[bold green]Nothing left to review.[/]")
                return self._decided() - start
            total = len(self.queue.suggestions)
            position = next(i for i, s in enumerate(self.queue.suggestions) if s["id"] == current["id"]) + 1
            same_rule = [s for s in undecided if (s["pass"], s["rule"]) == (current["pass"], current["rule"])]
            same_term = [s for s in undecided if (s["before"], s["after"]) == (current["before"], current["after"])]
            self.show(current, position, total, len(same_term))
            key = key_reader()
            if key == "a":
                self._apply([current], "accepted")
            elif key == "r":
                self._apply([current], "rejected")
            elif key == "e":
                text = line_reader(f"replace {current['before']!r} with")
                self._apply([current], "edited", text)
            elif key == "s":
                self._apply([current], "deferred")
            elif key.isdigit() and 1 <= int(key) <= min(9, len(current.get("alternatives") or [])):
                self._apply([current], "edited", current["alternatives"][int(key) - 1])
            elif key == "A":
                self._apply(same_rule, "accepted")
            elif key == "R":
                self._apply(same_rule, "rejected")
            elif key == "t":
                self._apply(same_term, "accepted")
            elif key == "T":
                self._apply(same_term, "rejected")
            elif key in ("w", "n"):
                self._apply(same_term, "accepted" if key == "w" else "rejected")
                if self.dictionary is None:
                    self.console.print("[yellow]No --save-dictionary FILE given: decided here only.[/]")
                else:
                    remember(self.dictionary, current, always=key == "w")
                    self.console.print(f"saved to {self.dictionary}")
            elif key == "u":
                undone = self.undo()
                self.console.print("undone" if undone else "nothing to undo")
                continue
            elif key in ("q", "\x03", "\x04"):
                self.quit = True
                self.console.print(f"Saved. {len(self.queue.pending())} suggestion(s) still open; run cleaner review again to go on.")
                return self._decided() - start
            else:
                self.console.print(f"[yellow]unknown key {key!r}[/]")
