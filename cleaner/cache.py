"""A disk cache for compiled term lists and dictionaries that are slow to build.

A 50,000-term list takes seconds to index and a 10,000-rule dictionary seconds
to parse; both are pickled once, keyed by the file's path, size, modification
time, cleaner's version and its source files, and loaded from the cache afterwards. Small files
are not cached (building them is faster than reading a cache). A cache that
cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")
MIN_BYTES = 100_000


def cache_dir() -> Path:
    base = os.environ.get("CLEANER_CACHE_DIR") or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "cleaner")
    return Path(base)


@lru_cache(maxsize=1)
def _code_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """The package's own source files: an index built by other code (a development checkout) is not reused."""
    package = Path(__file__).resolve().parent
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(package.glob("*.py")))


def cached(kind: str, sources: list[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same source files."""
    try:
        stats = [p.resolve().stat() for p in sources]
    except OSError:
        return build()
    if sum(s.st_size for s in stats) < MIN_BYTES or os.environ.get("CLEANER_NO_CACHE"):
        return build()
    files = [(str(p.resolve()), s.st_size, s.st_mtime_ns) for p, s in zip(sources, stats, strict=True)]
    key = hashlib.sha256(repr((kind, __version__, _code_fingerprint(), files)).encode()).hexdigest()[:32]
    path = cache_dir() / f"{kind}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value
