"""The editor command: $VISUAL before $EDITOR before vi, `+LINE FILE` or VS Code's `-g`."""

from __future__ import annotations

from pathlib import Path

import pytest

from patternbrowser.core.editor import editor_argv
from patternbrowser.core.errors import UsageError

FILE = Path("/work/TODO.md")


@pytest.mark.parametrize("editor", ["vim", "nvim", "nano", "emacs", "micro", "hx", "vi"])
def test_terminal_editors_take_plus_line_then_file(editor):
    assert editor_argv({"EDITOR": editor}, FILE, 42) == [editor, "+42", "/work/TODO.md"]


@pytest.mark.parametrize("editor", ["code", "code-insiders", "codium", "/usr/bin/code"])
def test_vscode_takes_goto_file_colon_line(editor):
    assert editor_argv({"EDITOR": editor}, FILE, 7) == [editor, "-g", "/work/TODO.md:7"]


def test_arguments_of_the_editor_are_kept():
    env = {"VISUAL": "code --wait --new-window"}
    assert editor_argv(env, FILE, 3) == ["code", "--wait", "--new-window", "-g", "/work/TODO.md:3"]
    env = {"EDITOR": "emacsclient -t -a ''"}
    assert editor_argv(env, FILE, 3) == ["emacsclient", "-t", "-a", "", "+3", "/work/TODO.md"]
    env = {"EDITOR": "'/opt/my editor/bin/vim' -u NONE"}
    assert editor_argv(env, FILE, 3) == [
        "/opt/my editor/bin/vim",
        "-u",
        "NONE",
        "+3",
        "/work/TODO.md",
    ]


def test_visual_comes_before_editor_and_vi_is_the_last_resort():
    assert editor_argv({"VISUAL": "nvim", "EDITOR": "nano"}, FILE, 1)[0] == "nvim"
    assert editor_argv({"EDITOR": "nano"}, FILE, 1)[0] == "nano"
    assert editor_argv({}, FILE, 1) == ["vi", "+1", "/work/TODO.md"]
    # set but blank is the same as unset
    assert editor_argv({"VISUAL": "  ", "EDITOR": ""}, FILE, 1)[0] == "vi"
    assert editor_argv({"VISUAL": "", "EDITOR": "micro"}, FILE, 1)[0] == "micro"


def test_a_line_below_one_opens_the_first_line():
    assert editor_argv({"EDITOR": "vim"}, FILE, 0) == ["vim", "+1", "/work/TODO.md"]


def test_an_editor_that_cannot_be_split_is_a_one_line_error():
    with pytest.raises(UsageError, match=r"\$EDITOR cannot be read as a command"):
        editor_argv({"EDITOR": "vim 'unclosed"}, FILE, 1)
