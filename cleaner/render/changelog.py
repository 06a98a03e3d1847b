"""The change log (Markdown table and JSON) and the gap report.

JSON schema (``schema: cleaner.changes/1``)::

    {
      "schema": "cleaner.changes/1",
      "input": str, "layout": str, "rounds": int,
      "summary": {"applied": int, "pending_review": int, "rejected": int, "gaps": int},
      "applied": [Change], "pending": [Change], "rejected": [Change],
      "gaps": [{"kind": str, "marker": str, "line": int, "speaker": str, "timestamp": str|null, "message": str}],
      "stale_decisions": [{"id": str, "verdict": str, "reviewer": str}]
    }

    Change = {"id": str, "pass": str, "rule": str, "applicability": "auto"|"review",
              "before": str, "after": str, "line": int (line in the input),
              "speaker": str, "reason": str, "confidence": float,
              "evidence": {...}, "alternatives": [str],
              "decided_by": str, "decided_at": str}   # applied changes only
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Suggestion
from ..pipeline import CleanResult

SHOWN_CHARS = 160  # a change's text longer than this is shown by its two ends: a paragraph joined from wrapped lines


def abridged(text: str) -> str:
    """``text`` as a table of changes shows it: whole, or its two ends around "…" when it is long. The
    JSON change log keeps it whole."""
    if len(text) <= SHOWN_CHARS:
        return text
    half = (SHOWN_CHARS - 3) // 2
    return f"{text[:half]} … {text[-half:]}"


def _show(text: str) -> str:
    shown = abridged(text).replace("\n", "¶").replace("|", "\\|")
    return f"`{shown}`" if shown.strip() else f"`{shown}`" if shown else "(nothing)"


def _change(s: Suggestion, line: int, speaker: str) -> dict[str, Any]:
    return {
        "id": s.id,
        "pass": s.pass_id,
        "rule": s.rule_id,
        "applicability": str(s.applicability),
        "before": s.before,
        "after": s.after,
        "line": line,
        "speaker": speaker,
        "reason": s.reason,
        "confidence": s.confidence,
        "evidence": s.evidence,
        "alternatives": list(s.alternatives),
    }


def gap_rows(result: CleanResult) -> list[dict[str, Any]]:
    t = result.final
    rows = []
    for f in sorted(result.flags, key=lambda f: f.span.start):
        speaker = t.speaker_at(f.span.start)
        rows.append(
            {
                "kind": f.kind,
                "marker": t.text[f.span.start : f.span.end],
                "line": result.original_line(f.span.start),
                "output_line": t.line_of(f.span.start),
                "speaker": speaker,
                "timestamp": f.data.get("timestamp"),
                "message": f.message,
            }
        )
    return rows


def to_json(result: CleanResult, input_name: str) -> dict[str, Any]:
    applied = []
    for a in result.applied:
        row = _change(a.suggestion, a.original_line, a.speaker)
        row.update(decided_by=a.decided_by, decided_at=a.decided_at, round=a.round)
        applied.append(row)
    pending = [_change(s, result.original_line(s.span.start), result.final.speaker_at(s.span.start)) for s in result.pending]
    rejected = [_change(s, result.original_line(s.span.start), result.final.speaker_at(s.span.start)) for s in result.rejected]
    return {
        "schema": "cleaner.changes/1",
        "input": input_name,
        "layout": result.original.layout,
        "rounds": result.rounds,
        "summary": {"applied": len(applied), "pending_review": len(pending), "rejected": len(rejected), "gaps": len(result.flags)},
        "applied": applied,
        "pending": pending,
        "rejected": rejected,
        "gaps": gap_rows(result),
        "stale_decisions": [{"id": d.id, "verdict": d.verdict, "reviewer": d.reviewer} for d in result.stale_decisions],
    }


def render_json(result: CleanResult, input_name: str) -> str:
    return json.dumps(to_json(result, input_name), indent=2, ensure_ascii=False) + "\n"


def _table(rows: list[dict[str, Any]], with_decider: bool) -> list[str]:
    head = "| line | speaker | before | after | rule | applicability | reason |" + (" decided by |" if with_decider else "")
    sep = "|---:|---|---|---|---|---|---|" + ("---|" if with_decider else "")
    out = [head, sep]
    for r in rows:
        cells = [
            str(r["line"]),
            r["speaker"].replace("|", "\\|"),
            _show(r["before"]),
            _show(r["after"]),
            f"{r['pass']}/{r['rule']}",
            r["applicability"],
            r["reason"].replace("|", "\\|").replace("\n", " "),
        ]
        if with_decider:
            cells.append(f"{r['decided_by']}, {r['decided_at'][:10]}" if r["decided_by"] != "auto" else "auto")
        out.append("| " + " | ".join(cells) + " |")
    return out


def render_markdown(result: CleanResult, input_name: str) -> str:
    data = to_json(result, input_name)
    s = data["summary"]
    lines = [
        f"# Changes to {input_name}",
        "",
        f"{s['applied']} change(s) applied, {s['pending_review']} waiting for review, {s['gaps']} gap(s) flagged.",
        "Lines are lines of the input file. `¶` marks a line break.",
        "",
        "## Applied",
        "",
    ]
    lines += _table(data["applied"], True) if data["applied"] else ["Nothing was changed."]
    lines += ["", "## Waiting for review", ""]
    lines += _table(data["pending"], False) if data["pending"] else ["Nothing waits for review."]
    if data["rejected"]:
        lines += ["", "## Rejected by a reviewer", "", *_table(data["rejected"], False)]
    if data["stale_decisions"]:
        lines += ["", "## Decisions whose text is gone", "", "These decisions match nothing in the transcript any more:", ""]
        lines += [f"- `{d['id']}` ({d['verdict']} by {d['reviewer'] or 'unknown'})" for d in data["stale_decisions"]]
    lines += ["", "## Gaps", "", *_gap_table(data["gaps"])]
    return "\n".join(lines) + "\n"


def _gap_table(gaps: list[dict[str, Any]]) -> list[str]:
    if not gaps:
        return ["No gaps."]
    out = ["| line | speaker | marker | timestamp | what |", "|---:|---|---|---|---|"]
    out += [f"| {g['line']} | {g['speaker']} | {_show(g['marker'])} | {g['timestamp'] or ''} | {g['message']} |" for g in gaps]
    return out


def render_gap_report(result: CleanResult, input_name: str) -> tuple[str, str]:
    """The gap report on its own: Markdown for people, JSON (``cleaner.gaps/1``) for tools."""
    gaps = gap_rows(result)
    kinds: dict[str, int] = {}
    for g in gaps:
        kinds[g["kind"]] = kinds.get(g["kind"], 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "none"
    md = (
        "\n".join(
            [f"# Gaps in {input_name}", "", f"{len(gaps)} gap(s): {summary}. Lines are lines of the input file.", "", *_gap_table(gaps)]
        )
        + "\n"
    )
    data = {"schema": "cleaner.gaps/1", "input": input_name, "count": len(gaps), "by_kind": kinds, "gaps": gaps}
    return md, json.dumps(data, indent=2, ensure_ascii=False) + "\n"
