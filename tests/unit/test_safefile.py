"""Atomic writes: modes kept, no temp files left, no clobbering, read-only respected."""

from __future__ import annotations

import pytest

from patternbrowser.core.errors import ConflictError, WriteError
from patternbrowser.core.safefile import read_snapshot, write_atomic


def test_write_replaces_content_and_keeps_the_mode(tmp_path):
    path = tmp_path / "f.md"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(read_snapshot(path), b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.md"]


def test_a_file_changed_since_reading_is_left_alone(tmp_path):
    path = tmp_path / "f.md"
    path.write_bytes(b"old")
    snapshot = read_snapshot(path)
    path.write_bytes(b"edited elsewhere")
    with pytest.raises(ConflictError):
        write_atomic(snapshot, b"new")
    assert path.read_bytes() == b"edited elsewhere"


def test_a_file_that_appeared_is_left_alone(tmp_path):
    path = tmp_path / "f.toml"
    snapshot = read_snapshot(path, missing_ok=True)
    path.write_bytes(b"someone made it")
    with pytest.raises(ConflictError, match="appeared"):
        write_atomic(snapshot, b"mine")
    assert path.read_bytes() == b"someone made it"


def test_read_only_file_is_not_written(tmp_path):
    path = tmp_path / "f.md"
    path.write_bytes(b"old")
    path.chmod(0o444)
    with pytest.raises(WriteError, match="read-only"):
        write_atomic(read_snapshot(path), b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.md"]


def test_a_full_disk_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    import errno
    import os

    target = tmp_path / "TODO.md"
    target.write_text("old\n", encoding="utf-8")
    snapshot = read_snapshot(target)

    class FullFile:
        def __init__(self, fd, mode):
            self.fd = fd

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            os.close(self.fd)

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("patternbrowser.core.safefile.os.fdopen", FullFile)
    with pytest.raises(WriteError, match="No space left on device"):
        write_atomic(snapshot, b"new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["TODO.md"]
