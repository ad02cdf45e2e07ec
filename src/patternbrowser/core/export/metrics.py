"""The two Success Metrics the tool can measure, and the cells of the TODO that show them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from patternbrowser.core.todo.model import TableRow, TodoDocument

EXAMPLES_TESTED = "Code examples tested"
CROSS_REFERENCES = "Cross-references accurate"
_PERCENT = re.compile(r"(?<!\d)(\d{1,6}(?:\.\d{1,6})?)\s*%")  # longer numbers are not targets


@dataclass(frozen=True)
class MetricCells:
    """Where a metric's row is and which of its cells hold Target, Current and Gap."""

    row: TableRow
    target: int
    current: int
    gap: int


def metric_rows(document: TodoDocument) -> dict[str, MetricCells]:
    """The rows of the measurable metrics in the TODO's Metric/Target/Current/Gap table."""
    columns: dict[str, int] | None = None
    found: dict[str, MetricCells] = {}
    for row in document.table_rows:
        names = [cell.casefold() for cell in row.cells]
        if {"metric", "target", "current", "gap"} <= set(names):
            columns = {name: names.index(name) for name in ("metric", "target", "current", "gap")}
            continue
        if columns is None or len(row.cells) <= max(columns.values()):
            continue
        name = row.cells[columns["metric"]]
        if name in (EXAMPLES_TESTED, CROSS_REFERENCES):
            found[name] = MetricCells(row, columns["target"], columns["current"], columns["gap"])
    return found


def measure(guides: Path, wanted: set[str]) -> dict[str, int]:
    """Measured percentages for the wanted metrics that can be measured now."""
    values: dict[str, int] = {}
    if not guides.is_dir():
        return values
    if CROSS_REFERENCES in wanted:
        from patternbrowser.core.guides.links import check_links

        links = check_links(guides)
        if links.total:
            values[CROSS_REFERENCES] = int(100 * links.resolved / links.total)
    if EXAMPLES_TESTED in wanted:
        from patternbrowser.core.guides.example_report import load_report

        report = load_report(guides)
        if report is not None:
            values[EXAMPLES_TESTED] = report.tested_percent
    return values


def metric_edits(document: TodoDocument, values: dict[str, int]) -> dict[str, tuple[int, str]]:
    """For each metric whose row must change to show `values`: its line index and new text."""
    edits: dict[str, tuple[int, str]] = {}
    for name, cells in metric_rows(document).items():
        if name not in values:
            continue
        target = _PERCENT.search(cells.row.cells[cells.target])
        current = values[name]
        wanted = {cells.current: f"{current}%"}
        if target:
            wanted[cells.gap] = f"{max(0, round(float(target[1])) - current)}%"
        line = _replace_cells(document.text.lines[cells.row.line_index], wanted)
        if line != document.text.lines[cells.row.line_index]:
            edits[name] = (cells.row.line_index, line)
    return edits


def _replace_cells(line: str, wanted: dict[int, str]) -> str:
    """Replace the trimmed text of some cells, keeping every pipe and space around them."""
    parts = line.split("|")
    # parts[0] is what precedes the first pipe; cell k is parts[k + 1]
    for column, text in wanted.items():
        raw = parts[column + 1]
        stripped = raw.strip()
        start = raw.find(stripped) if stripped else len(raw) // 2
        parts[column + 1] = raw[:start] + text + raw[start + len(stripped) :]
    return "|".join(parts)
