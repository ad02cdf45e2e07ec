"""What every companion check of the guides shares: loading a guide block by its name."""

from __future__ import annotations

from tests.examples.guide_importer import guide_module

__all__ = ["guide_module"]

# --- monorepo ---
from pathlib import Path as _Path

from patternbrowser.core.guide_blocks import blocks_in as _blocks_in

GUIDES = _Path(__file__).resolve().parents[1]


def guide_block(guide: str, first_line: str) -> str:
    """The code of the block of `guides/<guide>` whose first line is `first_line`.

    Lets a check run the configuration a guide shows (TOML, YAML...) instead of a copy of it.
    """
    found = [
        block.code
        for block in _blocks_in(GUIDES / guide)
        if block.code.splitlines()[:1] == [first_line]
    ]
    if len(found) != 1:
        raise LookupError(f"{len(found)} blocks of {guide} start with {first_line!r}")
    return found[0]
