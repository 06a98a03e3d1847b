"""A disk cache for compiled term lists and dictionaries that are slow to build.

A 50,000-term list takes seconds to index and a 10,000-rule dictionary seconds
to parse; both are pickled once, keyed by the file's path, size, modification
time, cleaner's version and its source files, and loaded from the cache afterwards. Small files
are not cached (building them is faster than reading a cache). A cache that
cannot be read or written is ignored: it only ever saves time.

On Linux, a cold build runs in a child process that hands back
its pickle: indexing a 50,000-term list leaves about 80 MB of freed but scattered
heap behind, which Python does not give back to the system and which would stay
in the run's peak memory. The child's heap goes with it; the parent loads what it
built as it would load the cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")
MIN_BYTES = 100_000
# Linux only: macOS can fork, but a child of a process whose system frameworks have started may crash
_CAN_FORK = sys.platform.startswith("linux") and hasattr(os, "fork")


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
    data = _built_apart(build)
    if data is None:  # no fork here, or the build failed: build here, and raise its error here
        value = build()
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    else:
        value = pickle.loads(data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass
    return value


def _built_apart(build: Callable[[], object]) -> bytes | None:
    """``build()``'s pickle, made in a forked child whose leftovers die with it; None where that cannot be done."""
    if not _CAN_FORK or threading.active_count() > 1 or os.environ.get("CLEANER_BUILD_HERE"):
        return None  # forking a process with threads can deadlock the child
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, never runs the parent's exit handlers or flushes its buffers
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(pickle.dumps(build(), protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    return data if os.waitstatus_to_exitcode(status) == 0 and data else None
