"""Links between the guides: their targets, the heading anchors, and which links resolve."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from patternbrowser.core.guidepath import resolve_guide
from patternbrowser.core.guides.blocks import guide_files
from patternbrowser.core.textfile import read_lines

_MARKDOWN = MarkdownIt("commonmark")
_NOT_IN_SLUG = re.compile(r"[^\w\- ]", re.UNICODE)
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)  # http:, https:, mailto: ...


@dataclass(frozen=True)
class Link:
    """A link found in a guide."""

    path: Path
    line: int
    target: str

    @property
    def is_external(self) -> bool:
        """True for links to the web (not checked offline)."""
        return bool(_EXTERNAL.match(self.target))


@dataclass(frozen=True)
class LinkReport:
    """Cross-references between guides: how many, and the broken ones with the reason."""

    total: int
    broken: list[tuple[Link, str]]
    external: int

    @property
    def resolved(self) -> int:
        """Cross-references that lead to an existing file and heading."""
        return self.total - len(self.broken)


def slug(text: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return _NOT_IN_SLUG.sub("", text.strip().lower()).replace(" ", "-")


def _plain(inline: Token) -> str:
    """The visible text of an inline token (markup such as ** and ` removed)."""
    return "".join(
        child.content
        for child in inline.children or []
        if child.type in ("text", "code_inline", "html_inline")
    )


def scan_guide(path: Path) -> tuple[set[str], list[Link]]:
    """The anchors a guide defines and the links it contains."""
    tokens = _MARKDOWN.parse(read_lines(path).body())
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    links: list[Link] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            base = slug(_plain(tokens[index + 1]))
            count = seen.get(base, 0)
            seen[base] = count + 1
            anchors.add(base if count == 0 else f"{base}-{count}")
        if token.type == "inline" and token.children:
            line = (token.map[0] + 1) if token.map else 0
            for child in token.children:
                href = child.attrs.get("href") if child.type == "link_open" else None
                if isinstance(href, str):
                    links.append(Link(path, line, href))
    return anchors, links


def check_links(folder: Path, files: list[Path] | None = None) -> LinkReport:
    """Resolve every link between the guides of `folder` to a file and a heading anchor."""
    paths = guide_files(folder) if files is None else files
    scanned = {path.resolve(): scan_guide(path) for path in paths}
    total = external = 0
    broken: list[tuple[Link, str]] = []
    for path, (anchors, links) in scanned.items():
        for link in links:
            if link.is_external:
                external += 1
                continue
            total += 1
            problem = _resolve(link, path, anchors, folder, scanned)
            if problem:
                broken.append((link, problem))
    return LinkReport(total, broken, external)


def _resolve(
    link: Link,
    source: Path,
    own_anchors: set[str],
    folder: Path,
    scanned: dict[Path, tuple[set[str], list[Link]]],
) -> str | None:
    target, _, fragment = link.target.partition("#")
    anchors = own_anchors
    if target:
        path = resolve_guide(folder, unquote(target))
        if path is None:
            return f"link to '{target}' leads outside the guides folder"
        if path not in scanned:
            return f"link to '{target}': no such guide"
        anchors = scanned[path][0]
    if fragment and unquote(fragment) not in anchors:
        where = target or source.name
        return f"link to '#{fragment}': {where} has no such heading"
    return None
