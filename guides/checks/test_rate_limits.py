"""Proofs for 'API Rate Limiting' (CLAUDE-validation.md): ratelimit_slowapi, ratelimit_redis."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as redis
from fastapi import FastAPI

from guidekit import asgi_client, guide_module

ratelimit_slowapi = guide_module("ratelimit_slowapi")
ratelimit_redis = guide_module("ratelimit_redis")

PROXY = "10.0.0.1"


@pytest.fixture
def prefix() -> str:
    return f"test-rl-{uuid.uuid4().hex[:8]}:"  # the Redis server is shared by the whole run


@pytest.fixture
async def bucket(redis_url: str, prefix: str) -> AsyncIterator[object]:
    client = redis.from_url(redis_url)
    yield ratelimit_redis.TokenBucket(client, prefix)
    await client.aclose()


async def codes(client: object, method: str, url: str, n: int, **kw: object) -> list[int]:
    return [(await client.request(method, url, **kw)).status_code for _ in range(n)]  # type: ignore[attr-defined]


async def test_slowapi_tiers_costs_and_headers() -> None:
    async with asgi_client(ratelimit_slowapi.create_app(), "http://testserver") as client:
        pro = await codes(client, "GET", "/api/search", 21, headers={"X-API-Key": "key-alice"})
        free = await codes(client, "GET", "/api/search", 6, headers={"X-API-Key": "key-bob"})
        anon = await codes(client, "GET", "/api/search", 4)
        assert (pro.count(200), free.count(200), anon.count(200)) == (20, 5, 3)
        r = await client.get("/api/search")
        assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
        assert r.headers["X-RateLimit-Limit"] == "3" and r.headers["X-RateLimit-Remaining"] == "0"
        assert await codes(client, "POST", "/api/export", 3) == [200, 200, 429]  # cost=5 of 10


async def test_slowapi_login_is_limited_per_ip_not_per_account() -> None:
    async with asgi_client(ratelimit_slowapi.create_app(), "http://testserver") as client:
        alice = {"X-API-Key": "key-alice"}
        assert await codes(client, "POST", "/auth/login", 5, headers=alice) == [200] * 5
        r = await client.post("/auth/login", headers={"X-API-Key": "key-bob"})
        assert r.status_code == 429  # another account from the same address does not help


async def test_slowapi_workers_share_redis_but_not_memory(redis_url: str, prefix: str) -> None:
    async def alternate(a: FastAPI, b: FastAPI) -> list[int]:
        async with asgi_client(a, "http://t") as one, asgi_client(b, "http://t") as two:
            return [(await (one, two)[i % 2].get("/api/search")).status_code for i in range(6)]

    shared = [ratelimit_slowapi.create_app(redis_url, prefix) for _ in range(2)]
    assert await alternate(*shared) == [200, 200, 200, 429, 429, 429]
    separate = [ratelimit_slowapi.create_app() for _ in range(2)]
    assert (await alternate(*separate)).count(200) == 6  # memory://: each worker allows 3


async def test_bucket_burst_refill_and_retry_after(bucket: object) -> None:
    take = bucket.take  # type: ignore[attr-defined]
    results = [await take("burst", capacity=5, rate=10) for _ in range(6)]
    assert [r.allowed for r in results] == [True] * 5 + [False]
    denied = results[-1]
    assert denied.remaining == 0 and 0 < denied.retry_after <= 0.1
    assert denied.headers()["Retry-After"] == "1"  # whole seconds, rounded up
    await asyncio.sleep(0.15)  # refills one token
    assert (await take("burst", capacity=5, rate=10)).allowed
    assert (await take("cost", capacity=10, rate=1, cost=8)).allowed
    assert not (await take("cost", capacity=10, rate=1, cost=8)).allowed
    with pytest.raises(ValueError, match="cost"):
        await take("cost", capacity=10, rate=1, cost=11)


async def test_bucket_is_atomic_under_concurrency(bucket: object) -> None:
    take = bucket.take  # type: ignore[attr-defined]
    many = await asyncio.gather(*(take("race", capacity=10, rate=0.001) for _ in range(50)))
    assert sum(r.allowed for r in many) == 10


async def test_bucket_keys_expire(bucket: object, redis_url: str, prefix: str) -> None:
    await bucket.take("idle", capacity=5, rate=1)  # type: ignore[attr-defined]
    client = redis.from_url(redis_url)
    ttl_ms = await client.pttl(f"{prefix}idle")
    await client.aclose()
    assert 0 < ttl_ms <= 2000  # refills in 1 s, then Redis drops the key


def limited_app(redis_url: str, prefix: str, fail_open: bool = True) -> FastAPI:
    app = ratelimit_redis.create_app(
        redis_url, trusted_proxies=frozenset({PROXY}), fail_open=fail_open, prefix=prefix
    )

    @app.get("/api/items")
    async def items() -> list[str]:
        return ["a"]

    @app.post("/auth/login")
    async def login() -> dict[str, str]:
        return {"status": "checked"}

    return app


async def test_middleware_keys_by_real_client_ip(redis_url: str, prefix: str) -> None:
    async with asgi_client(limited_app(redis_url, prefix), peer=PROXY) as client:
        ip1 = {"X-Forwarded-For": "198.51.100.1"}
        assert await codes(client, "GET", "/api/items", 4, headers=ip1) == [200, 200, 200, 429]
        r = await client.get("/api/items", headers=ip1)
        assert int(r.headers["Retry-After"]) >= 1 and r.headers["X-RateLimit-Limit"] == "3"
        ok = await client.get("/api/items", headers={"X-Forwarded-For": "198.51.100.2"})
        assert ok.status_code == 200 and ok.headers["X-RateLimit-Remaining"] == "2"
        # The left-most entries are the client's own words: prepending one changes nothing.
        spoofed = {"X-Forwarded-For": "203.0.113.50, 198.51.100.1"}
        assert (await client.get("/api/items", headers=spoofed)).status_code == 429
        pro = await codes(
            client, "GET", "/api/items", 20, headers={"X-API-Key": "key-alice", **ip1}
        )
        assert pro == [200] * 20  # the account's tier, not the exhausted IP bucket


async def test_middleware_ignores_forwarded_for_from_untrusted_peers(
    redis_url: str, prefix: str
) -> None:
    async with asgi_client(limited_app(redis_url, prefix), peer="192.0.2.7") as client:
        rotating = [{"X-Forwarded-For": f"198.51.100.{i}"} for i in range(4)]
        statuses = [(await client.get("/api/items", headers=h)).status_code for h in rotating]
        assert statuses == [200, 200, 200, 429]


async def test_middleware_login_limit_is_per_ip(redis_url: str, prefix: str) -> None:
    async with asgi_client(limited_app(redis_url, prefix), peer=PROXY) as client:
        ip = {"X-Forwarded-For": "203.0.113.9"}
        logins = await codes(
            client, "POST", "/auth/login", 6, headers={"X-API-Key": "key-alice", **ip}
        )
        assert logins == [200] * 5 + [429]
        r = await client.post("/auth/login", headers={"X-API-Key": "key-bob", **ip})
        assert r.status_code == 429
        r = await client.get("/api/items", headers={"X-API-Key": "key-bob", **ip})
        assert r.status_code == 200  # only login is limited per IP


async def test_redis_down_fails_open_or_closed(
    prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    dead = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    with caplog.at_level(logging.ERROR, logger=ratelimit_redis.logger.name):
        async with asgi_client(limited_app(dead, prefix, fail_open=True)) as client:
            assert (await client.get("/api/items")).status_code == 200
        async with asgi_client(limited_app(dead, prefix, fail_open=False)) as client:
            assert (await client.get("/api/items")).status_code == 503
    assert "rate limiter unavailable" in caplog.text  # the failure is never silent
