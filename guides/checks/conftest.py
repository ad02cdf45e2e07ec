"""The companion checks of the guides: named guide blocks importable, the harness's services."""

from __future__ import annotations

import pytest

from tests.examples.guide_importer import install
from tests.examples.services import clamd, redis_url  # noqa: F401  (fixtures for the checks)
from tests.helpers import ROOT

install(ROOT / "guides")


# Client libraries (redis-py under Celery and arq) leave pooled sockets for the garbage
# collector, which may close them during any later test: that is not the check's doing.
_POOLED_SOCKETS = (
    r"ignore:Exception ignored in. <socket\.socket:pytest.PytestUnraisableExceptionWarning"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Warnings raised by a check or a guide block are errors: deprecations must surface."""
    for item in items:
        if "guides/checks" in item.nodeid.replace("\\", "/") or item.nodeid.startswith("test_"):
            item.add_marker(pytest.mark.filterwarnings("error", _POOLED_SOCKETS))
