"""Proofs for CLAUDE-typing.md, "Async Context Managers & Patterns" (item 1)."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
import typing
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from types import ModuleType, NoneType, TracebackType
from typing import Self

import aiosqlite
import httpx
import pytest

from guidekit import guide_module

actx = guide_module("actx_resources")
actx_http = guide_module("actx_http")

DEPRECATED_ALIASES = [
    typing.AsyncContextManager,
    typing.AsyncIterator,
    typing.AsyncGenerator,
    typing.Awaitable,
    typing.Coroutine,
]


def _deprecated(obj: object) -> bool:
    return any(obj is alias for alias in DEPRECATED_ALIASES)


# --- typing claims, checked at run time --------------------------------------------------


def _hints(module: ModuleType) -> list[object]:
    """Every annotation of the module's functions and methods, resolved."""
    found: list[object] = []
    for obj in vars(module).values():
        if getattr(obj, "__module__", None) != module.__name__:
            continue
        funcs = [obj] if callable(obj) and not isinstance(obj, type) else []
        if isinstance(obj, type):
            funcs = [f for f in vars(obj).values() if callable(f)]
        for func in funcs:
            func = getattr(func, "__wrapped__", func)  # behind @asynccontextmanager
            found.extend(typing.get_type_hints(func, vars(module)).values())
    return found


@pytest.mark.parametrize("module", [actx, actx_http], ids=lambda m: m.__name__)
def test_no_deprecated_typing_aliases(module: ModuleType) -> None:
    bound = [name for name, obj in vars(module).items() if _deprecated(obj)]
    assert bound == [], f"imports deprecated typing aliases: {bound}"
    for hint in _hints(module):
        for part in (hint, typing.get_origin(hint)):
            assert not _deprecated(part), hint
    assert _hints(module), "no annotations found: the scan itself is broken"


def test_class_manager_is_typed_self_and_never_suppresses() -> None:
    assert typing.get_type_hints(actx.BatchWriter.__aenter__)["return"] is Self
    assert typing.get_type_hints(actx.BatchWriter.__aexit__)["return"] is NoneType
    # Structural: no inheritance from AbstractAsyncContextManager needed.
    assert actx.AbstractAsyncContextManager is AbstractAsyncContextManager
    assert isinstance(actx.BatchWriter([]), AbstractAsyncContextManager)
    assert AbstractAsyncContextManager not in actx.BatchWriter.__mro__


@pytest.mark.parametrize(
    "name",
    ["get_db_connection", "transaction", "open_shards", "closing_keeps_error", "atomic_write"],
)
def test_generator_managers_are_annotated_async_iterator(name: str) -> None:
    func = getattr(actx, name).__wrapped__
    ret = typing.get_type_hints(func, vars(actx))["return"]
    assert typing.get_origin(ret) is AsyncIterator, ret


# --- the class-based manager ---------------------------------------------------------------


async def test_batches_flushed_on_exit_and_task_awaited() -> None:
    sink: list[list[str]] = []
    await actx.write_all(actx.BatchWriter(sink), ["a", "b", "c", "d"])
    # The last, partial batch is flushed by __aexit__ awaiting the task.
    assert sink == [["a", "b", "c"], ["d"]]
    assert asyncio.all_tasks() == {asyncio.current_task()}  # no task outlives the block


async def test_subclass_entered_gets_its_own_type() -> None:
    sink: list[list[str]] = []
    async with actx.AuditWriter(sink, batch_size=2) as audit:
        assert type(audit) is actx.AuditWriter
        await audit.audit("alice", "login")
        await audit.audit("alice", "logout")
    assert sink == [["alice:login", "alice:logout"]]


async def test_write_all_accepts_a_generator_manager() -> None:
    sink: list[list[str]] = []

    @asynccontextmanager
    async def writer() -> AsyncIterator[object]:
        async with actx.BatchWriter(sink, batch_size=2) as w:
            yield w

    await actx.write_all(writer(), ["x", "y", "z"])
    assert sink == [["x", "y"], ["z"]]


async def test_failed_block_propagates_and_discards_partial_batch() -> None:
    sink: list[list[str]] = []
    with pytest.raises(ValueError, match="bad input"):
        async with actx.BatchWriter(sink) as w:
            await w.write("x")
            raise ValueError("bad input")
    assert sink == []


async def test_cancelled_block_still_stops_the_task() -> None:
    sink: list[list[str]] = []

    async def produce() -> None:
        async with actx.BatchWriter(sink) as w:
            await w.write("x")
            await asyncio.Event().wait()

    task = asyncio.create_task(produce())
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert sink == [] and asyncio.all_tasks() == {asyncio.current_task()}


# --- database connection, transaction, deadline ----------------------------------------


async def _count(conn: aiosqlite.Connection) -> int:
    async with conn.execute("SELECT count(*) FROM events") as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


async def _make_db(path: Path, rows: int = 0) -> None:
    async with actx.get_db_connection(path) as conn:
        await conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY)")
        async with actx.transaction(conn):  # one commit, not one fsync per row
            await conn.executemany(
                "INSERT INTO events (id) VALUES (?)", [(i,) for i in range(rows)]
            )


async def test_connection_closed_after_block_even_on_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        async with actx.get_db_connection(tmp_path / "a.db") as conn:
            raise RuntimeError("query failed")
    with pytest.raises(ValueError, match="no active connection"):
        await conn.execute("SELECT 1")


async def test_transaction_commits_or_rolls_back_as_a_whole(tmp_path: Path) -> None:
    await _make_db(tmp_path / "a.db")
    async with actx.get_db_connection(tmp_path / "a.db") as conn:
        async with actx.transaction(conn):
            await conn.execute("INSERT INTO events (id) VALUES (1)")
        with pytest.raises(sqlite3.IntegrityError):
            async with actx.transaction(conn):
                await conn.execute("INSERT INTO events (id) VALUES (2)")
                await conn.execute("INSERT INTO events (id) VALUES (1)")  # duplicate key
        assert await _count(conn) == 1 and not conn.in_transaction


async def test_timeout_rolls_back_the_transaction(tmp_path: Path) -> None:
    """CancelledError is a BaseException: `except Exception` would leave the row and the lock."""
    await _make_db(tmp_path / "a.db")
    async with actx.get_db_connection(tmp_path / "a.db") as conn:
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.05), actx.transaction(conn):
                await conn.execute("INSERT INTO events (id) VALUES (7)")
                await asyncio.sleep(5)  # a slow step past the deadline
        assert not conn.in_transaction
        assert await _count(conn) == 0


async def test_add_event_under_one_deadline(tmp_path: Path) -> None:
    await _make_db(tmp_path / "a.db")
    await actx.add_event(tmp_path / "a.db", 5)
    with pytest.raises(TimeoutError):
        await actx.add_event(tmp_path / "a.db", 6, budget=0)  # the deadline covers connect too
    async with actx.get_db_connection(tmp_path / "a.db") as conn:
        assert await _count(conn) == 1


# --- aclosing: a suspended generator keeps its cursor open ------------------------------


async def test_without_aclosing_an_early_break_keeps_the_cursor_open(tmp_path: Path) -> None:
    await _make_db(tmp_path / "a.db", rows=100)
    async with actx.get_db_connection(tmp_path / "a.db") as conn:
        batches = actx.iter_ids(conn, 10)
        async for batch in batches:
            if 15 in batch:
                break
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await conn.execute("DROP TABLE events")  # the suspended cursor still reads it
        await batches.aclose()
        await conn.execute("DROP TABLE events")


async def test_aclosing_releases_the_cursor_on_early_return(tmp_path: Path) -> None:
    await _make_db(tmp_path / "a.db", rows=100)
    async with actx.get_db_connection(tmp_path / "a.db") as conn:
        assert await actx.batch_containing(conn, 15) == list(range(10, 20))
        await conn.execute("DROP TABLE events")  # would be "table is locked" without aclosing


# --- AsyncExitStack: all or nothing ----------------------------------------------------------


@pytest.fixture
def open_conns(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Record which connections get_db_connection holds open right now."""
    now_open: set[str] = set()
    original = actx.get_db_connection

    @asynccontextmanager
    async def recording(path: Path) -> AsyncIterator[aiosqlite.Connection]:
        async with original(path) as conn:
            now_open.add(str(path))
            try:
                yield conn
            finally:
                now_open.discard(str(path))

    monkeypatch.setattr(actx, "get_db_connection", recording)
    return now_open


async def test_shards_open_together_and_close_together(
    tmp_path: Path, open_conns: set[str]
) -> None:
    paths = [tmp_path / f"s{i}.db" for i in range(3)]
    async with actx.open_shards(paths) as conns:
        assert len(conns) == 3 and open_conns == {str(p) for p in paths}
        await conns[2].execute("SELECT 1")
    assert open_conns == set()


async def test_a_failing_shard_closes_the_ones_already_open(
    tmp_path: Path, open_conns: set[str]
) -> None:
    paths = [tmp_path / "s0.db", tmp_path / "s1.db", tmp_path / "missing-dir" / "s2.db"]
    with pytest.raises(sqlite3.OperationalError):
        async with actx.open_shards(paths):
            raise AssertionError("not reached")
    assert open_conns == set()


# --- cleanup errors never hide the original error --------------------------------------------


class FlakyChannel:
    def __init__(self) -> None:
        self.close_calls = 0

    async def aclose(self) -> None:
        self.close_calls += 1
        raise ConnectionResetError("peer went away during close")


async def test_close_failure_becomes_a_note_on_the_original_error() -> None:
    channel = FlakyChannel()
    with pytest.raises(ValueError, match="bad frame") as info:
        async with actx.closing_keeps_error(channel):
            raise ValueError("bad frame")
    assert channel.close_calls == 1
    assert "ConnectionResetError" in info.value.__notes__[0]


async def test_close_failure_without_error_in_flight_is_raised() -> None:
    channel = FlakyChannel()
    with pytest.raises(ConnectionResetError):
        async with actx.closing_keeps_error(channel):
            pass
    assert channel.close_calls == 1


# --- atomic write, off the event loop ---------------------------------------------------


async def test_atomic_write_publishes_only_complete_files(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    async with actx.atomic_write(target) as f:
        await asyncio.to_thread(f.write, 'mode = "production"\n')
    with pytest.raises(RuntimeError):
        async with actx.atomic_write(target) as f:
            await asyncio.to_thread(f.write, 'mode = "')
            raise RuntimeError("renderer crashed halfway")
    assert target.read_text(encoding="utf-8") == 'mode = "production"\n'
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]  # no temp file left


async def test_atomic_write_keeps_the_loop_responsive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:  # a cold disk: fsync blocks for a while
        time.sleep(0.2)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    async with actx.atomic_write(tmp_path / "out.txt") as f:
        await asyncio.to_thread(f.write, "data")
    task.cancel()
    assert ticks >= 5  # a blocking fsync on the loop would leave this at 0


# --- anti-pattern demonstration: a manager that swallows everything ------------------------


class SwallowEverything:
    async def __aenter__(self) -> None:
        return None

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        return True  # the anti-pattern: CancelledError is swallowed too


async def test_return_true_from_aexit_disables_timeouts() -> None:
    rounds = 0
    async with asyncio.timeout(0.03):
        while rounds < 10:
            async with SwallowEverything():
                rounds += 1
                await asyncio.sleep(0.01)
    assert rounds == 10  # the deadline fired, was swallowed, and the loop ran on


# --- httpx client owned by the lifespan --------------------------------------------------


async def fake_inventory(request: httpx.Request) -> httpx.Response:
    sku = request.url.path.removeprefix("/items/")
    if sku == "slow":
        raise httpx.ReadTimeout("simulated timeout", request=request)
    if sku == "kb-1":
        return httpx.Response(200, json={"sku": "kb-1", "stock": 3})
    return httpx.Response(404, json={"detail": "not found"})


async def test_one_client_per_app_closed_at_shutdown() -> None:
    app = actx_http.create_app(upstream=httpx.MockTransport(fake_inventory))
    # ASGITransport sends no lifespan events: enter the lifespan around the calls.
    async with app.router.lifespan_context(app):
        http = app.state.http
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            ok = await client.get("/products/kb-1")
            assert ok.status_code == 200 and ok.json() == {"sku": "kb-1", "stock": 3}
            assert (await client.get("/products/nope")).status_code == 404
            slow = await client.get("/products/slow")
            assert slow.status_code == 503 and "timeout" not in slow.text  # no upstream leak
        assert app.state.http is http and not http.is_closed  # one pool for every request
    assert http.is_closed  # shutdown closed it


async def test_transport_errors_become_domain_errors() -> None:
    async with httpx.AsyncClient(
        base_url="https://inventory.internal", transport=httpx.MockTransport(fake_inventory)
    ) as http:
        with pytest.raises(actx_http.InventoryError) as info:
            await actx_http.get_item(http, "slow")
        assert isinstance(info.value.__cause__, httpx.ReadTimeout)
        assert await actx_http.get_item(http, "nope") is None


async def test_a_generator_manager_that_yields_twice_fails_at_exit() -> None:
    @asynccontextmanager
    async def twice() -> AsyncIterator[int]:
        yield 1
        yield 2

    with pytest.raises(RuntimeError, match="didn't stop"):
        async with twice():
            pass
