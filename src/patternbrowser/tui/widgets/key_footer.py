"""Textual's footer, with its keys in the first frame and rebuilt only when they change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, bool, str, str], ...]


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

    def _bindings_shown(self) -> Shown:
        return tuple(
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

    def compose(self) -> ComposeResult:
        """The keys, remembered so that a rebuild with the same keys can be skipped."""
        self._shown = self._bindings_shown()
        yield from super().compose()

    async def recompose(self) -> None:
        """Rebuild the keys, unless they are the ones already shown."""
        if self.is_attached and self._bindings_shown() == self._shown:
            return
        await super().recompose()
