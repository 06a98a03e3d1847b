"""The ``cleaner`` command line."""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from . import heap
from .dictionaries import DictionaryWarning, load_dictionaries, load_dictionary, resolve_dictionary
from .dictionary_check import missing_examples, rule_problems
from .job import DEFAULT_FORMATS, FORMATS, KEPT_SUFFIXES, Job, clean_file
from .lexicon import Lexicon
from .passes import PassContext
from .queue import Queue
from .readers import LAYOUTS
from .textio import CleanerError
from .typos import table as typo_table

PLAIN_SUFFIXES = (".txt", ".text")
TRANSCRIPT_SUFFIXES = (*PLAIN_SUFFIXES, ".docx", *KEPT_SUFFIXES)


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise click.BadParameter(f"{', '.join(bad) or 'nothing'}: choose from {', '.join(FORMATS)}")
    return chosen


def _warn(message: warnings.WarningMessage | Warning | str, *args: object, **kwargs: object) -> None:
    click.echo(f"warning: {message}", err=True)


def _context(
    dictionaries: tuple[str, ...], lexicons: tuple[Path, ...], use_defaults: bool = True, options: dict[str, str] | None = None
) -> PassContext:
    """The run's dictionaries and term lists, loaded once, their warnings one line each."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", DictionaryWarning)
        warnings.showwarning = _warn  # type: ignore[assignment]
        typo_table()  # read once for the whole run, before the term lists (built in a child process when not yet cached)
        ctx = PassContext(
            tuple(load_dictionaries(list(dictionaries), use_defaults)),
            Lexicon.load(list(lexicons)) if lexicons else None,
            options or {},
        )
    heap.settle()
    return ctx


def _not_a_transcript(p: Path, given: set[Path]) -> bool:
    """In a folder: a term list or dictionary given on the command line, a ``*.terms.txt`` term list,
    or a transcript cleaner itself wrote (its ``.changes.json`` beside it): cleaning those again
    would publish a term list as a transcript, or one call twice."""
    if p.resolve() in given or p.name.lower().endswith(".terms.txt"):
        return True
    log = p.with_name(p.stem + ".changes.json")
    if not log.is_file():
        return False
    try:
        with log.open(encoding="utf-8") as f:
            return '"cleaner.changes/' in f.read(200)
    except (OSError, UnicodeDecodeError):
        return False


def collect_inputs(inputs: tuple[str, ...], output_dir: Path, not_transcripts: tuple[Path, ...] = ()) -> list[tuple[Path, Path]]:
    """(input file, output stem path) pairs; folders keep their inner structure under the output folder.
    ``not_transcripts`` (term lists, dictionaries) are left out of folders, as are cleaned outputs."""
    pairs: list[tuple[Path, Path]] = []
    out_resolved = output_dir.resolve()
    given = {p.resolve() for p in not_transcripts}
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in TRANSCRIPT_SUFFIXES
                and out_resolved not in p.resolve().parents
                and not p.name.startswith((".", "~$"))  # hidden files, and Word's lock file of an open document
                and not _not_a_transcript(p, given)
            )
            # Zoom and Teams save a meeting as "x.txt" and "x.vtt" side by side, a transcriber may deliver
            # "x.docx" and "x.txt": the plain text one is cleaned
            texts = {p.with_suffix("") for p in found if p.suffix.lower() in PLAIN_SUFFIXES}
            found = [p for p in found if p.suffix.lower() in PLAIN_SUFFIXES or p.with_suffix("") not in texts]
            if not found:
                raise CleanerError(f"{path}: no transcripts (*.txt, *.docx, *.vtt, *.srt, *.sbv, *.tsv) in this folder")
            pairs.extend((p, output_dir / p.relative_to(path).with_suffix("")) for p in found)
        elif path.exists():
            pairs.append((path, output_dir / path.stem))
        else:
            raise CleanerError(f"{path}: no such file or folder")
    stems: dict[Path, Path] = {}
    for src, stem in pairs:
        if stem in stems and stems[stem] != src:
            raise CleanerError(f"{src}: would write the same outputs as {stems[stem]}; clean them into different --output-dir folders")
        stems[stem] = src
    return pairs


@dataclass
class Totals:
    files: int = 0
    applied: int = 0
    pending: int = 0
    gaps: int = 0
    failed: list[str] = field(default_factory=list)

    def add(self, report: Report, quiet: bool) -> None:
        for message in report.messages:
            click.echo(message, err=True)
        if not report.ok:
            self.failed.append(report.src)
            return
        self.files += 1
        self.applied += report.applied
        self.pending += report.pending
        self.gaps += report.gaps
        if not quiet:
            click.echo(report.summary, err=True)


def output_dir_option(default: str, help_text: str):
    return click.option(
        "--output-dir", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path(default), show_default=True, help=help_text
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleaner")
def main() -> None:
    """Clean raw transcripts, show every change, and leave doubtful fixes for a person."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@output_dir_option("out", "Folder for the outputs; never the input's own file.")
@click.option(
    "--format",
    "formats",
    default=",".join(DEFAULT_FORMATS),
    show_default=True,
    callback=lambda c, p, v: _formats(v),
    help="Comma-separated outputs: md, docx, txt, changes (change log as .changes.md and .changes.json), "
    "gaps (the gap report .gaps.md and .gaps.json), review (the review queue .review.json), html, "
    "readability (.readability.md and .json).",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A term list: one correct term per line, '#' comments. Repeatable.",
)
@click.option("--dictionary", "dictionaries", multiple=True, help="A shipped dictionary name or a YAML dictionary file. Repeatable.")
@click.option("--no-default-dictionaries", is_flag=True, help="Load only the dictionaries named with --dictionary.")
@click.option("--layout", type=click.Choice(LAYOUTS), default=None, help="Skip layout detection.")
@click.option(
    "--lang",
    default=None,
    help="The language the DOCX and HTML are marked with (default: en-US, or the language a transcript clearly reads as).",
)
@click.option(
    "--doubled-words",
    type=click.Choice(["review", "remove"]),
    default="review",
    show_default=True,
    help="'remove' deletes doubled words that are never grammatical (the the), for clean-read transcripts.",
)
@click.option(
    "--typos",
    type=click.Choice(["review", "fix"]),
    default="review",
    show_default=True,
    help="'fix' corrects common misspellings (recieve) without asking, for transcripts a person typed; "
    "on speech recognition output they are often misheard words, so they are only suggested.",
)
@click.option("--track-applied", is_flag=True, help="In the DOCX, show applied fixes as tracked changes too.")
@click.option(
    "--docx-comments/--no-docx-comments",
    default=True,
    show_default=True,
    help="In the DOCX, explain each tracked change in a Word comment.",
)
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=0, help="Worker processes for several files (0: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and the closing summary.")
def clean(
    inputs: tuple[str, ...],
    output_dir: Path,
    formats: tuple[str, ...],
    lexicons: tuple[Path, ...],
    dictionaries: tuple[str, ...],
    no_default_dictionaries: bool,
    layout: str | None,
    lang: str | None,
    doubled_words: str,
    typos: str,
    track_applied: bool,
    docx_comments: bool,
    jobs: int,
    quiet: bool,
) -> None:
    """Clean INPUT files (or every *.txt, *.docx, *.vtt, *.srt, *.sbv and *.tsv in INPUT folders) into --output-dir."""
    try:
        ctx = _context(dictionaries, lexicons, not no_default_dictionaries, {"doubled_words": doubled_words, "typos": typos})
        pairs = collect_inputs(inputs, output_dir, (*lexicons, *(resolve_dictionary(d) for d in dictionaries)))
    except CleanerError as exc:
        raise click.ClickException(str(exc)) from None
    options = {
        "lexicons": [str(p.resolve()) for p in lexicons],
        "dictionaries": [str(resolve_dictionary(d).resolve()) for d in dictionaries],
        "no_default_dictionaries": no_default_dictionaries,
        "layout": layout,
        "doubled_words": doubled_words,
        "typos": typos,
    }
    job = Job(ctx, formats, layout, lang, track_applied, docx_comments, options)
    totals = Totals()
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(pairs)))
    for report in _run_all(pairs, job, jobs, show_progress=len(pairs) > 1 and not quiet):
        totals.add(report, quiet or len(pairs) > 1)
    click.echo(
        f"{totals.files} file(s) cleaned: {totals.applied} fix(es) applied, {totals.pending} waiting for review, "
        f"{totals.gaps} gap(s) flagged" + (f"; {len(totals.failed)} failed" if totals.failed else "") + f" -> {output_dir}",
        err=True,
    )
    if totals.failed:
        sys.exit(1)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@dataclass
class Report:
    """What cleaning one file came to; small and picklable, so worker processes can send it back."""

    src: str
    ok: bool
    messages: list[str] = field(default_factory=list)
    summary: str = ""
    applied: int = 0
    pending: int = 0
    gaps: int = 0


_JOB: Job | None = None  # the job of this run, inherited by forked worker processes


def _clean_one(pair: tuple[Path, Path]) -> Report:
    src, stem = pair
    assert _JOB is not None
    try:
        outcome = clean_file(src, stem, _JOB)
    except CleanerError as exc:
        return Report(str(src), False, [f"error: {exc}"])
    finally:
        heap.tidy()
    result = outcome.result
    messages = [f"note: {outcome.note}"] if outcome.note else []
    messages += [
        f"warning: {src}: the {d.verdict} decision {d.id} matches nothing in the text any more (kept in the queue)"
        for d in result.stale_decisions
    ]
    summary = (
        f"{src}: {len(result.applied)} applied, {len(result.pending)} for review, {len(result.flags)} gap(s) "
        f"[{result.original.layout} layout]"
    )
    return Report(str(src), True, messages, summary, len(result.applied), len(result.pending), len(result.flags))


def _run_all(pairs: list[tuple[Path, Path]], job: Job, jobs: int, show_progress: bool) -> Iterator[Report]:
    """Clean every pair, in worker processes when there are several files and cores."""
    global _JOB
    _JOB = job
    if jobs > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
        results: Iterator[Report] = pool.map(_clean_one, pairs, chunksize=1)
    else:
        pool = None
        results = map(_clean_one, pairs)
    try:
        if not show_progress:
            yield from results
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=_stderr_console()) as progress:
            task = progress.add_task(f"cleaning ({jobs} process{'es' if jobs > 1 else ''})", total=len(pairs))
            for report in results:
                progress.advance(task)
                yield report
    finally:
        if pool is not None:
            pool.shutdown()


def _queue_for(target: Path, output_dir: Path) -> Path:
    """A queue file itself, a DOCX or transcript's queue beside it, or the transcript's queue in --output-dir."""
    if target.name.endswith(".review.json"):
        return target
    if target.suffix == ".docx":
        return target.with_name(target.stem + ".review.json")
    return output_dir / (target.stem + ".review.json")


def _reviewer(name: str | None) -> str:
    return name or os.environ.get("CLEANER_REVIEWER") or os.environ.get("USER") or "reviewer"


@main.command()
@click.argument("target", type=click.Path(path_type=Path))
@output_dir_option("out", "Where cleaner clean wrote the queue, when TARGET is the transcript.")
@click.option("--reviewer", help="Your name in the decisions (default: $CLEANER_REVIEWER or $USER).")
@click.option("--list", "list_", is_flag=True, help="List pending suggestions and exit.")
@click.option("--json", "as_json", is_flag=True, help="With --list: print JSON.")
@click.option("--accept", "accept_ids", multiple=True, help="Accept a suggestion by id (a unique prefix will do). Repeatable.")
@click.option("--reject", "reject_ids", multiple=True, help="Reject a suggestion by id. Repeatable.")
@click.option("--accept-rule", help="Accept every pending suggestion of a rule (pass/rule or rule).")
@click.option("--reject-rule", help="Reject every pending suggestion of a rule.")
@click.option("--accept-term", help="Accept every pending suggestion whose text or replacement is this term.")
@click.option("--reject-term", help="Reject every pending suggestion whose text or replacement is this term.")
@click.option(
    "--save-dictionary",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A user dictionary file where 'always' and 'never' decisions are saved (shipped format).",
)
def review(
    target: Path,
    output_dir: Path,
    reviewer: str | None,
    list_: bool,
    as_json: bool,
    accept_ids: tuple[str, ...],
    reject_ids: tuple[str, ...],
    accept_rule: str | None,
    reject_rule: str | None,
    accept_term: str | None,
    reject_term: str | None,
    save_dictionary: Path | None,
) -> None:
    """Review pending suggestions of TARGET (a transcript, its .review.json, its .docx, or a folder
    of cleaned outputs: every .review.json below it, one after another).

    With no action options it walks them in the terminal; decisions are saved at once and
    applied by the next `cleaner clean` of the transcript.
    """
    actions = [
        (accept_ids, None, None, "accepted"),
        (reject_ids, None, None, "rejected"),
        ((), accept_rule, None, "accepted"),
        ((), reject_rule, None, "rejected"),
        ((), None, accept_term, "accepted"),
        ((), None, reject_term, "rejected"),
    ]
    if target.is_dir():
        _review_folder(target, _reviewer(reviewer), list_, as_json, actions, save_dictionary)
        return
    try:
        queue = Queue.load(_queue_for(target, output_dir))
        who = _reviewer(reviewer)
        if _decide([queue], actions, who, str(queue.path)):
            return
        if list_:
            _list(queue, as_json)
            return
        from rich.console import Console

        from .review_tui import Session

        made = Session(queue, who, Console(highlight=False), save_dictionary).run()
        click.echo(f"{made} decision(s) saved to {queue.path}; run cleaner clean again to apply them.", err=True)
    except CleanerError as exc:
        raise click.ClickException(str(exc)) from None


_Action = tuple[tuple[str, ...], str | None, str | None, str]  # ids, rule, term, verdict


def _decide(queues: list[Queue], actions: list[_Action], who: str, where: str, anywhere: str = "") -> bool:
    """The scripted decisions (--accept ID, --reject-rule, ...) on every queue, saved; False when none
    were asked for. An id no queue has is refused before anything is decided."""
    if not any(ids or rule is not None or term is not None for ids, rule, term, _ in actions):
        return False
    given = [i for ids, _, _, _ in actions for i in ids]
    unknown = [i for i in given if not any(s["id"].startswith(i) for q in queues for s in q.suggestions)]
    if unknown:
        raise CleanerError(f"{where}: no suggestion with id {', '.join(unknown)}{anywhere}")
    for ids, rule, term, verdict in actions:
        if not ids and rule is None and term is None:
            continue
        chosen = 0
        for q in queues:
            mine = tuple(i for i in ids if any(s["id"].startswith(i) for s in q.suggestions))
            if ids and not mine:
                continue
            for s in q.select(mine, rule, term):
                if mine or s["id"] not in q.decisions:
                    q.decide(s, verdict, who, source="cli")
                    chosen += 1
        click.echo(f"{verdict} {chosen} suggestion(s)", err=True)
    for q in queues:
        q.save()
    return True


def _review_folder(folder: Path, who: str, list_: bool, as_json: bool, actions: list[_Action], save_dictionary: Path | None) -> None:
    """Every queue below ``folder``: the same actions on each, or a walk through them in the terminal."""
    try:
        paths = sorted(folder.rglob("*.review.json"))
        if not paths:
            raise CleanerError(f"{folder}: no review queues (*.review.json) in this folder; run cleaner clean first")
        queues = [Queue.load(p) for p in paths]
        if _decide(queues, actions, who, str(folder), " in any queue"):
            click.echo(f"in {len(queues)} queue(s) below {folder}", err=True)
            return
        if list_:
            if as_json:
                rows = [
                    dict(s, queue=str(q.path), status=q.decisions.get(s["id"], {}).get("verdict", "pending"))
                    for q in queues
                    for s in q.pending()
                ]
                click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
                return
            for q in queues:
                if q.pending():
                    click.echo(f"== {q.path}")
                    _list(q, False)
            return
        from rich.console import Console

        from .review_tui import Session

        console = Console(highlight=False)
        open_queues = [q for q in queues if any(s["id"] not in q.decisions for s in q.pending())]
        made = 0
        for n, q in enumerate(open_queues, 1):
            console.rule(f"[bold]{q.path.name}[/]  ·  file {n} of {len(open_queues)}")
            session = Session(q, who, console, save_dictionary)
            made += session.run()
            if session.quit:
                break
        click.echo(
            f"{made} decision(s) saved in {len(open_queues)} queue(s) below {folder}; run cleaner clean again to apply them.", err=True
        )
    except CleanerError as exc:
        raise click.ClickException(str(exc)) from None


def _list(queue: Queue, as_json: bool) -> None:
    rows = [dict(s, status=queue.decisions.get(s["id"], {}).get("verdict", "pending")) for s in queue.pending()]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for r in rows:
        context = f"{r['context_before'][-30:]}[{r['before']} -> {r['after']}]{r['context_after'][:30]}".replace("\n", " ")
        click.echo(f"{r['id']}  {r['status']:8s}  line {r['line']:<5}  {r['pass']}/{r['rule']}: {context}")
    click.echo(f"{len(rows)} pending", err=True)


@main.command("import-review")
@click.argument("docx_file", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--queue",
    "queue_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The review queue to update (default: <stem>.review.json beside the DOCX).",
)
@click.option("--reviewer", help="Whose decisions these are (default: the DOCX's last author).")
def import_review(docx_file: Path, queue_file: Path | None, reviewer: str | None) -> None:
    """Read accepted and rejected tracked changes from a reviewed DOCX into the review queue.

    DOCX_FILE may be a folder: every DOCX below it with its queue beside it is read.
    """
    try:
        if docx_file.is_dir():
            if queue_file is not None:
                raise CleanerError(f"{docx_file}: --queue names one queue; a folder's DOCX files use the queues beside them")
            pairs = [(d, _queue_for(d, d.parent)) for d in sorted(docx_file.rglob("*.docx")) if not d.name.startswith("~$")]
            pairs = [(d, q) for d, q in pairs if q.exists()]
            if not pairs:
                raise CleanerError(f"{docx_file}: no DOCX with its review queue (.review.json) beside it in this folder")
        else:
            pairs = [(docx_file, queue_file or _queue_for(docx_file, docx_file.parent))]
        for docx, qpath in pairs:
            _import_one(docx, qpath, reviewer)
    except CleanerError as exc:
        raise click.ClickException(str(exc)) from None


def _import_one(docx_file: Path, queue_file: Path, reviewer: str | None) -> None:
    from .docx_import import read_marks, verdict

    queue = Queue.load(queue_file)
    marks, last_author = read_marks(docx_file)
    who = reviewer or last_author or "docx reviewer"
    counts = {"accepted": 0, "rejected": 0, "edited": 0, "undecided": 0, "missing": 0}
    for s in queue.suggestions:
        mark = marks.get(s["id"])
        if mark is None:
            counts["missing"] += 1
            continue
        decided = verdict(mark, s["before"], s["after"])
        if decided is None:
            counts["undecided"] += 1
            continue
        queue.decide(s, decided[0], who, decided[1], source="docx")
        counts[decided[0]] += 1
    queue.save()
    click.echo(", ".join(f"{v} {k}" for k, v in counts.items()) + f" -> {queue.path}", err=True)
    if counts["missing"]:
        click.echo(
            f"note: {counts['missing']} suggestion(s) had no tracked change in the DOCX (not in a paragraph, "
            "or the bookmark was deleted); they stay pending",
            err=True,
        )


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@output_dir_option("site", "Folder for the published site.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=Path), help="A term list. Repeatable.")
@click.option("--dictionary", "dictionaries", multiple=True, help="A shipped dictionary name or a YAML file. Repeatable.")
@click.option("--title", default="Transcripts", show_default=True, help="The index page's title.")
@click.option("--lang", default=None, help="The pages' language (default: en-US, or the language a transcript clearly reads as).")
def publish(
    folder: Path, output_dir: Path, lexicons: tuple[Path, ...], dictionaries: tuple[str, ...], title: str, lang: str | None
) -> None:
    """Clean every transcript in FOLDER into a docs-ready folder: Markdown, HTML, DOCX, reports and an index page."""
    from .publish import publish_folder

    try:
        ctx = _context(dictionaries, lexicons)
        pairs = collect_inputs((str(folder),), output_dir, (*lexicons, *(resolve_dictionary(d) for d in dictionaries)))
        job = Job(ctx, ("md", "html", "docx", "changes", "readability", "review"), lang=lang)
        failed = publish_folder(pairs, output_dir, job, title, _stderr_console())
    except CleanerError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"published {len(pairs) - len(failed)} transcript(s) -> {output_dir}/index.md and index.html", err=True)
    if failed:
        sys.exit(1)


@main.command("check-dictionary")
@click.argument("dictionaries", nargs=-1, required=True)
def check_dictionary(dictionaries: tuple[str, ...]) -> None:
    """Run the examples of each DICTIONARY (your YAML file, or a shipped one by name): every fix
    example must be fixed, every keep example kept, and no fix changed again by the dictionary or the
    shipped defaults. One line per problem, naming the rule's file and line; exit status 1 if any."""
    try:
        checked = [load_dictionary(resolve_dictionary(d)) for d in dictionaries]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DictionaryWarning)  # conflicts are the clean command's to report
            defaults = load_dictionaries([])
    except CleanerError as exc:
        raise click.ClickException(str(exc)) from None
    failed = examples = 0
    for dictionary in checked:
        everything = [dictionary, *(d for d in defaults if d.path.resolve() != dictionary.path.resolve())]
        for rule in dictionary.rules:
            examples += len(rule.fix_examples) + len(rule.keep_examples)
            for note in missing_examples(rule):
                click.echo(f"{rule.source}: rule {rule.id}: {note}")
            for problem in rule_problems(rule, everything):
                failed += 1
                click.echo(f"{rule.source}: rule {rule.id}: {problem}")
    rules = sum(len(d.rules) for d in checked)
    click.echo(f"{rules} rule(s), {examples} example(s) checked: {failed} problem(s)")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
