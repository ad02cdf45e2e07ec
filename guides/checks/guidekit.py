"""What every companion check of the guides shares: loading a guide block by its name."""

from __future__ import annotations

from tests.examples.guide_importer import guide_module

__all__ = ["guide_module"]


# --- architecture: cors, transactions, structlog ---

from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


def sqlite_engine(path: Path) -> AsyncEngine:
    """An aiosqlite engine on which savepoints work: SQLAlchemy emits BEGIN, not the driver."""
    engine = create_async_engine(f"sqlite+aiosqlite:///{path}")

    @event.listens_for(engine.sync_engine, "connect")
    def _disable_driver_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine.sync_engine, "begin")
    def _emit_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


async def sqlite_sessionmaker(
    path: Path, metadata: MetaData
) -> tuple[AsyncEngine, async_sessionmaker[AsyncSession]]:
    """A file database with `metadata`'s tables and an async sessionmaker on it."""
    engine = sqlite_engine(path)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    return engine, async_sessionmaker(engine, expire_on_commit=False)
