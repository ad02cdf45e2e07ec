"""The parser on the seed, on a TODO of another subject, and on broken documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from patternbrowser.core.errors import InputError
from patternbrowser.core.status import Status
from patternbrowser.core.textfile import TextLines
from patternbrowser.core.todo.model import Priority
from patternbrowser.core.todo.parser import parse_text, parse_todo
from tests.helpers import FIXTURES, SEED


def parse(text: str):
    return parse_text(TextLines.from_text(text), Path("T.md"))


def test_seed_items_groups_and_fields():
    doc = parse_todo(SEED)
    assert [item.number for item in doc.items] == list(range(1, 23))
    assert doc.groups == [
        "High Priority",
        "Medium Priority",
        "Low Priority",
        "Configuration & Project Setup Gaps",
        "Continuous Improvement Tasks",
    ]
    jwt = doc.item(3)
    assert jwt is not None
    assert (jwt.title, jwt.priority, jwt.phase, jwt.guide) == (
        "JWT Authentication Flow",
        Priority.HIGH,
        1,
        "CLAUDE-validation.md",
    )
    assert jwt.effort == "3-4 hours" and jwt.effort_hours == (3.0, 4.0)
    assert jwt.line == 72 and jwt.marker_status is None
    monorepo = doc.item(14)
    assert monorepo is not None and monorepo.guide == "CLAUDE-monorepo.md" and monorepo.guide_is_new
    review = doc.item(21)
    assert review is not None
    assert review.recurrence == "Every 3 months" and review.phase is None and review.effort is None
    assert doc.problems == []


def test_seed_phases_summary_and_dates():
    doc = parse_todo(SEED)
    assert [(p.number, p.name, p.weeks) for p in doc.phases] == [
        (1, "Critical Security & Examples", "Week 1-2"),
        (2, "Core Patterns & Tools", "Week 3-4"),
        (3, "Advanced Features", "Week 5-6"),
        (4, "Infrastructure & Deployment", "Week 7-8"),
    ]
    assert doc.phases[0].item_numbers == [3, 4, 5, 11, 10]
    assert [(s.label, s.group, s.done, s.total) for s in doc.summary] == [
        ("High Priority", "High Priority", 0, 5),
        ("Medium Priority", "Medium Priority", 0, 6),
        ("Low Priority", "Low Priority", 0, 4),
        ("Configuration & Project Setup Gaps", "Configuration & Project Setup Gaps", 0, 5),
        ("Continuous Improvements", "Continuous Improvement Tasks", 0, 2),
    ]
    assert [(d.name, d.value, d.line_index + 1) for d in doc.dates] == [
        ("Last Updated", "2025-09-23", 4),
        ("Last Updated", "2025-09-23", 860),
        ("Next Review", "2025-12-23", 861),
    ]


def test_seed_examples_escaped_and_unescaped():
    doc = parse_todo(SEED)
    examples = {item.number: item.examples for item in doc.items}
    assert sum(len(found) for found in examples.values()) == 20
    assert [e.language for e in examples[14]] == ["toml"]
    assert [e.language for e in examples[17]] == ["dockerfile"]
    assert [e.language for e in examples[18]] == ["yaml"]
    assert examples[14][0].code.startswith("[tool.uv.workspace]")
    assert examples[17][0].code.splitlines()[-1].startswith("CMD [")
    # the example's first line number points at the code inside the file
    lines = SEED.read_text(encoding="utf-8").split("\n")
    first = examples[3][0]
    assert lines[first.line - 1] == "from jose import JWTError, jwt"
    # a "# comment" line inside a fence is code, not a heading
    assert "# alembic/env.py" in examples[16][0].code


def test_other_subject_todo():
    doc = parse_todo(FIXTURES / "crates_todo.md")
    assert [item.number for item in doc.items] == [1, 2, 3, 4, 5, 6]
    assert doc.groups == ["High Priority", "Low Priority", "Experiments"]
    assert [e.language for e in doc.items[1].examples] == ["rust", "toml"]
    assert doc.items[2].effort_hours == (0.5, 1.0)
    assert [(s.label, s.group) for s in doc.summary] == [
        ("High", "High Priority"),
        ("Low Priority", "Low Priority"),
        ("Experiments", "Experiments"),
    ]
    assert [(p.name, p.weeks, p.item_numbers) for p in doc.phases] == [
        ("Foundations", "Sprint 1", [1, 2]),
        ("Polish", "Sprint 2", [3, 4, 5]),
    ]
    assert doc.problems == []


def test_heading_like_lines_inside_fences_are_code():
    doc = parse(
        "## HIGH PRIORITY\n\n### 1. Real\n**Instructions**:\n```\n### 2. Fake item\n"
        "## Fake section\n\\```python\n# not a heading\n\\```\n```\n"
    )
    assert [item.number for item in doc.items] == [1]
    assert doc.sections[0].priority is Priority.HIGH and len(doc.sections) == 1
    assert doc.items[0].examples[0].code == "# not a heading"


@pytest.mark.parametrize(
    ("marker", "status"),
    [
        ("✅", Status.COMPLETED),
        ("⏸", Status.BLOCKED),
        ("⏸️", Status.BLOCKED),
        ("🟦", Status.IN_PROGRESS),
    ],
)
def test_markers_are_read_with_or_without_fe0f(marker, status):
    doc = parse(
        f"## LOW\n\n### {marker} 1. Item\n\n## Plan\n\n### Phase 1 - A\n1. {marker} Item (#1)\n"
    )
    assert doc.items[0].marker_status is status
    assert doc.phases[0].entries[0].marker_status is status


def test_problems_carry_line_numbers():
    doc = parse(
        "## HIGH\n\n"  # 1-2
        "### 1. One\n**File**: `../../etc/passwd.md`\n\n"  # 3-5
        "### 1. Again\n\n"  # 6-7
        "## Order\n\n### Phase 1 - Go\n1. One (#1)\n2. Ghost (#9)\n\n"  # 8-13 (12: Ghost)
        "**Progress Summary:**\n- Nonsense Bucket: 0/1 completed\n\n"  # 14-16
        "```python\nunclosed\n"  # 17-18
    )
    found = {(p.line, p.message.split(" (")[0]) for p in doc.problems}
    assert (
        4,
        "item 1: guide path '../../etc/passwd.md' climbs out of the guides folder with '..'",
    ) in found
    assert (6, "duplicate item number 1") in found
    assert (12, "phase 1 names item #9, which does not exist") in found
    assert (15, "summary label 'Nonsense Bucket' matches no group") in found
    assert (17, "fenced block is never closed") in found
    assert len(doc.problems) == 5


def test_unclosed_example_inside_instructions_is_reported():
    doc = parse("## LOW\n### 1. A\n**Instructions**:\n```\n\\```python\nx = 1\n```\n")
    assert doc.items[0].examples[0].code == "x = 1"
    assert [(p.line, p.message) for p in doc.problems] == [(5, "example fence is never closed")]


def test_a_file_without_items_is_an_error(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("# Just notes\n\nNothing here.\n")
    with pytest.raises(InputError, match="no items found"):
        parse_todo(path)
