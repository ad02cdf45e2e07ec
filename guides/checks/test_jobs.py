"""Proofs for guides/CLAUDE-architecture.md, Background Job Processing (jobs_celery, jobs_arq)."""

from __future__ import annotations

import gc
import threading
import uuid
import warnings
from collections.abc import Iterator
from typing import Any

import celery.app.autoretry
import pytest
from arq import create_pool
from arq.connections import RedisSettings
from celery.contrib.testing.worker import start_worker
from celery.signals import task_failure
from dramatiq.middleware import Retries
from fastapi.testclient import TestClient

from guidekit import guide_module

jobs_celery = guide_module("jobs_celery")
jobs_arq = guide_module("jobs_arq")


# --- Celery: a real worker thread consuming from the redis_url server -------------------------
@pytest.fixture(scope="module")
def celery_worker(redis_url: str) -> Iterator[None]:
    prefix = f"check-celery-{uuid.uuid4().hex[:8]}"
    jobs_celery.celery_app.conf.update(
        broker_url=redis_url,
        result_backend=redis_url,
        task_default_queue=f"{prefix}-default",
        broker_transport_options={"global_keyprefix": f"{prefix}:"},
        result_backend_transport_options={"global_keyprefix": f"{prefix}:"},
    )
    # CRITICAL: the failures below are provoked; keep ERROR logs in production.
    with start_worker(
        jobs_celery.celery_app, pool="solo", perform_ping_check=False, loglevel="CRITICAL"
    ):
        yield
    # AsyncResult.__del__ unsubscribes from the result backend: run it while Redis still
    # runs (the provoked failures' tracebacks keep some results alive in cycles). Celery's
    # result consumer replaces its pubsub without closing the old connection: that
    # ResourceWarning is the library's own noise, so it is ignored here and only here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
        jobs_celery.celery_app.backend.result_consumer.stop()
        jobs_celery.celery_app.close()
        gc.collect()


@pytest.fixture
def backoffs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Record the backoff Celery computes for each autoretry, and retry at once."""
    calls: list[dict[str, Any]] = []

    def record(**kwargs: Any) -> int:
        calls.append(kwargs)
        return 0

    monkeypatch.setattr(celery.app.autoretry, "get_exponential_backoff_interval", record)
    return calls


def test_celery_config_is_json_only_with_late_acks() -> None:
    conf = jobs_celery.celery_app.conf
    assert conf.accept_content == ["json"] and conf.task_serializer == "json"
    assert conf.task_acks_late and conf.worker_prefetch_multiplier == 1


def test_celery_retries_transient_errors_with_jittered_backoff(
    celery_worker: None, backoffs: list[dict[str, Any]]
) -> None:
    result = jobs_celery.sync_crm.delay(42)
    assert result.get(timeout=15) == "customer 42 synced after 2 retries"
    assert [call["retries"] for call in backoffs] == [0, 1]  # backoff grows per attempt
    assert all(call["full_jitter"] and call["maximum"] == 600 for call in backoffs)


def test_celery_permanent_failure_is_not_retried_and_hooked(
    celery_worker: None, backoffs: list[dict[str, Any]]
) -> None:
    hooked = threading.Event()

    def on_failure(sender: Any, **_: Any) -> None:
        if sender.name == "jobs.charge":
            hooked.set()

    # Receivers run in connection order, so the guide's count_failure has run when this fires.
    # task_failure is sent AFTER the result is stored: wait on it, never assert right away.
    task_failure.connect(on_failure, weak=False)
    try:
        before = jobs_celery.FAILURES["jobs.charge"]
        failed = jobs_celery.charge.delay(7)
        with pytest.raises(ValueError, match="card declined"):
            failed.get(timeout=10)
        assert hooked.wait(timeout=10)
        assert jobs_celery.FAILURES["jobs.charge"] == before + 1
        assert backoffs == []  # no autoretry for a permanent error
    finally:
        task_failure.disconnect(on_failure)


def test_celery_endpoint_answers_202_and_reports_the_result(
    celery_worker: None, backoffs: list[dict[str, Any]]
) -> None:
    with TestClient(jobs_celery.api) as client:
        accepted = client.post("/customers/5/sync")
        assert accepted.status_code == 202
        task_id = accepted.json()["task_id"]
        jobs_celery.sync_crm.AsyncResult(task_id).get(timeout=15)  # wait for the worker
        body = client.get(accepted.json()["status_url"]).json()
    assert body == {"state": "SUCCESS", "result": "customer 5 synced after 2 retries"}


def test_celery_failed_status_hides_the_traceback(celery_worker: None) -> None:
    failed = jobs_celery.charge.delay(8)
    with pytest.raises(ValueError, match="card declined"):
        failed.get(timeout=10)
    with TestClient(jobs_celery.api) as client:
        assert client.get(f"/tasks/{failed.id}").json() == {
            "state": "FAILURE",
            "error": "ValueError",
        }


def test_dramatiq_retries_twenty_times_by_default() -> None:
    retries = Retries()  # the Core Concepts table's claim: set max_retries per actor
    assert retries.max_retries == 20 and retries.max_backoff == 7 * 24 * 3600 * 1000  # ms


# --- ARQ: burst workers on the redis_url server ------------------------------------------------
@pytest.fixture
def arq_settings(redis_url: str) -> RedisSettings:
    return RedisSettings.from_dsn(redis_url)


@pytest.fixture
def queue() -> str:
    return f"check-arq-{uuid.uuid4().hex}"


def order_id() -> int:
    return uuid.uuid4().int % 10**12  # job IDs are global: unique orders per test


async def run_burst(settings: RedisSettings, queue: str) -> Any:
    worker = jobs_arq.make_worker(settings, queue, burst=True, poll_delay=0.01)
    await worker.main()
    with warnings.catch_warnings():
        # arq's own Worker.close() calls redis-py's deprecated close(): library noise.
        warnings.filterwarnings("ignore", "Call to deprecated close", DeprecationWarning)
        await worker.close()
    return worker


async def test_arq_retries_with_backoff_then_succeeds(
    arq_settings: RedisSettings, queue: str
) -> None:
    pool = await create_pool(arq_settings, default_queue_name=queue)
    try:
        order = order_id()
        job = await pool.enqueue_job("notify_partner", order, _job_id=f"{queue}-n")
        assert job is not None
        worker = await run_burst(arq_settings, queue)
        assert await job.result(timeout=5) == f"order {order} sent on try 3"
        assert worker.jobs_retried == 2 and worker.jobs_complete == 1
    finally:
        await pool.aclose()


async def test_arq_other_errors_fail_without_retry(arq_settings: RedisSettings, queue: str) -> None:
    pool = await create_pool(arq_settings, default_queue_name=queue)
    try:
        job = await pool.enqueue_job("refund", 9, _job_id=f"{queue}-r")
        assert job is not None
        worker = await run_burst(arq_settings, queue)
        info = await job.result_info()
        assert info is not None and not info.success and info.job_try == 1
        assert isinstance(info.result, ValueError) and worker.jobs_retried == 0
    finally:
        await pool.aclose()


def test_arq_endpoint_enqueues_once(arq_settings: RedisSettings, queue: str) -> None:
    order = order_id()
    with TestClient(jobs_arq.create_app(arq_settings, queue)) as client:
        first = client.post(f"/orders/{order}/notify")
        assert first.status_code == 202 and first.json() == {"job_id": f"notify-{order}"}
        assert client.post(f"/orders/{order}/notify").status_code == 409  # a retried request
