"""Names: section priorities, titles without emoji, and summary labels matched to groups."""

from __future__ import annotations

import re

from patternbrowser.core.todo.model import Priority

_PRIORITY_SIGNS = (
    (Priority.HIGH, "🔴", re.compile(r"\bHIGH\b|\bhigh priority\b", re.I)),
    (Priority.MEDIUM, "🟡", re.compile(r"\bMEDIUM\b|\bmedium priority\b", re.I)),
    (Priority.LOW, "🟢", re.compile(r"\bLOW\b|\blow priority\b", re.I)),
)
_WORD = re.compile(r"[^\W_]+")


def section_priority(title: str) -> Priority | None:
    """The priority a `##` title gives: its colour emoji or an upper-case HIGH/MEDIUM/LOW."""
    for priority, emoji, _ in _PRIORITY_SIGNS:
        if emoji in title:
            return priority
    for priority, _, pattern in _PRIORITY_SIGNS:
        match = pattern.search(title)
        if match and (match.group().isupper() or " " in match.group()):
            return priority
    return None


def strip_symbols(title: str) -> str:
    """The title without leading emoji, symbols and spaces."""
    index = 0
    while index < len(title) and not title[index].isalnum():
        index += 1
    return title[index:].strip() or title.strip()


def _stems(text: str) -> frozenset[str]:
    words = (word.lower() for word in _WORD.findall(text))
    return frozenset(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words)


def match_label(label: str, groups: list[str]) -> str | None:
    """The group a summary label names: same words, or one's words contain the other's."""
    wanted = _stems(label)
    if not wanted:
        return None
    exact = [group for group in groups if _stems(group) == wanted]
    if len(exact) == 1:
        return exact[0]
    near = [g for g in groups if wanted <= _stems(g) or _stems(g) <= wanted]
    return near[0] if len(near) == 1 else None
