"""Instruction prose: read into blocks, drawn with the same words Rich's markdown shows."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console, Group
from rich.markdown import Markdown
from rich.table import Table

from patternbrowser.core.guides.samples import guide_parts
from patternbrowser.core.prose import Block, read_prose
from patternbrowser.core.todo.examples import instruction_segments
from patternbrowser.core.todo.model import Example
from patternbrowser.core.todo.parser import parse_todo
from patternbrowser.paths import bundled_guides
from patternbrowser.render.hanging import Hanging
from patternbrowser.render.lines import line_count
from patternbrowser.render.prose import _block, inline_text, prose_renderable
from tests.helpers import FIXTURES, SEED


def plain(renderable) -> str:
    buffer = StringIO()
    Console(file=buffer, width=70, color_system=None, legacy_windows=False).print(renderable)
    return buffer.getvalue()


def words(text: str) -> list[str]:
    """The words shown; list numbers without their dot (Rich drops it, we keep it)."""
    return [re.sub(r"^(\d+)\.$", r"\1", word) for word in re.sub(r"[•▌─━]", " ", text).split()]


def test_blocks_of_typical_instructions():
    text = (
        "Add complete JWT flow:\n- Access tokens\n- Refresh flow\n  with rotation\n"
        "  - nested detail\n\n1. first\n2) second\n\n## Notes\n> quoted\n> more\n\n---\n"
        "Setext title\n============\n| a | b |\n|---|---|\n"
    )
    assert read_prose(text) == [
        Block("paragraph", "Add complete JWT flow:"),
        Block("item", "Access tokens", marker="•"),
        Block("item", "Refresh flow with rotation", marker="•"),
        Block("item", "nested detail", depth=1, marker="•"),
        Block("item", "first", marker="1."),
        Block("item", "second", marker="2."),
        Block("heading", "Notes", level=2),
        Block("quote", "quoted more"),
        Block("rule"),
        Block("heading", "Setext title", level=1),
        Block("table", "| a | b |\n|---|---|"),
    ]


def test_a_quote_keeps_its_paragraphs_and_html_comments_are_hidden():
    text = "<!-- item: 3 -->\n> first\n> still first\n>\n> second\n\n| a |\n| - |\n| 1 |\n"
    assert read_prose(text) == [
        Block("quote", "first still first"),
        Block("quote", "second"),
        Block("table", "| a |\n| - |\n| 1 |"),
    ]


def test_a_pipe_table_is_drawn_as_a_table():
    shown = plain(prose_renderable("| Tool | Use |\n|---|:-:|\n| `ruff` | lint \\| format |\n"))
    lines = [line.split() for line in shown.splitlines() if line.strip()]
    assert lines[0] == ["Tool", "Use"] and lines[2] == ["ruff", "lint", "|", "format"]


def test_paragraph_lines_are_joined_and_blank_lines_split_them():
    assert read_prose("one\ntwo\n\nthree") == [
        Block("paragraph", "one two"),
        Block("paragraph", "three"),
    ]


def test_inline_code_emphasis_and_links():
    text = inline_text("Use `snake_case_name` with **bold** and *it* [docs](https://x.dev) \\*")
    assert text.plain == "Use snake_case_name with bold and it docs (https://x.dev) *"
    styles = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styles["snake_case_name"] == "bold cyan"
    assert styles["bold"] == "bold" and styles["it"] == "italic"
    assert styles["docs"] == "underline"


def test_underscores_inside_words_are_not_emphasis():
    assert inline_text("call my_func_name now").spans == []


def test_markup_and_control_characters_are_shown_as_written():
    text = inline_text("[bold red]Injected[/] \x1b[31mred")
    assert text.plain == "[bold red]Injected[/] ␛[31mred" and text.spans == []
    linked = inline_text("\x1b[31mred [x](file:///etc/passwd)")  # no bracket goes missing
    assert linked.plain == "␛[31mred x (file:///etc/passwd)"


def seed_prose() -> list[str]:
    runs = []
    for path in (SEED, FIXTURES / "crates_todo.md"):
        for item in parse_todo(path).items:
            runs += [
                s for s in instruction_segments(item) if not isinstance(s, Example) and s.strip()
            ]
    return runs


@pytest.mark.parametrize("prose", seed_prose())
def test_every_prose_run_of_the_seed_shows_the_words_rich_markdown_shows(prose):
    assert words(plain(prose_renderable(prose))) == words(plain(Markdown(prose)))


PIECES = [*"ab -*_`#>1.)\n[]()\\|:=", "    ", "<b>", "a" * 80]  # 80: longer than a line


@given(st.lists(st.sampled_from(PIECES), max_size=120).map("".join))
def test_any_text_is_read_and_drawn_without_losing_letters(text):
    shown = plain(prose_renderable(text))
    assert sorted(c for c in shown if c in "ab") == sorted(c for c in text if c in "ab")


@pytest.mark.parametrize("prefix", ["- ", "> ", "1. ", "", "    "])
def test_a_word_longer_than_the_line_is_folded_not_cut(prefix):
    word = "x" * 150
    assert plain(prose_renderable(prefix + word)).count("x") == 150


def test_a_long_address_is_never_broken_by_wrapping():
    url = "https://docs.example.org/en/stable/reference/a-very-long-path/with-segments.html"
    prose = f"Read the [reference documentation]({url}) before you change the settings here."
    buffer = StringIO()
    Console(file=buffer, width=40, color_system=None, soft_wrap=False).print(
        prose_renderable(prose)
    )
    lines = buffer.getvalue().splitlines()
    assert any(line.startswith("[1] https://docs.example.org/en/stable/") for line in lines)
    assert not any(line.strip().startswith(("reference/", "with-segments")) for line in lines)
    assert "reference documentation [1]" in " ".join(line.strip() for line in lines)


def reversed_words(renderable) -> list[str]:
    """The runs of text drawn reversed (what the filter marked), in order."""
    buffer = StringIO()
    console = Console(file=buffer, width=70, force_terminal=True, color_system="standard")
    console.print(renderable)
    return re.findall(r"\x1b\[(?:[0-9;]*;)?7m([^\x1b]*)", buffer.getvalue())


def test_the_words_the_filter_matched_are_marked_in_every_kind_of_block():
    markdown = (
        "## Savepoints\n\nUse a **SavePoint** for nested work.\n\n- roll back to the savepoint\n\n"
        "> a savepoint in a quote\n\n| name | use |\n|---|---|\n| savepoint | nesting |\n"
    )
    assert reversed_words(prose_renderable(markdown, ["savepoint"])) == [
        "Savepoint",  # in the heading
        "SavePoint",  # any case, inside bold text
        "savepoint",  # a list item
        "savepoint",  # a quote
        "savepoint",  # a table cell
    ]
    assert reversed_words(prose_renderable(markdown)) == []  # nothing typed: nothing marked
    assert plain(prose_renderable(markdown, ["savepoint"])) == plain(prose_renderable(markdown))


def hung_blocks() -> list[Hanging]:
    """Every list item and quote of the bundled guides and the fixtures, as drawn."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(bundled_guides().glob("*.md"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.md"))]
    texts.append("- " + "x" * 90 + "\n10. ten\n> " + "quoted words " * 9 + "\n- \n")
    hung: dict[tuple[str, str, int], Hanging] = {}
    for text in texts:
        for block in read_prose(text):
            rendered = _block(block, [])
            if isinstance(rendered, Hanging):  # one of each text, lead and depth
                hung.setdefault((block.text, block.marker, block.depth), rendered)
    return list(hung.values())


def test_a_hanging_block_draws_the_lines_of_the_grid_it_replaces():
    console = Console(file=StringIO(), width=80, color_system="truecolor", legacy_windows=False)
    blocks = hung_blocks()
    assert len(blocks) > 100
    for width in (1, 16, 59, 120):  # 16: long words fold
        options = console.options.update_width(width)
        for block in blocks:
            drawn = console.render_lines(block, options, pad=False)
            assert drawn == console.render_lines(block.as_table(), options, pad=False)


def every_prose_run() -> list[str]:
    """The prose runs of the bundled guides, the seed and the fixture TODOs, and some oddities."""
    runs = []
    for path in sorted(bundled_guides().glob("*.md")) + sorted(FIXTURES.glob("guides/*.md")):
        parts = guide_parts(path, 0, path.read_text(encoding="utf-8"))
        runs += [part for part in parts if isinstance(part, str)]
    runs += seed_prose()
    runs.append("a\tb\tc " * 30 + "\n- x\ty " * 3 + "\n> q\n\n---\n\n" + "w" * 200)
    runs.append("| a | b |\n|---|---|\n| " + "long cell words " * 9 + "| x |\n| | |")
    return runs


def test_the_lines_of_prose_are_counted_as_they_are_drawn():
    console = Console(file=StringIO(), width=80, color_system="truecolor", legacy_windows=False)
    drawn = [prose_renderable(run) for run in every_prose_run()]
    groups = [run for run in drawn if isinstance(run, Group)]
    assert sum(isinstance(part, Table) for run in groups for part in run.renderables) > 20
    for width in (1, 16, 59, 120):
        options = console.options.update_width(width)
        for renderable in drawn:
            lines = console.render_lines(renderable, options, pad=False)
            assert line_count(renderable, console, options) == len(lines)


@given(st.lists(st.sampled_from(PIECES), max_size=120).map("".join), st.integers(1, 90))
def test_any_prose_is_counted_as_drawn(text, width):
    console = Console(file=StringIO(), width=80, legacy_windows=False)
    options = console.options.update_width(width)
    renderable = prose_renderable(text)
    lines = console.render_lines(renderable, options, pad=False)
    assert line_count(renderable, console, options) == len(lines)
