"""The main screen's example keys: `[`/`]` through drafts and guide blocks, `c` and save."""

from __future__ import annotations

from patternbrowser.core.guides.samples import Sample
from patternbrowser.tui.screens.main_base import MainScreenBase
from patternbrowser.tui.widgets.item_view import ItemView


class ExampleKeys(MainScreenBase):
    """Step through, copy and save the example shown (a mixin of the main screen)."""

    async def ensure_guide(self) -> None:
        """Draw the guide section now if it is still waiting for the selection to rest."""
        raise NotImplementedError

    def example_pane(self) -> ItemView:
        """The pane whose examples the keys act on."""
        return self.query_one(ItemView)

    async def _owner(self) -> int | str | None:
        """The item number (or guide heading) whose examples the keys act on; None if none."""
        place = await self.place_target()
        if place is not None:  # a guide heading from the palette or the outline
            return f"{place.path.stem}-{place.heading.line_index + 1}"
        if self.in_outline:  # on a guide file's row: place_target said why
            return None
        item = await self.target()
        if item is None:
            return None
        await self.ensure_guide()
        return item.number

    async def action_example(self, step: int) -> None:
        """Move to the previous or next example: the TODO's drafts, then the guide's blocks."""
        if await self._owner() is None:
            return
        moved = self.example_pane().move_example(step)
        if moved is None:
            self.notify("there are no examples here", timeout=2)
            return
        _sample, wrapped = moved
        if wrapped == "wrapped-to-first":
            self.notify("that was the last example: back to the first", timeout=2)
        elif wrapped == "wrapped-to-last":
            self.notify("that was the first example: on to the last", timeout=2)

    async def _current_sample(self, verb: str) -> tuple[int | str, Sample] | None:
        owner = await self._owner()
        if owner is None:
            return None
        sample = self.example_pane().sample
        if sample is None:
            self.notify(f"there is no example here to {verb}", severity="warning")
            return None
        return owner, sample

    async def action_copy(self) -> None:
        """Copy the example shown, or offer to save it when no clipboard is reachable."""
        found = await self._current_sample("copy")
        if found is None:
            return
        from patternbrowser.tui.example_actions import copy_example

        copy_example(self.app, found[1], found[0])

    async def action_save_example(self) -> None:
        """Save the example shown to a file (the palette's alternative to copying)."""
        found = await self._current_sample("save")
        if found is None:
            return
        from patternbrowser.tui.example_actions import ask_where_to_save

        ask_where_to_save(self.app, found[1], found[0], "Save the current example.")
