"""The record of the last run of the example harness, which `check` and export read."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPORT_NAME = ".example-report.json"


@dataclass
class ExampleReport:
    """What the harness ran: units executed and passed, failures and skips, and when."""

    date: str  # ISO date-time of the run
    units: int  # checkable units: standalone blocks and programs
    executed: int
    passed: int
    failed: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"unit", "reason"}
    by_language: dict[str, int] = field(default_factory=dict)  # units executed per language

    @property
    def tested_percent(self) -> int:
        """Passed units as a whole percentage of all units (skipped ones count as untested)."""
        return int(100 * self.passed / self.units) if self.units else 0


def report_path(guides: Path) -> Path:
    """Where the harness leaves its report: a dotfile in the guides folder (not committed)."""
    return guides / REPORT_NAME


def load_report(guides: Path) -> ExampleReport | None:
    """The last report, or None when the harness has not run here (or left garbage)."""
    try:
        raw = json.loads(report_path(guides).read_text(encoding="utf-8"))
        return ExampleReport(**raw)
    except (OSError, ValueError, TypeError):
        return None


def save_report(guides: Path, report: ExampleReport) -> None:
    """Write the report (the harness calls this at the end of a full run)."""
    report_path(guides).write_text(json.dumps(asdict(report), indent=2) + "\n", encoding="utf-8")
