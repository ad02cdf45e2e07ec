"""Plain markdown task lists read as checklists, and written back one character at a time."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from patternbrowser.core.export.markdown import export_document
from patternbrowser.core.status import Status
from patternbrowser.core.textfile import TextLines
from patternbrowser.core.todo.examples import instruction_segments
from patternbrowser.core.todo.grouping import group_items, mode_name, modes_for, next_mode
from patternbrowser.core.todo.model import Example
from patternbrowser.core.todo.parser import parse_text, parse_todo
from tests.helpers import FIXTURES, SEED

NESTED = FIXTURES / "tasks_nested.md"
CRLF = FIXTURES / "tasks_crlf_bom.md"
DAY = date(2030, 1, 2)


def parse(text: str):
    return parse_text(TextLines.from_text(text), Path("T.md"))


def changes(before: TextLines, after: TextLines) -> dict[int, tuple[str, str]]:
    assert after.endings == before.endings and after.bom == before.bom
    return {
        index + 1: (old, new)
        for index, (old, new) in enumerate(zip(before.lines, after.lines, strict=True))
        if old != new
    }


def test_tasks_are_items_in_document_order_grouped_by_heading_path():
    doc = parse_todo(NESTED)
    assert doc.kind == "checklist"
    assert [(i.number, i.title) for i in doc.items] == [
        (1, "Write the release notes"),
        (2, "Tag the release"),
        (3, "Push the tag"),
        (4, "Wait for the mirror"),
        (5, "Update the README"),
        (6, "Ask someone"),
        (7, "Publish the site"),  # an ordered-list task
        (8, "Plan the next one"),
    ]
    assert [i.group for i in doc.items] == ["Release checklist"] * 4 + [
        "Release checklist › Docs"
    ] * 3 + ["Release checklist › Later"]
    assert [i.parent for i in doc.items[:4]] == [None, None, 2, 2]  # nested at any depth
    assert [i.marker_status for i in doc.items] == [
        Status.COMPLETED,
        Status.NOT_STARTED,
        Status.IN_PROGRESS,
        Status.BLOCKED,
        Status.COMPLETED,  # [X]
        None,  # [?]: reported, left alone
        Status.NOT_STARTED,
        Status.NOT_STARTED,
    ]
    assert not doc.phases and doc.items[1].line == 4


def test_lines_inside_fences_are_never_tasks():
    doc = parse_todo(NESTED)
    assert all("inside a fence" not in item.title for item in doc.items)
    assert not parse("# T\n\n```\n- [ ] no\n```\n\n~~~\n* [x] no\n~~~\n").items


def test_a_task_body_is_its_continuation_and_nested_non_task_content():
    item = parse_todo(NESTED).item(2)
    assert item is not None
    segments = instruction_segments(item)
    assert segments[0] == "continuation of the tag task"
    assert isinstance(segments[1], Example) and segments[1].code == "git tag v1.2.0"
    assert segments[1].language == "sh" and segments[1].line == 8
    assert segments[2] == "- a plain bullet under the tag task"  # nested tasks are left out
    assert "Wait for the mirror" not in item.instructions


def test_a_fence_whose_info_string_is_only_spaces_is_a_text_example():
    """Found by the fuzz test: "```" followed by spaces crashed the reading of the body."""
    doc = parse("# T\n\n- [ ] Tag the release\n\n  ```    \n  git tag v1\n  ```\n")
    (item,) = doc.items
    (example,) = [s for s in instruction_segments(item) if isinstance(s, Example)]
    assert (example.language, example.code) == ("text", "git tag v1")


def test_an_unknown_character_is_reported_with_its_line():
    doc = parse_todo(NESTED)
    assert [(p.line, p.message) for p in doc.problems] == [
        (22, "task 6: '[?]' is not a status ([ ], [x], [/], [~], [!]); left as it is")
    ]


def test_export_changes_only_the_bracket_character_and_cookies():
    doc = parse_todo(NESTED)
    wanted = {i.number: Status.COMPLETED for i in doc.items} | {1: Status.IN_PROGRESS}
    wanted[6] = Status.NOT_STARTED  # what the store says of the task it cannot write
    result = export_document(doc, wanted, DAY)
    assert changes(doc.text, result.text) == {
        1: ("# Release checklist [1/6]", "# Release checklist [6/8]"),  # nested ones count
        3: ("- [x] Write the release notes", "- [/] Write the release notes"),
        4: ("- [ ] Tag the release", "- [x] Tag the release"),  # the file's own x
        11: ("  - [/] Push the tag", "  - [x] Push the tag"),
        13: ("    1. [!] Wait for the mirror", "    1. [x] Wait for the mirror"),
        19: ("## Docs [0%]", "## Docs [66%]"),  # rounded down: 100% only when all are done
        23: ("10. [ ] Publish the site", "10. [x] Publish the site"),
        27: ("- [ ] Plan the next one", "- [x] Plan the next one"),
    }
    assert 21 not in changes(doc.text, result.text)  # [X] already says completed
    again = parse_text(result.text, NESTED)
    assert export_document(again, wanted, DAY).is_current
    assert result.describe()[0] == "item 1: ✅ → 🟦"


def test_export_keeps_crlf_bom_tabs_trailing_spaces_and_spellings():
    doc = parse_todo(CRLF)
    wanted = {1: Status.IN_PROGRESS, 2: Status.COMPLETED, 3: Status.COMPLETED, 4: Status.BLOCKED}
    wanted |= {5: Status.COMPLETED, 6: Status.NOT_STARTED}
    result = export_document(doc, wanted, DAY)
    assert changes(doc.text, result.text) == {
        3: ("## House [1/3]  ", "## House [2/3]  "),
        5: ("- [ ] Sweep\t(the hall)", "- [~] Sweep\t(the hall)"),  # the file's own ~
        6: ("- [~] Dishes  ", "- [x] Dishes  "),
        11: ("1. [x] Water", "1. [!] Water"),
        12: ("2. [ ] Weed", "2. [x] Weed"),
    }
    data = result.text.encode()
    original = CRLF.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.endswith(b"\n")
    assert len(data) == len(original)  # one character for one character
    diff = [i for i, (a, b) in enumerate(zip(original, data, strict=True)) if a != b]
    assert len(diff) == 5  # four task characters and a cookie's digit


def test_headings_without_a_cookie_get_none():
    doc = parse("# A\n\n## B\n\n- [ ] one\n")
    result = export_document(doc, {1: Status.COMPLETED}, DAY)
    assert result.text.text() == "# A\n\n## B\n\n- [x] one\n"


def test_a_todo_with_items_is_not_a_checklist():
    doc = parse_todo(SEED)
    assert doc.kind == "todo" and all(item.task is None for item in doc.items)


def test_grouping_by_heading_and_no_phase_mode():
    doc = parse_todo(NESTED)
    assert modes_for(doc) == ("priority",) and next_mode("priority", doc) == "priority"
    assert mode_name("priority", doc) == "by heading"
    assert [name for name, _ in group_items(doc, "phase")] == [
        "Release checklist",
        "Release checklist › Docs",
        "Release checklist › Later",
    ]
    seed = parse_todo(SEED)
    assert next_mode("phase", seed) == "priority" and mode_name("phase", seed) == "by phase"


@pytest.fixture
def checklist(tmp_path: Path) -> Path:
    target = tmp_path / "CHECKLIST.md"
    shutil.copyfile(NESTED, target)
    return target


def test_cli_list_show_set_export_import(cli, checklist, tmp_path):
    listed = cli("--todo", checklist, "list")
    assert listed.code == 0 and "tasks are numbered in document order" in listed.out
    shown = cli("--todo", checklist, "show", "3")
    assert "3, under task 2 (tasks are numbered in document order)" in shown.out
    assert cli("--todo", checklist, "set", "8", "completed").code == 0
    assert cli("--todo", checklist, "export", "--check").code == 1
    exported = cli("--todo", checklist, "export")
    assert exported.code == 0 and "cookie of 'Release checklist': [1/6] → [3/8]" in exported.out
    assert "- [x] Plan the next one" in checklist.read_text()
    assert cli("--todo", checklist, "export", "--check").code == 0
    # a hand edit is drift, and import adopts it
    checklist.write_text(checklist.read_text().replace("- [x] Plan", "- [/] Plan"))
    status = json.loads(cli("--todo", checklist, "status", "--json").out)
    assert status["groups"][0]["name"] == "Release checklist" and status["phases"] == []
    assert status["drift"] == [{"number": 8, "store": "completed", "markdown": "in_progress"}]
    assert cli("--todo", checklist, "import").out.startswith("item 8: ✅ → 🟦")
    copied = cli("--todo", checklist, "copy", "2", "--to", tmp_path / "tag.sh")
    assert copied.code == 0 and (tmp_path / "tag.sh").read_text() == "git tag v1.2.0\n"


def test_a_file_with_neither_items_nor_tasks_says_what_it_expected(cli, tmp_path):
    todo = tmp_path / "T.md"
    todo.write_text("# Notes\n\n```\n- [ ] fenced\n```\n")
    result = cli("--todo", todo, "list")
    assert result.code == 2 and "'- [ ] task' lines" in result.err
