"""The main screen's `o`: open what the item pane shows in the user's editor, at its line."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from textual.app import SuspendNotSupported
from textual.binding import Binding

from patternbrowser.core.editor import editor_argv
from patternbrowser.core.errors import PatternbrowserError
from patternbrowser.core.sanitize import one_line
from patternbrowser.tui.screens.main_base import MainScreenBase
from patternbrowser.tui.widgets.item_view import ItemView

EDITOR_BINDINGS = [Binding("o", "open_editor", "Open in editor", show=False)]


class EditorKeys(MainScreenBase):
    """Suspend the app, run the editor, reload what it changed (a mixin of the main screen)."""

    def check_files(self) -> bool:
        """Reload whatever changed on disk (the main screen's); whether anything did."""
        raise NotImplementedError

    async def shown_location(self) -> tuple[Path, int] | None:
        """The file and 1-based line of what the pane shows; None when nothing is."""
        # first catch up with the cursor, so a moved-to example is one of what the cursor is on
        place = await self.place_target()
        if place is not None:  # a guide heading from the palette or the outline
            here = (place.path, place.heading.line_index + 1)
        elif self.in_outline:  # on a guide file's row: place_target said why
            return None
        else:
            item = await self.target()
            if item is None:
                return None
            here = (self.query_one(ItemView).todo, item.line)
        pane = self.query_one(ItemView)
        sample = pane.sample if pane.moved else None
        # the user stepped to an example: open it, draft or guide block
        return (sample.path, sample.line) if sample is not None else here

    async def action_open_editor(self) -> None:
        """Open the item, guide heading or example shown in $VISUAL/$EDITOR at its line."""
        location = await self.shown_location()
        if location is None:
            return
        path, line = location
        try:
            argv = editor_argv(os.environ, path, line)
        except PatternbrowserError as error:
            self.notify(one_line(str(error)), title="No editor", severity="error", markup=False)
            return
        try:
            with self.app.suspend():
                # caught inside: suspend() resumes the screen only when its block ends cleanly
                outcome = run_editor(argv)
        except SuspendNotSupported:
            self.notify(
                f"this terminal cannot hand the screen to an editor; open {path}:{line} yourself",
                severity="warning",
                markup=False,
            )
            return
        if isinstance(outcome, str):
            self.notify(outcome, title="Editor did not start", severity="error", markup=False)
            return
        if outcome != 0:
            self.notify(f"{argv[0]} exited with status {outcome}", severity="warning", markup=False)
        if not self.check_files():
            self.notify(f"{path.name}: nothing changed", timeout=2, markup=False)


def run_editor(argv: list[str]) -> int | str:
    """Run the editor and wait for it: its exit status, or one line saying why it did not start."""
    try:
        return subprocess.run(argv, check=False).returncode
    except OSError as error:
        return one_line(f"{argv[0]}: {error.strerror or error}")
