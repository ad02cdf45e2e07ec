"""Messages that widgets post to the screen; the screen is the only one that calls the core."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ItemFocused(Message):
    """The tree cursor is on an item: show it."""

    number: int
    """The item's number."""


@dataclass
class DriftResolution(Message):
    """The user chose how to resolve drift between store and markdown."""

    keep: str
    """"markdown" adopts the markdown's markers; "store" exports the store's statuses."""
