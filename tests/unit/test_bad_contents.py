"""Hostile contents end in a clear line (exit 2) or a warning, never a traceback or a hang."""

from __future__ import annotations

import pytest

from tests.helpers import tree_digest

BIG = "9" * 4400  # more digits than int() converts by default


def mutate(seed, old: str, new: str) -> None:
    text = seed.read_text(encoding="utf-8")
    assert old in text, old
    seed.write_text(text.replace(old, new, 1), encoding="utf-8")


TODO_CASES = {
    "impossible-date": ("**Next Review**: 2025-12-23", "**Next Review**: 2025-02-30", 861),
    "month-99": ("**Next Review**: 2025-12-23", "**Next Review**: 2025-99-99", 861),
    "huge-item-number": ("### 3. JWT", f"### {BIG}. JWT", None),
    "huge-reference": ("JWT Authentication Flow (#3)", f"JWT Authentication Flow (#{BIG})", 771),
    "huge-summary": ("- High Priority: 0/5 completed", f"- High Priority: {BIG}/5 completed", 852),
    "huge-phase": ("### Phase 1 -", f"### Phase {BIG} -", 770),
    "huge-recurrence": ("**Recurrence**: Monthly", f"**Recurrence**: Every {BIG} days", 732),
    "metric-target": (
        "| Code examples tested | 100% |",
        f"| Code examples tested | {BIG[:400]}% |",
        None,
    ),
}


@pytest.mark.parametrize("case", TODO_CASES, ids=list(TODO_CASES))
def test_bad_todo_contents_are_warnings_not_tracebacks(seed, cli, case):
    old, new, line = TODO_CASES[case]
    mutate(seed, old, new)
    for command in (
        ["status"],
        ["status", "--json"],
        ["show", "21"],
        ["list"],
        ["export", "--check"],
    ):
        result = cli("--todo", seed, *command)
        assert result.code in (0, 1), (command, result.err)
    check = cli("--todo", seed, "check")
    if line is not None:  # a warning with the file and line; the others are left alone
        assert check.code == 1 and f"{seed}:{line}:" in check.out, check.out
    else:
        assert check.code in (0, 1)
    assert cli("--todo", seed, "set", "21", "completed").code == 0
    assert cli("--todo", seed, "export").code == 0
    assert cli("--todo", seed, "status").code == 0


def test_a_recurrence_of_ten_thousand_years_does_not_break_later_commands(seed, cli):
    mutate(seed, "**Recurrence**: Every 3 months", "**Recurrence**: Every 10000 years")
    assert cli("--todo", seed, "set", "21", "completed").code == 0
    for command in (["status"], ["show", "21"], ["export"], ["status", "--json"]):
        assert cli("--todo", seed, *command).code == 0, command
    assert "Every 10000 years" in cli("--todo", seed, "check").out


STORE_CASES = {
    "far-future-date": (
        'schema = 1\n[items.21]\nstatus = "completed"\nchanged = 9999-12-31T00:00:00Z\n',
        None,
    ),
    "history-not-a-list": (
        'schema = 1\n[items.3]\nstatus = "completed"\n'
        "changed = 2026-01-01T00:00:00Z\nhistory = 5\n",
        "'history' must be an array of tables",
    ),
    "superscript-key": (
        'schema = 1\n[items."²"]\nstatus = "completed"\nchanged = 2026-01-01T00:00:00Z\n',
        "item keys must be numbers",
    ),
    "huge-key": (
        f'schema = 1\n[items."{BIG}"]\nstatus = "completed"\nchanged = 2026-01-01T00:00:00Z\n',
        "item keys must be numbers",
    ),
    "deeply-nested": ("x = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
}


@pytest.mark.parametrize("case", STORE_CASES, ids=list(STORE_CASES))
def test_bad_store_contents_are_one_line_and_exit_2(seed, cli, case):
    content, message = STORE_CASES[case]
    store = seed.with_name("TODO.progress.toml")
    store.write_text(content, encoding="utf-8")
    before = tree_digest(seed.parent)
    for command in (["status"], ["show", "21"], ["set", "3", "completed"], ["export"]):
        result = cli("--todo", seed, *command)
        if message is None:
            assert result.code == 0, (command, result.err)
        else:
            assert result.code == 2 and message in result.err, (command, result.err)
            assert result.err.count("\n") == 1 and f"{store}" in result.err
    if message is not None:
        assert tree_digest(seed.parent) == before
