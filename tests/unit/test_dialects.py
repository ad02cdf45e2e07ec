"""Nearby dialects of the TODO format: bullet fields, synonyms, prose bodies, status fields."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from patternbrowser.core.export.markdown import export_document
from patternbrowser.core.status import Status
from patternbrowser.core.textfile import TextLines
from patternbrowser.core.todo.examples import instruction_segments
from patternbrowser.core.todo.model import Example, Priority
from patternbrowser.core.todo.parser import parse_text, parse_todo
from tests.helpers import FIXTURES, SEED

BULLETS = FIXTURES / "dialect_bullets.md"
LINES = FIXTURES / "dialect_lines_crlf.md"


def parse(text: str):
    return parse_text(TextLines.from_text(text), Path("T.md"))


def changed_lines(before: TextLines, after: TextLines) -> dict[int, tuple[str, str]]:
    assert after.endings == before.endings and after.bom == before.bom
    return {
        index + 1: (old, new)
        for index, (old, new) in enumerate(zip(before.lines, after.lines, strict=True))
        if old != new
    }


def test_bullet_fields_with_synonyms_are_read():
    doc = parse_todo(BULLETS)
    first, second, third = doc.items
    assert (first.effort, first.effort_hours, first.guide) == ("2-3 hours", (2.0, 3.0), "net.md")
    assert (second.effort, second.guide) == ("1 hour", "cache.md")  # names in any case
    assert second.extra_fields == [("Owner", "Ana")]
    assert third.priority is Priority.HIGH  # its own field beats its section's (low)


def test_line_fields_with_synonyms_crlf_bom():
    doc = parse_todo(LINES)
    assert doc.text.bom and doc.text.endings[0] == "\r\n"
    first, second, third = doc.items
    assert (first.effort, first.guide) == ("1 hour", "a.md")
    assert third.effort_hours == (4.0, 4.0)
    assert second.marker_status is Status.NOT_STARTED  # `**STATUS:** not started`


def test_a_prose_body_is_shown_with_every_code_block_an_example():
    item = parse_todo(BULLETS).item(1)
    assert item is not None
    segments = instruction_segments(item)
    assert segments[0] == "Wrap every outbound HTTP call in a retry with backoff."
    assert isinstance(segments[1], Example) and segments[1].language == "go"
    assert segments[1].line == 15 and segments[1].code.startswith("for attempt")
    assert segments[2] == "#### Notes\n- keep the budget per request\n- log the last error"
    assert len(item.examples) == 1
    # field lines are not body; an indented block is an example too
    second = parse_todo(BULLETS).item(2)
    assert second is not None
    body = [s for s in instruction_segments(second) if isinstance(s, str)]
    assert "Estimate" not in "".join(body) and "Owner" not in "".join(body)
    assert "Keep the catalogue in memory" in body[0]
    assert [e.code for e in second.examples] == ["indented example"]
    assert not any("---" in s for s in body)  # the closing rule belongs to no item


def test_text_right_under_the_fields_is_the_body():
    doc = parse_todo(LINES)
    assert instruction_segments(doc.items[0]) == ["Do the first thing\twith a tab."]
    assert instruction_segments(doc.items[2]) == ["Text right under the fields."]


def test_an_instructions_fence_still_wins_over_prose():
    second = parse_todo(LINES).item(2)
    assert second is not None
    assert second.instructions.startswith("fenced instructions")
    assert [e.language for e in second.examples] == ["python"]


def test_a_fence_after_prose_is_an_example_not_the_instructions():
    doc = parse("## A\n\n### 1. One\n**Instructions**:\nDo these:\n- a\n- b\n\n```sh\nmake\n```\n")
    segments = instruction_segments(doc.items[0])
    assert segments[0] == "Do these:\n- a\n- b"
    assert isinstance(segments[1], Example) and segments[1].code == "make"


def test_own_status_field_gives_the_status_when_there_is_no_marker():
    doc = parse_todo(BULLETS)
    assert [item.marker_status for item in doc.items] == [
        Status.IN_PROGRESS,
        Status.COMPLETED,
        None,  # "Sometime" is no status word
    ]
    assert parse_todo(LINES).items[0].marker_status is Status.COMPLETED  # `✅ Done`


@pytest.mark.parametrize(
    ("field", "status"),
    [
        ("Todo", Status.NOT_STARTED),
        ("pending", Status.NOT_STARTED),
        ("WIP", Status.IN_PROGRESS),
        ("in-progress", Status.IN_PROGRESS),
        ("**Complete**", Status.COMPLETED),
        ("Finished (2024-01-02)", Status.COMPLETED),
        ("On hold", Status.BLOCKED),
        ("⏸️", Status.BLOCKED),
    ],
)
def test_the_usual_status_words(field, status):
    doc = parse(f"## A\n\n### 1. One\n- **Status**: {field}\n")
    assert doc.items[0].marker_status is status and not doc.problems


def test_export_keeps_the_status_field_in_step_in_place():
    doc = parse_todo(BULLETS)
    wanted = {1: Status.COMPLETED, 2: Status.BLOCKED, 3: Status.NOT_STARTED}
    result = export_document(doc, wanted, date(2030, 1, 2))
    changes = changed_lines(doc.text, result.text)
    assert changes[10] == ("- **Status**: In progress", "- **Status**: done")  # the file's word
    assert changes[27] == ("- **Status**: done", "- **Status**: blocked")  # in its case
    assert 39 not in changes  # an unknown word is left alone
    assert set(changes) == {7, 10, 23, 27, 38}  # three headings and two status fields
    again = parse_text(result.text, BULLETS)
    assert [item.marker_status for item in again.items] == [wanted[1], wanted[2], wanted[3]]
    assert export_document(again, wanted, date(2031, 1, 1)).is_current


def test_export_of_a_status_field_with_a_marker_crlf_bom(tmp_path):
    doc = parse_todo(LINES)
    wanted = {1: Status.IN_PROGRESS, 2: Status.NOT_STARTED, 3: Status.COMPLETED}
    result = export_document(doc, wanted, date(2030, 1, 2))
    changes = changed_lines(doc.text, result.text)
    assert changes[8] == ("**Status**: ✅ Done", "**Status**: 🟦 In progress")
    assert 13 not in changes  # `not started` already says so
    encoded = result.text.encode()
    assert encoded.startswith(b"\xef\xbb\xbf") and encoded.count(
        b"\r\n"
    ) == LINES.read_bytes().count(b"\r\n")
    assert b"1 hour  \r\n" in encoded  # trailing spaces kept


def test_a_contradicting_status_field_is_reported_and_exported_in_step():
    doc = parse("## A\n\n### ✅ 1. One\n**Status**: blocked\n")
    assert doc.items[0].marker_status is Status.COMPLETED
    assert [p.line for p in doc.problems] == [4]
    result = export_document(doc, {1: Status.COMPLETED}, date(2030, 1, 2))
    assert result.text.lines[3] == "**Status**: done"  # in the style of the word it replaces


def test_check_reports_what_it_could_not_place(cli, tmp_path):
    todo = tmp_path / "TODO.md"
    shutil.copyfile(BULLETS, todo)
    result = cli("--todo", todo, "--guides", tmp_path, "check")
    assert result.code == 1
    assert f"{todo}:3: text before the first item belongs to no item" in result.out
    assert f"{todo}:28: item 2: unknown field 'Colour'" in result.out
    assert f"{todo}:39: item 3: status 'Sometime' is not a status word" in result.out


def test_the_seed_has_nothing_unplaced():
    doc = parse_todo(SEED)
    assert not [p for p in doc.problems if "first item" in p.message or "field" in p.message]
    assert all(item.segments is None for item in doc.items)  # every item has its fence
