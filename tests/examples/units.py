"""The checkable units of the bundled guides, collected once for the harness."""

from __future__ import annotations

from patternbrowser.core.guides.blocks import Runnable, code_units, collect_blocks
from tests.helpers import ROOT

GUIDES = ROOT / "guides"
UNITS: list[Runnable] = code_units(collect_blocks(GUIDES))
