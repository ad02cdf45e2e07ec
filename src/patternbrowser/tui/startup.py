"""Start-up without the cyclic garbage collector, which Textual's first screen keeps waking.

Building the first screen allocates hundreds of thousands of objects; the collector would
run dozens of times meanwhile and find almost nothing to free. It is paused from launch to
the first complete screen; then the start-up objects are frozen (moved out of future
collections, as they live as long as the app) and collection resumes.
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
    """Freeze what start-up built and collect again (does nothing unless paused)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
