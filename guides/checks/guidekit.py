"""What every companion check of the guides shares: loading a guide block by its name."""

from __future__ import annotations

from tests.examples.guide_importer import guide_module

__all__ = ["guide_module"]


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
