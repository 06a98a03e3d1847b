"""Made-up texts built to be hard for one pass or another, and how long each pass takes on them.

A pass that compares words with one another (spellings, speakers, addressed) can grow with the
square of what it compares if it is written carelessly; these texts hold thousands of near-alike
names and tens of thousands of labelled turns, where a real transcript holds dozens. Figures, not
assertions: a pass taking seconds here is a lead to follow, not a failure.

    python benchmarks/worst_case.py
"""

from __future__ import annotations

import random
import time
from importlib import import_module

from cleaner.dictionaries import load_dictionaries
from cleaner.passes import PassContext
from cleaner.pipeline import PASS_ORDER
from cleaner.readers import detect_layout, parse

CONSONANTS, VOWELS = "bcdfgklmnprstvz", "aeiou"


def near_alike_names(words: int = 400_000) -> str:
    """3,000 made-up names, one use in twenty with a letter changed: thousands of spellings one letter
    from a more common one."""
    rng = random.Random(1)
    names = ["".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(3)).capitalize() for _ in range(3000)]
    out = []
    for _ in range(words):
        name = rng.choice(names)
        if rng.random() < 0.05:
            i = rng.randrange(1, len(name))
            name = name[:i] + rng.choice(VOWELS if name[i] in VOWELS else CONSONANTS) + name[i + 1 :]
        out.append(name)
    return "\n\n".join(" ".join(out[i : i + 12]) + "." for i in range(0, len(out), 12))


def many_turns(turns: int = 40_000) -> str:
    """Forty thousand short labelled turns, each opening by thanking someone by a name heard another way."""
    rng = random.Random(2)
    speakers = ["Helane Becker", "Marcus Oyelaran", "Savi Syth", "Conor Cunningham", "Priya Raman"]
    said = ["Helene", "Connor", "Savvy", "Mark", "Dana"]
    lines = (f"{rng.choice(speakers)}: Thanks, {rng.choice(said)}. Good morning, everyone, this is turn {i}." for i in range(turns))
    return "\n\n".join(lines)


def main() -> None:
    ctx = PassContext(dictionaries=tuple(load_dictionaries([])))
    for name, text in (("near-alike names", near_alike_names()), ("labelled turns", many_turns())):
        transcript = parse(text, detect_layout(text))
        times = []
        for pass_id in PASS_ORDER:
            module = import_module(f"cleaner.passes.{pass_id}")
            start = time.perf_counter()
            module.run(transcript, ctx)
            times.append((time.perf_counter() - start, pass_id))
        slowest = ", ".join(f"{p} {s:.2f} s" for s, p in sorted(times, reverse=True)[:4])
        print(f"{name:18s} {len(text) / 1e6:4.1f} MB  all passes once {sum(s for s, _ in times):6.2f} s  slowest: {slowest}")


if __name__ == "__main__":
    main()
