"""Command palette providers: items, every guide heading and every command, by fuzzy name.

Names come from files, so every hit is built as Content (never parsed as markup).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from patternbrowser.core.sanitize import one_line

if TYPE_CHECKING:
    from patternbrowser.tui.screens.main import MainScreen

Callback = Callable[[], Awaitable[Any] | Any]
Name = tuple[str, str, Callback]  # what the palette shows, its help line, what choosing does


def _main_screen(provider: Provider) -> MainScreen | None:
    """The main screen the palette was opened on (None over any other screen)."""
    from patternbrowser.tui.screens.main import MainScreen

    screen = provider.screen
    return screen if isinstance(screen, MainScreen) else None


def literal_hit(matcher: Matcher, score: float, name: str, help_text: str, run: Callback) -> Hit:
    """A hit whose name and help are shown as written: `[/red]` stays text, never markup."""
    _, offsets = matcher.fuzzy_search.match(matcher.query, name)
    content = Content(name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return Hit(score, content, run, text=name, help=escape(help_text))


class NamedProvider(Provider):
    """A provider of (name, help, action) entries, matched by fuzzy name."""

    def names(self, screen: MainScreen) -> list[Name]:
        """The entries this provider offers."""
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        """The entries whose names fuzzily match `query`."""
        screen = _main_screen(self)
        if screen is None:
            return
        matcher = self.matcher(query)
        for name, help_text, run in self.names(screen):
            score = matcher.match(name)
            if score > 0:
                yield literal_hit(matcher, score, name, help_text, run)


class ItemProvider(NamedProvider):
    """Finds items by number and title, and every heading of every guide by its name."""

    # collected once per opening of the palette, not on every keystroke; the headings (every
    # guide parsed, then cached by the library) only once something is typed
    _items: list[Name] | None = None
    _headings: list[Name] | None = None

    def _item_names(self, screen: MainScreen) -> list[Name]:
        if self._items is None:
            self._items = [
                (
                    f"#{item.number} {one_line(item.title)}",
                    "Show this item",
                    partial(screen.jump_to, item.number),
                )
                for item in screen.session.tracker.document.items
            ]
        return self._items

    def _heading_names(self, screen: MainScreen) -> list[Name]:
        if self._headings is None:
            from patternbrowser.core.guides.outline import outline

            guides = screen.session.guides
            places = [p for g in outline(guides) for p in g.places] if guides else []
            self._headings = [
                (
                    f"{one_line(place.name)}  ({one_line(place.where)})",
                    "Guide heading"
                    + (f" · item #{place.heading.item}" if place.heading.item else ""),
                    partial(screen.show_place, place),
                )
                for place in places
            ]
        return self._headings

    def names(self, screen: MainScreen) -> list[Name]:
        """Every item, then every heading of every guide."""
        return self._item_names(screen) + self._heading_names(screen)

    async def discover(self) -> Hits:
        """Every item, for browsing the palette before typing."""
        screen = _main_screen(self)
        if screen is None:
            return
        for name, help_text, run in self._item_names(screen):
            yield DiscoveryHit(Content(name), run, text=name, help=escape(help_text))


class ActionProvider(NamedProvider):
    """The app's commands, found by what they do ("export", "import", "undo", "redo")."""

    def names(self, screen: MainScreen) -> list[Name]:
        """The commands, named by the words people look for them by."""
        return [
            (
                "Export into the markdown (export)",
                "Write statuses into the TODO",
                screen.action_export,
            ),
            (
                "Import the markdown's markers (import, adopt)",
                "Adopt markers edited by hand; undone as one step",
                screen.adopt_markdown,
            ),
            ("Undo the last change (undo)", "ctrl+z", screen.action_undo),
            ("Redo what undo reverted (redo)", "ctrl+y", screen.action_redo),
            ("Copy the example shown (copy)", "c", screen.action_copy),
            (
                "Save example to a file (save)",
                "Write the example shown to a new file",
                screen.action_save_example,
            ),
            (
                "Open in your editor (open, edit)",
                "o: the item, or the block or heading shown, at its line",
                screen.action_open_editor,
            ),
            ("Edit the item's note (note, annotate)", "a", screen.action_annotate),
            (
                "Cycle grouping (group)",
                "g: phase → priority → guide file → guide outline",
                screen.action_grouping,
            ),
            (
                "Browse the guide outline (outline, guides, headings)",
                "Every guide file and its headings as the tree",
                screen.show_outline,
            ),
            ("Show every key (help, keys)", "?", screen.action_help),
            ("Quit (exit)", "q; every change is already saved", screen.action_quit),
        ]
