"""Export edits only markers, summary numbers and dates, keeps all else, and is idempotent."""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path

import pytest

from patternbrowser.core.export.markdown import export_document
from patternbrowser.core.status import Status
from patternbrowser.core.textfile import TextLines
from patternbrowser.core.todo.parser import parse_text, parse_todo
from tests.helpers import FIXTURES, SEED, TODAY


def export_bytes(data: bytes, statuses: dict[int, Status] | None = None, today: date = TODAY):
    doc = parse_text(TextLines.from_text(data.decode("utf-8")), Path("T.md"))
    baseline = {item.number: item.marker_status or Status.NOT_STARTED for item in doc.items}
    wanted = baseline | (statuses or {})
    result = export_document(doc, wanted, today)
    return result.text.encode(), result


def changed_lines(before: bytes, after: bytes) -> list[tuple[str, str]]:
    """Pairs (old, new) of lines that differ; both documents must have the same line count."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_first_export_of_the_seed_only_adds_markers():
    seed = SEED.read_bytes()
    first, result = export_bytes(seed)
    changes = changed_lines(seed, first)
    assert len(changes) == 22 + 20  # 22 item headings, 20 phase entries
    for old, new in changes:
        assert re.match(r"### \d+\. |\d+\. ", old)
        assert new.replace("⬜ ", "", 1) == old
    assert result.dated is None  # no status changed, so the dates stay
    assert first.endswith(
        b"0/2 completed \n\n---\n\n**Last Updated**: 2025-09-23\n"
        b"**Next Review**: 2025-12-23 (Quarterly)\n**Maintained By**: AI Development Team"
    )
    again, second = export_bytes(first)
    assert again == first and second.is_current


def test_completing_item_3_changes_exactly_five_lines():
    previous, _ = export_bytes(SEED.read_bytes())
    after, result = export_bytes(previous, {3: Status.COMPLETED})
    diff = [
        line
        for line in difflib.unified_diff(
            previous.decode().splitlines(), after.decode().splitlines(), lineterm="", n=0
        )
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert sorted(diff) == sorted(
        [
            "-**Last Updated**: 2025-09-23",
            "+**Last Updated**: 2026-11-26",
            "-### ⬜ 3. JWT Authentication Flow",
            "+### ✅ 3. JWT Authentication Flow",
            "-1. ⬜ JWT Authentication Flow (#3)",
            "+1. ✅ JWT Authentication Flow (#3)",
            "-- High Priority: 0/5 completed",
            "+- High Priority: 1/5 completed",
            "-**Last Updated**: 2025-09-23",
            "+**Last Updated**: 2026-11-26",
        ]
    )
    assert result.dated == "2026-11-26"
    assert export_bytes(after, {3: Status.COMPLETED})[0] == after


def variants() -> dict[str, bytes]:
    seed = SEED.read_bytes()
    return {
        "lf": seed,
        "crlf": seed.replace(b"\n", b"\r\n"),
        "bom": b"\xef\xbb\xbf" + seed,
        "bom-crlf-final-newline": b"\xef\xbb\xbf" + seed.replace(b"\n", b"\r\n") + b"\r\n",
        "final-newline": seed + b"\n",
        "mixed": seed.replace(b"\n", b"\r\n", 300),
        "tabs-and-trailing-space": seed.replace(b"**File**:", b"**File**:\t").replace(
            b"(#3)", b"(#3)   "
        ),
    }


@pytest.mark.parametrize("name", list(variants()))
def test_line_endings_bom_and_final_newline_survive(name):
    original = variants()[name]
    first, _ = export_bytes(original)
    after, _ = export_bytes(first, {3: Status.COMPLETED, 21: Status.BLOCKED})
    assert after.startswith(b"\xef\xbb\xbf") == original.startswith(b"\xef\xbb\xbf")
    assert after.endswith(b"\n") == original.endswith(b"\n")
    assert after.count(b"\r\n") == original.count(b"\r\n")
    assert after.count(b"\n") == original.count(b"\n")
    changes = changed_lines(first, after)
    # two headings, item 3's phase entry, the High summary (blocked is not done), two dates
    assert len(changes) == 2 + 1 + 1 + 2
    for old, new in changes:
        # each changed line keeps its own ending
        assert old[len(old.rstrip("\r\n")) :] == new[len(new.rstrip("\r\n")) :]
    assert b"### \xe2\x8f\xb8\xef\xb8\x8f 21. Quarterly Review Process" in after
    assert export_bytes(after, {3: Status.COMPLETED, 21: Status.BLOCKED})[0] == after


@pytest.mark.parametrize("blocked", ["⏸", "⏸️"])
def test_existing_markers_are_loaded_and_kept_byte_for_byte(blocked):
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("### 3. JWT", "### ✅ 3. JWT").replace(
        "### 4. File", f"### {blocked} 4. File"
    )
    text = text.replace("1. JWT Authentication Flow (#3)", "1. ✅ JWT Authentication Flow (#3)")
    text = text.replace("2. File Upload Security (#4)", f"2. {blocked} File Upload Security (#4)")
    text = text.replace("High Priority: 0/5", "High Priority: 1/5")
    marked, _ = export_bytes(text.encode())  # add ⬜ to the rest, keep the given markers
    doc = parse_text(TextLines.from_text(marked.decode()), Path("T.md"))
    statuses = {item.number: item.marker_status for item in doc.items}
    assert statuses[3] is Status.COMPLETED and statuses[4] is Status.BLOCKED
    assert set(statuses.values()) == {Status.NOT_STARTED, Status.COMPLETED, Status.BLOCKED}
    again = export_document(doc, statuses, date(2030, 1, 1))  # type: ignore[arg-type]
    assert again.is_current and again.text.encode() == marked
    assert f"### {blocked} 4. File".encode() in marked


def test_summary_counts_are_corrected_and_unmatched_labels_left_alone():
    text = (
        "**Last Updated**: 2020-01-01\n\n## 🔴 HIGH\n\n### 1. A\n\n### 2. B\n\n"
        "**Progress Summary:**\n- High Priority: 5/9 completed\n- Mystery: 3/3 completed\n"
    ).encode()
    after, result = export_bytes(text, {1: Status.COMPLETED})
    assert b"- High Priority: 1/2 completed\n- Mystery: 3/3 completed\n" in after
    assert result.summary == [("High Priority", "5/9", "1/2")]
    assert after.startswith(b"**Last Updated**: 2026-11-26\n")


def test_other_subject_todo_round_trip():
    original = (FIXTURES / "crates_todo.md").read_bytes()
    first, _ = export_bytes(original)
    after, _ = export_bytes(first, {2: Status.COMPLETED, 6: Status.COMPLETED})
    assert (
        b"- High: 1/2 completed\n- Low Priority: 0/2 completed\n- Experiments: 1/2 completed"
        in after
    )
    assert b"2. \xe2\x9c\x85 Send and Sync Bounds (#2)" in after
    assert after.count(b"2026-11-26") == 2
    doc = parse_todo(FIXTURES / "crates_todo.md")
    assert len(after.splitlines()) == len(doc.text.lines)
