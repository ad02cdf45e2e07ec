"""Property tests on generated task-list files: only bracket characters and cookies change."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from patternbrowser.core.export.markdown import export_document
from patternbrowser.core.status import Status
from patternbrowser.core.textfile import TextLines
from patternbrowser.core.todo.parser import parse_text
from patternbrowser.core.todo.tasks import COOKIE, TASK_CHARS

WORDS = st.sampled_from(["alpha", "Beta", "[link]", "`code`", "a&b", "x*y", "δέλτα", "[ ]", "1/2"])
BULLETS = st.sampled_from(["- ", "* ", "+ ", "1. ", "12) ", "-\t"])
CHARS = st.sampled_from([" ", "x", "X", "/", "~", "!", "?", "-"])
COOKIES = st.sampled_from(["", " [0/0]", " [1/3]", " [/]", " [%]", " [50%]", " [99/1]"])
FENCED = ["- [ ] fenced task", "* [x] fenced too", "## [1/2] fenced heading", "1. [!] no"]
SPACES = st.sampled_from(["", " ", "  ", "\t"])


@dataclass
class Doc:
    text: str
    fenced: set[int] = field(default_factory=set)  # 0-based lines inside generated fences


@st.composite
def checklists(draw) -> Doc:
    lines: list[str] = []
    fenced: set[int] = set()
    for _ in range(draw(st.integers(1, 4))):
        level = draw(st.integers(1, 3))
        title = " ".join(draw(st.lists(WORDS, min_size=1, max_size=3)))
        lines += ["#" * level + " " + title + draw(COOKIES) + draw(SPACES), ""]
        depth = 0
        for _ in range(draw(st.integers(0, 5))):
            kind = draw(st.sampled_from(["task", "task", "task", "nested", "text", "fence"]))
            if kind == "fence":
                lines += ["", "```"]
                for line in draw(st.lists(st.sampled_from(FENCED), min_size=1, max_size=3)):
                    fenced.add(len(lines))
                    lines.append(line)
                lines += ["```", ""]
                depth = 0
                continue
            if kind == "text":
                lines.append("  " * depth + "continuation " + draw(WORDS) + draw(SPACES))
                continue
            depth = min(depth + 1, 3) if kind == "nested" else 0
            words = " ".join(draw(st.lists(WORDS, min_size=1, max_size=3)))
            bullet = draw(BULLETS)
            lines.append("  " * depth + f"{bullet}[{draw(CHARS)}] {words}{draw(SPACES)}")
        lines.append("")
    ending = draw(st.sampled_from(["\n", "\r\n", "mixed"]))
    joined = "".join(
        line + (("\r\n" if i % 2 else "\n") if ending == "mixed" else ending)
        for i, line in enumerate(lines)
    )
    if draw(st.booleans()):
        joined = joined.rstrip("\r\n")
    if draw(st.booleans()):
        joined = "\ufeff" + joined
    return Doc(joined, fenced)


def parse(text: str | TextLines):
    lines = text if isinstance(text, TextLines) else TextLines.from_text(text)
    return parse_text(lines, Path("T.md"))


def masked(doc, index: int) -> str:
    """Line `index` with its task character and its cookies blanked out."""
    line: str = doc.text.lines[index]
    for cookie in sorted((c for c in doc.cookies if c.line_index == index), key=lambda c: -c.start):
        line = line[: cookie.start] + "\x01" + line[cookie.end :]
    for item in doc.items:
        if item.task is not None and item.task.line_index == index:
            column = item.task.column
            line = line[:column] + "\x00" + line[column + 1 :]
    return line


statuses_strategy = st.lists(st.sampled_from(list(Status)), min_size=40, max_size=40)


@settings(max_examples=200, deadline=None)
@given(checklists(), statuses_strategy)
def test_only_task_characters_and_cookies_change(generated, chosen):
    doc = parse(generated.text)
    if doc.kind != "checklist":
        return  # every task was swallowed (by a fence or an indented code block)
    wanted = {item.number: chosen[item.number % 40] for item in doc.items}
    result = export_document(doc, wanted, date(2030, 1, 2))
    new = result.text
    assert new.endings == doc.text.endings and new.bom == doc.text.bom
    again = parse(new)
    assert [(i.number, i.title, i.line) for i in again.items] == [
        (i.number, i.title, i.line) for i in doc.items
    ]
    for index, (old, line) in enumerate(zip(doc.text.lines, new.lines, strict=True)):
        if old != line:
            assert masked(doc, index) == masked(again, index)
            assert index not in generated.fenced
    assert {line - 1 for line in result.changed_lines} == {
        i for i, (a, b) in enumerate(zip(doc.text.lines, new.lines, strict=True)) if a != b
    }
    for before, after in zip(doc.items, again.items, strict=True):
        assert before.task is not None and after.task is not None
        assert before.task.line_index not in generated.fenced
        if before.marker_status is None:  # an unknown character is left alone
            assert after.task.char == before.task.char
        else:
            assert TASK_CHARS[after.task.char] is wanted[before.number]
    for cookie in again.cookies:
        text = new.lines[cookie.line_index][cookie.start : cookie.end]
        done = sum(wanted[n] is Status.COMPLETED for n in cookie.items)
        match = COOKIE.fullmatch(text)
        assert match is not None
        if match[3] is None:
            assert text == f"[{done}/{len(cookie.items)}]"
    second = export_document(again, wanted, date(2031, 3, 4))
    assert second.is_current and second.text.text() == new.text()


@settings(max_examples=100, deadline=None)
@given(checklists())
def test_exporting_the_statuses_read_changes_only_cookies(generated):
    doc = parse(generated.text)
    if doc.kind != "checklist":
        return
    read = {i.number: i.marker_status or Status.NOT_STARTED for i in doc.items}
    result = export_document(doc, read, date(2030, 1, 2))
    cookie_lines = {cookie.line_index for cookie in doc.cookies}
    assert {line - 1 for line in result.changed_lines} <= cookie_lines
