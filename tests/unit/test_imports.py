"""The CLI's data commands never import Textual; the core never imports the UI."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from tests.helpers import BUNDLED_TODO, ROOT

PROBE = """
import sys
from patternbrowser.cli import main
code = main(sys.argv[1:])
heavy = sorted(name for name in sys.modules if name.split(".")[0] in ("textual", "tomlkit"))
print(repr(heavy))
"""


def run_probe(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--todo", str(BUNDLED_TODO), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    heavy: list[str] = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    return heavy


def test_status_and_list_import_neither_textual_nor_tomlkit():
    assert run_probe("status") == []
    assert run_probe("status", "--json") == []
    assert run_probe("list", "--json") == []
    assert run_probe("export", "--check") == []
