"""Counts with their nouns, and long lists cut short with how many are left."""

from __future__ import annotations

from patternbrowser.core.wording import clipped, counted


def test_counted_agrees_with_the_number():
    assert [counted(n, "line") for n in (0, 1, 2)] == ["0 lines", "1 line", "2 lines"]


def test_clipped_says_how_many_more():
    assert clipped(["a", "b", "c"], 3) == "a\nb\nc"
    assert clipped(["a", "b", "c"], 2) == "a\nb\n... and 1 more"
