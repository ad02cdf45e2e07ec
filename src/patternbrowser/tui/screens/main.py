"""The main screen: tree on the left, the item on the right, progress on top."""

from __future__ import annotations

import asyncio
from datetime import date
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Header, Static

from patternbrowser.core import clock
from patternbrowser.core.errors import PatternbrowserError
from patternbrowser.core.guides.library import SectionLookup
from patternbrowser.core.sanitize import one_line
from patternbrowser.core.session import Session
from patternbrowser.core.status import Status
from patternbrowser.core.todo.grouping import Mode, default_mode, is_item_mode
from patternbrowser.core.todo.model import Item
from patternbrowser.core.wording import clipped, counted
from patternbrowser.tui.notices import show_error
from patternbrowser.tui.screens.editor_keys import EDITOR_BINDINGS, EditorKeys
from patternbrowser.tui.screens.example_keys import ExampleKeys
from patternbrowser.tui.screens.filter_keys import FILTER_BINDINGS, FilterKeys
from patternbrowser.tui.screens.history_keys import HistoryKeys
from patternbrowser.tui.screens.note_keys import NOTE_BINDINGS, NoteKeys
from patternbrowser.tui.screens.outline_keys import ITEM_PLACEHOLDER, OutlineKeys
from patternbrowser.tui.screens.places import PlaceKeys
from patternbrowser.tui.screens.status_keys import StatusKeys
from patternbrowser.tui.screens.view_keys import VIEW_BINDINGS, ViewKeys
from patternbrowser.tui.startup import resume_collector
from patternbrowser.tui.widgets.drift_banner import DriftBanner
from patternbrowser.tui.widgets.filter_field import FilterField
from patternbrowser.tui.widgets.item_tree import ItemTree
from patternbrowser.tui.widgets.item_view import ItemState, ItemView
from patternbrowser.tui.widgets.key_footer import KeyFooter
from patternbrowser.tui.widgets.outline_tree import OutlineTree
from patternbrowser.tui.widgets.progress_panel import ProgressPanel

GUIDE_DELAY = 0.2  # seconds after the first screen before its item's guide section is drawn


class MainScreen(
    StatusKeys,
    ExampleKeys,
    OutlineKeys,
    PlaceKeys,
    FilterKeys,
    ViewKeys,
    EditorKeys,
    NoteKeys,
    HistoryKeys,
):
    """Browse, mark, copy and export; every change goes through the session at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: handled before the keys typed right after them reach a widget
        Binding("slash", "filter", "Filter", priority=True),
        Binding("space", "cycle_status", "Status"),
        Binding("b", "toggle_blocked", "Blocked"),
        Binding("left_square_bracket", "example(-1)", "Previous example", show=False),
        Binding("right_square_bracket", "example(1)", "Example", key_display="[ ]"),
        Binding("c", "copy", "Copy"),
        Binding("e", "export", "Export"),
        Binding("g", "grouping", "Group", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y,ctrl+shift+z", "redo", "Redo", show=False),
        Binding("M", "resolve_drift('markdown')", "Adopt markdown", show=False),
        Binding("S", "resolve_drift('store')", "Keep store", show=False),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
        Binding("escape", "clear_filter", "Clear filter"),
        *FILTER_BINDINGS,
        *VIEW_BINDINGS,
        *EDITOR_BINDINGS,
        *NOTE_BINDINGS,
    ]

    AUTO_FOCUS = "#tree"

    def __init__(self, session: Session, ascii_only: bool) -> None:
        """Browse `session`, with ASCII markers when `ascii_only` is set."""
        super().__init__()
        self.session = session
        self.ascii_only = ascii_only
        self.mode: Mode = default_mode(session.tracker.document)  # no phases in a checklist
        self._item_mode = default_mode(session.tracker.document)
        self.number: int | None = None
        self._guide_timer: Timer | None = None
        self._drawn_on: date | None = None  # the day "due again" was last worked out for
        self._cursor_pending = False  # the tree was rebuilt and its cursor not yet placed
        self._warned_unexported = False  # quitting with unexported changes asks once
        self.started = asyncio.Event()  # set once the first item is shown
        # made here: key checks ask for it while the screen is still being composed
        self.filter_field = FilterField(
            self.action_accept_filter, placeholder=ITEM_PLACEHOLDER, id="filter"
        )
        self.filter_field.display = False

    @property
    def query_text(self) -> str:
        """What the filter field holds."""
        return self.filter_field.value

    def compose(self) -> ComposeResult:
        """Header, progress, drift banner, tree and item side by side, footer."""
        yield Header()
        yield ProgressPanel(self.ascii_only, id="progress")
        yield DriftBanner(id="drift")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield self.filter_field
                yield ItemTree(self.ascii_only, id="tree")
                yield OutlineTree(id="outline")
                yield Static(id="tree-status", classes="muted")
            yield ItemView(self.ascii_only, id="item")
        yield KeyFooter()

    async def on_mount(self) -> None:
        """Fill everything and show the first item, all in the first frame."""
        try:
            self.app.sub_title = str(self.session.workspace.todo)
            self.refresh_all()
            first = self.query_one(ItemTree).first_item()
            if first is not None:
                await self.show_item(first)
                self.select_later()
        finally:
            self.started.set()
        self.call_after_refresh(resume_collector)
        warnings = self.session.tracker.document.problems
        if warnings:
            self.notify(
                clipped([one_line(str(warning)) for warning in warnings], 5),
                title="Warnings in the TODO",
                severity="warning",
                markup=False,
                timeout=10,
            )
        self.set_interval(1.0, self.check_files)

    # --- drawing -----------------------------------------------------------------

    def refresh_all(self, only_tree: bool = False) -> None:
        """Redraw tree, progress and drift from the session, keeping the selection.

        `only_tree` when nothing but the tree's shape changed (filter, grouping): progress,
        drift and the item shown stay as they are.
        """
        tracker = self.session.tracker
        statuses = tracker.statuses()
        self._drawn_on = clock.today()
        counted = tracker.counted_statuses(self._drawn_on, statuses)
        self.show_navigator()
        self.tree_query = self.query_text
        if is_item_mode(self.mode):
            tree = self.query_one(ItemTree)
            document, wanted = tracker.document, self.status_filter
            shown = tree.populate(document, statuses, counted, self.mode, self.query_text, wanted)
            footer = self.tree_footer(shown, len(document.items))
        else:
            footer = self.draw_outline(self.query_text)
        self.query_one("#tree-status", Static).update(footer)
        if not only_tree:
            self._draw_progress(counted)
        if self.in_outline:
            # a file changed (not only_tree): show the heading's new text too
            self.call_after_refresh(self.reselect_place, not only_tree)
        elif self.number is not None:
            # the tree places its new nodes on the next refresh; select after it
            self._cursor_pending = True
            self.call_after_refresh(self._place_cursor if only_tree else self._reselect)

    def _draw_progress(self, counted: dict[int, Status]) -> None:
        tracker = self.session.tracker
        self.query_one(ProgressPanel).show(tracker.document, counted)
        self.query_one(DriftBanner).show(tracker.drift())

    def select_later(self) -> None:
        """Put the cursor on the item shown once the tree has placed its (new) nodes."""
        # until then, keys act on the item shown: that is where the cursor will go
        self._cursor_pending = True
        self.call_after_refresh(self._place_cursor)

    def _place_cursor(self) -> bool:
        """Put the tree's cursor on the item shown (the one shown when this runs).

        Not if it was placed since (a jump to a match): a key may have moved it on already.
        """
        if not self._cursor_pending:
            return False
        self._cursor_pending = False
        return self.number is not None and self.query_one(ItemTree).select_item(self.number)

    async def _reselect(self) -> None:
        if self._place_cursor() and self.number is not None:
            await self.show_item(self.number)

    def refresh_status(self, item: Item) -> None:
        """Redraw what one status change affects."""
        tracker = self.session.tracker
        statuses = tracker.statuses()
        counted = tracker.counted_statuses(clock.today(), statuses)
        if self.status_filter != "all":  # the item may have left (or joined) what is shown
            self.refresh_all(only_tree=True)
        else:
            self.query_one(ItemTree).refresh_item(item, statuses, counted)
        self._draw_progress(counted)
        view = self.query_one(ItemView)
        if view.item is not None and view.item.number == item.number:
            view.show_status(self._state(item))

    def _state(self, item: Item) -> ItemState:
        tracker = self.session.tracker
        record = tracker.store.records.get(item.number)
        return ItemState(tracker.status_of(item), record, tracker.due_text(item, clock.today()))

    async def show_item(self, number: int) -> None:
        """Show an item in the right pane, its guide section with it."""
        tracker = self.session.tracker
        item = tracker.document.item(number)
        if item is None:
            return
        self.number = number
        self.cancel_guide()
        view, todo = self.query_one(ItemView), self.session.workspace.todo
        if self.started.is_set():
            await view.show(item, self._state(item), todo, self._lookup(item))
            return
        # the first screen is drawn first; the first item's guide section follows it
        await view.show(item, self._state(item), todo)
        self._guide_timer = self.set_timer(GUIDE_DELAY, partial(self._show_guide, number))

    def _lookup(self, item: Item) -> SectionLookup | None:
        return self.session.guides.lookup(item) if self.session.guides else None

    async def ensure_guide(self) -> None:
        """Draw the guide section now if it is still waiting for the first screen to be drawn."""
        if self._guide_timer is not None and self.number is not None:
            self._guide_timer.stop()
            await self._show_guide(self.number)

    async def _show_guide(self, number: int) -> None:
        self._guide_timer = None
        item = self.session.tracker.document.item(number)
        if item is None or number != self.number:
            return
        await self.query_one(ItemView).show_guide(number, self._lookup(item))

    @on(ItemTree.ItemFocused)
    async def _item_focused(self, message: ItemTree.ItemFocused) -> None:
        if message.number != self.query_one(ItemTree).current_item:
            return  # the cursor moved on since: a later message (or a key) shows where
        if message.number != self.number:
            await self.show_item(message.number)

    async def jump_to(self, number: int) -> None:
        """Select and show an item, clearing a filter that hides it (and leaving the outline)."""
        await self.leave_outline()
        tree = self.query_one(ItemTree)
        if not tree.select_item(number):
            self.action_clear_filter()
            tree.select_item(number)
        self._cursor_pending = False  # placed: a rebuild's deferred placing must not undo a key
        self.focus_navigator()
        await self.show_item(number)

    # --- filter ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The filter keys act only where they make sense: `/` outside the field."""
        # `focused` changes the moment focus is set; a widget's has_focus only once it hears
        if action == "filter":
            return self.focused is not self.filter_field
        if action == "clear_filter":
            return self.filter_field.display or bool(self.query_text)
        if action == "resolve_drift":  # only while the banner offers the choice
            return self.query_one(DriftBanner).display
        return True

    # --- status ----------------------------------------------------------------

    async def target(self) -> Item | None:
        """The item under the tree's cursor, shown first if the view has not followed it yet.

        Keys that arrive together (a paste, a slow link) reach their actions before the
        cursor moves' own messages have redrawn the view: an action must act on the item
        the cursor is on once every earlier key was handled, never on the one last shown.
        On a group row there is no item to act on.
        """
        if self.in_outline:
            self.notify("a guide heading has no status: g goes on to the items", timeout=3)
            return None
        # until a rebuilt tree's cursor is placed, the item shown is where it will go
        tree = self.query_one(ItemTree)
        number = self.number if self._cursor_pending else tree.current_item
        if number is None:
            self.notify("select an item first (the cursor is on a group)", severity="warning")
            return None
        if number != self.number:
            await self.show_item(number)
        return self.session.tracker.document.item(number)

    # --- export, grouping, drift, reload ------------------------------------------

    def action_export(self) -> None:
        """Write the statuses into the TODO and say what changed."""
        try:
            result = self.session.export()
        except PatternbrowserError as error:
            show_error(self.app, "Export failed", error)
            return
        todo = self.session.workspace.todo
        if result.is_current:
            self.notify(f"{todo} was already current", timeout=3, markup=False)
        else:
            self.notify(
                clipped([one_line(line) for line in result.describe()], 8),
                title=f"Exported {todo}: {result.headline()}",
                markup=False,
                timeout=6,
            )
        self.refresh_all()

    @on(DriftBanner.Resolved)
    def _resolve_drift(self, message: DriftBanner.Resolved) -> None:
        self.action_resolve_drift(message.keep)

    def action_resolve_drift(self, keep: str) -> None:
        """Adopt the markdown's markers, or write the store's into it; then back to the tree."""
        if keep == "markdown":
            self.adopt_markdown()
        else:
            self.action_export()
        self.focus_navigator()

    def adopt_markdown(self) -> None:
        """Take the markdown's markers into the store."""
        try:
            changes = self.session.adopt_markdown()
        except PatternbrowserError as error:
            show_error(self.app, "Import failed", error)
            return
        self.notify(
            f"adopted {counted(len(changes), 'marker')} from the markdown",
            markup=False,
        )
        self.refresh_all()

    def check_files(self) -> bool:
        """Reload whatever changed on disk, keeping the selection; whether anything changed."""
        reload = self.session.reload_if_changed()
        if not reload.changed:
            if clock.today() != self._drawn_on:  # recurring items may be due again
                self.refresh_all()
            return False
        names = ", ".join(Path(path).name for path in reload.changed)
        if reload.error:
            self.notify(
                one_line(reload.error),
                title=f"Changed on disk: {names}",
                severity="error",
                markup=False,
                timeout=8,
            )
            return True
        self.notify(f"reloaded {names} (changed on disk)", markup=False, timeout=3)
        self.refresh_all()
        return True

    def action_help(self) -> None:
        """Show every key."""
        from patternbrowser.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.ascii_only))

    def action_quit(self) -> None:
        """Leave; the first q says once which changes the markdown does not show yet."""
        unexported = self.session.tracker.unexported()
        if unexported and not self._warned_unexported:
            self._warned_unexported = True
            numbers = ", ".join(f"#{n}" for n in unexported[:8])
            more = f" and {len(unexported) - 8} more" if len(unexported) > 8 else ""
            self.notify(
                f"Saved in the store but not yet in {self.session.workspace.todo.name}: "
                f"{numbers}{more}. Press e to export, or q again to quit.",
                title="Not exported",
                severity="warning",
                markup=False,
                timeout=8,
            )
            return
        self.app.exit()
