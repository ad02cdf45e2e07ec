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


# the everyday words for the four states, as people type them
WORDS = {
    Status.NOT_STARTED: ("todo", "open", "new", "pending", "not_started", "not_yet"),
    Status.IN_PROGRESS: ("wip", "doing", "started", "in_progress", "progress", "active"),
    Status.COMPLETED: ("done", "complete", "completed", "finished", "closed"),
    Status.BLOCKED: ("blocked", "on_hold", "hold", "paused", "waiting", "blocked/on_hold"),
}


def parse_status(value: str) -> Status | None:
    """Read a status given by a user: an id, a word for it, a label, an emoji or ASCII marker."""
    cleaned = value.strip()
    lowered = cleaned.lower().replace("-", "_").replace(" ", "_")
    for status in Status:
        if lowered in (status.value, status.label.lower().replace(" ", "_"), *WORDS[status]):
            return status
    return _BY_ASCII.get(cleaned) or status_from_marker(cleaned)


def status_choices() -> str:
    """A readable list of the accepted status names, for error messages."""
    ids = ", ".join(status.value for status in Status)
    emoji = " ".join(status.emoji for status in Status)
    return f"{ids}; or todo, wip, done, blocked; or {emoji}"
