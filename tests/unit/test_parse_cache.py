"""The parse cache: hits for the same bytes, misses for changed ones, and corrupt entries."""

from __future__ import annotations

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
