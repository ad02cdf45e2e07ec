"""Compile the environment's bytecode first, so timings match an installed app.

Python normally writes .pyc files on first import; with PYTHONDONTWRITEBYTECODE set (as on
some CI machines) every run would compile every module from source again, and the figures
would measure the compiler rather than the program.
"""

from __future__ import annotations

import compileall
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_bytecode() -> None:
    """Write .pyc files for site-packages and the project's sources (quietly)."""
    for folder in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
        compileall.compile_dir(folder, quiet=2, workers=0)
    compileall.compile_dir(ROOT / "src", quiet=2, workers=0)
    compileall.compile_dir(ROOT / "benchmarks", quiet=2, workers=0)
