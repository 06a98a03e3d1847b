"""Which dictionary patterns cost the most: each pattern rule's search time over a corpus, as the
dictionary pass asks it in its first round (the whole text, the rule's gate first).

    python benchmarks/dictionary_patterns.py [--top 25] [--files 60]

A pattern that opens on a literal (or on a letter class and a literal, "\\b([Ii])ts ") is tried only
where that literal is found; one that opens on a look-behind or an alternation of words is tried at
every position of every paragraph its gate lets through, and can cost ten times as much. The corpus is
the Earnings-21 ASR outputs from ../shared when present, otherwise the bundled samples. Prints figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cleaner.dictionaries import load_dictionaries
from cleaner.passes.dictionary import _pattern_hits
from cleaner.readers import detect_layout, parse

ROOT = Path(__file__).resolve().parent.parent
E21 = ROOT.parent / "shared" / "eval" / "earnings21"


def corpus(files: int) -> list[str]:
    paths = sorted(E21.glob("docs/*/hyp.*.txt"))[:files] or sorted((ROOT / "tests" / "domains").glob("*.txt"))
    return [p.read_text() for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--files", type=int, default=60)
    args = parser.parse_args()
    texts = corpus(args.files)
    dictionaries = load_dictionaries([])
    cost: dict[tuple[str, str, int | None], float] = {}
    for text in texts:
        t = parse(text, detect_layout(text))
        spans = [(b.span.start, b.span.end) for b in t.paragraphs()]
        for d in dictionaries:
            for rule in d.pattern_rules:
                start = time.perf_counter()
                if rule.gate is None or rule.gate.search(text):
                    _pattern_hits(text, [rule], spans, True)
                key = (d.name, rule.id, rule.anchor)
                cost[key] = cost.get(key, 0.0) + time.perf_counter() - start
    size = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{len(cost)} pattern rules over {len(texts)} files ({size:.1f} MB): {sum(cost.values()):.2f} s in all")
    print(f"{'ms':>8}  dictionary/rule (anchor: how far before its literal a match may start; - for none)")
    for (name, rid, anchor), seconds in sorted(cost.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{seconds * 1000:8.1f}  {name}/{rid} ({'-' if anchor is None else anchor})")


if __name__ == "__main__":
    main()
