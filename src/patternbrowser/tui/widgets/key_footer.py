"""Textual's footer, with its keys in the first frame and rebuilt only when they change."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# below this width the palette's key (still listed in the help) leaves its room to `q Quit`
PALETTE_KEY_MIN_WIDTH = 90
# on narrow screens these keys give their room away first, so `? Help` and `q Quit` always
# show (every key stays in the help)
GIVE_WAY = ("example", "toggle_blocked", "grouping", "export", "copy", "filter", "cycle_status")

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
        # the width, not only which side of 90 it is on: the keys that fit depend on it
        width = self.app.size.width
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
            if binding.show  # keys of the focused widget come and go unseen (the tree's up)
        )
        return (width, *bindings)

    def compose(self) -> ComposeResult:
        """The keys that fit, remembered so that a rebuild with the same keys can be skipped."""
        self._shown = self._keys_to_show()
        palette = self.app.size.width >= PALETTE_KEY_MIN_WIDTH
        self.set_reactive(Footer.show_command_palette, palette)
        keys = list(super().compose())
        room = self.app.size.width
        for action in GIVE_WAY:
            if sum(_width(key) for key in keys) <= room:
                break
            keys = [key for key in keys if not _is_action(key, action)]
        self.styles.grid_size_columns = len(keys)
        for key in keys:
            # styled compact from the start: the key's own watcher would restyle it once mounted
            key.set_class(self.compact, "-compact", update=False)
        yield from keys

    async def recompose(self) -> None:
        """Rebuild the keys, unless they are the ones already shown."""
        if self.is_attached and self._keys_to_show() == self._shown:
            return
        await super().recompose()

    async def on_resize(self, _event: events.Resize) -> None:
        """Fit the keys to the new width (the palette's key from 90 columns)."""
        await self.recompose()


def _is_action(widget: Widget, action: str) -> bool:
    """True for the footer key of `action` (with or without parameters)."""
    return isinstance(widget, FooterKey) and widget.action.split("(")[0] == action


def _width(widget: Widget) -> int:
    """The cells a compact footer key takes: the key, a space, its description, a space."""
    if isinstance(widget, FooterKey):
        return len(widget.key_display) + len(widget.description) + 2
    return 0
