"""The review queue: pending suggestions of one transcript and every decision a person made on them.

It lives next to the outputs as ``<stem>.review.json`` (schema ``cleaner.review/1``)::

    {
      "schema": "cleaner.review/1",
      "input": str,                       # the raw transcript, as cleaned
      "options": {...},                   # how it was cleaned: lexicons, dictionaries, layout, doubled_words
      "suggestions": [                    # waiting for a person (and deferred ones)
        {"id", "pass", "rule", "before", "after", "context_before", "context_after", "line", "speaker",
         "reason", "confidence", "evidence", "alternatives"}
      ],
      "decisions": {                      # by suggestion id; kept across runs, never dropped
        id: {"verdict": "accepted|rejected|edited|deferred", "text": str|null, "reviewer": str, "at": str,
             "source": "review|cli|docx", "before": str, "after": str, "rule": str, "stale": bool}
      }
    }

``cleaner clean`` reads the decisions back on the next run: accepted and
edited ones are applied, rejected ones are never asked again, and a decision
whose text is gone is marked ``stale`` and reported, not dropped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .pipeline import CleanResult, Decision
from .textio import CleanerError, write_atomic

SCHEMA = "cleaner.review/1"
VERDICTS = ("accepted", "rejected", "edited", "deferred")
_SENTENCE_END = re.compile(r"[.?!]\s")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def context(text: str, start: int, end: int, lo: int, hi: int, width: int = 160) -> tuple[str, str]:
    """The sentence around a change: text before and after it, within [lo, hi) (its paragraph)."""
    left = text[max(lo, start - width) : start]
    cut = [m.end() for m in _SENTENCE_END.finditer(left)]
    if cut:
        left = left[cut[-1] :]
    right = text[end : min(end + width, max(hi, end))]
    m = _SENTENCE_END.search(right)
    if m:
        right = right[: m.start() + 1]
    return left.replace("\n", " "), right.replace("\n", " ")


@dataclass
class Queue:
    path: Path
    input: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    decisions: dict[str, dict[str, Any]] = field(default_factory=dict)

    # -- files
    @classmethod
    def load(cls, path: Path) -> Queue:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CleanerError(f"{path}: no such review queue (run cleaner clean first)") from None
        except json.JSONDecodeError as exc:
            raise CleanerError(f"{path}:{exc.lineno}: not a valid review queue ({exc.msg})") from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise CleanerError(f"{path}: not a cleaner review queue (schema {SCHEMA})")
        return cls(path, data.get("input", ""), data.get("options", {}), data.get("suggestions", []), data.get("decisions", {}))

    @classmethod
    def load_or_new(cls, path: Path) -> Queue:
        return cls.load(path) if path.exists() else cls(path)

    def save(self) -> None:
        data = {
            "schema": SCHEMA,
            "input": self.input,
            "options": self.options,
            "suggestions": self.suggestions,
            "decisions": self.decisions,
        }
        write_atomic(self.path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")

    # -- decisions for the pipeline
    def pipeline_decisions(self) -> dict[str, Decision]:
        return {
            i: Decision(i, d["verdict"], d.get("text"), d.get("reviewer", ""), d.get("at", ""), d.get("source", "review"))
            for i, d in self.decisions.items()
        }

    def update_from(self, result: CleanResult, input_name: str, options: dict[str, Any]) -> None:
        """Refresh the pending list from a cleaning run; mark decisions whose text is gone as stale."""
        self.input = input_name
        self.options = options
        text = result.final.text
        rows = []
        for s in result.pending:
            block = result.final.block_at(s.span.start)
            lo, hi = (block.span.start, block.span.end) if block is not None else (0, len(text))
            if s.span.end > hi:  # a join across paragraphs: show both sides
                nxt = result.final.block_at(s.span.end)
                hi = nxt.span.end if nxt is not None else len(text)
            left, right = context(text, s.span.start, s.span.end, lo, hi)
            speaker = result.final.speaker_at(s.span.start)
            rows.append(
                {
                    "id": s.id,
                    "pass": s.pass_id,
                    "rule": s.rule_id,
                    "before": s.before,
                    "after": s.after,
                    "context_before": left,
                    "context_after": right,
                    "line": result.original_line(s.span.start),
                    "speaker": speaker,
                    "reason": s.reason,
                    "confidence": s.confidence,
                    "evidence": s.evidence,
                    "alternatives": list(s.alternatives),
                }
            )
        self.suggestions = rows
        stale = {d.id for d in result.stale_decisions}
        for i, d in self.decisions.items():
            d["stale"] = i in stale

    # -- deciding
    def pending(self) -> list[dict[str, Any]]:
        """Suggestions with no decision yet first, then deferred ones."""
        open_ = [s for s in self.suggestions if s["id"] not in self.decisions]
        deferred = [s for s in self.suggestions if self.decisions.get(s["id"], {}).get("verdict") == "deferred"]
        return open_ + deferred

    def decide(self, suggestion: dict[str, Any], verdict: str, reviewer: str, text: str | None = None, source: str = "review") -> None:
        if verdict not in VERDICTS:
            raise ValueError(verdict)
        self.decisions[suggestion["id"]] = {
            "verdict": verdict,
            "text": text,
            "reviewer": reviewer,
            "at": now(),
            "source": source,
            "before": suggestion["before"],
            "after": text if verdict == "edited" else suggestion["after"],
            "rule": f"{suggestion['pass']}/{suggestion['rule']}",
            "stale": False,
        }

    def undecide(self, suggestion_id: str, previous: dict[str, Any] | None) -> None:
        if previous is None:
            self.decisions.pop(suggestion_id, None)
        else:
            self.decisions[suggestion_id] = previous

    def select(self, ids: tuple[str, ...] = (), rule: str | None = None, term: str | None = None) -> list[dict[str, Any]]:
        """Suggestions by id (a unique prefix will do), by rule (``pass/rule`` or ``rule``) or by term (before or after text)."""
        out = []
        for s in self.suggestions:
            full_rule = f"{s['pass']}/{s['rule']}"
            if (
                any(s["id"].startswith(i) for i in ids)
                or (rule and rule in (full_rule, s["rule"], s["pass"]))
                or (term is not None and term in (s["before"].strip(), s["after"].strip()))
            ):
                out.append(s)
        missing = [i for i in ids if not any(s["id"].startswith(i) for s in self.suggestions)]
        if missing:
            raise CleanerError(f"{self.path}: no suggestion with id {', '.join(missing)}")
        return out


def queue_path(output_stem: Path) -> Path:
    return output_stem.with_name(output_stem.name + ".review.json")
