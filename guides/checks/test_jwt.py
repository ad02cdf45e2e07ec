"""Proofs for 'JWT Authentication Flow' (CLAUDE-validation.md): modules jwt_auth and jwt_api."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import httpx
import jwt
import pytest
import redis.asyncio as redis
from fastapi import Depends, FastAPI

from guidekit import asgi_client, guide_module

jwt_auth = guide_module("jwt_auth")
jwt_api = guide_module("jwt_api")

S = jwt_auth.JWTSettings()
OWASP_SCRYPT_MIN = {"n": 2**17, "r": 8, "p": 1}  # OWASP Password Storage Cheat Sheet


@pytest.fixture(scope="module")
def alice() -> Any:
    """Hashed with the guide's real parameters (~0.5 s, once per module)."""
    return jwt_api.Account(id="42", username="alice", password_hash=jwt_auth.hash_password("pw!"))


@pytest.fixture(scope="module")
def quick_alice() -> Any:
    """A cheap hash for the flow test; the real parameters are checked separately.

    verify_password reads the parameters from the stored hash, so these logins take milliseconds.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jwt_auth, "SCRYPT_N", 2**10)
        hashed = jwt_auth.hash_password("pw!")
    return jwt_api.Account(id="42", username="alice", password_hash=hashed)


def make_app(redis_url: str, alice: Any) -> FastAPI:
    app = jwt_api.create_app(redis_url, {alice.id: alice})

    @app.get("/me")
    async def me(user: Annotated[Any, Depends(jwt_api.current_user)]) -> dict[str, str]:
        return {"username": user.username}

    return app


def signed(claims: dict[str, Any], **header: Any) -> str:
    return jwt.encode(claims, S.keys["k1"], algorithm="HS256", headers={"kid": "k1", **header})


def _bad_tokens() -> Iterator[tuple[str, str]]:
    token, claims = jwt_auth.create_token("42", "access", S)
    hour = timedelta(hours=1)
    yield "expired", jwt_auth.create_token("42", "access", S, now=datetime.now(UTC) - hour)[0]
    yield "not yet valid", jwt_auth.create_token("42", "access", S, now=datetime.now(UTC) + hour)[0]
    yield "other audience", signed({**claims, "aud": "https://other.example.com"})
    yield "other issuer", signed({**claims, "iss": "https://evil.example.com"})
    for claim in jwt_auth.REQUIRED_CLAIMS:
        yield f"no {claim}", signed({k: v for k, v in claims.items() if k != claim})
    yield "alg none", jwt.encode(claims, None, algorithm="none", headers={"kid": "k1"})
    header, payload, signature = token.split(".")
    yield "tampered", f"{header}.{payload}.{signature[::-1]}"
    yield "refresh as access", jwt_auth.create_token("42", "refresh", S)[0]
    yield "unknown kid", signed(claims, kid="k9")
    yield "garbage", "not-a-jwt"


BAD_TOKENS = dict(_bad_tokens())


def test_valid_token_round_trips() -> None:
    token, _ = jwt_auth.create_token("42", "access", S)
    assert jwt_auth.decode_token(token, "access", S)["sub"] == "42"


@pytest.mark.parametrize("case", BAD_TOKENS)
def test_bad_token_is_rejected(case: str) -> None:
    with pytest.raises(jwt_auth.TokenError):
        jwt_auth.decode_token(BAD_TOKENS[case], "access", S)


def test_key_rotation_keeps_old_tokens_until_their_key_leaves_the_ring() -> None:
    old, _ = jwt_auth.create_token("42", "access", S)
    rotated = jwt_auth.JWTSettings(keys={**S.keys, "k2": b"n" * 32}, active_kid="k2")
    assert (
        jwt.get_unverified_header(jwt_auth.create_token("42", "access", rotated)[0])["kid"] == "k2"
    )
    assert jwt_auth.decode_token(old, "access", rotated)["sub"] == "42"
    retired = jwt_auth.JWTSettings(keys={"k2": b"n" * 32}, active_kid="k2")
    with pytest.raises(jwt_auth.TokenError):
        jwt_auth.decode_token(old, "access", retired)


def test_password_hash_meets_owasp_scrypt_minimum(alice: Any) -> None:
    scheme, n, r, p, salt, _digest = alice.password_hash.split("$")
    assert scheme == "scrypt" and len(bytes.fromhex(salt)) >= 16
    assert int(n) >= OWASP_SCRYPT_MIN["n"] and int(r) >= OWASP_SCRYPT_MIN["r"]
    assert int(p) >= OWASP_SCRYPT_MIN["p"]
    assert not jwt_auth.verify_password("wrong", alice.password_hash)


async def test_login_does_not_block_the_event_loop(redis_url: str, alice: Any) -> None:
    gaps: list[float] = []

    async def ticker(stop: asyncio.Event) -> None:
        last = time.perf_counter()
        while not stop.is_set():
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    async with asgi_client(make_app(redis_url, alice)) as client:
        stop = asyncio.Event()
        tick = asyncio.create_task(ticker(stop))
        r = await client.post("/auth/login", data={"username": "alice", "password": "pw!"})
        stop.set()
        await tick
    assert r.status_code == 200, r.text
    # scrypt takes ~0.5 s; run inline it would freeze the loop for all of that.
    assert max(gaps) < 0.2, f"event loop stalled for {max(gaps):.2f} s during login"


async def test_flow_csrf_rotation_reuse_detection_and_logout(
    redis_url: str, quick_alice: Any
) -> None:
    app = make_app(redis_url, quick_alice)
    async with asgi_client(app) as client:
        bad = await client.post("/auth/login", data={"username": "alice", "password": "nope"})
        unknown = await client.post("/auth/login", data={"username": "mallory", "password": "x"})
        assert bad.status_code == unknown.status_code == 401 and bad.json() == unknown.json()

        r = await client.post("/auth/login", data={"username": "alice", "password": "pw!"})
        auth = {"Authorization": f"Bearer {r.json()['access_token']}"}
        csrf, old_refresh = client.cookies["__Host-csrf"], client.cookies["__Secure-refresh"]
        assert (await client.get("/me", headers=auth)).json() == {"username": "alice"}
        assert (await client.get("/me")).status_code == 401
        expired = BAD_TOKENS["expired"]
        r = await client.get("/me", headers={"Authorization": f"Bearer {expired}"})
        assert r.status_code == 401 and 'error="invalid_token"' in r.headers["www-authenticate"]

        # CSRF: a cross-site form carries the cookies but cannot set the header.
        assert (await client.post("/auth/refresh")).status_code == 403
        r = await client.post("/auth/refresh", headers={"X-CSRF-Token": "guess"})
        assert r.status_code == 403
        r = await client.post("/auth/refresh", headers={"X-CSRF-Token": csrf})
        assert r.status_code == 200, r.text
        new_auth = {"Authorization": f"Bearer {r.json()['access_token']}"}
        assert client.cookies["__Secure-refresh"] != old_refresh

        # A thief replays the rotated-out refresh token: the whole family dies.
        cookies = {"__Secure-refresh": old_refresh, "__Host-csrf": csrf}
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="https://testserver", cookies=cookies
        ) as thief:
            r = await thief.post("/auth/refresh", headers={"X-CSRF-Token": csrf})
        assert r.status_code == 401 and "reused" in r.text
        r = await client.post("/auth/refresh", headers={"X-CSRF-Token": csrf})
        assert r.status_code == 401  # the legitimate newest token is dead as well

        assert (await client.get("/me", headers=new_auth)).status_code == 200
        assert (await client.post("/auth/logout", headers=new_auth)).status_code == 204
        r = await client.get("/me", headers=new_auth)
        assert r.status_code == 401 and r.json()["detail"] == "token revoked"


async def test_concurrent_refreshes_with_one_token_yield_one_winner(redis_url: str) -> None:
    client = redis.from_url(redis_url)
    store = jwt_api.TokenStore(client, prefix=f"test:{uuid.uuid4().hex}:")
    try:
        exp = int((datetime.now(UTC) + timedelta(days=1)).timestamp())
        await store.start_family("fam", "r1", exp)
        results = await asyncio.gather(*(store.rotate("fam", "r1", f"r2-{i}") for i in range(5)))
        assert results.count("ok") == 1 and "reused" in results, results
        winner = f"r2-{results.index('ok')}"
        assert await store.rotate("fam", winner, "r3") == "revoked"  # reuse revoked the family
        assert await store.rotate("no-such-family", "x", "y") == "revoked"
    finally:
        await client.aclose()


async def test_denylist_entry_expires_with_the_token(redis_url: str) -> None:
    client = redis.from_url(redis_url)
    prefix = f"test:{uuid.uuid4().hex}:"
    store = jwt_api.TokenStore(client, prefix=prefix)
    try:
        await store.deny("jti-1", int(time.time()) + 600)
        assert await store.is_denied("jti-1") and not await store.is_denied("jti-2")
        assert 0 < await client.ttl(f"{prefix}deny:jti-1") <= 601
    finally:
        await client.aclose()
