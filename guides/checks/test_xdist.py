"""Proofs for the pytest-xdist section: once-per-run builds, per-worker databases, clean keys."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis

from guidekit import IMPORT_GUIDES, guide_module, run_pytest

xdist = guide_module("xdist_conftest")

NESTED_CONFTEST = (
    IMPORT_GUIDES
    + """
import json, os, time
from pathlib import Path

import xdist_conftest
from xdist_conftest import *  # the guide's fixtures, as a project's conftest.py has them

LOG = Path(os.environ["XDIST_LOG"])
original_build = xdist_conftest.build_reference_data


def log(**fields: object) -> None:
    with LOG.open("a") as f:
        f.write(json.dumps(fields) + "\\n")


def counting_build(path: Path) -> None:
    time.sleep(0.3)  # slow: the other worker asks for the data while it is being built
    log(event="build")
    original_build(path)


xdist_conftest.build_reference_data = counting_build
"""
)

NESTED_TESTS = """
import sqlite3, time

import pytest
from sqlalchemy import String, func, select
from sqlalchemy.orm import Mapped, mapped_column
from xdist_conftest import Base

from conftest import log


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)


@pytest.mark.parametrize("attempt", range(6))
def test_register(db_session, engine, reference_db, worker_id, attempt) -> None:
    # The same unique email in every test: passes only if each test starts empty.
    db_session.add(User(email="alice@example.com"))
    db_session.commit()  # code under test commits: only a SAVEPOINT is released
    assert db_session.scalar(select(func.count()).select_from(User)) == 1
    with sqlite3.connect(f"file:{reference_db}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT name FROM countries").fetchall() == [("France",)]
    log(event="test", worker=worker_id, db=engine.url.database)
    time.sleep(0.05)


@pytest.mark.parametrize("user", ["ada", "grace"])
def test_cart(redis_client, redis_ns, user) -> None:
    redis_client.hincrby(f"{redis_ns}cart:{user}", "kb-1", 2)
    assert redis_client.hgetall(f"{redis_ns}cart:{user}") == {"kb-1": "2"}
"""


@pytest.mark.slow
def test_fixtures_isolate_two_workers(tmp_path: Path, redis_url: str) -> None:
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "conftest.py").write_text(NESTED_CONFTEST)
    (suite / "test_suite.py").write_text(NESTED_TESTS)
    log = tmp_path / "events.jsonl"
    lean = ["-p", "no:hypothesispytest", "-p", "no:syrupy", "-p", "no:anyio"]
    code, output = run_pytest(
        suite, "-n", "2", *lean, env={"XDIST_LOG": str(log), "REDIS_URL": redis_url}
    )
    assert code == 0, output
    events = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["event"] for e in events].count("build") == 1  # once per run, not per worker
    tests = [e for e in events if e["event"] == "test"]
    assert {e["worker"] for e in tests} == {"gw0", "gw1"}
    databases = {e["worker"]: e["db"] for e in tests}  # one file per worker
    assert len(set(databases.values())) == 2
    assert all(f"app_{worker}.db" in db for worker, db in databases.items())
    client = redis.Redis.from_url(redis_url)
    try:
        assert list(client.scan_iter(match="test:*:gw*:test_cart*")) == []  # nothing leaked
    finally:
        client.close()


def test_build_once_survives_a_race(tmp_path: Path) -> None:
    builds: list[int] = []
    start = threading.Barrier(8)

    def slow_build(path: Path) -> None:
        builds.append(1)
        time.sleep(0.05)
        path.write_text("data")

    def contender(_: int) -> str:
        start.wait()  # everybody asks at the same moment
        return xdist.build_once(tmp_path, "data.txt", slow_build).read_text()

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(contender, range(8)))
    assert builds == [1]
    assert results == ["data"] * 8


def test_cleanup_reaches_parametrized_test_names(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    prefix = xdist.key_prefix("0123456789abcdef", "gw0", "test_cart[1-alice]")
    try:
        client.set(f"{prefix}cart", "1")
        assert xdist.delete_namespace(client, prefix) == 1  # "[1-alice]" is no glob class
        assert not client.exists(f"{prefix}cart")
    finally:
        client.delete(f"{prefix}cart")
        client.close()


def test_prefixes_never_collide() -> None:
    names = {
        xdist.key_prefix(run, worker, "test_a")
        for run in ("run-one-uid", "run-two-uid")
        for worker in ("gw0", "gw1")
    }
    assert len(names) == 4


@pytest.mark.parametrize("forged", ["gw0; DROP DATABASE app", "gw0\n", "../gw1", "", "gwx"])
def test_worker_name_rejects_forged_ids(forged: str) -> None:
    with pytest.raises(ValueError, match="unexpected worker id"):
        xdist.worker_name("app", forged)
    assert xdist.worker_name("app", "gw12") == "app_gw12"
