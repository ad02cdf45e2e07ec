"""Command palette providers: items and guide sections by fuzzy name, and app commands."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from patternbrowser.core.sanitize import one_line

if TYPE_CHECKING:
    from patternbrowser.tui.screens.main import MainScreen


Name = tuple[str, str, int]  # what the palette shows, its help line, the item number


def _main_screen(provider: Provider) -> MainScreen | None:
    """The main screen the palette was opened on (None over any other screen)."""
    from patternbrowser.tui.screens.main import MainScreen

    screen = provider.screen
    return screen if isinstance(screen, MainScreen) else None


class ItemProvider(Provider):
    """Finds items by number and title, and guide sections by heading."""

    # collected once per opening of the palette, not on every keystroke; the sections
    # (a guide lookup per item) only once something is typed
    _items: list[Name] | None = None
    _sections: list[Name] | None = None

    def _item_names(self, screen: MainScreen) -> list[Name]:
        if self._items is None:
            self._items = [
                (f"#{item.number} {one_line(item.title)}", "Show this item", item.number)
                for item in screen.session.tracker.document.items
            ]
        return self._items

    def _section_names(self, screen: MainScreen) -> list[Name]:
        if self._sections is None:
            guides = screen.session.guides
            items = screen.session.tracker.document.items
            lookups = [(item.number, guides.lookup(item)) for item in items] if guides else []
            self._sections = [
                (
                    f"{one_line(lookup.heading.title)} ({one_line(lookup.message)})",
                    f"Guide section of #{number}",
                    number,
                )
                for number, lookup in lookups
                if lookup.state == "found" and lookup.heading is not None
            ]
        return self._sections

    async def search(self, query: str) -> Hits:
        """Items and sections whose names fuzzily match `query`."""
        screen = _main_screen(self)
        if screen is None:
            return
        matcher = self.matcher(query)
        for text, help_text, number in self._item_names(screen) + self._section_names(screen):
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(text), partial(screen.jump_to, number), help=help_text
                )

    async def discover(self) -> Hits:
        """Every item, for browsing the palette before typing."""
        screen = _main_screen(self)
        if screen is None:
            return
        for text, help_text, number in self._item_names(screen):
            yield DiscoveryHit(text, partial(screen.jump_to, number), help=help_text)


class ActionProvider(Provider):
    """The app's commands that have no key of their own."""

    async def search(self, query: str) -> Hits:
        """Commands whose names match `query`."""
        screen = _main_screen(self)
        if screen is None:
            return
        commands = [
            (
                "Save example to a file",
                "Write the current example to a new file",
                screen.action_save_example,
            ),
            (
                "Adopt markdown markers (import)",
                "Resolve drift: the markdown wins",
                screen.adopt_markdown,
            ),
            (
                "Keep the store's statuses (export)",
                "Resolve drift: the store wins",
                screen.action_export,
            ),
            ("Cycle grouping", "Phase → priority → guide file", screen.action_grouping),
        ]
        matcher = self.matcher(query)
        for name, help_text, callback in commands:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
