"""The parse cache: hits for the same bytes, misses for changed ones, and corrupt entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from patternbrowser.core.todo import parse_cache
from patternbrowser.core.todo.parser import parse_todo


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PATTERNBROWSER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def counted(monkeypatch):
    calls = []
    real = parse_cache.cached_parse

    def spy(snapshot, parse):
        def counting():
            calls.append(snapshot.path)
            return parse()

        return real(snapshot, counting)

    monkeypatch.setattr("patternbrowser.core.todo.parser.cached_parse", spy)
    return calls


def test_same_bytes_are_parsed_once(seed, cache_dir, counted):
    first = parse_todo(seed)
    second = parse_todo(seed)
    assert len(counted) == 1
    assert [i.title for i in second.items] == [i.title for i in first.items]
    assert second.text.encode() == seed.read_bytes()
    assert second.text.snapshot is not None and second.text.snapshot.data == seed.read_bytes()
    assert len(list(cache_dir.glob("*.pickle"))) == 1


def test_changed_bytes_are_parsed_again(seed, cache_dir, counted):
    parse_todo(seed)
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("### 3. JWT", "### ✅ 3. JWT"), encoding="utf-8"
    )
    document = parse_todo(seed)
    assert len(counted) == 2
    assert next(i for i in document.items if i.number == 3).marker_status is not None


def test_corrupt_or_foreign_entries_are_ignored(seed, cache_dir, counted):
    parse_todo(seed)
    entry = next(cache_dir.glob("*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert parse_todo(seed).items[2].title == "JWT Authentication Flow"
    entry.chmod(0o666)  # writable by others: never unpickled
    parse_todo(seed)
    assert len(counted) == 3


def test_cache_can_be_turned_off(seed, cache_dir, counted, monkeypatch):
    monkeypatch.setenv("PATTERNBROWSER_CACHE", "0")
    parse_todo(seed)
    parse_todo(seed)
    assert len(counted) == 2 and not cache_dir.exists()


class _Planted:
    """A pickle that, when loaded, creates a file: proof that a planted entry was executed."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def _entry_name(seed) -> str:
    from patternbrowser.core.safefile import read_snapshot

    return f"{parse_cache._key(read_snapshot(seed))}.pickle"


def test_a_planted_link_to_a_pickle_of_ours_is_never_loaded(seed, cache_dir, counted, tmp_path):
    import pickle

    marker = tmp_path / "executed"
    bait = tmp_path / "innocent-looking-file.txt"  # any file the victim owns will do
    bait.write_bytes(pickle.dumps(_Planted(marker), protocol=0))
    cache_dir.mkdir(mode=0o700)
    (cache_dir / _entry_name(seed)).symlink_to(bait)
    document = parse_todo(seed)
    assert not marker.exists(), "the planted pickle was executed"
    assert len(counted) == 1 and document.items[2].title == "JWT Authentication Flow"
    assert bait.read_bytes() == pickle.dumps(_Planted(marker), protocol=0)  # not overwritten


def test_a_cache_folder_others_can_write_is_not_used(seed, cache_dir, counted, capsys, tmp_path):
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    parse_todo(seed)
    parse_todo(seed)
    assert len(counted) == 2 and list(cache_dir.iterdir()) == []
    assert capsys.readouterr().err.count("not using the parse cache") == 1


def test_pruning_removes_only_the_caches_own_files(seed, cache_dir, counted, monkeypatch):
    cache_dir.mkdir(mode=0o700)
    (cache_dir / "notes.pickle").write_text("mine")
    monkeypatch.setattr(parse_cache, "_KEEP", 1)
    parse_todo(seed)
    seed.write_text(seed.read_text(encoding="utf-8") + "\nmore\n", encoding="utf-8")
    parse_todo(seed)
    names = sorted(path.name for path in cache_dir.iterdir())
    assert "notes.pickle" in names and len(names) == 2
