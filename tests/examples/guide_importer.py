"""Import `python module=NAME` guide blocks as modules whose code lives at the guide's lines."""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

from patternbrowser.core.guides.blocks import Runnable
from patternbrowser.core.guides.modules import index_modules


class GuideModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds `import NAME` for every named guide block; tracebacks point into the guide file."""

    def __init__(self, modules: dict[str, Runnable]) -> None:
        self.modules = modules

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        """A spec for a guide block's name; None lets the other finders look."""
        unit = self.modules.get(fullname)
        if unit is None:
            return None
        origin = str(unit.blocks[0].path)
        spec = importlib.util.spec_from_loader(fullname, self, origin=origin)
        if spec is not None:
            spec.has_location = True  # so __file__ names the guide
        return spec

    def exec_module(self, module: ModuleType) -> None:
        """Run the block's code compiled under the guide's path, at the guide's line numbers."""
        unit = self.modules[module.__name__]
        path = str(unit.blocks[0].path)
        exec(compile(unit.guide_lined_code, path, "exec", dont_inherit=True), module.__dict__)


def install(folder: Path) -> GuideModuleFinder:
    """Make every named block of `folder` importable (once per process)."""
    for finder in sys.meta_path:
        if isinstance(finder, GuideModuleFinder):
            return finder
    index = index_modules(folder)
    finder = GuideModuleFinder(index.modules)
    sys.meta_path.insert(0, finder)
    return finder


def guide_module(name: str) -> ModuleType:
    """The module made of the guide blocks named `module=NAME`."""
    finder = next((f for f in sys.meta_path if isinstance(f, GuideModuleFinder)), None)
    if finder is None or name not in finder.modules:
        known = ", ".join(sorted(finder.modules)) if finder else "none"
        raise LookupError(f"no guide block says module={name} (known: {known})")
    return importlib.import_module(name)
