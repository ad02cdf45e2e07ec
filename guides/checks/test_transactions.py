"""Checks for 'Database Transaction Management' (CLAUDE-architecture.md): tx_session, tx_request."""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated

import httpx
import pytest
import pytest_asyncio
from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.exc import (
    IntegrityError,
    InvalidRequestError,
    OperationalError,
    PendingRollbackError,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from guidekit import guide_module, sqlite_sessionmaker

tx_session = guide_module("tx_session")
tx_request = guide_module("tx_request")
Account, Ledger = tx_session.Account, tx_session.Ledger
Maker = async_sessionmaker[AsyncSession]


@pytest_asyncio.fixture
async def maker(tmp_path: Path) -> AsyncIterator[Maker]:
    engine, sessionmaker = await sqlite_sessionmaker(tmp_path / "bank.db", tx_session.Base.metadata)
    async with sessionmaker.begin() as session:
        session.add_all([Account(owner="alice", balance=10_000), Account(owner="bob", balance=500)])
    yield sessionmaker
    await engine.dispose()


def client_for(app: FastAPI) -> httpx.AsyncClient:
    """Requests on the test's own event loop, where the aiosqlite connections live."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://test")


async def balances(maker: Maker) -> dict[str, int]:
    async with maker() as session:
        return {a.owner: a.balance for a in await session.scalars(select(Account))}


async def ledger_rows(maker: Maker) -> int:
    async with maker() as session:
        return len((await session.scalars(select(Ledger))).all())


# --- framed transactions and the service function -------------------------------------------


async def test_limit_error_after_flush_rolls_back_the_whole_transfer(maker: Maker) -> None:
    async with maker.begin() as session:
        await tx_session.transfer(session, "alice", "bob", 3_000)
    with pytest.raises(tx_session.LimitExceeded):
        async with maker.begin() as session:
            await tx_session.transfer(session, "alice", "bob", 3_000)  # 6 000 > limit
    assert await balances(maker) == {"alice": 7_000, "bob": 3_500}
    assert await ledger_rows(maker) == 2


async def test_overdraft_is_refused_by_the_check_constraint(maker: Maker) -> None:
    with pytest.raises(IntegrityError):
        async with maker.begin() as session:
            await tx_session.transfer(session, "bob", "alice", 600)
    assert await balances(maker) == {"alice": 10_000, "bob": 500}


async def test_commit_inside_begin_closes_the_frame(maker: Maker) -> None:
    async with maker() as session:
        with pytest.raises(InvalidRequestError, match="closed transaction inside context manager"):
            async with session.begin():
                await session.commit()  # the mistake from the table
                session.add(Account(owner="carol", balance=1))


async def test_failed_flush_poisons_the_session(maker: Maker) -> None:
    async with maker() as session:
        session.add(Account(owner="alice", balance=1))
        with pytest.raises(IntegrityError):
            await session.flush()
        with pytest.raises(PendingRollbackError):  # the earlier changes are lost as well
            await session.execute(select(Account))
        await session.rollback()


# --- savepoints ------------------------------------------------------------------------------


async def test_savepoints_keep_the_good_rows(maker: Maker) -> None:
    rows = [("carol", 100), ("alice", 1), ("dave", -5), ("erin", 300)]  # duplicate, negative
    assert await tx_session.import_accounts(maker, rows) == ["alice", "dave"]
    owners = set(await balances(maker))
    assert {"carol", "erin"} <= owners and "dave" not in owners


async def test_released_savepoint_is_undone_by_outer_rollback(maker: Maker) -> None:
    with pytest.raises(RuntimeError):
        async with maker.begin() as session:
            async with session.begin_nested():
                session.add(Account(owner="frank", balance=1))
            raise RuntimeError("abort the whole import")
    assert "frank" not in await balances(maker)


# --- retries ---------------------------------------------------------------------------------


class DriverError(Exception):
    """Stands in for asyncpg/psycopg errors, which carry the SQLSTATE."""

    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def serialization_failure() -> OperationalError:
    return OperationalError("UPDATE ...", {}, DriverError("could not serialize access", "40001"))


class Booking:
    """Opens an account through run_transaction, failing with the queued errors first."""

    def __init__(self, maker: Maker) -> None:
        self.maker = maker
        self.delays: list[float] = []
        self.failures: list[BaseException] = []
        self.calls = 0

    async def record_sleep(self, seconds: float) -> None:
        self.delays.append(seconds)  # no real waiting in checks

    async def open_account(self, owner: str) -> int:
        async def work(session: AsyncSession) -> int:
            self.calls += 1
            account = Account(owner=owner, balance=0)
            session.add(account)
            await session.flush()  # the INSERT happens in every attempt...
            if self.failures:
                raise self.failures.pop(0)  # ...and is rolled back when the attempt fails
            return account.id

        return await tx_session.run_transaction(
            self.maker, work, attempts=4, base_delay=0.1, sleep=self.record_sleep
        )


@pytest.fixture
def booking(maker: Maker) -> Booking:
    return Booking(maker)


async def test_serialization_failures_are_retried_without_duplicates(
    booking: Booking, maker: Maker
) -> None:
    deadlock = OperationalError("INSERT ...", {}, DriverError("deadlock detected", "40P01"))
    booking.failures[:] = [serialization_failure(), deadlock]
    await booking.open_account("carol")
    assert booking.calls == 3
    assert 0 <= booking.delays[0] <= 0.1 and 0 <= booking.delays[1] <= 0.2  # jittered, capped
    async with maker() as session:
        owners = list(await session.scalars(select(Account.owner)))
    assert owners.count("carol") == 1  # failed attempts left nothing behind


async def test_sqlite_lock_is_retried(booking: Booking) -> None:
    booking.failures[:] = [OperationalError("INSERT ...", {}, DriverError("database is locked"))]
    await booking.open_account("carol")
    assert booking.calls == 2


async def test_integrity_error_is_never_retried(booking: Booking) -> None:
    with pytest.raises(IntegrityError):
        await booking.open_account("alice")
    assert booking.calls == 1


async def test_retries_are_bounded(booking: Booking) -> None:
    booking.failures[:] = [serialization_failure() for _ in range(4)]
    with pytest.raises(OperationalError):
        await booking.open_account("carol")
    assert booking.calls == 4


def test_lost_connection_is_not_retryable() -> None:
    error = serialization_failure()
    assert tx_session.is_retryable(error)
    error.connection_invalidated = True  # the COMMIT may or may not have happened
    assert not tx_session.is_retryable(error)


# --- one transaction per request -------------------------------------------------------------


async def test_request_error_after_flush_rolls_back_everything(maker: Maker) -> None:
    async with client_for(tx_request.create_app(maker)) as client:
        body = {"source": "alice", "target": "bob", "cents": 3_000}
        assert (await client.post("/transfers", json=body)).status_code == 201
        # The second transfer writes and flushes, then exceeds the limit: nothing may persist.
        assert (await client.post("/transfers", json=body)).status_code == 422
        too_much = {"source": "bob", "target": "alice", "cents": 9_000}
        overdraft = await client.post("/transfers", json=too_much)
        assert (overdraft.status_code, overdraft.json()) == (409, {"detail": "conflict"})
    assert await balances(maker) == {"alice": 7_000, "bob": 3_500}
    assert await ledger_rows(maker) == 2


async def test_default_scope_commits_after_the_response(maker: Maker) -> None:
    """Why rule 2 says scope="function": without it a failing COMMIT still answers 201."""
    app = FastAPI()
    app.state.sessionmaker = maker
    LateSession = Annotated[AsyncSession, Depends(tx_request.transactional_session)]

    @app.post("/accounts", status_code=201)
    async def open_account(session: LateSession) -> dict[str, str]:
        session.add(Account(owner="alice", balance=0))  # duplicate: fails only at COMMIT
        return {"status": "created"}

    @app.post("/checked-accounts", status_code=201)
    async def open_checked(session: tx_request.SessionDep) -> dict[str, str]:
        session.add(Account(owner="alice", balance=0))
        return {"status": "created"}

    async with client_for(app) as client:
        assert (await client.post("/accounts")).status_code == 201  # a lie
        # scope="function": the failed COMMIT happens before the response, which is an error.
        assert (await client.post("/checked-accounts")).status_code == 500
    assert await balances(maker) == {"alice": 10_000, "bob": 500}
