"""Each end-to-end scenario runs in every terminal this machine has (tmux is optional)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.terminals import Terminal, available, make


@pytest.fixture(params=available())
def terminal(request: pytest.FixtureRequest) -> Iterator[Terminal]:
    driver = make(request.param)
    yield driver
    driver.close()
