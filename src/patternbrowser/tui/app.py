"""The Textual app: wiring only. `make_app` is shared by the CLI and the tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App

if TYPE_CHECKING:
    from textual.command import Provider

from patternbrowser.core.session import Session
from patternbrowser.tui.screens.main import MainScreen


def _item_provider() -> type[Provider]:
    # the palette (and textual.command) is imported when it is first opened, not at start
    from patternbrowser.tui.palette import ItemProvider

    return ItemProvider


def _action_provider() -> type[Provider]:
    from patternbrowser.tui.palette import ActionProvider

    return ActionProvider


class PatternBrowserApp(App[None]):
    """Browse a pattern-guide TODO, mark progress, copy examples, export."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "patternbrowser"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = App.COMMANDS | {
        _item_provider,
        _action_provider,
    }

    def __init__(
        self, session: Session, ascii_only: bool = False, guides_note: str | None = None
    ) -> None:
        """Show `session`; `ascii_only` replaces emoji markers with [ ] [~] [x] [!].

        `guides_note` says in the header which guides folder is in use.
        """
        super().__init__()
        self.session = session
        self.ascii_only = ascii_only
        if guides_note:
            self.title = f"{self.TITLE} · {guides_note}"

    def get_default_screen(self) -> MainScreen:
        """The main screen is the app's first screen (no blank screen beneath it)."""
        return MainScreen(self.session, self.ascii_only)

    async def on_mount(self) -> None:
        """Hold the keys typed during start-up until the main screen can take them."""
        # the app reads its queued keys only after this returns, so none is lost or reordered
        if isinstance(self.screen, MainScreen):
            await self.screen.started.wait()


def make_app(
    todo: Path,
    guides: Path | None = None,
    state: Path | None = None,
    ascii_only: bool = False,
    guides_note: str | None = None,
) -> PatternBrowserApp:
    """Open the files (errors surface here, before the terminal is taken) and build the app."""
    session = Session(todo, guides, state)
    return PatternBrowserApp(session, ascii_only=ascii_only, guides_note=guides_note)
