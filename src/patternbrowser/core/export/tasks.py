"""Write statuses back into a checklist: the character between a task's brackets, and cookies."""

from __future__ import annotations

from patternbrowser.core.progress.counts import count
from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import TodoDocument
from patternbrowser.core.todo.tasks import COOKIE, DEFAULT_CHARS, PATH_SEPARATOR, TASK_CHARS


def task_edits(
    document: TodoDocument, statuses: dict[int, Status], replacements: dict[int, str]
) -> list[tuple[int, str, Status | None, Status]]:
    """Set each task's bracket character; (number, title, before, after) per task changed.

    A task whose character is none of the known ones is left as it is (`check` reports it).
    The character written for a status is the one the file already uses for it.
    """
    changed: list[tuple[int, str, Status | None, Status]] = []
    for item in document.items:
        mark = item.task
        wanted = statuses.get(item.number)
        if mark is None or wanted is None or item.marker_status is None:
            continue
        if TASK_CHARS[mark.char] == wanted:
            continue
        char = document.spellings.get(wanted, DEFAULT_CHARS[wanted])
        line = replacements.get(mark.line_index, document.text.lines[mark.line_index])
        replacements[mark.line_index] = line[: mark.column] + char + line[mark.column + 1 :]
        changed.append((item.number, item.title, item.marker_status, wanted))
    return changed


def cookie_edits(
    document: TodoDocument, statuses: dict[int, Status], replacements: dict[int, str]
) -> list[tuple[str, str, str]]:
    """Bring each `[n/m]` and `[p%]` cookie in step: (heading, old, new) per cookie changed."""
    by_number = {item.number: item for item in document.items}
    titles = {section.line - 1: section.name for section in document.sections}
    edits = []
    # right to left within a line, so the spans of the others stay where they were
    for cookie in sorted(document.cookies, key=lambda c: (c.line_index, -c.start)):
        counts = count((by_number[n] for n in cookie.items), statuses)
        line = replacements.get(cookie.line_index, document.text.lines[cookie.line_index])
        old = line[cookie.start : cookie.end]
        match = COOKIE.fullmatch(old)
        if match is None:
            continue
        if match[3] is not None:
            # whole percent, rounded down: 100% only when every task is done, as in Org
            new = f"[{100 * counts.done // counts.total if counts.total else 0}%]"
        else:
            new = f"[{counts.done}/{counts.total}]"
        if new != old:
            replacements[cookie.line_index] = line[: cookie.start] + new + line[cookie.end :]
            heading = titles.get(cookie.line_index, "")
            edits.append((heading.rsplit(PATH_SEPARATOR, 1)[-1], old, new))
    return edits
