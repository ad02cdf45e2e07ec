"""The guide examples' report: which units ran and how, summed up after the run.

These hooks are loaded by tests/conftest.py, so that under pytest-xdist the controller, which
sees every worker's reports but never collects tests/examples/, keeps the count.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from patternbrowser.core.guides.example_report import ExampleReport, save_report
from tests.examples.units import GUIDES, UNITS

RESULTS: dict[str, tuple[str, str]] = {}  # unit name → (outcome, language or reason)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Remember how each example unit did, for the report and the summary."""
    if "test_guide_example[" not in report.nodeid:
        return
    name = report.nodeid.split("[", 1)[1].rstrip("]")
    if report.skipped:
        reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else ""
        RESULTS[name] = ("skipped", reason.removeprefix("Skipped: "))
    elif report.when == "call":
        RESULTS[name] = ("passed" if report.passed else "failed", "")
    elif report.failed:
        RESULTS[name] = ("failed", "")


def pytest_sessionfinish(session: pytest.Session) -> None:
    """After a run of every unit, leave the report that `check` and export read."""
    if {unit.name for unit in UNITS} != set(RESULTS):
        return  # a partial run (-k, -x, a failure to collect) says nothing about the whole
    executed = {n for n, (outcome, _) in RESULTS.items() if outcome != "skipped"}
    languages: dict[str, int] = {}
    for unit in UNITS:
        if unit.name in executed:
            languages[unit.language] = languages.get(unit.language, 0) + 1
    save_report(
        GUIDES,
        ExampleReport(
            date=datetime.now(UTC).replace(microsecond=0).isoformat(),
            units=len(UNITS),
            executed=len(executed),
            passed=sum(1 for outcome, _ in RESULTS.values() if outcome == "passed"),
            failed=sorted(n for n, (outcome, _) in RESULTS.items() if outcome == "failed"),
            skipped=[
                {"unit": n, "reason": r} for n, (o, r) in sorted(RESULTS.items()) if o == "skipped"
            ],
            by_language=dict(sorted(languages.items())),
        ),
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many guide examples ran, and every one that did not, with its reason."""
    if not RESULTS:
        return
    outcomes = [outcome for outcome, _ in RESULTS.values()]
    python = sum(
        1
        for unit in UNITS
        if unit.language == "python" and RESULTS.get(unit.name, ("", ""))[0] == "passed"
    )
    terminalreporter.write_line(
        f"guide examples: {len(RESULTS)} units checked, {outcomes.count('passed')} passed "
        f"({python} python programs executed), {outcomes.count('failed')} failed, "
        f"{outcomes.count('skipped')} not executed"
    )
    for name, (outcome, reason) in sorted(RESULTS.items()):
        if outcome == "skipped":
            terminalreporter.write_line(f"  not executed: {name}: {reason}")
