"""Printing benchmark figures with their ratios and limits, the same way in every script."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """A figure, and optionally its ratio against a baseline with the limit it must keep."""

    name: str
    seconds: float
    against: str | None = None
    ratio: float | None = None
    limit: float | None = None

    @property
    def over(self) -> bool:
        return self.ratio is not None and self.limit is not None and self.ratio > self.limit


def print_rows(title: str, rows: list[Row]) -> int:
    """Print the rows; returns 1 when a ratio is over its limit, else 0."""
    print(title)
    for row in rows:
        line = f"{row.name:<58} {row.seconds * 1000:8.1f} ms"
        if row.ratio is not None:
            line += f"   {row.ratio:4.2f}x {row.against}"
            if row.limit is not None:
                line += f" ({'OVER' if row.over else 'ok'}, limit {row.limit}x)"
        print(line)
    return 1 if any(row.over for row in rows) else 0
