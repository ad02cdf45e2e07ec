"""The tree filter: which items match what the user typed."""

from __future__ import annotations

from collections.abc import Callable

from patternbrowser.core.todo.model import Item


def item_matcher(query: str) -> Callable[[Item], bool]:
    """A test for items: every word of `query` is the item's number or in its title or guide.

    The group counts as text too; a leading `#` on a word is ignored.
    """
    words = [word.lstrip("#") for word in query.casefold().split()]

    def matches(item: Item) -> bool:
        number = str(item.number)
        haystack = f"{item.title} {item.guide or ''} {item.group}".casefold()
        return all(word == number or word in haystack for word in words)

    return matches
