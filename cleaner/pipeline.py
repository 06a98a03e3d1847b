"""Run the passes in order and apply what is sure, round after round, until nothing changes.

``clean_text`` is the whole engine: parse, run every pass on the read-only
transcript, give suggestions their stable ids, let reviewer decisions
override applicability, apply the chosen ``auto`` edits, and repeat on the
new text. What is left for review, and the flags, are those of the final
(stable) text, so running cleaner on its own output changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import import_module

from .ids import assign_ids
from .model import Applicability, Edit, Flag, Span, Suggestion, Transcript
from .passes import PassContext, PassResult
from .readers import detect_layout, parse
from .replay import BlockReplay
from .resolve import SourceMap, apply, carry, choose, written

PASS_ORDER = (
    "escapes",
    "gaps",
    "spacing",
    "repeats",
    "paragraphs",
    "speakers",
    "dictionary",
    "typos",
    "capitals",
    "lexicon",
    "addressed",
    "spellings",
)
MAX_ROUNDS = 8
RESTRUCTURING = {("paragraphs", "hard-wrap"), ("paragraphs", "line-numbers")}  # applied alone before anything else: see _clean_as


class NotConverging(RuntimeError):
    """The fix loop kept changing the text: a bug in some pass."""


@dataclass(frozen=True)
class Decision:
    """A person's verdict on one suggestion id."""

    id: str
    verdict: str  # accepted | rejected | edited | deferred
    text: str | None = None  # the reviewer's own replacement, for "edited"
    reviewer: str = ""
    at: str = ""
    source: str = "review"  # review | docx | cli


@dataclass(frozen=True)
class AppliedChange:
    suggestion: Suggestion
    round: int
    original_start: int
    original_line: int
    speaker: str
    decided_by: str
    decided_at: str


@dataclass
class CleanResult:
    original: Transcript
    final: Transcript
    applied: list[AppliedChange] = field(default_factory=list)
    pending: list[Suggestion] = field(default_factory=list)
    rejected: list[Suggestion] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    rounds: int = 0
    stale_decisions: list[Decision] = field(default_factory=list)
    source_map: SourceMap = field(default_factory=SourceMap)

    def original_line(self, offset: int) -> int:
        return self.original.line_of(self.source_map.to_original(offset))


def run_passes(
    t: Transcript,
    ctx: PassContext,
    passes: tuple[str, ...] = PASS_ORDER,
    replay: BlockReplay | None = None,
    applied_ids: frozenset[str] | set[str] = frozenset(),
) -> PassResult:
    """Every pass on ``t``; with ``replay``, block-local passes only look at blocks it has not seen.
    ``applied_ids``: the ids of changes earlier rounds applied, which no new suggestion takes."""
    total = PassResult()
    for name in passes:
        module = import_module(f".passes.{name}", __package__)
        if replay is not None and getattr(module, "SCOPE", "") == "block":
            out = replay.run(name, module, t, ctx)
        else:
            out = module.run(t, ctx)
        total.suggestions.extend(out.suggestions)
        total.flags.extend(out.flags)
    never = [n for d in ctx.dictionaries for n in d.never]
    if never:
        total.suggestions = [
            s
            for s in total.suggestions
            if not any(s.before.strip() == text and (repl is None or s.after.strip() == repl) for text, repl in never)
        ]
    # a change that changes nothing: a capital restored in text written all in capitals ("IP" for "IP")
    total.suggestions = [s for s in total.suggestions if s.before != s.after]
    total.suggestions = assign_ids(t, total.suggestions, applied_ids)
    return total


def _with_decision(s: Suggestion, d: Decision) -> Suggestion:
    if d.verdict == "edited" and d.text is not None:
        span = s.span
        return replace(s, edits=(Edit(Span(span.start, span.end), d.text),), after=d.text)
    return s


def clean_text(
    text: str,
    ctx: PassContext,
    *,
    layout: str | None = None,
    title: str = "",
    passes: tuple[str, ...] = PASS_ORDER,
    decisions: dict[str, Decision] | None = None,
    incremental: bool = True,
) -> CleanResult:
    """Clean ``text``; reviewer ``decisions`` (by suggestion id) turn review items into applied or rejected ones.

    ``incremental`` re-runs block-local passes only on the blocks a round changed; turning it off
    runs every pass on every block each round, which must give the same result (a test checks).
    """
    args = (ctx, title, passes, decisions or {}, incremental)
    if layout is not None:
        return _clean_as(text, layout, *args)
    first = _clean_as(text, detect_layout(text), *args)
    if not first.applied:
        return first  # the text as it came: it reads in the layout it was detected in
    # A fix can change how the text reads ("I B N R" alone on a line looks like a speaker label,
    # "IBNR" does not): the output must read in the layout it was cleaned in, or a second run over
    # it would clean it differently. Clean the input again in the layout its output reads in.
    settled = detect_layout(first.final.text)
    if settled == first.original.layout:
        return first
    second = _clean_as(text, settled, *args)
    if detect_layout(second.final.text) == settled:
        return second
    # Neither layout holds: cleaned as one it reads as the other, and back (labels of two layouts
    # mixed, a join tipping the count). Nothing is applied by itself then; every fix waits for a person.
    return _clean_as(text, first.original.layout, *args, hold=True)


def _clean_as(
    text: str,
    layout: str,
    ctx: PassContext,
    title: str,
    passes: tuple[str, ...],
    decisions: dict[str, Decision],
    incremental: bool,
    hold: bool = False,
) -> CleanResult:
    current = parse(text, layout, title)
    result = CleanResult(original=current, final=current)
    seen_ids: set[str] = set()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    replay = BlockReplay() if incremental else None
    if ctx.lexicon is not None:
        ctx.lexicon.start_document()
    # what a reviewer's decision wrote: no rule applied by itself rewrites it in a later round (a shipped
    # brand rule would turn the accepted "Ebay" of a user's term list back into "eBay", and round and round)
    decided: list[tuple[int, int]] = []
    applied_ids: set[str] = set()
    for round_no in range(1, MAX_ROUNDS + 1):
        found = run_passes(current, ctx, passes, replay, applied_ids)
        seen_ids.update(s.id for s in found.suggestions)
        runnable: list[Suggestion] = []
        pending: list[Suggestion] = []
        rejected: list[Suggestion] = []
        for s in found.suggestions:
            d = decisions.get(s.id)
            if s.applicability is Applicability.AUTO and (d is None or d.verdict != "rejected") and not (hold and d is None):
                if d is None and decided and any(a < e.span.end and e.span.start < b for e in s.edits for a, b in decided):
                    continue
                runnable.append(s)
            elif hold and d is None and s.applicability is Applicability.AUTO:
                pending.append(s)
            elif d is not None and d.verdict in ("accepted", "edited") and s.applicability is not Applicability.INFO:
                runnable.append(_with_decision(s, d))
            elif d is not None and d.verdict == "rejected":
                rejected.append(s)
            elif s.applicability is Applicability.REVIEW:
                pending.append(s)
        chosen = choose(runnable)
        # a change to the text's structure (hard-wrapped lines joined) changes what every pass reads: it
        # goes alone, and the others look again at the text it leaves
        restructuring = [s for s in chosen if (s.pass_id, s.rule_id) in RESTRUCTURING]
        chosen = restructuring or chosen
        if not chosen:
            result.final = current
            result.pending = pending
            result.rejected = rejected
            result.flags = found.flags
            result.rounds = round_no
            break
        for s in chosen:
            d = decisions.get(s.id)
            orig = result.source_map.to_original(s.span.start)
            result.applied.append(
                AppliedChange(
                    s,
                    round_no,
                    orig,
                    result.original.line_of(orig),
                    current.speaker_at(s.span.start),
                    f"{d.source}:{d.reviewer}" if d and d.reviewer else (d.source if d else "auto"),
                    d.at if d and d.at else now,
                )
            )
        applied_ids.update(s.id for s in chosen)
        new_text, edits = apply(current.text, chosen)
        result.source_map.record(edits)
        by_reviewer = [e for s in chosen if s.id in decisions and decisions[s.id].verdict in ("accepted", "edited") for e in s.edits]
        decided = carry(decided, edits) + (written(edits, by_reviewer) if by_reviewer else [])
        current = parse(new_text, current.layout, title)
    else:
        raise NotConverging(f"still changing after {MAX_ROUNDS} rounds: {[s.rule_id for s in chosen][:5]}")
    result.stale_decisions = [d for i, d in decisions.items() if i not in seen_ids and d.verdict != "deferred"]
    return result
