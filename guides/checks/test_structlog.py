"""Checks for 'Structlog Structured Logging' (CLAUDE-architecture.md): module log_setup."""

import io
import json
import logging
import re
from collections.abc import Iterator
from typing import Annotated, Any

import httpx
import pytest
import structlog
from fastapi import Depends, FastAPI, Header, HTTPException, Request, Response
from fastapi.testclient import TestClient
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from structlog.testing import capture_logs

from guidekit import guide_module

log_setup = guide_module("log_setup")
AUTH = {"Authorization": "Bearer demo-token"}


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    """JSON logging into a buffer; the process-wide logging state is restored afterwards."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    uvicorn = {n: logging.getLogger(n) for n in ("uvicorn", "uvicorn.error", "uvicorn.access")}
    saved_uvicorn = {n: (lg.handlers[:], lg.propagate, lg.level) for n, lg in uvicorn.items()}
    buffer = io.StringIO()
    log_setup.configure_logging(json_logs=True, stream=buffer)
    yield buffer
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()
    root.handlers[:], _ = saved[0], root.setLevel(saved[1])
    for name, (handlers, propagate, level) in saved_uvicorn.items():
        uvicorn[name].handlers[:], uvicorn[name].propagate = handlers, propagate
        uvicorn[name].setLevel(level)


def entries(buffer: io.StringIO) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    buffer.seek(0)
    buffer.truncate()
    return lines


async def current_user(authorization: Annotated[str | None, Header()] = None) -> str:
    """Async, as rule 4 says; stands in for real token validation."""
    if authorization != "Bearer demo-token":
        raise HTTPException(status_code=401, detail="invalid credentials")
    structlog.contextvars.bind_contextvars(user_id="user-42")
    return "user-42"


def create_app() -> FastAPI:
    app = FastAPI()
    app.add_middleware(log_setup.RequestContextMiddleware)
    orders = structlog.stdlib.get_logger("app.orders")

    @app.get("/orders/{order_id}")
    async def read_order(
        order_id: int, user: Annotated[str, Depends(current_user)]
    ) -> dict[str, int]:
        orders.info("order_viewed", order_id=order_id)
        logging.getLogger("app.legacy").warning("slow query took %d ms", 250)
        return {"order_id": order_id}

    @app.get("/reports/daily")
    async def daily_report(user: Annotated[str, Depends(current_user)]) -> None:
        raise RuntimeError("report store unavailable")

    def bind_in_thread() -> str:
        structlog.contextvars.bind_contextvars(user_id="user-7")  # runs in a worker thread
        return "user-7"

    @app.get("/sync-dependency")
    async def sync_dependency(user: Annotated[str, Depends(bind_in_thread)]) -> None:
        orders.info("sync_dependency_used")

    return app


# --- redaction -------------------------------------------------------------------------------

SENSITIVE = ["access_token", "refresh_token", "client_secret", "Authorization", "x-api-key",
             "X-API-Key", "password", "Set-Cookie"]  # fmt: skip


@pytest.mark.parametrize("key", SENSITIVE)
def test_sensitive_keys_are_redacted_in_structlog_entries(stream: io.StringIO, key: str) -> None:
    structlog.stdlib.get_logger("app.auth").info("token_issued", **{key: "s3cr3t", "user_id": 7})
    (entry,) = entries(stream)
    assert entry[key] == "[REDACTED]"
    assert entry["user_id"] == 7  # ordinary fields survive
    assert "s3cr3t" not in json.dumps(entry)


@pytest.mark.parametrize("key", SENSITIVE)
def test_sensitive_keys_are_redacted_in_stdlib_extra(stream: io.StringIO, key: str) -> None:
    logging.getLogger("app.legacy").warning("login", extra={key: "s3cr3t"})
    (entry,) = entries(stream)
    assert entry[key] == "[REDACTED]"


@pytest.mark.parametrize("key", SENSITIVE)
def test_sensitive_keys_are_redacted_when_nested(stream: io.StringIO, key: str) -> None:
    headers = {key: "s3cr3t", "accept": "application/json"}
    structlog.stdlib.get_logger("app.http").info("upstream_call", request={"headers": headers})
    (entry,) = entries(stream)
    assert entry["request"]["headers"] == {key: "[REDACTED]", "accept": "application/json"}


@pytest.mark.parametrize("key", ["order_id", "event_count", "path"])
def test_ordinary_keys_are_kept(key: str) -> None:
    assert not log_setup.is_sensitive(key)


# --- configuration ---------------------------------------------------------------------------


def test_info_is_emitted_and_debug_filtered(stream: io.StringIO) -> None:
    log = structlog.stdlib.get_logger("app.cache")
    log.debug("cache_lookup", key="user:1")
    log.info("cache_warmed", keys=3)
    (entry,) = entries(stream)
    assert entry["event"] == "cache_warmed" and entry["level"] == "info"
    assert entry["logger"] == "app.cache" and entry["timestamp"].endswith("Z")


def test_console_renderer_for_development(stream: io.StringIO) -> None:
    console = io.StringIO()
    log_setup.configure_logging(json_logs=False, stream=console)
    structlog.stdlib.get_logger("app.cache").info("cache_warmed", keys=3)
    assert "cache_warmed" in console.getvalue() and "keys=3" in console.getvalue()
    assert not console.getvalue().lstrip().startswith("{")


# --- request context -------------------------------------------------------------------------


def test_request_context_reaches_structlog_and_stdlib_entries(stream: io.StringIO) -> None:
    client = TestClient(create_app())
    r = client.get("/orders/7", headers={**AUTH, "X-Request-ID": "req-abc"})
    assert r.headers["x-request-id"] == "req-abc"
    by_event = {entry["event"]: entry for entry in entries(stream)}
    viewed = by_event["order_viewed"]
    assert (viewed["request_id"], viewed["user_id"]) == ("req-abc", "user-42")
    assert viewed["order_id"] == 7
    legacy = by_event["slow query took 250 ms"]  # a plain logging call, same context and format
    assert (legacy["request_id"], legacy["level"]) == ("req-abc", "warning")
    finished = by_event["request_finished"]
    assert (finished["status_code"], finished["path"]) == (200, "/orders/7")


def test_forged_request_id_is_replaced(stream: io.StringIO) -> None:
    client = TestClient(create_app())
    r = client.get("/orders/7", headers={**AUTH, "X-Request-ID": '"}, {"admin": true'})
    generated = r.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    app_entries = [e for e in entries(stream) if e["logger"].startswith("app.")]  # not httpx's
    assert {entry["request_id"] for entry in app_entries} == {generated}


def test_exceptions_are_logged_once_as_data(stream: io.StringIO) -> None:
    client = TestClient(create_app(), raise_server_exceptions=False)
    assert client.get("/reports/daily", headers=AUTH).status_code == 500
    (failed,) = [e for e in entries(stream) if e["event"] == "request_failed"]
    assert failed["level"] == "error" and failed["user_id"] == "user-42"
    assert failed["exception"][0]["exc_type"] == "RuntimeError"


async def test_context_does_not_leak_into_the_next_request(stream: io.StringIO) -> None:
    # ASGITransport runs the app in this task's context: the worst case for leaking bindings.
    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        await client.get("/orders/7", headers=AUTH)
        assert structlog.contextvars.get_contextvars() == {}  # cleared when the request ends
        structlog.contextvars.bind_contextvars(user_id="stale")  # e.g. left by other code
        entries(stream)
        assert (await client.get("/orders/8")).status_code == 401  # anonymous
    assert all("user_id" not in entry for entry in entries(stream))


def test_context_bound_in_a_sync_dependency_is_lost() -> None:
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as captured:
        TestClient(create_app()).get("/sync-dependency")
    (used,) = [e for e in captured if e["event"] == "sync_dependency_used"]
    assert "user_id" not in used and "request_id" in used


def test_interpolated_messages_lose_their_fields() -> None:
    log, user_id = structlog.get_logger(), 42
    with capture_logs() as captured:
        log.info(f"user {user_id} logged in")
        log.info("user_logged_in", user_id=user_id)
    wrong, right = captured
    assert "user_id" not in wrong
    assert right == {"event": "user_logged_in", "user_id": 42, "log_level": "info"}


def test_base_http_middleware_does_not_see_endpoint_bindings() -> None:
    """Why rule 4 says pure ASGI: BaseHTTPMiddleware runs the endpoint in another task."""

    async def log_outcome(request: Request, call_next: RequestResponseEndpoint) -> Response:
        structlog.contextvars.bind_contextvars(request_id="req-1")
        response = await call_next(request)
        structlog.get_logger().info("request_finished")
        return response

    app = create_app()
    app.add_middleware(BaseHTTPMiddleware, dispatch=log_outcome)
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as captured:
        TestClient(app).get("/orders/7", headers=AUTH)
    inner = next(e for e in captured if e["event"] == "order_viewed")
    outer = [e for e in captured if e["event"] == "request_finished"][-1]
    assert inner["user_id"] == "user-42"
    assert "user_id" not in outer  # bound in the endpoint's task, invisible out here


def test_unconfigured_stdlib_logging_drops_info(capsys: pytest.CaptureFixture[str]) -> None:
    """The mistake configure_logging avoids: stdlib routing with logging left unconfigured."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    root.handlers[:], _ = [], root.setLevel(logging.WARNING)  # a fresh interpreter's state
    try:
        structlog.configure(
            processors=[structlog.stdlib.filter_by_level, structlog.processors.JSONRenderer()],
            logger_factory=structlog.stdlib.LoggerFactory(),
            wrapper_class=structlog.stdlib.BoundLogger,
        )
        structlog.stdlib.get_logger("app.orders").info("order_viewed", order_id=7)
        assert capsys.readouterr().err == ""  # gone without a trace
    finally:
        structlog.reset_defaults()
        root.handlers[:], _ = saved[0], root.setLevel(saved[1])
