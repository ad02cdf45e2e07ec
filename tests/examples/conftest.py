"""The example harness's services (a real Redis, a clamd stand-in) and its report."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

try:
    import fastapi  # noqa: F401
    import yaml  # noqa: F401
except ImportError as error:  # the wrong command: say the right one instead of 75 failures
    raise pytest.UsageError(
        "the guide examples need the 'examples' dependency group: "
        "run `uv run --group examples pytest`"
    ) from error

from patternbrowser.core.example_report import ExampleReport, save_report
from tests.examples.clamd_stub import ClamdStub
from tests.examples.units import GUIDES, UNITS

RESULTS: dict[str, tuple[str, str]] = {}  # unit name → (outcome, language or reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server on 127.0.0.1, with nothing saved to disk."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail(
            "redis-server is needed by the examples that say needs=redis "
            "(.ci/run installs it: apt-get install redis-server)"
        )
    port = _free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def clamd() -> Iterator[ClamdStub]:
    """The INSTREAM stand-in for clamd (see clamd_stub.py for why)."""
    server = ClamdStub().start()
    yield server
    server.stop()


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
