"""The disk cache of compiled lists: built once, read back the same, a cold build kept out of the run's memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleaner import cache


@pytest.fixture
def big_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLEANER_NO_CACHE", raising=False)
    monkeypatch.delenv("CLEANER_BUILD_HERE", raising=False)
    source = tmp_path / "terms.txt"
    source.write_text("Fremont\n" * (cache.MIN_BYTES // 8 + 1))
    return source


def _build(log: Path) -> dict[str, int]:
    with log.open("a") as handle:  # a file, not a counter: a build in a child process changes none of ours
        handle.write("built\n")
    return {"pid": os.getpid(), "terms": 12}


def test_a_large_list_is_built_once_and_read_back(big_source: Path, tmp_path: Path) -> None:
    log = tmp_path / "log"
    first = cache.cached("test", [big_source], lambda: _build(log))
    again = cache.cached("test", [big_source], lambda: _build(log))
    assert first == again and first["terms"] == 12
    assert log.read_text() == "built\n"
    assert len(list((tmp_path / "cache").glob("test-*.pickle"))) == 1


@pytest.mark.skipif(not cache._CAN_FORK, reason="builds apart on Linux only")
def test_a_cold_build_runs_in_a_child_process(big_source: Path, tmp_path: Path) -> None:
    built = cache.cached("test", [big_source], lambda: _build(tmp_path / "log"))
    assert built["pid"] != os.getpid()


def test_building_here_when_asked(big_source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANER_BUILD_HERE", "1")
    assert cache.cached("test", [big_source], lambda: _build(tmp_path / "log"))["pid"] == os.getpid()


def test_a_failing_build_raises_its_own_error_here_and_caches_nothing(big_source: Path, tmp_path: Path) -> None:
    def broken() -> None:
        raise ValueError("terms.txt:3: a regex that could backtrack")

    with pytest.raises(ValueError, match=r"terms\.txt:3"):
        cache.cached("test", [big_source], broken)
    assert not list((tmp_path / "cache").glob("*"))


def test_a_cache_that_cannot_be_written_only_costs_time(big_source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "cache"))
    log = tmp_path / "log"
    assert cache.cached("test", [big_source], lambda: _build(log))["terms"] == 12
    assert cache.cached("test", [big_source], lambda: _build(log))["terms"] == 12
    assert log.read_text() == "built\nbuilt\n"


def test_a_small_list_is_built_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    small = tmp_path / "terms.txt"
    small.write_text("Fremont\n")
    assert cache.cached("test", [small], lambda: _build(tmp_path / "log"))["pid"] == os.getpid()
    assert not (tmp_path / "cache").exists()
