"""The clipboard chain: OSC 52 (wrapped for tmux), then native tools, tested with fakes."""

from __future__ import annotations

import base64

import pytest

from patternbrowser.core.clipboard import copy_text, osc52, save_to_file
from patternbrowser.core.errors import WriteError
from tests.helpers import fake_tool

CODE = "print('hi')\nprint('there')\n"


@pytest.fixture
def tools(tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    return folder


def test_osc52_plain_and_wrapped_for_tmux():
    payload = base64.b64encode(CODE.encode()).decode()
    assert osc52(CODE, in_tmux=False) == f"\x1b]52;c;{payload}\x07"
    assert osc52(CODE, in_tmux=True) == f"\x1bPtmux;\x1b\x1b]52;c;{payload}\x07\x1b\\"


def test_osc52_and_xclip_both_receive_the_text(tools):
    record = fake_tool(tools, "xclip")
    sent: list[str] = []

    def terminal(sequence: str) -> bool:
        sent.append(sequence)
        return True

    result = copy_text(
        CODE,
        terminal,
        env={"PATH": str(tools), "DISPLAY": ":0", "TMUX": "/tmp/tmux-0/x,1,0"},
    )
    assert result.via == ["OSC 52", "xclip"]
    assert result.describe() == "copied 2 lines via OSC 52 + xclip"
    assert record.read_text() == CODE
    assert (tools / "xclip.stdin.args").read_text().split() == ["-selection", "clipboard", "-in"]
    assert sent == [osc52(CODE, in_tmux=True)]


def test_wayland_is_preferred_and_a_failing_tool_falls_through(tools):
    wl = fake_tool(tools, "wl-copy", exit_code=1)
    xsel = fake_tool(tools, "xsel")
    env = {"PATH": str(tools), "DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    result = copy_text(CODE, None, env=env)
    assert wl.read_text() == CODE  # it was tried first
    assert result.via == ["xsel"] and xsel.read_text() == CODE
    assert result.failures and result.failures[0].startswith("wl-copy:")


def test_tools_need_their_display(tools):
    fake_tool(tools, "xclip")
    pbcopy = fake_tool(tools, "pbcopy")
    result = copy_text(CODE, None, env={"PATH": str(tools)})
    assert result.via == ["pbcopy"] and pbcopy.read_text() == CODE


def test_nothing_reachable_is_reported(tools):
    result = copy_text(CODE, lambda seq: False, env={"PATH": str(tools)})
    assert not result.reached
    assert "no terminal for OSC 52 and no clipboard tool" in result.describe()


def test_save_to_file_never_overwrites(tmp_path):
    target = tmp_path / "example.py"
    save_to_file(target, CODE)
    assert target.read_text() == CODE
    with pytest.raises(WriteError, match="already exists"):
        save_to_file(target, "other")
    assert target.read_text() == CODE


def test_cli_copy_uses_the_tool_and_saves_with_to(cli, seed, tools, monkeypatch, tmp_path):
    record = fake_tool(tools, "xclip")
    monkeypatch.setenv("PATH", str(tools))
    monkeypatch.setenv("DISPLAY", ":0")
    result = cli("--todo", seed, "copy", "17")
    assert result.code == 0 and result.out.strip() == "copied 11 lines via xclip"
    assert record.read_text().startswith("FROM python:3.11-slim as builder\n")
    out = tmp_path / "Dockerfile"
    assert cli("--todo", seed, "copy", "17", "--to", out).code == 0
    assert out.read_text() == record.read_text() + "\n"
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    missing = cli("--todo", seed, "copy", "17")
    assert missing.code == 1 and "--to FILE" in missing.err
