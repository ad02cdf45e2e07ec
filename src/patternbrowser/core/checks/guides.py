"""Checks of the guides against the TODO: targets, sections, links, and examples that compile."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from patternbrowser.core.guidepath import resolve_guide, unsafe_reason
from patternbrowser.core.guides.blocks import code_units, collect_blocks
from patternbrowser.core.guides.budgets import FAMILY_BYTES, FILE_BYTES, check_budgets
from patternbrowser.core.guides.example_report import load_report
from patternbrowser.core.guides.files import scan_guides
from patternbrowser.core.guides.library import GuideLibrary
from patternbrowser.core.guides.links import check_links
from patternbrowser.core.guides.modules import index_modules
from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.status import Status
from patternbrowser.core.todo.model import Problem


@dataclass
class GuideCheck:
    """The problems found and the figures `check --json` reports."""

    problems: list[Problem] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


def check_guides(tracker: Tracker, folder: Path) -> GuideCheck:
    """Every target guide exists, completed items have sections, links resolve, code compiles."""
    result = GuideCheck()
    if not folder.is_dir():
        result.problems.append(Problem("guides folder does not exist", None, folder))
        return result
    # one scan of the folder and one parse per guide, shared by every check below
    scan = scan_guides(folder)
    library = GuideLibrary(folder)
    for path, reason in scan.skipped:
        result.problems.append(Problem(f"guide file {reason}", None, path))
    _check_targets(tracker, library, result)
    links = check_links(folder, scan.files)
    for link, reason in links.broken:
        result.problems.append(Problem(reason, link.line, link.path))
    blocks = collect_blocks(folder, scan.files)
    units = code_units(blocks)
    for unit in units:
        if unit.language == "python":
            problem = _compile_problem(unit.code, unit.blocks[0].path, unit.blocks[0].line)
            if problem:
                result.problems.append(problem)
    modules = index_modules(folder, units)
    result.problems += modules.problems
    budgets = check_budgets(folder, library)
    result.problems += budgets.problems
    languages: dict[str, int] = {}
    for block in blocks:
        languages[block.language or "(none)"] = languages.get(block.language or "(none)", 0) + 1
    report = load_report(folder)
    result.summary = {
        "examples": {
            "blocks": len(blocks),
            "by_language": dict(sorted(languages.items())),
            "units": len(units),
            "skipped": [
                {"unit": unit.name, "reason": unit.skip_reason}
                for unit in units
                if unit.skip_reason
            ],
            "last_run": None
            if report is None
            else {
                "date": report.date,
                "executed": report.executed,
                "passed": report.passed,
                "failed": report.failed,
                "units": report.units,
                "by_language": report.by_language,
            },
        },
        "checks": {
            "modules": len(modules.modules),
            "checked": sum(1 for name in modules.modules if name in modules.references),
        },
        "budgets": {
            "file_bytes": FILE_BYTES,
            "family_bytes": FAMILY_BYTES,
            "total_bytes": budgets.total_bytes,
            "files": budgets.files,
        },
        "cross_references": {
            "resolved": links.resolved,
            "total": links.total,
            "external_links": links.external,
        },
    }
    return result


def _check_targets(tracker: Tracker, library: GuideLibrary, result: GuideCheck) -> None:
    folder, todo = library.folder, tracker.document.path
    for item in tracker.document.items:
        if not item.guide or unsafe_reason(item.guide):
            continue  # no guide named, or an unsafe path (a parse warning already says so)
        path = resolve_guide(folder, item.guide)
        status = tracker.status_of(item)
        if path is None or not path.is_file():
            if not item.guide_is_new or status is Status.COMPLETED:
                result.problems.append(
                    Problem(
                        f"item {item.number}: target guide {item.guide} does not exist in {folder}",
                        item.line,
                        todo,
                    )
                )
            continue
        if status is Status.COMPLETED and library.lookup(item).state != "found":
            result.problems.append(
                Problem(
                    f"item {item.number} is completed but {item.guide} has no section for it "
                    f"(a '## {item.title}' heading or an '<!-- item: {item.number} -->' marker)",
                    item.line,
                    todo,
                )
            )


def _compile_problem(code: str, path: Path, fence_line: int) -> Problem | None:
    try:
        compile(code, f"{path.name}:{fence_line}", "exec", dont_inherit=True)
    except SyntaxError as error:
        line = fence_line + (error.lineno or 0)
        return Problem(f"python example does not compile: {error.msg}", line, path)
    return None
