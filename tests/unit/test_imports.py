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


def test_no_module_of_the_package_imports_itself_back():
    """No import cycles between modules, counting lazy and type-only imports too."""
    import grimp

    graph = grimp.build_graph("patternbrowser", include_external_packages=False)
    edges = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    cycles = []
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges.get(module, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []
