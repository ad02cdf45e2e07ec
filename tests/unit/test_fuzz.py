"""Fuzzing the readers and the exporter: a clean error or a result, never a traceback or a hang."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patternbrowser.core.errors import PatternbrowserError
from patternbrowser.core.export.markdown import export_document
from patternbrowser.core.progress.store import load_store
from patternbrowser.core.safefile import Snapshot
from patternbrowser.core.status import Status
from patternbrowser.core.textfile import lines_of
from patternbrowser.core.todo.parser import parse_text
from tests.helpers import FIXTURES, SEED

SEED_LINES = SEED.read_bytes().splitlines(keepends=True)
PIECES = [
    b"### 7. ",
    b"### \xe2\x9c\x85 ",
    b"(#3)",
    b"(#99999999999)",
    b"- High Priority: 9/5 completed\n",
    b"**Next Review**: 2025-02-30\n",
    b"**Recurrence**: Every 0 days\n",
    b"```\n",
    b"\\```python\n",
    b"\r\n",
    b"\x00",
    b"\xff\xfe",
    b"\x1b[31m",
    b"\xe2\x80\xae",
    b"| a | 1e999% |\n",
    b"## \xf0\x9f\x94\xb4 HIGH\n",
    b"9" * 50,
]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def seed_mutations(draw) -> bytes:
    """The seed with some lines deleted, duplicated, replaced or spliced with hostile pieces."""
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 12))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "splice", "bytes"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "splice":
            piece = draw(st.sampled_from(PIECES))
            at = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:at] + piece + lines[index][at:]
        else:
            lines[index] = draw(st.binary(max_size=40)) + b"\n"
    return b"".join(lines)


def parse_bytes(data: bytes, path: Path):
    """Parse like parse_todo does, minus the file read: InputError for what cannot be used."""
    return parse_text(lines_of(Snapshot(path, data)), path)


def check_export(data: bytes, path: Path) -> None:
    try:
        document = parse_bytes(data, path)
    except PatternbrowserError:
        return
    statuses = {item.number: Status.COMPLETED for item in document.items}
    once = export_document(document, statuses, date(2026, 11, 26), {})
    before = document.text.lines
    after = once.text.lines
    assert len(after) == len(before)
    allowed = set(once.changed_lines)
    for index, (old, new) in enumerate(zip(before, after, strict=True)):
        assert old == new or index + 1 in allowed, (index, old, new)
    twice = export_document(parse_bytes(once.text.encode(), path), statuses, date(2026, 11, 26), {})
    assert twice.text.encode() == once.text.encode()


@FUZZ
@given(seed_mutations())
def test_mutated_seeds_parse_and_export_cleanly(tmp_path_factory, data):
    check_export(data, Path("TODO.md"))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_are_a_clean_error_or_a_document(data):
    check_export(data, Path("TODO.md"))


TASK_LINES = (FIXTURES / "tasks_nested.md").read_bytes().splitlines(keepends=True)
TASK_PIECES = [b"- [", b"]", b"[x] ", b"[1/2]", b"[%]", b"```\n", b"    ", b"\t", b"# ", b"\r\n"]


@st.composite
def checklist_mutations(draw) -> bytes:
    """The nested task-list fixture with lines deleted, duplicated or spliced with pieces."""
    lines = list(TASK_LINES)
    for _ in range(draw(st.integers(1, 10))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "splice"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        else:
            piece = draw(st.sampled_from(TASK_PIECES + PIECES))
            at = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:at] + piece + lines[index][at:]
    return b"".join(lines)


@FUZZ
@given(checklist_mutations())
def test_mutated_checklists_parse_and_export_cleanly(data):
    check_export(data, Path("CHECKLIST.md"))


STORE_PIECES = st.sampled_from(
    [
        "schema = 1\n",
        "schema = 99\n",
        "[items.3]\n",
        '[items."²"]\n',
        "[items]\n",
        'status = "completed"\n',
        'status = "done"\n',
        "changed = 2026-01-01T00:00:00Z\n",
        "changed = 9999-12-31T23:59:59Z\n",
        "changed = 1\n",
        "history = 5\n",
        '[[items.3.history]]\nat = 2026-01-01T00:00:00Z\nto = "blocked"\n',
        "items = { 3 = { status = 1 } }\n",
        "note = 7\n",
        "x = " + "[" * 3000 + "]" * 3000 + "\n",
        "\x00\n",
    ]
)


@FUZZ
@given(st.lists(STORE_PIECES, max_size=8), st.binary(max_size=40))
def test_store_loader_gives_a_store_or_a_clean_error(tmp_path_factory, pieces, noise):
    path = tmp_path_factory.mktemp("store") / "TODO.progress.toml"
    path.write_bytes("".join(pieces).encode() + noise)
    message = str(path)
    try:
        load_store(path)
    except PatternbrowserError as error:
        message = str(error)
    assert message.startswith(str(path))
