"""Every fenced block of the guides, checked by its language: Python runs for real."""

from __future__ import annotations

import pytest

from patternbrowser.core.guides.blocks import PARSE, RUN, SYNTAX, Runnable
from tests.examples.checks import (
    check_bash,
    check_parsed,
    example_env,
    import_module,
    run_python,
)
from tests.examples.units import UNITS


@pytest.mark.parametrize("unit", UNITS, ids=[unit.name for unit in UNITS])
def test_guide_example(unit: Runnable, tmp_path, request):
    if unit.skip_reason:
        pytest.skip(unit.skip_reason)
    if unit.language in RUN:
        services: dict[str, str] = {}
        if "redis" in unit.needs:
            services["REDIS_URL"] = request.getfixturevalue("redis_url")
        if "clamd" in unit.needs:
            clamd = request.getfixturevalue("clamd")
            services |= {"CLAMD_HOST": "127.0.0.1", "CLAMD_PORT": str(clamd.port)}
        unknown = unit.needs - {"redis", "clamd"}
        assert not unknown, f"no service for needs={','.join(sorted(unknown))}"
        if unit.module:
            import_module(unit, example_env(services))
        else:
            run_python(unit, tmp_path, example_env(services))
    elif unit.language in SYNTAX:
        check_bash(unit, tmp_path)
    elif unit.language in PARSE:
        check_parsed(unit)
    else:
        pytest.fail(
            f"{unit.name}: no way to check a '{unit.language}' block; use a known "
            'language or give a skip="reason"'
        )


def test_every_block_is_collected():
    names = [unit.name for unit in UNITS]
    assert len(names) == len(set(names)), "two units share a name"
    assert sum(len(unit.blocks) for unit in UNITS) >= len(UNITS) > 0
