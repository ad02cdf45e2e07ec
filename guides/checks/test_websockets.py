"""Proofs for guides/CLAUDE-architecture.md, WebSocket Real-time Patterns (module ws_chat)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from fastapi import FastAPI, WebSocketDisconnect
from fastapi.testclient import TestClient

from guidekit import guide_module

ws_chat = guide_module("ws_chat")
ROOM = "/ws/rooms/general"


@pytest.fixture
def app() -> FastAPI:
    return ws_chat.create_app()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:  # one event loop for every socket of the test
        yield test_client


@pytest.fixture
def sockets() -> Iterator[ExitStack]:
    with ExitStack() as stack:  # closes every socket a test opened
        yield stack


def join(client: TestClient, sockets: ExitStack, user: str, url: str = ROOM) -> Any:
    """A connected, authenticated socket that has reached the room."""
    ws = sockets.enter_context(client.websocket_connect(url))
    ws.send_json({"type": "auth", "token": ws_chat.create_token(user)})
    welcome = ws.receive_json()
    assert welcome["type"] == "welcome", welcome
    return ws


def close_code(client: TestClient, token: str | None, headers: dict[str, str] | None = None) -> int:
    try:
        with client.websocket_connect(ROOM, headers=headers or {}) as ws:
            if token is not None:
                ws.send_json({"type": "auth", "token": token})
            ws.receive_json()
    except WebSocketDisconnect as exc:
        return exc.code
    raise AssertionError("the socket was not closed")


def raw_token(**overrides: Any) -> str:
    now = datetime.now(UTC)
    claims = {"sub": "mallory", "aud": ws_chat.AUDIENCE, "iss": ws_chat.ISSUER, "iat": now,
              "exp": now + timedelta(minutes=5)}  # fmt: skip
    claims |= overrides
    return jwt.encode(
        {k: v for k, v in claims.items() if v is not None}, ws_chat.SECRET_KEY, algorithm="HS256"
    )


def test_verify_token_accepts_a_good_token() -> None:
    assert ws_chat.verify_token(ws_chat.create_token("alice")) == "alice"


@pytest.mark.parametrize("claim", ["exp", "iat", "aud", "iss", "sub"])
def test_a_token_missing_a_required_claim_is_refused(claim: str) -> None:
    assert ws_chat.verify_token(raw_token(**{claim: None})) is None


@pytest.mark.parametrize(
    "token",
    [
        raw_token(exp=datetime.now(UTC) - timedelta(minutes=1)),
        raw_token(aud="billing"),
        raw_token(iss="https://evil.example"),
        jwt.encode({"sub": "x"}, "another-key-of-at-least-32-bytes!!", algorithm="HS256"),
        "forged",
    ],
    ids=["expired", "audience", "issuer", "signature", "garbage"],
)
def test_bad_tokens_close_the_socket_with_1008(client: TestClient, token: str) -> None:
    assert close_code(client, token) == ws_chat.POLICY


def test_a_token_without_exp_is_rejected_at_the_socket(client: TestClient) -> None:
    assert close_code(client, raw_token(exp=None)) == ws_chat.POLICY


def test_a_frame_that_is_not_auth_is_refused(client: TestClient) -> None:
    with client.websocket_connect(ROOM) as ws:
        ws.send_json({"type": "message", "text": "hi"})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    assert closed.value.code == ws_chat.POLICY


def test_silent_sockets_are_closed_after_the_auth_timeout(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ws_chat, "AUTH_TIMEOUT", 0.05)
    assert close_code(client, token=None) == ws_chat.POLICY  # never sent an auth message


def test_foreign_origin_is_refused_before_accept(client: TestClient) -> None:
    token = ws_chat.create_token("eve")
    assert close_code(client, token, {"origin": "https://evil.example"}) == ws_chat.POLICY


def test_invalid_room_name_is_refused(client: TestClient) -> None:
    with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect("/ws/rooms/NO!"):
        pass
    assert closed.value.code == ws_chat.POLICY


def test_broadcast_reaches_the_room_and_no_one_else(client: TestClient, sockets: ExitStack) -> None:
    alice, bob = join(client, sockets, "alice"), join(client, sockets, "bob")
    carol = join(client, sockets, "carol", "/ws/rooms/random")
    alice.send_json({"type": "message", "text": "hello"})
    assert alice.receive_json() == bob.receive_json() == {"user": "alice", "text": "hello"}
    carol.send_json({"type": "message", "text": "anyone?"})
    # carol's next frame is her own message: nothing from "general" leaked into "random"
    assert carol.receive_json() == {"user": "carol", "text": "anyone?"}


def test_bad_frames_are_answered_not_fatal(client: TestClient, sockets: ExitStack) -> None:
    alice = join(client, sockets, "alice")
    alice.send_text("not json")
    assert alice.receive_json() == {"type": "error", "detail": "invalid message"}
    alice.send_json({"type": "message", "text": "x" * 2001})
    assert alice.receive_json()["type"] == "error"
    alice.send_json({"type": "message", "text": "still here"})
    assert alice.receive_json() == {"user": "alice", "text": "still here"}  # not dropped


def test_disconnect_unregisters_and_deletes_empty_rooms(client: TestClient, app: FastAPI) -> None:
    manager = app.state.manager
    with ExitStack() as outer:
        alice = join(client, outer, "alice")
        with ExitStack() as inner:
            bob = join(client, inner, "bob")
            assert manager.online("general") == ["alice", "bob"]
            bob.close()  # inside the block: the handler sees a disconnect, not a cancel
            assert alice.receive_json() == {"user": "bob", "left": True}
        assert manager.online("general") == ["alice"]
    assert manager.rooms == {}  # the last member left: the room is gone


class FakeSocket:
    def __init__(self, fail: bool = False, stall: bool = False) -> None:
        self.fail, self.stall, self.received = fail, stall, []

    async def send_json(self, message: dict[str, Any]) -> None:
        if self.stall:
            await asyncio.sleep(10)
        if self.fail:
            raise RuntimeError("Cannot call send once a close message has been sent")
        self.received.append(message)


async def test_broadcast_survives_dead_and_stalled_peers() -> None:
    manager = ws_chat.ConnectionManager(send_timeout=0.05)
    dead, stalled, alive = FakeSocket(fail=True), FakeSocket(stall=True), FakeSocket()
    for name, ws in (("dead", dead), ("stalled", stalled), ("alive", alive)):
        manager.connect(ws, "room", name)
    assert await manager.broadcast("room", {"text": "hi"}) == 1
    assert alive.received == [{"text": "hi"}]
    assert manager.online("room") == ["alive"]  # failed peers were dropped


def test_backoff_is_full_jitter_and_capped() -> None:
    delays = ws_chat.backoff_delays(base=0.5, cap=4.0)
    samples = [next(delays) for _ in range(12)]
    assert all(0 <= d <= min(4.0, 0.5 * 2**n) for n, d in enumerate(samples))
    assert len(set(samples)) == len(samples)  # random, not a fixed schedule
