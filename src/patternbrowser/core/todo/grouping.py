"""Ways to browse: items by phase, by priority group, by guide file; or the guides' outline."""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

from patternbrowser.core.todo.model import Item, TodoDocument

ItemMode = Literal["phase", "priority", "guide"]
Mode = ItemMode | Literal["outline"]  # the outline lists the guides' headings, not items
ITEM_MODES: tuple[ItemMode, ...] = get_args(ItemMode)
MODE_NAMES: dict[Mode, str] = {
    "phase": "by phase",
    "priority": "by priority",
    "guide": "by guide file",
    "outline": "guide outline",
}


def is_item_mode(mode: Mode) -> TypeGuard[ItemMode]:
    """Whether `mode` groups the TODO's items (every mode but the guide outline)."""
    return mode != "outline"


def modes_for(document: TodoDocument | None, has_guides: bool = False) -> tuple[Mode, ...]:
    """The ways that make sense: a checklist has no phases; no outline without guides."""
    items: tuple[Mode, ...] = ITEM_MODES
    if document is not None and document.kind == "checklist":
        items = ("priority",)
    return (*items, "outline") if has_guides else items


def default_mode(document: TodoDocument) -> ItemMode:
    """The grouping the app starts with."""
    return "priority" if document.kind == "checklist" else ITEM_MODES[0]


def mode_name(mode: Mode, document: TodoDocument) -> str:
    """What the grouping is called for this document (a checklist's groups are headings)."""
    if document.kind == "checklist" and mode in ("priority", "phase"):
        return "by heading"
    return MODE_NAMES[mode]


def next_mode(mode: Mode, document: TodoDocument | None = None, has_guides: bool = False) -> Mode:
    """The way after `mode` in the cycle (of those `document` and the guides allow)."""
    modes = modes_for(document, has_guides)
    return modes[(modes.index(mode) + 1) % len(modes)] if mode in modes else modes[0]


def group_items(document: TodoDocument, mode: ItemMode) -> list[tuple[str, list[Item]]]:
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
