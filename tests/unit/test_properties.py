"""Property tests on generated TODO documents: stable, idempotent, touching only allowed lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from patternbrowser.core.export.markdown import export_document
from patternbrowser.core.status import Status
from patternbrowser.core.textfile import TextLines
from patternbrowser.core.todo.parser import parse_text

MARKERS = ["", "⬜ ", "🟦 ", "✅ ", "⏸ ", "⏸️ ", "✅️ "]
SECTION_TITLES = [
    "🔴 HIGH PRIORITY - Musts",
    "🟡 MEDIUM PRIORITY - Shoulds",
    "🟢 LOW - Coulds",
    "📋 Setup Gaps",
    "🔄 Continuous Work",
    "Misc Things",
]
FENCE_LINES = [
    "### 99. Not an item",
    "## Not a section",
    "# comment",
    "- High Priority: 9/9",
    "1. Fake entry (#1)",
    "**Last Updated**: 1999-01-01",
    "\\```python",
    "x = 1",
    "\\```",
    "   indented",
    "\t tabbed",
    "",
]
STATUS_FIELDS = [
    [],
    ["**Status**: In progress"],
    ["- **Status**: done  "],
    ["**STATUS:** ✅ Completed"],
    ["**Status**: someday"],
]
WORDS = st.sampled_from(["alpha", "Beta", "gamma's", "δέλτα", "[bold]x[/]", "`code`", "a&b", "x*y"])


@dataclass
class Doc:
    text: str
    numbers: list[int]


@st.composite
def documents(draw) -> Doc:
    lines = ["# Generated TODO", "", "**Last Updated**: 2024-05-06", ""]
    numbers: list[int] = []
    titles: dict[int, str] = {}
    sections = draw(st.lists(st.sampled_from(SECTION_TITLES), min_size=1, max_size=4, unique=True))
    number = 0
    for section in sections:
        lines += [f"## {section}", ""]
        for _ in range(draw(st.integers(1, 4))):
            number += draw(st.integers(1, 2))
            title = " ".join(draw(st.lists(WORDS, min_size=1, max_size=4)))
            titles[number] = title
            numbers.append(number)
            marker = draw(st.sampled_from(MARKERS))
            lines += [
                f"### {marker}{number}. {title}",
                "**File**: `G.md`",
                "**Estimated Effort**: 1-2 hours",
                *draw(st.sampled_from(STATUS_FIELDS)),
                "**Instructions**:",
                "```",
            ]
            lines += draw(st.lists(st.sampled_from(FENCE_LINES), max_size=6))
            lines += ["```", ""]
    lines += ["## 🎯 Order", ""]
    phase_items = draw(st.lists(st.sampled_from(numbers), max_size=len(numbers), unique=True))
    for phase in range(1, draw(st.integers(1, 3)) + 1):
        lines += [f"### Phase {phase} - Stage {phase} (Week {phase})"]
        chunk = phase_items[phase - 1 :: 3]
        for index, item in enumerate(chunk, 1):
            lines.append(f"{index}. {draw(st.sampled_from(MARKERS))}{titles[item]} (#{item})")
        lines.append("")
    lines += ["**Progress Summary:**"]
    for section in sections:
        label = section.split(" ", 1)[1].split(" - ")[0].title()
        lines.append(
            f"- {label}: {draw(st.integers(0, 9))}/{draw(st.integers(0, 9))} completed"
            + draw(st.sampled_from(["", " ", "\t"]))
        )
    lines += ["", "**Last Updated**: 2024-05-06"]
    ending = draw(st.sampled_from(["\n", "\r\n", "mixed"]))
    joined = "".join(
        line + (("\r\n" if i % 2 else "\n") if ending == "mixed" else ending)
        for i, line in enumerate(lines)
    )
    if not draw(st.booleans()):
        joined = joined.rstrip("\r\n")
    if draw(st.booleans()):
        joined = "\ufeff" + joined
    return Doc(joined, numbers)


def parse(text: str):
    return parse_text(TextLines.from_text(text), Path("G.md"))


statuses_strategy = st.dictionaries(st.integers(1, 40), st.sampled_from(list(Status)))


def wanted_statuses(doc, chosen: dict[int, Status]) -> dict[int, Status]:
    return {
        item.number: chosen.get(item.number, item.marker_status or Status.NOT_STARTED)
        for item in doc.items
    }


@settings(max_examples=150, deadline=None)
@given(documents(), statuses_strategy)
def test_export_round_trip_is_stable_and_idempotent(generated, chosen):
    doc = parse(generated.text)
    assert [item.number for item in doc.items] == generated.numbers
    wanted = wanted_statuses(doc, chosen)
    first = export_document(doc, wanted, date(2030, 1, 2)).text.text()
    reparsed = parse(first)
    assert [(i.number, i.title) for i in reparsed.items] == [(i.number, i.title) for i in doc.items]
    assert {i.number: i.marker_status for i in reparsed.items} == wanted
    assert not [p for p in reparsed.problems if "status field" in p.message]  # in step
    for phase in reparsed.phases:
        assert all(e.marker_status is wanted[e.item_number] for e in phase.entries)
    second = export_document(reparsed, wanted, date(2031, 3, 4))
    assert second.is_current and second.text.text() == first


@settings(max_examples=150, deadline=None)
@given(documents(), statuses_strategy)
def test_only_marker_summary_and_date_lines_change(generated, chosen):
    doc = parse(generated.text)
    result = export_document(doc, wanted_statuses(doc, chosen), date(2030, 1, 2))
    allowed = {item.heading_index for item in doc.items}
    allowed |= {item.status_field for item in doc.items if item.status_field is not None}
    allowed |= {entry.line_index for phase in doc.phases for entry in phase.entries}
    allowed |= {line.line_index for line in doc.summary}
    allowed |= {line.line_index for line in doc.dates}
    new = result.text
    assert new.endings == doc.text.endings and new.bom == doc.text.bom
    changed = {i for i, (a, b) in enumerate(zip(doc.text.lines, new.lines, strict=True)) if a != b}
    assert changed <= allowed
    assert {line - 1 for line in result.changed_lines} == changed
    # inside fences nothing moves, whatever it looks like
    for item in doc.items:
        assert item.instructions == parse(new.text()).item(item.number).instructions
