"""Stepping through the matches of a filter (n and N), round the ends."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def step_from(matches: Sequence[T], current: object, step: int) -> T:
    """The match `step` places from `current`, round the ends; the first (last if back) else."""
    if step == 0 or current not in matches:
        index = -1 if step < 0 else 0
    else:
        index = matches.index(current) + step
    return matches[index % len(matches)]
