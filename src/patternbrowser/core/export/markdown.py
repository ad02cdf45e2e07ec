"""Write statuses back into the TODO text: markers, summary numbers and dates, in place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from patternbrowser.core.export.metrics import metric_edits
from patternbrowser.core.progress.counts import group_counts
from patternbrowser.core.status import Status, split_marker
from patternbrowser.core.textfile import TextLines
from patternbrowser.core.todo.fields import field_line, read_status_value, status_word
from patternbrowser.core.todo.model import TodoDocument
from patternbrowser.core.todo.parser import DATE
from patternbrowser.core.wording import counted

_HEADING_PREFIX = re.compile(r"^( {0,3}#{1,6}[ \t]+)")
_LIST_PREFIX = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)")
_FRACTION = re.compile(r"(\d+)(\s*/\s*)(\d+)")


@dataclass(frozen=True)
class MarkerChange:
    """An item whose marker in the markdown now shows a different status."""

    number: int
    title: str
    before: Status | None  # None: the markdown had no marker
    after: Status


@dataclass
class ExportResult:
    """The exported text and an account of what changed."""

    text: TextLines
    changed_lines: list[int] = field(default_factory=list)  # 1-based
    markers: list[MarkerChange] = field(default_factory=list)
    summary: list[tuple[str, str, str]] = field(default_factory=list)  # label, old, new
    metrics: list[str] = field(default_factory=list)  # names of the metric rows updated
    next_review: str | None = None  # the new Next Review date, when it was set
    dated: str | None = None  # the new Last Updated date, when it was set
    cookies: list[tuple[str, str, str]] = field(default_factory=list)  # heading, old, new

    @property
    def is_current(self) -> bool:
        """True when exporting would not change a byte."""
        return not self.changed_lines

    def headline(self) -> str:
        """`3 changes in 5 lines`: the changes describe() lists, and the lines they touch."""
        changes = counted(len(self.describe()), "change")
        return f"{changes} in {counted(len(self.changed_lines), 'line')}"

    def describe(self) -> list[str]:
        """Human lines saying what the export changed."""
        lines = [
            f"item {m.number}: {m.before.emoji if m.before else '(no marker)'} → {m.after.emoji}"
            for m in self.markers
            if (m.before or Status.NOT_STARTED) != m.after
        ]
        added = [m for m in self.markers if m.before is None and m.after is Status.NOT_STARTED]
        if added:
            lines.append(f"⬜ markers added to {len(added)} items that had none")
        lines += [f"summary '{label}': {old} → {new}" for label, old, new in self.summary]
        lines += [f"cookie of '{title}': {old} → {new}" for title, old, new in self.cookies]
        lines += [f"metric '{name}' updated" for name in self.metrics]
        if self.next_review:
            lines.append(f"Next Review → {self.next_review}")
        if self.dated:
            lines.append(f"Last Updated → {self.dated}")
        return lines


def export_document(
    document: TodoDocument,
    statuses: dict[int, Status],
    today: date,
    metrics: dict[str, int] | None = None,
    counted: dict[int, Status] | None = None,
    next_review: date | None = None,
) -> ExportResult:
    """Compute the exported text of `document` with `statuses` (no file is touched).

    `metrics` holds measured percentages for the Success Metrics rows the tool can measure;
    only those rows' Current and Gap cells change. `counted` are the statuses the Progress
    Summary counts (an overdue recurring item is not done), `next_review` the date the
    `**Next Review**:` line should carry.
    """
    if document.kind == "checklist":
        return _export_checklist(document, statuses, counted or statuses)
    text = document.text
    replacements: dict[int, str] = {}
    markers: list[MarkerChange] = []
    for item in document.items:
        wanted = statuses[item.number]
        line = _with_marker(text.lines[item.heading_index], _HEADING_PREFIX, wanted)
        if line is not None:
            replacements[item.heading_index] = line
            markers.append(MarkerChange(item.number, item.title, item.marker_status, wanted))
        if item.status_field is not None:
            raw = text.lines[item.status_field]
            field = _with_status_field(raw, wanted, document.spellings)
            if field != raw:
                replacements[item.status_field] = field
    for phase in document.phases:
        for entry in phase.entries:
            wanted_status = statuses.get(entry.item_number)
            if wanted_status is None:
                continue
            source = replacements.get(entry.line_index, text.lines[entry.line_index])
            line = _with_marker(source, _LIST_PREFIX, wanted_status)
            if line is not None:
                replacements[entry.line_index] = line
    summary = _summary_edits(document, counted or statuses, replacements)
    reviewed = _next_review_edit(document, next_review, replacements)
    metric_lines = metric_edits(document, metrics or {})
    replacements.update(metric_lines.values())
    updated = list(metric_lines)
    meaningful = (
        bool(summary)
        or bool(updated)
        or reviewed
        or any((m.before or Status.NOT_STARTED) != m.after for m in markers)
    )
    dated = _date_edits(document, today, replacements) if meaningful else None
    changed = sorted(i for i, line in replacements.items() if line != text.lines[i])
    return ExportResult(
        text.with_lines(replacements),
        [i + 1 for i in changed],
        markers,
        summary,
        updated,
        next_review.isoformat() if reviewed and next_review else None,
        dated,
    )


def _export_checklist(
    document: TodoDocument, statuses: dict[int, Status], counted: dict[int, Status]
) -> ExportResult:
    """A checklist changes only its tasks' bracket characters and its headings' cookies."""
    from patternbrowser.core.export.tasks import cookie_edits, task_edits

    replacements: dict[int, str] = {}
    tasks = task_edits(document, statuses, replacements)
    cookies = cookie_edits(document, counted, replacements)
    lines = document.text.lines
    changed = sorted(i for i, line in replacements.items() if line != lines[i])
    return ExportResult(
        document.text.with_lines(replacements),
        [i + 1 for i in changed],
        [MarkerChange(*task) for task in tasks],
        cookies=cookies,
    )


def _with_marker(line: str, prefix_pattern: re.Pattern[str], wanted: Status) -> str | None:
    """The line with its marker showing `wanted`, or None when it already does."""
    prefix = prefix_pattern.match(line)
    if prefix is None:
        return None
    head, rest = line[: prefix.end()], line[prefix.end() :]
    current, _, after = split_marker(rest)
    if current == wanted:
        return None
    if current is None:
        return f"{head}{wanted.emoji} {rest}"
    return f"{head}{wanted.emoji}{after}"


def _with_status_field(line: str, wanted: Status, spellings: dict[Status, str]) -> str:
    """The `**Status**:` line showing `wanted`: only its marker and word change, in place."""
    found = field_line(line)
    if found is None:
        return line
    read = read_status_value(found.value)
    value = found.value
    edits: list[tuple[tuple[int, int], str]] = []
    if read.word is not None and read.status != wanted:
        old = value[read.word[0] : read.word[1]]
        edits.append((read.word, status_word(wanted, spellings, old)))
    if read.marker is not None and split_marker(value[read.marker[0] :])[0] != wanted:
        edits.append((read.marker, wanted.emoji))
    for (start, end), new in sorted(edits, reverse=True):  # right to left: spans stay valid
        value = value[:start] + new + value[end:]
    start = found.value_start
    return line[:start] + value + line[start + len(found.value) :]


def _summary_edits(
    document: TodoDocument, statuses: dict[int, Status], replacements: dict[int, str]
) -> list[tuple[str, str, str]]:
    counts = group_counts(document, statuses)
    edits = []
    for line in document.summary:
        if line.group is None or line.group not in counts:
            continue
        group = counts[line.group]
        if (line.done, line.total) == (group.done, group.total):
            continue
        raw = document.text.lines[line.line_index]
        colon = raw.find(":", raw.find(line.label) + len(line.label))
        fraction = _FRACTION.search(raw, max(colon, 0))
        if fraction is None:
            continue
        new = f"{group.done}{fraction[2]}{group.total}"
        replacements[line.line_index] = raw[: fraction.start()] + new + raw[fraction.end() :]
        edits.append((line.label, fraction.group(), new))
    return edits


def _next_review_edit(
    document: TodoDocument, next_review: date | None, replacements: dict[int, str]
) -> bool:
    if next_review is None:
        return False
    return _stamp(document, "Next Review", next_review.isoformat(), replacements, first_only=True)


def _date_edits(document: TodoDocument, today: date, replacements: dict[int, str]) -> str | None:
    stamp = today.isoformat()
    return stamp if _stamp(document, "Last Updated", stamp, replacements) else None


def _stamp(
    document: TodoDocument,
    name: str,
    stamp: str,
    replacements: dict[int, str],
    first_only: bool = False,
) -> bool:
    """Write `stamp` into the `**name**:` date lines that show another date; True if any."""
    touched = False
    for date_line in document.dates:
        if date_line.name == name and date_line.value != stamp:
            raw = document.text.lines[date_line.line_index]
            replacements[date_line.line_index] = DATE.sub(stamp, raw, count=1)
            touched = True
            if first_only:
                break
    return touched
