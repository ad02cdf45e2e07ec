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


def test_osc52_sequence():
    payload = base64.b64encode(CODE.encode()).decode()
    assert osc52(CODE) == f"\x1b]52;c;{payload}\x07"


def test_osc52_is_only_sent_and_xclip_copies(tools):
    record = fake_tool(tools, "xclip")
    sent: list[str] = []

    def terminal(sequence: str) -> bool:
        sent.append(sequence)
        return True

    result = copy_text(CODE, terminal, env={"PATH": str(tools), "DISPLAY": ":0"})
    assert result.sent == ["OSC 52"] and result.via == ["xclip"]
    assert result.describe() == "copied 2 lines via xclip (also sent to the terminal by OSC 52)"
    assert record.read_text() == CODE
    assert (tools / "xclip.stdin.args").read_text().split() == ["-selection", "clipboard", "-in"]
    assert sent == [osc52(CODE)]


def test_osc52_alone_is_reported_as_sent_not_copied(tools):
    result = copy_text(CODE, lambda sequence: True, env={"PATH": str(tools)})
    assert result.reached and not result.native
    assert result.describe().startswith("sent 2 lines to the terminal's clipboard by OSC 52")


def test_inside_tmux_the_text_goes_to_tmux_itself_not_to_a_dropped_escape(tools):
    record = fake_tool(tools, "tmux")
    sent: list[str] = []

    def terminal(sequence: str) -> bool:
        sent.append(sequence)
        return True

    result = copy_text(
        CODE,
        terminal,
        env={"PATH": str(tools), "TMUX": "/tmp/tmux-0/default,1,0"},
    )
    assert record.read_text() == CODE
    assert (tools / "tmux.stdin.args").read_text().split() == ["load-buffer", "-w", "-"]
    assert sent == []  # tmux drops OSC 52 from programs by default (allow-passthrough off)
    assert result.describe() == "copied 2 lines via tmux buffer"


def test_a_failing_tmux_is_not_reported_as_copied(tools):
    fake_tool(tools, "tmux", exit_code=1)
    result = copy_text(CODE, None, env={"PATH": str(tools), "TMUX": "/tmp/tmux-0/x,1,0"})
    assert not result.reached and result.failures[0].startswith("tmux buffer:")


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
