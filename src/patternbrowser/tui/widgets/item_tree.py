"""The navigation tree: items grouped by phase, priority or guide, each with its status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from patternbrowser.core.progress.counts import Counts, count
from patternbrowser.core.status import Status
from patternbrowser.core.todo.grouping import ItemMode, group_items
from patternbrowser.core.todo.model import Item, TodoDocument
from patternbrowser.core.todo.search import SearchIndex, StatusFilter, index_for, status_passes
from patternbrowser.render.labels import group_label, item_label
from patternbrowser.tui.widgets.nav_tree import NavTree

NodeData = int | None  # an item number on leaves, None on group nodes
_EMPTY = Text()
_TOGGLE = Style.from_meta({"toggle": True})  # makes the icon clickable, as Tree's own does


class ItemTree(NavTree[NodeData]):
    """Groups of items; moving the cursor onto an item posts ItemTree.ItemFocused."""

    @dataclass
    class ItemFocused(Message):
        """The tree cursor is on an item: show it."""

        number: int
        """The item's number."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", show=False),
        Binding("home", "first_item", "First item", show=False),
        Binding("end", "last_item", "Last item", show=False),
    ]

    def __init__(self, ascii_only: bool, **kwargs: object) -> None:
        """A tree that shows ASCII markers when `ascii_only` is set."""
        self.ascii_only = ascii_only
        self._leaves: dict[int, list[TreeNode[NodeData]]] = {}
        self._groups: list[tuple[TreeNode[NodeData], str, list[Item]]] = []
        self._group_counts: dict[int, tuple[str, Counts]] = {}  # node id → name, counts
        self._number_width = 2
        self._items: dict[int, Item] = {}
        self._statuses: dict[int, Status] = {}
        self._counted: dict[int, Status] = {}
        self._index: SearchIndex | None = None  # built once per document, not per keystroke
        self._batching = False  # while populating: one invalidation at the end, not per node
        self._room: int | None = None  # the labels' room while the tree's lines are built
        super().__init__("Items", **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.guide_depth = 2

    def populate(
        self,
        document: TodoDocument,
        statuses: dict[int, Status],
        counted: dict[int, Status],
        mode: ItemMode,
        query: str,
        status_filter: StatusFilter = "all",
    ) -> int:
        """Rebuild the tree for a grouping, filter and status filter; returns how many match.

        Labels show `statuses`; the groups' done/total count `counted` (where an overdue
        recurring item is not done).
        """
        self.clear()
        self._group_counts.clear()
        self._leaves.clear()
        self._items = {item.number: item for item in document.items}
        self._statuses, self._counted = statuses, counted
        self._groups.clear()
        self._number_width = max((len(str(item.number)) for item in document.items), default=1)
        self._batching = True
        try:
            shown = self._add_nodes(document, statuses, mode, query, status_filter)
        finally:
            self._batching = False
        self._invalidate()
        self.refresh_counts(counted)
        return shown

    def _add_nodes(
        self,
        document: TodoDocument,
        statuses: dict[int, Status],
        mode: ItemMode,
        query: str,
        status_filter: StatusFilter,
    ) -> int:
        """Add the groups and leaves that pass the filters; returns how many items pass."""
        shown = 0
        self._index = index_for(document, self._index)
        matches = self._index.matcher(query)
        filtered = bool(query) or status_filter != "all"
        for name, items in group_items(document, mode):
            matching = [
                item
                for item in items
                if matches(item) and status_passes(status_filter, statuses[item.number])
            ]
            if filtered and not matching:
                continue
            node = self.root.add("", data=None, expand=True)
            self._groups.append((node, name, items))
            for item in matching:
                # the label is drawn on demand (render_label): only visible lines cost anything
                leaf = node.add_leaf(_EMPTY, data=item.number)
                self._leaves.setdefault(item.number, []).append(leaf)
            shown += len(matching)
        return shown

    def process_label(self, label: str | Text) -> Text:
        """A label as given: an item's is drawn on demand (render_label), from nothing here."""
        if label is _EMPTY:  # Tree would split it into lines and copy it for every leaf
            return _EMPTY
        return super().process_label(label)

    def _build(self) -> None:
        """Build the tree's lines, working out the labels' room once rather than per node."""
        # the room is a region lookup through the screen: 2,000 of them cost a filter
        # keystroke at 2,000 items a fifth of its time
        self._room = self._label_room()
        try:
            super()._build()
        finally:
            self._room = None

    def _invalidate(self) -> None:
        """Clear the tree's caches, once per rebuild rather than once per node added."""
        # Tree.add invalidates (and schedules a layout) for every node: 2,000 leaves cost
        # 2,000 invalidations; the batch makes it one
        if not self._batching:
            super()._invalidate()

    def refresh_counts(self, counted: dict[int, Status]) -> None:
        """Update every group's done/total after statuses changed."""
        for node, name, items in self._groups:
            counts = count(items, counted)
            self._group_counts[node.id] = (name, counts)
            node.set_label(group_label(name, counts))

    def render_label(self, node: TreeNode[NodeData], base_style: Style, style: Style) -> Text:
        """Draw an item's label, or a group's with its name shortened to keep its count in view."""
        if node.data is not None:
            label = self._item_label(self._items[node.data], self._statuses)
            label.stylize(style)
            room = self._label_room()
            if room > 8:  # a cut title says so, rather than ending mid-word
                label.truncate(room, overflow="ellipsis")
            return label
        group = self._group_counts.get(node.id)
        if group is None:
            return super().render_label(node, base_style, style)
        name, counts = group
        room = self.scrollable_content_region.width - 3  # the ▼ icon and a margin
        suffix = len(f"  {counts.done}/{counts.total}")
        if room > suffix + 4 and len(name) + suffix > room:
            name = name[: room - suffix - 1].rstrip() + "…"
        label = group_label(name, counts)
        label.stylize(style)
        icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        return Text.assemble((icon, base_style + _TOGGLE), label)

    def get_label_width(self, node: TreeNode[NodeData]) -> int:
        """The label's width, computed without drawing it (no wider than the tree shows)."""
        if node.data is not None:
            item = self._items[node.data]
            room = self._label_room() if self._room is None else self._room
            width = 4 + self._number_width + len(item.title)
            return min(width, room) if room > 8 else width
        return super().get_label_width(node)

    def _label_room(self) -> int:
        """The cells an item's label has: the tree's width less its guide lines (`├ `)."""
        return self.scrollable_content_region.width - 2

    def refresh_item(
        self, item: Item, statuses: dict[int, Status], counted: dict[int, Status]
    ) -> None:
        """Show an item's new status on its leaves and in the counts."""
        self._statuses, self._counted = statuses, counted
        for leaf in self._leaves.get(item.number, []):
            leaf.refresh()
        self.refresh_counts(counted)

    def _item_label(self, item: Item, statuses: dict[int, Status]) -> Text:
        status = statuses[item.number]
        counted = self._counted.get(item.number, status)
        due_again = status is Status.COMPLETED and counted is not Status.COMPLETED
        return item_label(item, status, self.ascii_only, self._number_width, due_again)

    def select_item(self, number: int) -> bool:
        """Move the cursor to an item's first leaf; False when it is not shown."""
        leaves = self._leaves.get(number)
        if not leaves:
            return False
        _ = self.last_line  # a tree rebuilt a moment ago lays its rows out now: lines are known
        self.move_cursor(leaves[0])
        return True

    def shown_items(self) -> list[int]:
        """The numbers of the items shown, in tree order (an item under two groups once)."""
        return list(
            dict.fromkeys(
                child.data
                for node, _, _ in self._groups
                for child in node.children
                if child.data is not None
            )
        )

    def first_item(self) -> int | None:
        """The number of the first item shown, if any."""
        for node, _, _ in self._groups:
            for child in node.children:
                if child.data is not None:
                    return child.data
        return None

    @property
    def current_item(self) -> int | None:
        """The item under the cursor, if the cursor is on an item."""
        node = self.cursor_node
        return node.data if node is not None else None

    def action_first_item(self) -> None:
        """Go to the first item shown (not the group row above it)."""
        shown = self.shown_items()
        if shown:
            self.select_item(shown[0])

    def action_last_item(self) -> None:
        """Go to the last item shown."""
        leaves = [child for node, _, _ in self._groups for child in node.children]
        if leaves:
            self.move_cursor(leaves[-1])

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        """Tell the screen when the cursor is on an item (group nodes show nothing new)."""
        event.stop()
        if event.node.data is not None:
            self.post_message(self.ItemFocused(event.node.data))
