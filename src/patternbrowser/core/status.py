"""The four item statuses, their markdown markers and ASCII forms."""

from __future__ import annotations

from enum import Enum

VS16 = "\ufe0f"  # emoji presentation selector; markers are accepted with or without it


class Status(Enum):
    """The status of a TODO item; the value is the id used in the store and JSON."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    BLOCKED = "blocked"

    @property
    def emoji(self) -> str:
        """The marker written into the markdown."""
        return _EMOJI[self]

    @property
    def ascii(self) -> str:
        """The marker shown on screen in `--ascii` mode."""
        return _ASCII[self]

    @property
    def label(self) -> str:
        """The human name, as in the TODO's status legend."""
        return _LABEL[self]

    def marker(self, ascii_only: bool = False) -> str:
        """The on-screen marker for the chosen mode, two cells wide in every terminal."""
        return self.ascii if ascii_only else _SCREEN.get(self, self.emoji)

    def cycled(self) -> Status:
        """The next status of the ⬜ → 🟦 → ✅ → ⬜ cycle (blocked restarts it)."""
        return _CYCLE.get(self, Status.NOT_STARTED)


_EMOJI = {
    Status.NOT_STARTED: "⬜",
    Status.IN_PROGRESS: "🟦",
    Status.COMPLETED: "✅",
    Status.BLOCKED: "⏸️",
}
# ⏸️ (U+23F8 U+FE0F) is two cells to Rich and one to tmux and wcwidth, which shifts a blocked
# row; the text form U+23F8 is one cell to all of them, so a space makes it two everywhere.
_SCREEN = {Status.BLOCKED: "\u23f8 "}
_ASCII = {
    Status.NOT_STARTED: "[ ]",
    Status.IN_PROGRESS: "[~]",
    Status.COMPLETED: "[x]",
    Status.BLOCKED: "[!]",
}
_LABEL = {
    Status.NOT_STARTED: "Not Started",
    Status.IN_PROGRESS: "In Progress",
    Status.COMPLETED: "Completed",
    Status.BLOCKED: "Blocked/On Hold",
}
_CYCLE = {
    Status.NOT_STARTED: Status.IN_PROGRESS,
    Status.IN_PROGRESS: Status.COMPLETED,
    Status.COMPLETED: Status.NOT_STARTED,
}
_BY_EMOJI = {status.emoji.rstrip(VS16): status for status in Status}
_BY_ASCII = {status.ascii: status for status in Status}


def status_from_marker(marker: str) -> Status | None:
    """Return the status of an emoji marker (with or without U+FE0F), else None."""
    return _BY_EMOJI.get(marker.rstrip(VS16))


def split_marker(text: str) -> tuple[Status | None, str, str]:
    """Split a leading status marker off `text`: (status, marker as written, rest)."""
    if not text:
        return None, "", text
    first = text[0]
    status = _BY_EMOJI.get(first)
    if status is None:
        return None, "", text
    end = 1
    while end < len(text) and text[end] == VS16:
        end += 1
    return status, text[:end], text[end:]


# the words people write or type for the four states: the CLI's `set` and a TODO's own
# `**Status**:` field read the same ones
STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(
        ["not started", "not yet started", "todo", "to do", "to-do", "pending", "open", "planned"],
        Status.NOT_STARTED,
    ),
    **dict.fromkeys(["backlog", "new", "not_started", "not yet"], Status.NOT_STARTED),
    **dict.fromkeys(
        ["in progress", "in-progress", "in_progress", "started", "doing", "wip", "ongoing"],
        Status.IN_PROGRESS,
    ),
    **dict.fromkeys(["active", "underway", "working", "progress"], Status.IN_PROGRESS),
    **dict.fromkeys(
        ["done", "completed", "complete", "finished", "closed", "resolved", "fixed"],
        Status.COMPLETED,
    ),
    **dict.fromkeys(
        ["blocked", "on hold", "on-hold", "blocked/on hold", "paused", "waiting", "deferred"],
        Status.BLOCKED,
    ),
    **dict.fromkeys(["hold"], Status.BLOCKED),
}


def _plain(word: str) -> str:
    """A word with case, `-` and `_` folded: `In-Progress` and `in_progress` are one word."""
    return word.strip().lower().replace("-", " ").replace("_", " ")


_BY_WORD = {_plain(word): status for word, status in STATUS_WORDS.items()}


def parse_status(value: str) -> Status | None:
    """Read a status given by a user: an id, a word for it, a label, an emoji or ASCII marker."""
    cleaned = value.strip()
    return _BY_WORD.get(_plain(cleaned)) or _BY_ASCII.get(cleaned) or status_from_marker(cleaned)


def status_choices() -> str:
    """A readable list of the accepted status names, for error messages."""
    ids = ", ".join(status.value for status in Status)
    emoji = " ".join(status.emoji for status in Status)
    return f"{ids}; or todo, wip, done, blocked; or {emoji}"
