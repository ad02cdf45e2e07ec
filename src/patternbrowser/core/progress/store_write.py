"""Writing the progress store: only the changed records' text is rewritten, the rest kept.

A record is the `[items.N]` table with its `[[items.N.history]]` entries. Rewriting just
those lines keeps each write as cheap as the record, however long the store has grown, and
leaves every other byte (and comment) alone. Stores written in another shape (inline tables)
go through a full tomlkit rewrite that turns them into standard tables. Either way the new
text is read back with tomllib before it replaces the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from patternbrowser.core.errors import InputError, WriteError
from patternbrowser.core.progress.store import (
    _HEADER,
    SCHEMA_VERSION,
    Record,
    Store,
    parse_records,
)
from patternbrowser.core.safefile import Snapshot, write_atomic
from patternbrowser.core.textfile import decode

# a table header line: `[items.3]`, `[[items.3.history]]`, `[ items . "3" ]  # comment`
_HEADER_LINE = re.compile(r"^[ \t]*\[(\[)?[ \t]*([^\[\]#]+?)[ \t]*\]\]?[ \t]*(#.*)?$")
_ITEMS_ITSELF = re.compile(r"^[ \t]*(\[[ \t]*items[ \t]*\]|items[ \t]*=)", re.M)


def save_store(store: Store) -> None:
    """Write the dirty records into the file, keeping everything else."""
    if not store.dirty:
        return
    data = store.snapshot.data
    text = decode(data, store.path) if data else None
    spliced = _spliced(text, store) if text is not None else None
    if spliced is None:
        new_data = _rewritten(text, store).encode("utf-8")
        _check_round_trip(store, parse=new_data, numbers=store.records.keys())
    else:
        new_data = spliced.encode("utf-8")
    store.path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(store.snapshot, new_data)
    store.snapshot = Snapshot(store.path, new_data)
    store.dirty.clear()


def _spliced(text: str, store: Store) -> str | None:
    """The text with only the dirty records' lines replaced; None when the shape is unusual."""
    if _ITEMS_ITSELF.search(text) or not re.search(r"^schema[ \t]*=", text, re.M):
        return None  # an [items] table or inline items: the full rewrite normalises them
    lines = text.splitlines(keepends=True)
    owners = _record_owners(lines)
    if owners is None:
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    replaced: dict[int, str] = {}  # first line of a record → its new text
    dropped: set[int] = set()
    appended = []
    for number in sorted(store.dirty):
        record = store.records.get(number)
        mine = [index for index, owner in enumerate(owners) if owner == number]
        new = _record_text(number, record, lines, mine, newline) if record else ""
        # the other lines are the ones just read without error, so checking the new record
        # on its own proves the whole file reads back (a record's keys are its own)
        _check_round_trip(store, parse=new.encode("utf-8"), numbers=[number] if record else [])
        if mine:
            replaced[mine[0]] = new
            dropped.update(mine[1:])
        elif new:
            appended.append(new)
    out = []
    for index, line in enumerate(lines):
        if index in replaced:
            out.append(replaced[index])
        elif index not in dropped:
            out.append(line)
    if appended:
        if out and not out[-1].endswith("\n"):
            out.append(newline)
        for new in appended:
            out.append(newline + new)
    return "".join(out)


def _record_owners(lines: list[str]) -> list[int | None] | None:
    """For each line, the item number whose record it belongs to (None outside records)."""
    owners: list[int | None] = []
    owner: int | None = None
    for line in lines:
        header = _HEADER_LINE.match(line.rstrip("\r\n"))
        if header:
            parts = [part.strip().strip('"').strip("'") for part in header[2].split(".")]
            if parts[0] == "items":
                if len(parts) < 2 or not parts[1].isdigit():
                    return None
                owner = int(parts[1])
            else:
                owner = None
        owners.append(owner)
    # blank lines and comments just before the next record belong to the gap, not the record
    for index in range(len(owners) - 2, -1, -1):
        following = owners[index + 1]
        if owners[index] is not None and owners[index] != following:
            stripped = lines[index].strip()
            if not stripped or stripped.startswith("#"):
                owners[index] = following
    return owners


def _record_text(
    number: int, record: Record, lines: list[str], mine: list[int], newline: str
) -> str:
    """The TOML of one record, updated from its old text so comments inside it stay."""
    import tomlkit

    old = "".join(lines[index] for index in mine)
    document = tomlkit.parse(old) if old else tomlkit.document()
    items = document.get("items")
    if items is None:
        items = tomlkit.table(is_super_table=True)
        document["items"] = items
    items[str(number)] = _record_table(record, items.get(str(number)))
    new = tomlkit.dumps(document)
    if newline != "\n":
        new = new.replace("\r\n", "\n").replace("\n", newline)
    return new


def _rewritten(text: str | None, store: Store) -> str:
    """The whole store through tomlkit: new stores, and stores in an unusual shape."""
    import tomlkit

    document = tomlkit.parse(text) if text else tomlkit.parse(_HEADER)
    document["schema"] = SCHEMA_VERSION
    items = _items_table(document)
    for number in sorted(store.dirty):
        record = store.records.get(number)
        if record is None:
            items.pop(str(number), None)
        else:
            items[str(number)] = _record_table(record, items.get(str(number)))
    return tomlkit.dumps(document)


def _items_table(document: Any) -> Any:
    """The `[items]` table, turned into a standard table when it was written inline."""
    import tomlkit
    from tomlkit.items import InlineTable

    items = document.get("items")
    if items is None or isinstance(items, InlineTable):
        # `items = { 3 = {...} }` cannot take [items.N] sub-tables: rebuild it as a super-table
        table = tomlkit.table(is_super_table=True)
        for key, value in (items or {}).items():
            table[key] = _standard_table(value)
        if "items" in document:
            del document["items"]
        else:
            document.add(tomlkit.nl())
        document["items"] = table
        return table
    for key in list(items.keys()):
        if isinstance(items[key], InlineTable):  # `3 = { status = ... }` under [items]
            items[key] = _standard_table(items[key])
    return items


def _standard_table(value: Any) -> Any:
    """A `[items.N]` table with the values of an inline table (history as an array of tables)."""
    import tomlkit

    table = tomlkit.table()
    for key, item in value.items():
        if key == "history" and isinstance(item, list):
            history = tomlkit.aot()
            for entry in item:
                history.append(tomlkit.item(dict(entry)))
            table[key] = history
        else:
            table[key] = item.unwrap() if hasattr(item, "unwrap") else item
    return table


def _check_round_trip(store: Store, parse: bytes, numbers: Iterable[int]) -> None:
    """Refuse text that tomllib does not read back into exactly these records of the store."""
    try:
        records = parse_records(parse.decode("utf-8"), store.path)
    except InputError as error:
        raise WriteError(
            f"the updated store would not read back ({error.message}); nothing written",
            store.path,
        ) from None
    expected = {number: store.records[number] for number in numbers}
    if records != expected:
        wrong = min(
            n for n in records.keys() | expected.keys() if records.get(n) != expected.get(n)
        )
        raise WriteError(
            f"the updated store would not read back item {wrong} as written; nothing written",
            store.path,
        )


def _record_table(record: Record, existing: Any) -> Any:
    import tomlkit

    table = existing if existing is not None else tomlkit.table()
    values: dict[str, Any] = {
        "title": record.title,
        "status": record.status.value,
        "changed": record.changed,
        "note": record.note,
        "synced": record.synced.value if record.synced else None,
    }
    for key, value in values.items():
        if value is None:
            table.pop(key, None)
        else:
            table[key] = value
    history = tomlkit.aot()
    for change in record.history:
        entry = tomlkit.table()
        entry["at"] = change.at
        if change.previous is not None:
            entry["from"] = change.previous.value
        entry["to"] = change.status.value
        entry["source"] = change.source
        history.append(entry)
    table.pop("history", None)
    if record.history:
        table["history"] = history
    return table
