"""The full-text filter and the status filter, without Textual."""

from __future__ import annotations

from patternbrowser.core.status import Status
from patternbrowser.core.todo.parser import parse_todo
from patternbrowser.core.todo.search import (
    STATUS_FILTERS,
    SearchIndex,
    index_for,
    next_status_filter,
    status_passes,
)


def numbers(document, query: str) -> list[int]:
    matches = SearchIndex(document).matcher(query)
    return [item.number for item in document.items if matches(item)]


def test_words_match_number_title_guide_and_the_instructions_and_examples(seed):
    document = parse_todo(seed)
    assert numbers(document, "savepoint") == [2]  # only in item 2's instructions
    assert numbers(document, "#11") == [11]
    assert 3 in numbers(document, "jwterror")  # in item 3's example code
    assert numbers(document, "jwt refresh") == numbers(document, "refresh jwt")
    assert len(numbers(document, "")) == 22


def test_the_index_is_built_once_per_document(seed):
    document = parse_todo(seed)
    index = index_for(document, None)
    assert index_for(document, index) is index
    assert index_for(parse_todo(seed), index) is not index  # a reloaded file: a new index


def test_status_filters_cycle_and_pass_what_they_name():
    assert [next_status_filter(f) for f in STATUS_FILTERS] == [*STATUS_FILTERS[1:], "all"]
    assert status_passes("open", Status.BLOCKED) and not status_passes("open", Status.COMPLETED)
    assert status_passes("blocked", Status.BLOCKED)
    assert not status_passes("in_progress", Status.NOT_STARTED)
    assert all(status_passes("all", status) for status in Status)
