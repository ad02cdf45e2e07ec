"""Size and shape budgets of the guides, so an assistant can load each file in one read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from patternbrowser.core.errors import InputError
from patternbrowser.core.guides.files import scan_guides
from patternbrowser.core.guides.library import Guide, GuideLibrary, Heading, parse_guide
from patternbrowser.core.todo.model import Problem

FILE_BYTES = 60 * 1024  # one read of Claude Code's file tool (25,000 tokens) with a margin
FAMILY_BYTES = 320 * 1024
ROOT_GUIDE_LINES = 200  # CLAUDE.md, the file an assistant always loads
SECTION_LINES = 300
RULES_WITHIN = 40  # the Rules block opens the section
BYTES_PER_TOKEN = 3.5  # markdown with code; measured ~85K tokens for the old 300 KB file
SECTION_ORDER = ("introduction", "core concepts", "examples", "best practices", "anti-patterns")
_RULES = re.compile(r"^\s*(#{2,6}\s.*\brules\b|\*\*[^*]*\brules\b[^*]*\*\*)", re.IGNORECASE)


@dataclass
class BudgetReport:
    """Each guide's size and estimated tokens, and every budget it overruns."""

    files: list[dict[str, object]] = field(default_factory=list)
    total_bytes: int = 0
    problems: list[Problem] = field(default_factory=list)


def estimated_tokens(size: int) -> int:
    """A token estimate for `size` bytes of guide markdown."""
    return round(size / BYTES_PER_TOKEN)


def family_files(folder: Path) -> list[Path]:
    """The guides an assistant reads: `CLAUDE*.md` at the top of the folder."""
    return scan_guides(folder, "CLAUDE*.md", recursive=False).files


def check_budgets(folder: Path, library: GuideLibrary | None = None) -> BudgetReport:
    """Measure every guide of the family against the budgets."""
    report = BudgetReport()
    for path in family_files(folder):
        size = path.stat().st_size
        report.total_bytes += size
        report.files.append({"file": path.name, "bytes": size, "tokens": estimated_tokens(size)})
        if size > FILE_BYTES:
            report.problems.append(
                Problem(f"guide is {size:,} bytes, over the budget of {FILE_BYTES:,}", 1, path)
            )
        try:
            guide = library.guide(path) if library is not None else parse_guide(path)
        except InputError as error:
            report.problems.append(Problem(str(error), None, path))
            continue
        lines = len(guide.text.lines)
        if path.name == "CLAUDE.md" and lines > ROOT_GUIDE_LINES:
            report.problems.append(
                Problem(
                    f"CLAUDE.md has {lines} lines, over the budget of {ROOT_GUIDE_LINES}", 1, path
                )
            )
        for heading in guide.headings:
            if heading.item is not None:
                report.problems += _section_problems(guide, heading)
    if report.total_bytes > FAMILY_BYTES:
        report.problems.append(
            Problem(
                f"the guides total {report.total_bytes:,} bytes, over the budget of "
                f"{FAMILY_BYTES:,}",
                None,
                folder,
            )
        )
    return report


def _section_problems(guide: Guide, heading: Heading) -> list[Problem]:
    """An item section's length, its Rules block, and the order of its parts."""
    lines = guide.section_text(heading).splitlines()
    start = heading.line_index + 1
    name = f"section '{heading.title}' (item {heading.item})"
    problems = []
    if len(lines) > SECTION_LINES:
        problems.append(
            Problem(
                f"{name} has {len(lines)} lines, over the budget of {SECTION_LINES}",
                start,
                guide.path,
            )
        )
    if not any(_RULES.match(line) for line in lines[1:RULES_WITHIN]):
        problems.append(
            Problem(
                f"{name} has no Rules block in its first {RULES_WITHIN} lines", start, guide.path
            )
        )
    if guide.path.name != "CLAUDE.md":
        problems += _order_problems(guide, heading, name)
    return problems


def _order_problems(guide: Guide, heading: Heading, name: str) -> list[Problem]:
    """The section's parts come in the TODO's order: Introduction ... Anti-patterns."""
    end = guide.section_end(heading)
    found: list[tuple[int, int]] = []  # (position in SECTION_ORDER, line index)
    for sub in guide.headings:
        if heading.line_index < sub.line_index < end and sub.level == heading.level + 1:
            title = sub.title.casefold()
            for position, part in enumerate(SECTION_ORDER):
                if title.startswith(part):
                    found.append((position, sub.line_index))
    missing = [p for i, p in enumerate(SECTION_ORDER) if i not in {pos for pos, _ in found}]
    problems = []
    if missing:
        problems.append(
            Problem(f"{name} lacks: {', '.join(missing)}", heading.line_index + 1, guide.path)
        )
    positions = [pos for pos, _ in found]
    if positions != sorted(positions):
        problems.append(
            Problem(
                f"{name}: parts out of order (want {' → '.join(SECTION_ORDER)})",
                heading.line_index + 1,
                guide.path,
            )
        )
    return problems
