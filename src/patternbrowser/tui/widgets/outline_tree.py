"""The guide outline: every guide file and its headings (`#` to `####`) as a tree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from patternbrowser.core.guides.outline import GuideOutline, OutlineIndex, Place
from patternbrowser.core.sanitize import one_line
from patternbrowser.tui.widgets.nav_tree import NavTree

PlaceData = Place | None  # a heading; None on the row of a file that has no `#` title
_CONTEXT = Style(dim=True)  # a heading shown only because a match lies under it


@dataclass(frozen=True)
class Shown:
    """What the outline shows under a filter: headings that match, of how many."""

    matching: int
    total: int


class OutlineTree(NavTree[PlaceData]):
    """Guide files with their headings; moving onto a heading posts OutlineTree.PlaceFocused."""

    @dataclass
    class PlaceFocused(Message):
        """The cursor is on a guide heading: show that part of the guide."""

        place: Place
        """The heading."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "toggle_node", "Open", show=False),
        Binding("home", "first_place", "First heading", show=False),
        Binding("end", "last_place", "Last heading", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        """An empty outline until populated."""
        self._node_of: dict[Place, TreeNode[PlaceData]] = {}
        self._matching: list[Place] = []  # the headings the filter lets through, in order
        super().__init__("Guides", **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.guide_depth = 2

    def populate(self, index: OutlineIndex, query: str) -> Shown:
        """Rebuild for the indexed guides; under a query, matching headings and their parents."""
        self.clear()
        self._node_of.clear()
        self._matching.clear()
        matches = index.matcher(query)
        for entry in index.outlines:
            self._add_guide(entry, {place for place in entry.places if matches(place)}, query)
        return Shown(len(self._matching), index.size)

    def _add_guide(self, entry: GuideOutline, matching: set[Place], query: str) -> None:
        """One guide file's row and, below it, its headings nested by level."""
        if entry.error is not None:
            if not query:
                row = Text.assemble((entry.path.name, "bold"), ("  cannot be read", "dim"))
                self.root.add(row, data=None, expand=True).add_leaf(Text(one_line(entry.error)))
            return
        parents = _parents(entry.places)
        shown = set(entry.places)
        if query:
            shown = set(matching)
            for place in matching:
                parent = parents[place]
                while parent is not None and parent not in shown:
                    shown.add(parent)
                    parent = parents[parent]
            if not shown:
                return
        title = entry.places[0] if entry.places and entry.places[0].heading.level == 1 else None
        name = Text(entry.path.name, style="bold")
        file_node = self.root.add(name, data=title, expand=True)
        if title is not None:
            self._node_of[title] = file_node
            if title in matching:
                self._matching.append(title)
        for place in entry.places:
            if place not in shown or place is title:
                continue
            parent = parents[place]
            above = self._node_of.get(parent, file_node) if parent is not None else file_node
            label = _label(place, dim=bool(query) and place not in matching)
            # open under a filter, so every match is in view; else one level at a time
            node = above.add(label, data=place, expand=bool(query))
            node.allow_expand = False  # until a child is added below
            above.allow_expand = True
            self._node_of[place] = node
            if place in matching:
                self._matching.append(place)

    @property
    def matching(self) -> list[Place]:
        """The headings that match the filter (every heading without one), in outline order."""
        return list(self._matching)

    @property
    def current_place(self) -> Place | None:
        """The heading under the cursor, if any."""
        node = self.cursor_node
        return node.data if node is not None else None

    def select_place(self, place: Place) -> bool:
        """Open the headings above `place` and move the cursor to it; False when not shown."""
        node = self._node_of.get(place)
        if node is None:
            return False
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        _ = self.last_line  # lays the opened rows out now, so the node knows its line
        self.move_cursor(node)
        return True

    def find(self, place: Place) -> Place | None:
        """The heading shown for `place`: itself, or after its file changed the nearest namesake."""
        if place in self._node_of:
            return place
        # the same file may be named two ways (an item's guide is resolved, the folder's not)
        wanted, resolved = place.path.resolve(), {}
        same: list[Place] = []
        for shown in self._node_of:
            if shown.path not in resolved:
                resolved[shown.path] = shown.path.resolve()
            if resolved[shown.path] == wanted and shown.heading.title == place.heading.title:
                same.append(shown)
        # titles repeat ("Examples" in every section): the one nearest where it was; a
        # heading renamed on disk: the nearest of its file
        line = place.heading.line_index
        if not same:
            same = [shown for shown in self._node_of if resolved[shown.path] == wanted]
        return min(same, key=lambda shown: abs(shown.heading.line_index - line), default=None)

    def render_label(self, node: TreeNode[PlaceData], base_style: Style, style: Style) -> Text:
        """A row cut to the tree's width with `…`, keeping the number of the item it answers."""
        label = super().render_label(node, base_style, style)
        place = node.data
        marker = f"  #{place.heading.item}" if place is not None and place.heading.item else ""
        if node.parent is None or node.parent.parent is None:
            marker = ""  # a guide file's row: the title it stands for is shown in the pane
        room = self.scrollable_content_region.width - (_depth(node) - 1) * self.guide_depth
        if room - len(marker) > 8:
            label.truncate(room - len(marker), overflow="ellipsis")
        label.append(marker, style="dim")
        return label

    def get_label_width(self, node: TreeNode[PlaceData]) -> int:
        """The row's width, never wider than the tree (rows are cut, not scrolled)."""
        return min(super().get_label_width(node), self.scrollable_content_region.width)

    def action_first_place(self) -> None:
        """Go to the first heading shown."""
        if self._matching:
            self.select_place(self._matching[0])

    def action_last_place(self) -> None:
        """Go to the last heading shown."""
        if self._matching:
            self.select_place(self._matching[-1])

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[PlaceData]) -> None:
        """Tell the screen when the cursor is on a heading."""
        event.stop()
        if event.node.data is not None:
            self.post_message(self.PlaceFocused(event.node.data))


def _parents(places: list[Place]) -> dict[Place, Place | None]:
    """Each heading's parent: the nearest heading above it of a higher level."""
    parents: dict[Place, Place | None] = {}
    stack: list[Place] = []
    for place in places:
        while stack and stack[-1].heading.level >= place.heading.level:
            stack.pop()
        parents[place] = stack[-1] if stack else None
        stack.append(place)
    return parents


def _label(place: Place, dim: bool) -> Text:
    """A heading's title, dimmed when it is shown only for a match below it."""
    return Text(one_line(place.heading.title) or "(untitled)", style=_CONTEXT if dim else "")


def _depth(node: TreeNode[PlaceData]) -> int:
    """How many rows above lead to `node` (a guide file's row is 1)."""
    depth, parent = 0, node.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    return depth
