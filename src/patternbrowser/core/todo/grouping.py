"""Ways to group items for browsing: by phase, by priority group, by guide file."""

from __future__ import annotations

from typing import Literal, get_args

from patternbrowser.core.todo.model import Item, TodoDocument

Mode = Literal["phase", "priority", "guide"]
MODES: tuple[Mode, ...] = get_args(Mode)
MODE_NAMES: dict[Mode, str] = {
    "phase": "by phase",
    "priority": "by priority",
    "guide": "by guide file",
}


def next_mode(mode: Mode) -> Mode:
    """The grouping after `mode` in the cycle."""
    return MODES[(MODES.index(mode) + 1) % len(MODES)]


def group_items(document: TodoDocument, mode: Mode) -> list[tuple[str, list[Item]]]:
    """Named groups of items for `mode`, each item in exactly one group, in a useful order."""
    if mode == "phase":
        return _by_phase(document)
    if mode == "priority":
        groups: dict[str, list[Item]] = {}
        for item in document.items:
            groups.setdefault(item.group, []).append(item)
        return list(groups.items())
    if mode == "guide":
        by_guide: dict[str, list[Item]] = {}
        for item in document.items:
            by_guide.setdefault(item.guide or "(no guide)", []).append(item)
        return sorted(by_guide.items(), key=lambda pair: (pair[0] == "(no guide)", pair[0]))
    raise ValueError(f"unknown grouping {mode!r}")


def _by_phase(document: TodoDocument) -> list[tuple[str, list[Item]]]:
    by_number: dict[int, list[Item]] = {}
    for item in document.items:
        by_number.setdefault(item.number, []).append(item)
    groups: list[tuple[str, list[Item]]] = []
    placed: set[int] = set()
    for phase in document.phases:
        members = [
            item
            for number in dict.fromkeys(phase.item_numbers)
            for item in by_number.get(number, [])
            if id(item) not in placed
        ]
        placed.update(id(item) for item in members)
        weeks = f" ({phase.weeks})" if phase.weeks else ""
        groups.append((f"Phase {phase.number} · {phase.name}{weeks}", members))
    rest = [item for item in document.items if id(item) not in placed]
    recurring = [item for item in rest if item.is_recurring]
    unphased = [item for item in rest if not item.is_recurring]
    if recurring:
        groups.append(("Recurring", recurring))
    if unphased:
        groups.append(("Not in a phase", unphased))
    return groups
