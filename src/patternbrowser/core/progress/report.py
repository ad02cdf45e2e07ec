"""Plain data (for JSON and tables) describing items, groups, phases and totals."""

from __future__ import annotations

from datetime import date
from typing import Any

from patternbrowser.core.progress.counts import count, group_counts, phase_counts
from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.todo.model import Item, Problem


def item_data(tracker: Tracker, item: Item, today: date) -> dict[str, Any]:
    """The documented keys of one item (recurring ones also say when they are next due)."""
    record = tracker.store.records.get(item.number)
    info = tracker.due_of(item, today)
    return {
        "number": item.number,
        "title": item.title,
        "status": tracker.status_of(item).value,
        "group": item.group,
        "section": item.section.name if item.section else None,
        "priority": item.priority.value if item.priority else None,
        "phase": item.phase,
        "file": item.guide,
        "file_is_new": item.guide_is_new,
        "effort": item.effort,
        "effort_hours": list(item.effort_hours) if item.effort_hours else None,
        "recurrence": item.recurrence,
        "examples": len(item.examples),
        "line": item.line,
        "changed": record.changed.isoformat() if record else None,
        "note": record.note if record else None,
        "next_due": info.next_due.isoformat() if info and info.next_due else None,
        "overdue": info.overdue if info else None,
    }


def problem_data(problem: Problem) -> dict[str, Any]:
    """A warning as JSON."""
    return {
        "file": str(problem.path) if problem.path else None,
        "line": problem.line,
        "message": problem.message,
    }


def status_data(tracker: Tracker, today: date) -> dict[str, Any]:
    """Everything `status --json` prints (counts treat overdue recurring items as not done)."""
    document = tracker.document
    statuses = tracker.counted_statuses(today)
    groups = group_counts(document, statuses)
    phases = phase_counts(document, statuses)
    priorities = {item.group: item.priority for item in document.items}
    return {
        "todo": str(document.path),
        "store": str(tracker.store.path),
        "items": [item_data(tracker, item, today) for item in document.items],
        "groups": [
            {"name": name, "priority": p.value if (p := priorities.get(name)) else None}
            | counts.as_dict()
            for name, counts in groups.items()
        ],
        "phases": [
            {
                "number": phase.number,
                "name": phase.name,
                "weeks": phase.weeks,
                "items": phase.item_numbers,
            }
            | phases[phase.number].as_dict()
            for phase in document.phases
        ],
        "total": count(document.items, statuses).as_dict(),
        "drift": [
            {"number": d.number, "store": d.store.value, "markdown": d.markdown.value}
            for d in tracker.drift()
        ],
        "warnings": [problem_data(problem) for problem in document.problems],
    }
