"""The garbage collector is paused for start-up and resumed after the first screen."""

from __future__ import annotations

import gc

from patternbrowser.tui import startup


def test_collector_is_paused_then_resumed():
    assert gc.isenabled()
    try:
        startup.pause_collector()
        assert not gc.isenabled()
        startup.resume_collector()
        assert gc.isenabled()
    finally:
        gc.enable()


def test_resume_without_pause_changes_nothing():
    gc.disable()
    try:
        startup.resume_collector()
        assert not gc.isenabled()  # not ours to turn on
    finally:
        gc.enable()


def test_pause_leaves_a_collector_disabled_by_someone_else_alone():
    gc.disable()
    try:
        startup.pause_collector()
        startup.resume_collector()
        assert not gc.isenabled()
    finally:
        gc.enable()
