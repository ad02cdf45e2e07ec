"""One function per CLI command: open the workspace, call the core, print the answer."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from patternbrowser import PROG
from patternbrowser.core import clock
from patternbrowser.core.progress.report import item_data, problem_data, status_data
from patternbrowser.core.progress.tracker import Tracker
from patternbrowser.core.sanitize import visible
from patternbrowser.core.todo.model import Example, Item, Priority
from patternbrowser.core.wording import counted, numbered
from patternbrowser.core.workspace import Workspace, export_preview, open_workspace

if TYPE_CHECKING:
    from patternbrowser.core.guides.library import SectionLookup
    from patternbrowser.core.guides.samples import Part, Sample


def _open(args: argparse.Namespace) -> Workspace:
    workspace = open_workspace(args.todo, args.state, args.guides)
    workspace.on_wait = _say_waiting
    if workspace.store_note:
        print(f"note: {workspace.store_note}", file=sys.stderr)
    return workspace


def _guides_note(args: argparse.Namespace, short: bool = False) -> str:
    """Which guides folder is in use, and why (the CLI chose it before any command runs)."""
    choice = args.guides_choice
    return str(choice.short() if short else choice.describe())


def _say_waiting() -> None:
    print(f"{PROG}: waiting for another {PROG} to finish writing...", file=sys.stderr)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def run_tui(args: argparse.Namespace) -> int:
    """Open the terminal UI."""
    from patternbrowser.tui.startup import pause_collector

    pause_collector()  # resumed once the first screen is drawn
    from patternbrowser.tui.app import make_app  # Textual is imported only here

    app = make_app(
        todo=args.todo,
        guides=args.guides,
        state=args.state,
        ascii_only=args.ascii,
        guides_note=_guides_note(args, short=True),
    )
    app.run()
    return app.return_code or 0


def run_status(args: argparse.Namespace) -> int:
    """Print progress per group, per phase and in total."""
    from patternbrowser.render.tables import (  # Rich layout: not needed for --json
        make_console,
        status_view,
    )

    workspace = _open(args)
    if args.json:
        guides = str(args.guides) if args.guides else None
        _print_json(status_data(workspace.tracker, clock.today()) | {"guides": guides})
        return 0
    console = make_console()
    console.print(status_view(workspace.tracker, args.ascii, clock.today()))
    console.print(_guides_note(args), markup=False, style="dim", soft_wrap=True)
    for problem in workspace.tracker.document.problems:
        make_console(stderr=True).print(f"warning: {visible(str(problem))}", markup=False)
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print the items that pass the filters."""
    from patternbrowser.render.tables import (  # Rich layout: not needed for --json
        PIPE_WIDTH,
        items_table,
        make_console,
        print_plain_lines,
    )

    tracker = _open(args).tracker
    items = [item for item in tracker.document.items if _wanted(item, args, tracker.status_of)]
    if args.json:
        today = clock.today()
        _print_json({"items": [item_data(tracker, item, today) for item in items]})
        return 0
    console = make_console()
    if not items:
        console.print("no items match", style="dim")
        return 0
    if not sys.stdout.isatty():  # a pipe or file: whole titles, no padding at line ends
        print_plain_lines(items_table(tracker, items, args.ascii, PIPE_WIDTH))
        return 0
    console.print(items_table(tracker, items, args.ascii, console.width))
    return 0


def _wanted(item: Item, args: argparse.Namespace, status_of: Any) -> bool:
    if args.phase is not None and item.phase != args.phase:
        return False
    if args.priority is not None:
        wanted = None if args.priority == "none" else Priority(args.priority)
        if item.priority != wanted:
            return False
    return args.status is None or status_of(item) == args.status


def _example(tracker: Tracker, item: Item, number: int) -> Example:
    missing = f"item {item.number} has no example"
    return numbered(item.examples, number, missing, "examples", tracker.document.path)


def run_show(args: argparse.Namespace) -> int:
    """Print one item, or one of its examples."""
    from patternbrowser.render.tables import (  # Rich layout: not needed for --json
        example_view,
        item_view,
        make_console,
    )

    tracker = _open(args).tracker
    item = tracker.find(args.number)
    if args.guide:
        return _show_guide(args, item)
    console = make_console()
    if args.example is not None:
        example = _example(tracker, item, args.example)
        if args.plain:
            _write_plain(example.code + "\n")
        else:
            console.print(example_view(example, len(item.examples)))
        return 0
    if args.plain:
        data = item_data(tracker, item, clock.today())
        head = "".join(f"{key}: {value}\n" for key, value in data.items() if value is not None)
        _write_plain(head + "\n" + item.instructions)
        return 0
    console.print(item_view(tracker, item, args.ascii, clock.today()))
    return 0


def _guide_samples(
    args: argparse.Namespace, item: Item
) -> tuple[SectionLookup, list[Part], list[Sample]]:
    """An item's guide section, its parts and its examples."""
    from patternbrowser.core.guides.library import GuideLibrary
    from patternbrowser.core.guides.samples import guide_section, samples_of

    lookup, parts = guide_section(GuideLibrary(args.guides), item)
    return lookup, parts, samples_of(parts)


def _show_guide(args: argparse.Namespace, item: Item) -> int:
    """Print an item's guide section, or one of its examples (`--guide --example K`)."""
    from patternbrowser.core.guides.samples import pick
    from patternbrowser.render.guide import sample_view, section_view
    from patternbrowser.render.tables import make_console

    lookup, parts, samples = _guide_samples(args, item)
    where = lookup.message
    if args.example is not None:
        sample = pick(samples, args.example, item, lookup.path)
        if args.plain:
            _write_plain(sample.code + "\n")
        else:
            make_console().print(sample_view(sample))
        return 0
    if args.plain:
        listed = "".join(f"guide example {s.number}: {s.provenance}\n" for s in samples)
        text = "".join(
            part if isinstance(part, str) else f"\n```{part.language}\n{part.code}\n```\n"
            for part in parts
        )
        _write_plain(f"guide section: {where}\n{listed}\n{text}\n")
        return 0
    make_console().print(section_view(where, parts))
    return 0


def _write_plain(text: str) -> None:
    # exact text for pipes; on a terminal, control characters are shown, never obeyed
    sys.stdout.write(text if not sys.stdout.isatty() else visible(text))


def run_copy(args: argparse.Namespace) -> int:
    """Copy an example to the clipboard (or save it to a new file with --to)."""
    from patternbrowser.core.clipboard import copy_text, save_to_file, tty_writer

    tracker = _open(args).tracker
    item = tracker.find(args.number)
    if args.guide:
        from patternbrowser.core.guides.samples import pick

        lookup, _, samples = _guide_samples(args, item)
        sample = pick(samples, args.example, item, lookup.path)
        example, what = sample.example, "guide example"
        origin = f" ({sample.provenance})"
        again = f"{PROG} copy {item.number} --guide --example {example.number} --to FILE"
    else:
        example, what, origin = _example(tracker, item, args.example), "example", ""
        again = f"{PROG} copy {item.number} --example {example.number} --to FILE"
    if args.to is not None:
        save_to_file(args.to, example.code + "\n")
        # a stream such as /dev/stdout carries the code itself: the confirmation goes aside
        aside = sys.stdout if args.to.is_file() else sys.stderr
        saved = f"saved {what} {example.number} of item {item.number}{origin} to {args.to}"
        print(visible(saved), file=aside)
        return 0
    writer = tty_writer() if sys.stdout.isatty() or sys.stderr.isatty() else None
    result = copy_text(example.code, writer)
    if not result.reached:
        print(
            f"{PROG}: {result.describe()}; save it to a file instead with '{again}'",
            file=sys.stderr,
        )
        return 1
    told = f": {what} {example.number} of item {item.number}{origin}" if args.guide else ""
    print(visible(result.describe() + told))
    return 0


def run_set(args: argparse.Namespace) -> int:
    """Change an item's status in the store."""
    workspace = _open(args)
    tracker = workspace.tracker
    previous = workspace.set_status(args.number, args.status, "set", args.note)
    item = tracker.find(args.number)
    marker = args.status.marker(args.ascii)
    print(
        f"item {item.number} {visible(item.title)}: {previous.marker(args.ascii)} → {marker} "
        f"{args.status.label}"
    )
    print(f"saved to {tracker.store.path}; run '{PROG} export' to write it into {workspace.todo}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write markers, summary and dates into the TODO (or check, or print)."""
    workspace = _open(args)
    today = clock.today()
    if args.stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(export_preview(workspace, today).text.encode())
        return 0
    if args.check:
        result = export_preview(workspace, today)
        if result.is_current:
            print(f"{workspace.todo} is current")
            return 0
        print(
            f"{workspace.todo} is not current: {result.headline()} would be written "
            f"(run '{PROG} export')"
        )
        for line in result.describe():
            print(f"  {visible(line)}")
        return 1
    result = workspace.export(today)
    if result.is_current:
        print(f"{workspace.todo} was already current; nothing written")
        return 0
    print(f"exported {workspace.todo}: {result.headline()}")
    for line in result.describe():
        print(f"  {visible(line)}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Adopt the markdown's markers into the store."""
    workspace = _open(args)
    changes = workspace.import_markers()
    if not changes:
        print(f"the store already matches the markers of {workspace.todo}")
        return 0
    for number, old, new in changes:
        print(f"item {number}: {old.marker(args.ascii)} → {new.marker(args.ascii)}")
    print(
        f"imported {len(changes)} status{'es' * (len(changes) != 1)} into "
        f"{workspace.tracker.store.path}"
    )
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Validate the TODO, its store and the guides; exit 1 when problems are found."""
    from patternbrowser.core.checks.guides import GuideCheck, check_guides
    from patternbrowser.core.checks.todo import check_todo

    workspace = _open(args)
    problems = check_todo(workspace.tracker)
    guides = check_guides(workspace.tracker, args.guides) if args.guides else GuideCheck()
    problems += guides.problems
    if args.json:
        data = {"ok": not problems, "problems": [problem_data(p) for p in problems]}
        data["guides"] = str(args.guides) if args.guides else None
        _print_json(data | guides.summary)
        return 1 if problems else 0
    for problem in problems:
        print(visible(str(problem)))
    items = len(workspace.tracker.document.items)
    if problems:
        print(f"{counted(len(problems), 'problem')} found")
    else:
        print(f"{workspace.todo}: {items} items, no problems found")
    print(visible(_guides_note(args)))
    summary = guides.summary
    if summary:
        _print_guide_summary(summary)
    return 1 if problems else 0


def _print_guide_summary(summary: dict[str, Any]) -> None:
    examples, links = summary["examples"], summary["cross_references"]
    languages = ", ".join(f"{n} {lang}" for lang, n in examples["by_language"].items())
    print(
        f"guides: {examples['blocks']} fenced blocks ({languages}), {examples['units']} code units"
    )
    run = examples["last_run"]
    if run is None:
        print("examples: never run here (the test suite runs them)")
    else:
        print(
            f"examples: {run['passed']}/{run['units']} units passed in the last run "
            f"({run['date']}), {len(run['failed'])} failed"
        )
    for skipped in examples["skipped"]:
        print(f"  not executed: {skipped['unit']}: {visible(skipped['reason'])}")
    print(
        f"cross-references: {links['resolved']}/{links['total']} resolve "
        f"({links['external_links']} external links not checked offline)"
    )
    checks = summary["checks"]
    print(f"named blocks: {checks['checked']}/{checks['modules']} exercised by guides/checks/")
    budgets = summary["budgets"]
    print(
        f"sizes: {budgets['total_bytes']:,} bytes in all (budget {budgets['family_bytes']:,}; "
        f"{budgets['file_bytes']:,} per file)"
    )
    for row in budgets["files"]:
        print(f"  {row['file']:<28} {row['bytes']:>9,} bytes  ~{row['tokens']:>7,} tokens")


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "tui": run_tui,
    "status": run_status,
    "list": run_list,
    "show": run_show,
    "set": run_set,
    "export": run_export,
    "import": run_import,
    "check": run_check,
    "copy": run_copy,
}
"""The function that carries out each command of the CLI, by its name."""
