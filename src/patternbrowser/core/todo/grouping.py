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


def modes_for(document: TodoDocument | None) -> tuple[Mode, ...]:
    """The groupings that make sense: a checklist has no phases, so none by phase."""
    if document is not None and document.kind == "checklist":
        return ("priority",)
    return MODES


def default_mode(document: TodoDocument) -> Mode:
    """The grouping the app starts with."""
    return modes_for(document)[0]


def mode_name(mode: Mode, document: TodoDocument) -> str:
    """What the grouping is called for this document (a checklist's groups are headings)."""
    if document.kind == "checklist" and mode in ("priority", "phase"):
        return "by heading"
    return MODE_NAMES[mode]


def next_mode(mode: Mode, document: TodoDocument | None = None) -> Mode:
    """The grouping after `mode` in the cycle (of the groupings `document` has)."""
    modes = modes_for(document)
    return modes[(modes.index(mode) + 1) % len(modes)] if mode in modes else modes[0]


def group_items(document: TodoDocument, mode: Mode) -> list[tuple[str, list[Item]]]:
    """Named groups of items for `mode`, each item in exactly one group, in a useful order."""
    if mode == "phase" and document.kind == "checklist":
        mode = "priority"  # a TODO that became a checklist on disk: its headings
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
