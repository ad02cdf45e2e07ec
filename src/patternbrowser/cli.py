"""The command line: parses arguments and calls the core (or opens the terminal UI)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from patternbrowser import PROG, __version__
from patternbrowser.core.errors import PatternbrowserError
from patternbrowser.core.sanitize import visible
from patternbrowser.core.status import Status, parse_status, status_choices

if TYPE_CHECKING:
    from patternbrowser.core.guides.discovery import GuidesChoice


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        """Report a usage problem as `patternbrowser: error: ...` and exit 2."""
        self.exit(2, f"{PROG}: error: {message} (see '{PROG} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command and option."""
    parser = _Parser(prog=PROG, description="Browse and track a pattern-guide TODO file.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--todo", type=Path, help="the TODO file (default: the bundled one)")
    parser.add_argument("--guides", type=Path, help="the guides folder (default: bundled)")
    parser.add_argument("--state", type=Path, help="the progress store (default: beside the TODO)")
    parser.add_argument("--ascii", action="store_true", help="ASCII status markers on screen")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("tui", help="open the terminal UI (the default)")
    status = commands.add_parser("status", help="progress per group, per phase and in total")
    status.add_argument("--json", action="store_true", help="print JSON")
    listing = commands.add_parser("list", help="the items, filtered")
    listing.add_argument("--phase", type=int, help="only items of phase N")
    listing.add_argument("--priority", choices=["high", "medium", "low", "none"])
    listing.add_argument("--status", type=_status_arg, help="only items with this status")
    listing.add_argument("--json", action="store_true", help="print JSON")
    show = commands.add_parser("show", help="an item with its instructions and examples")
    show.add_argument("number", type=int)
    show.add_argument("--example", type=int, metavar="K", help="only example K (from 1)")
    show.add_argument(
        "--guide",
        action="store_true",
        help="the item's guide section instead, its examples numbered (with --example K: one)",
    )
    show.add_argument("--plain", action="store_true", help="plain text, no colour or layout")
    setter = commands.add_parser("set", help="change an item's status in the store")
    setter.add_argument("number", type=int)
    setter.add_argument("status", type=_status_arg, metavar="STATUS", help=status_choices())
    setter.add_argument("--note", help="a note to keep with the item ('' clears it)")
    export = commands.add_parser("export", help="write markers and summary into the TODO")
    mode = export.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if the file is not current")
    mode.add_argument("--stdout", action="store_true", help="print the result instead")
    commands.add_parser("import", help="adopt the markdown's markers into the store")
    copy = commands.add_parser("copy", help="copy an example to the clipboard")
    copy.add_argument("number", type=int)
    copy.add_argument("--example", type=int, default=1, metavar="K", help="example K (from 1)")
    copy.add_argument(
        "--guide",
        action="store_true",
        help="copy from the item's guide section (its tested blocks) instead of the TODO's drafts",
    )
    copy.add_argument("--to", type=Path, metavar="FILE", help="save to a new file instead")
    check = commands.add_parser("check", help="validate the TODO and the guides")
    check.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _status_arg(value: str) -> Status:
    status = parse_status(value)
    if status is None:
        raise argparse.ArgumentTypeError(f"unknown status '{value}' (use {status_choices()})")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except PatternbrowserError as error:
        print(f"{PROG}: error: {visible(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader (head, less) went away; say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    from patternbrowser import commands, paths

    args.todo = _shorten(args.todo or paths.bundled_todo())
    args.guides_choice = _guides(
        args.todo, args.guides, paths.bundled_todo(), paths.bundled_guides()
    )
    args.guides = args.guides_choice.path
    args.state = _shorten(args.state) if args.state else None
    return commands.COMMANDS[args.command or "tui"](args)


def _guides(todo: Path, given: Path | None, bundled_todo: Path, bundled: Path) -> GuidesChoice:
    """The guides folder: the one given, the bundled one for the bundled TODO, else beside it."""
    from patternbrowser.core.guides.discovery import GuidesChoice, choose_guides

    choice = choose_guides(todo, given, (bundled_todo, bundled), lambda: _named_guides(todo))
    return GuidesChoice(_shorten(choice.path), choice.found) if choice.path else choice


def _named_guides(todo: Path) -> list[str]:
    """The guides the TODO's File fields name.

    None when it cannot be read: the command says why, with file and line, once it opens it.
    """
    from patternbrowser.core.todo.parser import parse_todo

    try:
        return [item.guide for item in parse_todo(todo).items if item.guide]
    except PatternbrowserError:
        return []


def _shorten(path: Path) -> Path:
    """Show paths under the current folder relative to it, as a user would type them."""
    if not path.is_absolute():
        return path
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
