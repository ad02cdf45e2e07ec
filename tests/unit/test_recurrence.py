"""Recurring items come due: intervals, next due dates, overdue counting, the Next Review line."""

from __future__ import annotations

import json
from datetime import date

import pytest

from patternbrowser.core.progress.recurrence import Interval, parse_interval
from tests.helpers import at


def recurring(cli, todo) -> dict[int, tuple[str, str | None, bool | None]]:
    items = json.loads(cli("--todo", todo, "status", "--json").out)["items"]
    return {
        i["number"]: (i["status"], i["next_due"], i["overdue"]) for i in items if i["recurrence"]
    }


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("Quarterly", Interval(3)),
        ("Monthly", Interval(1)),
        ("Every 3 months", Interval(3)),
        ("every 2 weeks", Interval(0, 14)),
        ("Weekly", Interval(0, 7)),
        ("Every 1 year", Interval(12)),
        ("Yearly", Interval(12)),
        ("When it rains", None),
    ],
)
def test_intervals(text, interval):
    assert parse_interval(text) == interval


def test_month_ends_clamp():
    assert Interval(1).after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert Interval(3).after(date(2026, 11, 30)) == date(2027, 2, 28)
    assert Interval(0, 14).after(date(2026, 12, 25)) == date(2027, 1, 8)


def test_due_from_next_review_then_from_completion(cli, seed, monkeypatch):
    at(monkeypatch, date(2025, 12, 1))
    assert recurring(cli, seed) == {
        21: ("not_started", "2025-12-23", False),
        22: ("not_started", "2025-12-23", False),
    }
    at(monkeypatch, date(2025, 12, 24))
    assert recurring(cli, seed)[21] == ("not_started", "2025-12-23", True)
    cli("--todo", seed, "set", "21", "completed")
    cli("--todo", seed, "set", "22", "completed")
    assert recurring(cli, seed) == {
        21: ("completed", "2026-03-24", False),
        22: ("completed", "2026-01-24", False),
    }


def test_overdue_counts_as_not_done_until_completed_again(cli, seed, monkeypatch, no_guides):
    at(monkeypatch, date(2026, 11, 26))
    cli("--todo", seed, "set", "21", "completed")
    cli("--todo", seed, "--guides", no_guides, "export")
    text = seed.read_text(encoding="utf-8")
    assert "- Continuous Improvements: 1/2 completed \n" in text
    assert "**Next Review**: 2027-02-26 (Quarterly)" in text  # from item 21's completion
    assert "### ✅ 21. Quarterly Review Process" in text

    at(monkeypatch, date(2027, 2, 27))  # a day past due
    assert recurring(cli, seed)[21] == ("completed", "2027-02-26", True)
    data = json.loads(cli("--todo", seed, "status", "--json").out)
    continuous = next(g for g in data["groups"] if g["name"] == "Continuous Improvement Tasks")
    assert continuous["completed"] == 0 and continuous["not_started"] == 2
    stale = cli("--todo", seed, "--guides", no_guides, "export", "--check")
    assert stale.code == 1 and "'Continuous Improvements': 1/2 → 0/2" in stale.out
    assert "overdue since 2027-02-26 (1 days)" in cli("--todo", seed, "status").out

    cli("--todo", seed, "set", "21", "completed")  # done again: the clock starts over
    assert recurring(cli, seed)[21] == ("completed", "2027-05-27", False)
    cli("--todo", seed, "--guides", no_guides, "export")
    text = seed.read_text(encoding="utf-8")
    assert "**Next Review**: 2027-05-27 (Quarterly)" in text
    assert "- Continuous Improvements: 1/2 completed \n" in text
    assert text.count("**Last Updated**: 2027-02-27") == 2


def test_monthly_item_does_not_move_the_quarterly_review_line(cli, seed, monkeypatch, no_guides):
    at(monkeypatch, date(2026, 1, 31))
    cli("--todo", seed, "set", "22", "completed")
    assert recurring(cli, seed)[22] == ("completed", "2026-02-28", False)
    cli("--todo", seed, "--guides", no_guides, "export")
    assert "**Next Review**: 2025-12-23 (Quarterly)" in seed.read_text(encoding="utf-8")


def test_todo_without_next_review_line(cli, crates, monkeypatch):
    at(monkeypatch, date(2024, 3, 5))
    assert recurring(cli, crates) == {6: ("not_started", None, False)}
    assert "no due date" in cli("--todo", crates, "status").out
    cli("--todo", crates, "set", "6", "completed")
    assert recurring(cli, crates) == {6: ("completed", "2024-04-05", False)}
    at(monkeypatch, date(2024, 4, 6))
    assert recurring(cli, crates)[6] == ("completed", "2024-04-05", True)
