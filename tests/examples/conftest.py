"""The example harness's services: a real Redis, a clamd stand-in (its report: report.py)."""

from __future__ import annotations

import pytest

try:
    import fastapi  # noqa: F401
    import yaml  # noqa: F401
except ImportError as error:  # the wrong command: say the right one instead of 75 failures
    raise pytest.UsageError(
        "the guide examples need the 'examples' dependency group: "
        "run `uv run --group examples pytest`"
    ) from error

from tests.examples.services import clamd, redis_url  # noqa: F401  (fixtures)
