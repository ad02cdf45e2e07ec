"""The garbage collector is paused for start-up and resumed with start-up objects frozen."""

from __future__ import annotations

import gc

from patternbrowser.tui import startup


def test_collector_is_paused_then_resumed_with_start_up_objects_frozen():
    assert gc.isenabled()
    try:
        startup.pause_collector()
        assert not gc.isenabled()
        startup.resume_collector()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


def test_resume_without_pause_changes_nothing():
    frozen = gc.get_freeze_count()
    startup.resume_collector()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_pause_leaves_a_collector_disabled_by_someone_else_alone():
    gc.disable()
    try:
        startup.pause_collector()
        startup.resume_collector()
        assert not gc.isenabled()  # not ours to turn on
    finally:
        gc.enable()
