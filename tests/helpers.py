"""Constants and helpers shared by the tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

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
