"""What every companion check of the guides shares: loading a guide block by its name."""

from __future__ import annotations

from tests.examples.guide_importer import guide_module

__all__ = ["guide_module"]


# --- deployment ---
from patternbrowser.core.guide_blocks import blocks_in  # noqa: E402
from tests.helpers import ROOT  # noqa: E402


def guide_blocks(guide: str, language: str, kind: str | None = None) -> list[str]:
    """The code of the fenced blocks of guides/`guide` in `language` (and `kind=`), in order.

    For checks that lint a guide's configuration (Dockerfile, Compose, workflow YAML) statically.
    """
    return [
        block.code
        for block in blocks_in(ROOT / "guides" / guide)
        if block.language == language and block.attrs.get("kind") == kind
    ]
