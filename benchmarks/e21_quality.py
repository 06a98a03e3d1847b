"""Quality on real ASR: run cleaner over Earnings-21 and score it with ../shared/eval/e21.py.

    python benchmarks/e21_quality.py --system speechmatics --lexicon distractor-cased
    python benchmarks/e21_quality.py --all            # four systems, plus --lexicon none
    python benchmarks/e21_quality.py --references     # changes made to the human references themselves

Prints e21.py's report, then how many FIXED / BROKE / CHANGED edits each rule made
(attributed by matching each scored edit to the change log's applied changes).
Needs ../shared/eval (not part of a fresh clone); prints a note and exits 0 without it.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DATA = EVAL / "earnings21"
SYSTEMS = ("google", "microsoft", "speechmatics", "amazon")


def _norm(text: str) -> str:
    return re.sub(r"[^\w' ]+", " ", text.lower()).split().__str__()


def _e21(system: str, lexicon: str, out: Path, *extra: str) -> str:
    """e21.py's report on already-cleaned outputs."""
    args = [sys.executable, str(EVAL / "e21.py"), "--data", str(DATA), "--system", system, "--lexicon", lexicon, "--outputs", str(out)]
    return subprocess.run([*args, *extra], capture_output=True, text=True, check=True).stdout


def run(system: str, lexicon: str, examples: int, quiet: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        out = tmpdir / "out"
        lex_path = _lexicon_path(lexicon)
        inputs = tmpdir / "in"
        inputs.mkdir()
        for doc in sorted((DATA / "docs").iterdir()):
            hyp = doc / f"hyp.{system}.txt"
            if hyp.exists():
                (inputs / f"{doc.name}.txt").write_bytes(hyp.read_bytes())
        cmd = [sys.executable, "-m", "cleaner", "clean", str(inputs), "--format", "txt,changes", "-o", str(out), "-q"]
        if lex_path:
            cmd += ["--lexicon", str(lex_path)]
        subprocess.run(cmd, check=True, cwd=ROOT)
        data = json.loads(_e21(system, lexicon, out, "--json", "--examples", str(examples)))
        text = _e21(system, lexicon, out, "--examples", "0")
        if not quiet:
            print("\n".join(line for line in text.splitlines() if not line.startswith("  ") and "first" not in line))
        per_rule: dict[str, Counter[str]] = defaultdict(Counter)
        for doc in data["docs"]:
            changes = out / f"{doc['id']}.changes.json"
            applied = json.loads(changes.read_text())["applied"] if changes.exists() else []
            by_after: dict[str, list[str]] = defaultdict(list)
            by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)

            def words(text: str) -> set[str]:
                # the scorer shows one word, punctuation taken out ("non-GAAP" -> "GAAP", "Q&A" -> "QA")
                text = text.lower().strip()
                return {text, re.sub(r"[^\w\s]", "", text)} | set(re.findall(r"\w+", text))

            said: dict[str, set[str]] = defaultdict(set)  # rule -> the texts it changed, as the scorer writes them
            for a in applied:
                rule = f"{a['pass']}/{a['rule']}"
                said[rule].add(" ".join(re.findall(r"\w+", a["before"].lower())))
                for key in words(a["after"]):
                    if rule not in by_after[key]:
                        by_after[key].append(rule)
                    for was in words(a["before"]):
                        if rule not in by_pair[key, was]:
                            by_pair[key, was].append(rule)
            for kind in ("fixed", "broke", "changed"):
                for ex in doc.get("examples", {}).get(kind, []):
                    m = re.search(r"\[(.*?)\]", ex["out"])
                    token = m.group(1).lower().strip() if m else ""
                    h = re.search(r"\[(.*?)\]", ex["hyp"])
                    was = h.group(1).lower().strip() if h else ""
                    rules = by_pair.get((token, was)) or by_after.get(token) or ["(deletion or unattributed)"]
                    context = " ".join(re.findall(r"\w+", ex["hyp"].lower()))
                    # of several rules giving this word, the one whose whole match is in the example's context
                    rules = [r for r in rules if any(t and t in context for t in said.get(r, ()))] or rules
                    per_rule[rules[0]][kind] += 1
        print(f"\nedits by rule ({system}, {lexicon}):  FIXED / BROKE / CHANGED")
        for rule, c in sorted(per_rule.items(), key=lambda kv: -sum(kv[1].values())):
            print(f"  {rule:45s} {c['fixed']:5d} {c['broke']:5d} {c['changed']:5d}")
        return data


def references(lexicon: str, top: int) -> None:
    """Clean the human references themselves: each change made there touches a word a person wrote
    on purpose, so it is at best a house style and at worst a false fix (the precision a user feels)."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs, out = Path(tmp) / "in", Path(tmp) / "out"
        inputs.mkdir()
        words = 0
        for doc in sorted((DATA / "docs").iterdir()):
            text = (doc / "ref.txt").read_text()
            words += len(text.split())
            (inputs / f"{doc.name}.txt").write_text(text)
        cmd = [sys.executable, "-m", "cleaner", "clean", str(inputs), "--format", "txt,changes", "-o", str(out), "-q"]
        lex_path = _lexicon_path(lexicon)
        if lex_path:
            cmd += ["--lexicon", str(lex_path)]
        subprocess.run(cmd, check=True, cwd=ROOT)
        seen: Counter[tuple[str, str, str]] = Counter()
        for changes in sorted(out.glob("*.changes.json")):
            for a in json.loads(changes.read_text())["applied"]:
                seen[(f"{a['pass']}/{a['rule']}", a["before"], a["after"])] += 1
    total = sum(seen.values())
    print(f"human references, --lexicon {lexicon}: {total} changes applied in {words} words ({1000 * total / words:.2f} per 1,000)")
    for (rule, before, after), n in seen.most_common(top):
        print(f"  {n:4d}  {rule:32s} {before!r} -> {after!r}")


def _lexicon_path(lexicon: str) -> Path | None:
    if lexicon == "none":
        return None
    return DATA / "vocab" / f"{lexicon.replace('-cased', '')}_list{'.cased' if 'cased' in lexicon else ''}.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--system", default="speechmatics", choices=SYSTEMS)
    ap.add_argument("--lexicon", default="distractor-cased")
    ap.add_argument("--all", action="store_true", help="every system with distractor-cased, and each with --lexicon none")
    ap.add_argument("--examples", type=int, default=100000)
    ap.add_argument("--references", action="store_true", help="clean the human references instead and list every change made to them")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"no Earnings-21 data at {DATA}; nothing to measure")
        return
    if args.references:
        references(args.lexicon, top=60)
        return
    if args.all:
        for lexicon in ("distractor-cased", "none"):
            for system in SYSTEMS:
                print(f"\n=== {system} / {lexicon}")
                run(system, lexicon, args.examples, quiet=False)
    else:
        run(args.system, args.lexicon, args.examples, quiet=False)


if __name__ == "__main__":
    main()
