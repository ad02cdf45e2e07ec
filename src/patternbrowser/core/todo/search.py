"""The tree filter: which items match what the user typed, and which statuses are shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, get_args

from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import Item, TodoDocument

StatusFilter = Literal["all", "not_started", "in_progress", "blocked", "open"]
STATUS_FILTERS: tuple[StatusFilter, ...] = get_args(StatusFilter)
STATUS_FILTER_NAMES: dict[StatusFilter, str] = {
    "all": "every status",
    "not_started": "only not started",
    "in_progress": "only in progress",
    "blocked": "only blocked",
    "open": "completed hidden",
}


def next_status_filter(current: StatusFilter) -> StatusFilter:
    """The status filter after `current` in the cycle."""
    return STATUS_FILTERS[(STATUS_FILTERS.index(current) + 1) % len(STATUS_FILTERS)]


def status_passes(wanted: StatusFilter, status: Status) -> bool:
    """Whether an item with `status` is shown under the status filter `wanted`."""
    if wanted == "all":
        return True
    if wanted == "open":
        return status is not Status.COMPLETED
    return status.value == wanted


def query_words(query: str) -> list[str]:
    """The words of a filter query as matched: casefolded, without leading `#`."""
    return [word.lstrip("#") for word in query.casefold().split()]


def mark_words(query: str) -> list[str]:
    """The words of a query to highlight in the text shown: `#11` names an item, not text."""
    return [word.casefold() for word in query.split() if not word.startswith("#")]


def words_in(text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """Those of `words` (casefolded) that `text` holds, in any case."""
    folded = text.casefold()
    return tuple(word for word in words if word and word in folded)


class SearchIndex:
    """The searchable text of every item of one document, built once (not per keystroke).

    An item's text is its title, guide, group and instructions (examples included); a word
    of the query matches an item when it is the item's number or found in that text, and a
    word such as `#11` only item 11.
    """

    def __init__(self, document: TodoDocument) -> None:
        """Index `document` (kept to tell whether a later document is the same one)."""
        self.document = document
        self._text = {
            id(item): " ".join(
                (item.title, item.guide or "", item.group, item.instructions)
            ).casefold()
            for item in document.items
        }

    def matcher(self, query: str) -> Callable[[Item], bool]:
        """A test for the items of the indexed document: every word of `query` matches."""
        words = query_words(query)
        if not words:
            return lambda _item: True
        numbers = {word for word in query.split() if word.startswith("#")}  # `#11`: item 11 only
        text = self._text

        def matches(item: Item) -> bool:
            number = str(item.number)
            haystack = text.get(id(item), "")
            if any(word != f"#{number}" for word in numbers):
                return False
            return all(word == number or word in haystack for word in words)

        return matches


def index_for(document: TodoDocument, index: SearchIndex | None) -> SearchIndex:
    """`index` if it was built for `document`, else a new index (the file changed)."""
    if index is not None and index.document is document:
        return index
    return SearchIndex(document)
