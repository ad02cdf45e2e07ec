"""Proofs for guides/CLAUDE-architecture.md, Caching Strategies (module cache_redis)."""

from __future__ import annotations

import asyncio
import gc
import time
import uuid
import weakref
from collections.abc import AsyncIterator
from functools import lru_cache

import pytest
from redis.crc import key_slot

from guidekit import guide_module

cache_redis = guide_module("cache_redis")
DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


class Origin:
    """The database stand-in: counts loads so the checks can see what the cache saved."""

    def __init__(self, value: object = None, delay: float = 0.0) -> None:
        self.value, self.delay, self.calls = value, delay, 0

    async def load(self) -> object:
        self.calls += 1
        await asyncio.sleep(self.delay)
        return self.value


@pytest.fixture
async def client(redis_url: str) -> AsyncIterator[object]:
    connection = cache_redis.create_cache_client(redis_url)
    yield connection
    await connection.aclose()


@pytest.fixture
def key() -> str:
    return f"check-cache-{uuid.uuid4().hex}:user:1"


async def test_second_read_is_a_hit_with_a_jittered_ttl(client, key: str) -> None:
    cache, origin = cache_redis.Cache(client), Origin({"id": 1, "name": "Ann"})
    assert await cache.get_or_load(key, origin.load, ttl=300) == {"id": 1, "name": "Ann"}
    assert await cache.get_or_load(key, origin.load, ttl=300) == {"id": 1, "name": "Ann"}
    assert origin.calls == 1
    assert 270 <= await client.ttl(key) <= 330


async def test_empty_values_are_hits(client, key: str) -> None:
    cache, origin = cache_redis.Cache(client), Origin([])
    for _ in range(3):
        assert await cache.get_or_load(key, origin.load, ttl=60) == []
    assert origin.calls == 1


async def test_not_found_is_cached_briefly(client, key: str) -> None:
    cache, origin = cache_redis.Cache(client, negative_ttl=30), Origin(None)
    assert await cache.get_or_load(key, origin.load, ttl=300) is None
    assert await cache.get_or_load(key, origin.load, ttl=300) is None
    assert origin.calls == 1
    assert 0 < await client.ttl(key) <= 30


async def test_invalidation_forces_a_reload(client, key: str) -> None:
    cache, origin = cache_redis.Cache(client), Origin("v1")
    await cache.get_or_load(key, origin.load, ttl=300)
    origin.value = "v2"  # the database row changed and committed
    await cache.invalidate(key)
    assert await cache.get_or_load(key, origin.load, ttl=300) == "v2"
    assert origin.calls == 2


async def test_dead_redis_falls_back_to_the_database_fast() -> None:
    broken = cache_redis.create_cache_client(DEAD_REDIS)
    try:
        cache, origin = cache_redis.Cache(broken), Origin("from-db")
        started = time.perf_counter()
        assert await cache.get_or_load("k", origin.load, ttl=60) == "from-db"
        await cache.invalidate("k")  # logged, not raised
        assert time.perf_counter() - started < 2
    finally:
        await broken.aclose()


async def test_single_flight_one_origin_call_for_concurrent_misses() -> None:
    # Redis down, so no lock can help: only single-flight keeps 20 misses from 20 loads.
    broken = cache_redis.create_cache_client(DEAD_REDIS)
    try:
        cache, origin = cache_redis.Cache(broken), Origin("report", delay=0.1)
        results = await asyncio.gather(
            *(cache.get_or_load("report", origin.load, ttl=60) for _ in range(20))
        )
        assert results == ["report"] * 20
        assert origin.calls == 1
    finally:
        await broken.aclose()


async def test_lock_one_origin_call_across_processes(redis_url: str, key: str) -> None:
    # Two Cache objects with their own connections stand for two worker processes.
    clients = [cache_redis.create_cache_client(redis_url) for _ in range(2)]
    try:
        origin = Origin("report", delay=0.2)
        workers = [cache_redis.Cache(c) for c in clients]
        results = await asyncio.gather(
            *(worker.get_or_load(key, origin.load, ttl=60) for worker in workers * 5)
        )
        assert results == ["report"] * 10
        assert origin.calls == 1
    finally:
        for c in clients:
            await c.aclose()


async def test_a_slow_winner_does_not_block_the_others(redis_url: str, key: str) -> None:
    clients = [cache_redis.create_cache_client(redis_url) for _ in range(2)]
    try:
        origin = Origin("late", delay=0.3)
        first, second = (cache_redis.Cache(c, wait_for_winner=0.05) for c in clients)
        assert await asyncio.gather(
            first.get_or_load(key, origin.load, ttl=60),
            second.get_or_load(key, origin.load, ttl=60),
        ) == ["late", "late"]
        assert origin.calls == 2  # the loser gave up waiting and loaded itself
    finally:
        for c in clients:
            await c.aclose()


async def test_a_cancelled_caller_does_not_cancel_the_shared_load(client, key: str) -> None:
    cache, origin = cache_redis.Cache(client), Origin("v", delay=0.1)
    impatient = asyncio.create_task(cache.get_or_load(key, origin.load, ttl=60))
    patient = asyncio.create_task(cache.get_or_load(key, origin.load, ttl=60))
    await asyncio.sleep(0.02)
    impatient.cancel()
    assert await patient == "v" and origin.calls == 1


def test_ttl_jitter_spreads_expiry() -> None:
    ttls = {cache_redis.ttl_with_jitter(3600) for _ in range(200)}
    assert len(ttls) > 50 and min(ttls) >= 3240 and max(ttls) <= 3960


def test_hash_tags_put_related_keys_in_one_cluster_slot() -> None:
    assert key_slot(b"user:{42}:profile") == key_slot(b"user:{42}:orders") == key_slot(b"42")
    assert len({key_slot(f"user:42:{part}".encode()) for part in ("a", "b", "c", "d")}) > 1


# The Common mistakes table's lru_cache claims.
async def test_lru_cache_on_async_def_caches_a_single_use_coroutine() -> None:
    @lru_cache
    async def rate(currency: str) -> float:
        return 1.08

    assert await rate("USD") == 1.08
    with pytest.raises(RuntimeError, match="cannot reuse already awaited coroutine"):
        await rate("USD")


def test_lru_cache_on_a_method_keeps_instances_alive() -> None:
    class Calculator:
        @lru_cache(maxsize=16)  # noqa: B019 (the leak is what this check demonstrates)
        def tax(self, country: str) -> float:
            return 0.19

    calculator = Calculator()
    calculator.tax("DE")
    ref = weakref.ref(calculator)
    del calculator
    gc.collect()
    assert ref() is not None  # held by the class-level cache
