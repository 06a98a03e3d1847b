"""Speed and memory: the full pipeline on a 10 MB corpus, with a 50,000-term lexicon and 10,000 rules
against 100 of each, and codespell on the same corpus in the same run; start-up time; peak memory.

    python benchmarks/speed.py [--mb 10]

Each configuration runs in its own process so peak memory (ru_maxrss) is its own. The corpus is
the Earnings-21 ASR outputs from ../shared when present, otherwise the bundled sample repeated.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
E21 = ROOT.parent / "shared" / "eval" / "earnings21"

WORKER = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from cleaner import heap
from cleaner.dictionaries import load_dictionaries
from cleaner.lexicon import Lexicon
from cleaner.passes import PassContext
from cleaner.pipeline import PASS_ORDER, clean_text
from importlib import import_module
corpus, lexicon, dictionary = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
passes = dict.fromkeys(PASS_ORDER, 0.0)  # seconds inside each pass's run()
for name in PASS_ORDER:
    module = import_module("cleaner.passes." + name)
    def timed(t, c, _run=module.run, _name=name):
        a = time.perf_counter(); r = _run(t, c); passes[_name] += time.perf_counter() - a; return r
    module.run = timed
t1 = time.perf_counter()
from cleaner.typos import table; table()  # as the CLI does, before the term lists
ctx = PassContext(tuple(load_dictionaries([dictionary])), Lexicon.load([lexicon]))
heap.settle()  # as the CLI does
t2 = time.perf_counter()
applied = pending = size = 0
for f in sorted(corpus.glob("*.txt")):
    text = f.read_text()
    size += len(text.encode())
    r = clean_text(text, ctx)
    applied += len(r.applied); pending += len(r.pending)
    del r
    heap.tidy()  # as the CLI does after each file
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "clean_s": t3 - t2, "bytes": size, "applied": applied,
                  "pending": pending, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "pass_s": passes}))
"""


def pseudo_word(rng: random.Random) -> str:
    syllables = ["ka", "lo", "ven", "tar", "mi", "zu", "dre", "qua", "nor", "bel", "xi", "sto", "phe", "gra", "lun", "ori"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()


def make_corpus(folder: Path, mb: float) -> None:
    folder.mkdir(parents=True)
    sources = sorted(E21.glob("docs/*/hyp.*.txt")) if E21.is_dir() else [ROOT / "samples/tesla-2011-q2-call.txt"]
    target, written, i, chunk = int(mb * 1024 * 1024), 0, 0, []
    while written < target:
        text = sources[i % len(sources)].read_text()
        chunk.append(text)
        written += len(text.encode())
        i += 1
        if sum(len(c) for c in chunk) > 2_000_000 or written >= target:
            (folder / f"part{i:04d}.txt").write_text("\n".join(chunk))
            chunk = []


def make_lexicon(path: Path, n: int, rng: random.Random, real_terms: int | None = None) -> None:
    """``n`` terms: the real list's first ``real_terms`` (all that fit when None), then made-up names."""
    real = (E21 / "vocab/distractor_list.cased.txt").read_text().splitlines() if E21.is_dir() else ["Fremont", "Roadster", "Toyota"]
    terms = list(dict.fromkeys(real))[: min(n, len(real), real_terms or n)]
    seen = set(terms)
    while len(terms) < n:
        term = pseudo_word(rng) if rng.random() < 0.6 else f"{pseudo_word(rng)} {pseudo_word(rng)}"
        if term not in seen:
            seen.add(term)
            terms.append(term)
    path.write_text("\n".join(terms[:n]) + "\n")


def make_rules(path: Path, n: int, rng: random.Random) -> None:
    lines = ["name: synthetic", "default: false", "rules:"]
    seen: set[str] = set()
    for i in range(n):
        match = f"{pseudo_word(rng).lower()} {pseudo_word(rng).lower()}"
        while match in seen:
            match = f"{pseudo_word(rng).lower()} {pseudo_word(rng).lower()}"
        seen.add(match)
        lines += [
            f"  - id: r{i}",
            f"    match: {match}",
            f"    replace: {pseudo_word(rng)}",
            "    applicability: auto",
            "    context:",
            "      window: 10",
            "      require_any: [car, market]",
        ]
    path.write_text("\n".join(lines) + "\n")


def worker(corpus: Path, lexicon: Path, rules: Path) -> dict:
    env = {**os.environ, "CLEANER_CACHE_DIR": str(corpus.parent / "cache")}  # a cache of this run's own
    out = subprocess.run(
        [sys.executable, "-c", WORKER, str(corpus), str(lexicon), str(rules)], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        make_corpus(t / "corpus", args.mb)
        for n in (100, 50_000):
            make_lexicon(t / f"terms{n}.txt", n, rng)
        # the same 100 real terms padded with 49,900 made-up ones: a bigger index, the same matches
        make_lexicon(t / "terms50000-padded.txt", 50_000, rng, real_terms=100)
        for n in (100, 10_000):
            make_rules(t / f"rules{n}.yml", n, rng)
        mb = sum(f.stat().st_size for f in (t / "corpus").glob("*.txt")) / 1024 / 1024
        print(f"corpus: {mb:.1f} MB in {len(list((t / 'corpus').glob('*.txt')))} files")
        # an installation builds its word tables (frequencies, cased dictionary, misspellings) once, on
        # first use: a one-line transcript builds them here
        (t / "warm").mkdir()
        (t / "warm" / "one.txt").write_text("We will recieve the report.\n")
        worker(t / "warm", t / "terms100.txt", t / "rules100.yml")
        small = worker(t / "corpus", t / "terms100.txt", t / "rules100.yml")
        cold = worker(t / "corpus", t / "terms50000.txt", t / "rules10000.yml")
        large = worker(t / "corpus", t / "terms50000.txt", t / "rules10000.yml")  # the compiled lists now come from the disk cache
        worker(t / "corpus", t / "terms50000-padded.txt", t / "rules10000.yml")  # fills the cache
        padded = worker(t / "corpus", t / "terms50000-padded.txt", t / "rules10000.yml")
        runs = (
            ("100 terms, 100 rules", small),
            ("50,000 terms, 10,000 rules, cold", cold),
            ("50,000 terms, 10,000 rules, cached", large),
            ("same 100 real + 49,900 made-up", padded),
        )
        for name, r in runs:
            total = r["load_s"] + r["clean_s"]
            print(
                f"{name:36s} load {r['load_s']:6.2f} s  clean {r['clean_s']:7.2f} s  {mb / r['clean_s']:5.2f} MB/s  "
                f"peak {r['peak_mb']:6.0f} MB  applied {r['applied']}  pending {r['pending']}  (total {total:.1f} s)"
            )
        shares = sorted(small["pass_s"].items(), key=lambda kv: -kv[1])
        print(
            "where the small run's time goes: "
            + ", ".join(f"{name} {100 * sec / small['clean_s']:.0f}%" for name, sec in shares if sec >= 0.01 * small["clean_s"])
            + f", the rest (parsing, ids, applying, the fix loop) {100 * (1 - sum(small['pass_s'].values()) / small['clean_s']):.0f}%"
        )
        base = small["load_s"] + small["clean_s"]
        print(
            f"cost of 500x terms and 100x rules: {(large['load_s'] + large['clean_s']) / base:.2f}x the time with 18x more real "
            f"names to find (1,782 vs 100); {(padded['load_s'] + padded['clean_s']) / base:.2f}x with the same real names "
            "(target <= 1.3x)"
        )
        codespell = shutil.which("codespell") or str(Path(sys.executable).parent / "codespell")
        if Path(codespell).exists():
            t0 = time.perf_counter()
            subprocess.run([codespell, str(t / "corpus")], capture_output=True, check=False)
            cs = time.perf_counter() - t0
            print(
                f"codespell (default dictionary) on the same corpus: {cs:.2f} s, {mb / cs:.2f} MB/s; "
                f"cleaner (small config, load + clean) {small['load_s'] + small['clean_s']:.2f} s"
            )
        else:
            print("codespell not installed (pip install codespell) - no comparison")
        t0 = time.perf_counter()
        lists = ["--lexicon", str(t / "terms100.txt"), "--dictionary", str(t / "rules100.yml")]
        subprocess.run(
            [sys.executable, "-m", "cleaner", "clean", str(t / "corpus"), "-o", str(t / "folder-out"), "--format", "txt", "-q", *lists],
            check=True,
            capture_output=True,
        )
        folder = time.perf_counter() - t0
        print(f"cleaner clean FOLDER (the CLI, {os.cpu_count()} processes, small config, .txt out): {folder:.2f} s, {mb / folder:.2f} MB/s")
        tiny = t / "tiny.txt"
        tiny.write_text("Elon Musk: We signed the \\$100 deal.\n")
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "cleaner", "clean", str(tiny), "-o", str(t / "o"), "--format", "txt", "-q"],
            check=True,
            capture_output=True,
        )
        print(f"start-up: cleaning a one-line file end to end takes {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
