"""Textual's footer, with its keys in the first frame and rebuilt only when they change."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer

# below this width the palette's key (still listed in the help) leaves its room to `q Quit`
PALETTE_KEY_MIN_WIDTH = 90

Shown = tuple[object, ...]


class KeyFooter(Footer):
    """The key bar.

    Textual's footer stays empty until the screen first announces its bindings, a few frames
    after start, and then rebuilds every key on each announcement (start-up makes three,
    with the same keys each time). This one composes its keys at once, since the screen's
    bindings are known by the time its footer composes, and skips a rebuild that would
    draw the same keys again.
    """

    def __init__(self) -> None:
        """A footer that shows its keys from the first frame, compact to fit 80 columns."""
        super().__init__(compact=True)
        self.set_reactive(Footer._bindings_ready, True)
        self._shown: Shown | None = None

    def _keys_to_show(self) -> Shown:
        palette = self.app.size.width >= PALETTE_KEY_MIN_WIDTH
        bindings = tuple(
            (
                binding.key,
                binding.action,
                binding.description,
                binding.show,
                enabled,
                tooltip,
                self.app.get_key_display(binding),
            )
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
        )
        return (palette, *bindings)

    def compose(self) -> ComposeResult:
        """The keys, remembered so that a rebuild with the same keys can be skipped."""
        self._shown = self._keys_to_show()
        self.set_reactive(Footer.show_command_palette, bool(self._shown[0]))
        yield from super().compose()

    async def recompose(self) -> None:
        """Rebuild the keys, unless they are the ones already shown."""
        if self.is_attached and self._keys_to_show() == self._shown:
            return
        await super().recompose()

    async def on_resize(self, _event: events.Resize) -> None:
        """Make room for the palette's key, or take it back, when the width crosses 90."""
        await self.recompose()
