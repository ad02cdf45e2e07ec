"""Which guides folder a TODO is checked against when none is given."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from patternbrowser.core.guidepath import unsafe_reason

Found = Literal["given", "bundled", "beside", "own folder", "none"]


@dataclass(frozen=True)
class GuidesChoice:
    """The guides folder in use (None: no guides) and how it was found."""

    path: Path | None
    found: Found

    def describe(self) -> str:
        """One line saying which folder is in use and why."""
        reasons = {
            "given": "given with --guides",
            "bundled": "the bundled guides, for the bundled TODO",
            "beside": "found beside the TODO",
            "own folder": "the TODO's own folder, which holds files its File fields name",
        }
        if self.path is None:
            return "guides folder: none (no guides/ beside the TODO; pass --guides DIR)"
        return f"guides folder: {self.path} ({reasons[self.found]})"

    def short(self) -> str:
        """The folder alone, for the app's header."""
        return f"guides: {self.path}" if self.path is not None else "no guides"


def choose_guides(
    todo: Path,
    given: Path | None,
    bundled: tuple[Path, Path],
    named: Callable[[], Iterable[str]],
) -> GuidesChoice:
    """The folder given, else the bundled guides for the bundled TODO, else one beside it.

    `bundled` is (bundled TODO, bundled guides); `named` gives the guide names the TODO's
    File fields hold (asked only when no guides/ folder sits beside the TODO).
    """
    if given is not None:
        return GuidesChoice(given, "given")
    if _same(todo, bundled[0]):
        return GuidesChoice(bundled[1], "bundled")
    folder = todo.parent
    if (folder / "guides").is_dir():
        return GuidesChoice(folder / "guides", "beside")
    for name in named():
        if not unsafe_reason(name) and (folder / name).is_file():
            return GuidesChoice(folder, "own folder")
    return GuidesChoice(None, "none")


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False
