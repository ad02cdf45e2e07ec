"""Start-up without the cyclic garbage collector, which Textual's first screen keeps waking.

Building the first screen allocates hundreds of thousands of objects; the collector would
run dozens of times meanwhile (about 20 ms in all) and find almost nothing to free. It is
paused from launch until the first complete screen is drawn, then works as usual.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collector() -> None:
    """Pause cyclic garbage collection until `resume_collector` is called."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Collect again (does nothing unless `pause_collector` paused it)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
