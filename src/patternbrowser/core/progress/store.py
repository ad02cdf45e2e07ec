"""The progress store: a TOML file of per-item status, change time, note and history."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, get_args

from patternbrowser.core.errors import InputError
from patternbrowser.core.safefile import Snapshot, folder_writable, read_snapshot
from patternbrowser.core.status import Status
from patternbrowser.core.textfile import decode

SCHEMA_VERSION = 1
_HEADER = (
    "# patternbrowser progress store: one [items.N] table per item that has changed.\n"
    "# Written by patternbrowser; comments you add here are kept.\n"
)
_TOML_LINE = re.compile(r"at line (\d+)")


ChangeSource = Literal["set", "import", "app", "undo"]  # what made a change
CHANGE_SOURCES: tuple[ChangeSource, ...] = get_args(ChangeSource)


@dataclass(frozen=True)
class Change:
    """One status change in an item's history."""

    at: datetime
    status: Status
    previous: Status | None
    source: ChangeSource


@dataclass
class Record:
    """What the store knows of one item."""

    status: Status
    changed: datetime
    title: str | None = None
    note: str | None = None
    synced: Status | None = None  # the markdown's marker when store and markdown last agreed
    history: list[Change] = field(default_factory=list)


@dataclass
class Store:
    """The records of a store file, and the bytes they came from."""

    path: Path
    snapshot: Snapshot
    records: dict[int, Record] = field(default_factory=dict)
    dirty: set[int] = field(default_factory=set)
    relocated_because: str | None = None  # why the store is not beside the TODO


def default_store_path(todo: Path, data_dir: Path | None = None) -> tuple[Path, str | None]:
    """Where the store of `todo` lives: beside it, or in the user's data folder if read-only."""
    beside = todo.with_name(f"{todo.stem}.progress.toml")
    if beside.exists() or folder_writable(todo.parent):
        return beside, None
    if data_dir is None:
        from platformdirs import user_data_path  # only needed in this rare case

        data_dir = user_data_path("patternbrowser", appauthor=False)
    tag = hashlib.sha256(str(todo.resolve()).encode()).hexdigest()[:12]
    return data_dir / f"{todo.stem}-{tag}.progress.toml", f"{todo.parent} is not writable"


def load_store(path: Path) -> Store:
    """Read a store with tomllib (fast); a missing file is an empty store."""
    snapshot = read_snapshot(path, missing_ok=True)
    store = Store(path, snapshot)
    if snapshot.data is None:
        return store
    store.records = parse_records(decode(snapshot.data, path), path)
    for number, record in store.records.items():
        if len(record.history) > HISTORY_KEPT:  # written before histories were kept short
            record.history = compacted(record.history)
            store.dirty.add(number)  # rewritten short with the next change
    return store


def parse_records(text: str, path: Path) -> dict[int, Record]:
    """The records of a store's text, read with tomllib; errors name the file and line."""
    import tomllib  # only when there is a store to read

    try:
        raw = tomllib.loads(text)
    except RecursionError:
        raise InputError("not a progress store: values are nested too deeply", path) from None
    except tomllib.TOMLDecodeError as error:
        line = _TOML_LINE.search(str(error))
        message = str(error).split(" (at ")[0]
        raise InputError(
            f"not valid TOML: {message}", path, int(line[1]) if line else None
        ) from None
    _check_schema(raw, path)
    records = {}
    for key, value in raw.get("items", {}).items():
        number = _item_number(key, path, text)
        records[number] = _record(value, number, path, text)
    return records


HISTORY_KEPT = 10  # changes kept per item: enough to look back, small enough to reread


def compacted(history: list[Change]) -> list[Change]:
    """The last HISTORY_KEPT changes, plus the latest completion and blocking before them.

    Recurrence needs the last completion date and unblocking the status before the last
    block; everything older is dropped, so a store (and each write of it) stays small.
    """
    if len(history) <= HISTORY_KEPT:
        return history
    kept = history[-HISTORY_KEPT:]
    older = history[:-HISTORY_KEPT]
    needed = []
    for wanted in (Status.COMPLETED, Status.BLOCKED):
        if all(change.status is not wanted for change in kept):
            last = next((c for c in reversed(older) if c.status is wanted), None)
            if last is not None:
                needed.append(last)
    return sorted(needed, key=older.index) + kept


def _check_schema(raw: dict[str, Any], path: Path) -> None:
    schema = raw.get("schema", SCHEMA_VERSION)
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise InputError("'schema' must be an integer", path)
    if schema > SCHEMA_VERSION:
        raise InputError(f"schema {schema} is newer than this patternbrowser understands", path)
    if not isinstance(raw.get("items", {}), dict):
        raise InputError("'items' must be a table", path)


def _item_number(key: str, path: Path, text: str) -> int:
    if not (key.isascii() and key.isdigit() and len(key) <= 9):
        raise InputError(f"items.{key}: item keys must be numbers", path, _line_of(text, key))
    return int(key)


def _record(value: Any, number: int, path: Path, text: str) -> Record:
    def fail(message: str) -> InputError:
        return InputError(f"items.{number}: {message}", path, _line_of(text, str(number)))

    if not isinstance(value, dict):
        raise fail("must be a table")
    status = _status(value.get("status"), fail)
    changed = value.get("changed")
    if not isinstance(changed, datetime):
        raise fail("'changed' must be a date-time")
    history = []
    entries = value.get("history", [])
    if not isinstance(entries, list):
        raise fail("'history' must be an array of tables")
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("at"), datetime):
            raise fail("each history entry needs 'at' (a date-time)")
        previous = entry.get("from")
        history.append(
            Change(
                entry["at"],
                _status(entry.get("to"), fail),
                _status(previous, fail) if previous is not None else None,
                _source(entry.get("source", "set"), fail),
            )
        )
    synced = value.get("synced")
    return Record(
        status=status,
        changed=changed,
        title=_optional_str(value.get("title"), "title", fail),
        note=_optional_str(value.get("note"), "note", fail),
        synced=_status(synced, fail) if synced is not None else None,
        history=history,
    )


def _status(value: Any, fail: Callable[[str], InputError]) -> Status:
    try:
        return Status(value)
    except ValueError:
        names = ", ".join(s.value for s in Status)
        raise fail(f"unknown status {value!r} (expected one of {names})") from None


def _source(value: Any, fail: Callable[[str], InputError]) -> ChangeSource:
    for source in CHANGE_SOURCES:
        if value == source:
            return source
    raise fail(f"unknown change source {value!r} (expected one of {', '.join(CHANGE_SOURCES)})")


def _optional_str(value: Any, name: str, fail: Callable[[str], InputError]) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise fail(f"'{name}' must be a string")


def _line_of(text: str, key: str) -> int | None:
    """The line of the `[items.N]` table, so a semantic error can point at it."""
    pattern = re.compile(rf'^[ \t]*\[\s*items\s*\.\s*"?{re.escape(key)}"?\s*[\].]', re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None
