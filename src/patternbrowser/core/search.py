"""The tree filter: which items match what the user typed."""

from __future__ import annotations

from patternbrowser.core.model import Item


def item_matches(item: Item, query: str) -> bool:
    """True when every word of `query` is found in the item's number, title or guide."""
    words = query.casefold().split()
    if not words:
        return True
    number = str(item.number)
    haystack = f"{item.title} {item.guide or ''} {item.group}".casefold()
    for word in words:
        word = word.lstrip("#")
        if word.isdigit():
            if number != word and word not in haystack:
                return False
        elif word not in haystack:
            return False
    return True
