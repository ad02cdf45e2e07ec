"""Command palette providers: items and guide sections by fuzzy name, and app commands."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from patternbrowser.core.sanitize import one_line

if TYPE_CHECKING:
    from patternbrowser.tui.screens.main import MainScreen


class ItemProvider(Provider):
    """Finds items by number and title, and guide sections by heading."""

    _cache: list[tuple[str, str, int]] | None = None

    def _names(self) -> list[tuple[str, str, int]]:
        """The names, collected once per opening of the palette, not on every keystroke."""
        if self._cache is None:
            self._cache = self._candidates()
        return self._cache

    def _screen(self) -> MainScreen | None:
        from patternbrowser.tui.screens.main import MainScreen

        screen = self.screen
        return screen if isinstance(screen, MainScreen) else None

    def _candidates(self) -> list[tuple[str, str, int]]:
        screen = self._screen()
        if screen is None:
            return []
        found: list[tuple[str, str, int]] = []
        session = screen.session
        for item in session.tracker.document.items:
            found.append((f"#{item.number} {one_line(item.title)}", "Show this item", item.number))
        if session.guides is not None:
            for item in session.tracker.document.items:
                lookup = session.guides.lookup(item)
                if lookup.state == "found" and lookup.heading is not None:
                    title = one_line(lookup.heading.title)
                    where = one_line(lookup.message)
                    found.append(
                        (f"{title} ({where})", f"Guide section of #{item.number}", item.number)
                    )
        return found

    async def search(self, query: str) -> Hits:
        """Items and sections whose names fuzzily match `query`."""
        screen = self._screen()
        if screen is None:
            return
        matcher = self.matcher(query)
        for text, help_text, number in self._names():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(text), partial(screen.jump_to, number), help=help_text
                )

    async def discover(self) -> Hits:
        """Every item, for browsing the palette before typing."""
        screen = self._screen()
        if screen is None:
            return
        for text, help_text, number in self._names():
            if help_text == "Show this item":
                yield DiscoveryHit(text, partial(screen.jump_to, number), help=help_text)


class ActionProvider(Provider):
    """The app's commands that have no key of their own."""

    async def search(self, query: str) -> Hits:
        """Commands whose names match `query`."""
        from patternbrowser.tui.screens.main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
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
