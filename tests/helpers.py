"""Constants and helpers shared by the tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).resolve().parent / "fixtures" / "seed_TODO.md"  # the pristine seed
BUNDLED_TODO = ROOT / "data" / "TODO.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes, to prove nothing changed."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def fake_tool(folder: Path, name: str, exit_code: int = 0) -> Path:
    """A clipboard tool that records its stdin (and argv) next to itself."""
    script = folder / name
    record = folder / f"{name}.stdin"
    script.write_text(
        f'#!/bin/sh\n/bin/cat > "{record}"\necho "$@" > "{record}.args"\nexit {exit_code}\n'
    )
    script.chmod(0o755)
    return record


def at(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    """Move the controlled clock to 09:00 UTC on `day`."""
    from patternbrowser.core import clock

    monkeypatch.setattr(clock, "today", lambda: day)
    monkeypatch.setattr(clock, "now", lambda: datetime(day.year, day.month, day.day, 9, tzinfo=UTC))
