"""Named guide blocks (`python module=NAME`) and the companion checks that exercise them."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from patternbrowser.core.guides.blocks import Runnable, code_units, collect_blocks
from patternbrowser.core.guides.files import scan_guides
from patternbrowser.core.todo.model import Problem

CHECKS_FOLDER = "checks"  # guides/checks/: the companion test files of the guides
LOADER = "guide_module"  # the call by which a check names the block it exercises


@dataclass
class ModuleIndex:
    """Every named block of a guides folder and every check that names one."""

    modules: dict[str, Runnable] = field(default_factory=dict)
    references: dict[str, list[tuple[Path, int]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def index_modules(folder: Path, units: list[Runnable] | None = None) -> ModuleIndex:
    """Pair the `module=NAME` blocks of `folder` with the `guide_module("NAME")` calls of checks."""
    index = ModuleIndex()
    for unit in code_units(collect_blocks(folder)) if units is None else units:
        name = unit.module
        if name is None:
            continue
        first = unit.blocks[0]
        if not name.isidentifier():
            index.problems.append(
                Problem(f"module={name} is not a Python module name", first.line, first.path)
            )
        elif name in index.modules:
            other = index.modules[name].blocks[0]
            index.problems.append(
                Problem(f"module={name} is also defined at {other.where}", first.line, first.path)
            )
        else:
            index.modules[name] = unit
    for path in scan_guides(folder / CHECKS_FOLDER, "*.py", recursive=False).files:
        for name, line in _loaded_names(path, index.problems):
            index.references.setdefault(name, []).append((path, line))
    for name, unit in sorted(index.modules.items()):
        if name not in index.references:
            first = unit.blocks[0]
            index.problems.append(
                Problem(
                    f"module={name} has no checks (no {LOADER}({name!r}) in {CHECKS_FOLDER}/)",
                    first.line,
                    first.path,
                )
            )
    for name, places in sorted(index.references.items()):
        if name not in index.modules:
            path, line = places[0]
            index.problems.append(
                Problem(f"{LOADER}({name!r}) names no guide block (module={name})", line, path)
            )
    return index


def _loaded_names(path: Path, problems: list[Problem]) -> list[tuple[str, int]]:
    """The literal names passed to `guide_module(...)` in one check file."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (SyntaxError, UnicodeDecodeError, ValueError) as error:
        problems.append(Problem(f"check file does not parse: {error}", None, path))
        return []
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        callee = node.func
        called = callee.id if isinstance(callee, ast.Name) else getattr(callee, "attr", None)
        argument = node.args[0]
        if (
            called == LOADER
            and isinstance(argument, ast.Constant)
            and isinstance(argument.value, str)
        ):
            found.append((argument.value, node.lineno))
    return found
