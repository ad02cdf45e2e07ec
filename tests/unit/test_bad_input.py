"""Bad input: one line naming the file (and line), exit code 2, and no file changed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT, SEED, tree_digest


def run(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "patternbrowser", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )


def prepare(case: str, folder, seed_text: str) -> list[str]:
    """Make the bad input of `case` inside `folder`; return the command's arguments."""
    todo = folder / "TODO.md"
    todo.write_text(seed_text, encoding="utf-8")
    if case == "missing":
        return ["--todo", "nope.md", "status"]
    if case == "directory":
        (folder / "adir").mkdir()
        return ["--todo", "adir", "status"]
    if case == "not-utf8":
        todo.write_bytes(b"# T\n\n## HIGH\n\n### 1. A\n\xff\xfe bad\n")
        return ["--todo", "TODO.md", "status"]
    if case == "empty":
        todo.write_bytes(b"")
        return ["--todo", "TODO.md", "status"]
    if case == "no-items":
        todo.write_text("# Notes\n\nNothing to do.\n")
        return ["--todo", "TODO.md", "list"]
    if case == "corrupt-store":
        (folder / "TODO.progress.toml").write_text("schema = 1\n[items.3\n")
        return ["--todo", "TODO.md", "set", "3", "completed"]
    if case == "read-only-export":
        todo.chmod(0o444)
        return ["--todo", "TODO.md", "export"]
    if case == "unknown-status":
        return ["--todo", "TODO.md", "set", "3", "someday"]
    if case == "no-such-item":
        return ["--todo", "TODO.md", "set", "99", "completed"]
    if case == "duplicate-number-set":
        todo.write_text(seed_text.replace("### 4. File", "### 3. File"), encoding="utf-8")
        return ["--todo", "TODO.md", "set", "3", "completed"]
    raise AssertionError(case)


CASES = {
    "missing": "nope.md: no such file",
    "directory": "adir: is a directory, not a file",
    "not-utf8": "TODO.md:6: not UTF-8 text (byte 0xff at column 1)",
    "empty": "TODO.md: file is empty",
    "no-items": "TODO.md: no items found",
    "corrupt-store": "TODO.progress.toml:2: not valid TOML",
    "read-only-export": "TODO.md: file is read-only; not written",
    "unknown-status": "unknown status 'someday'",
    "no-such-item": "TODO.md: no item 99 (items: 1-22)",
    "duplicate-number-set": "TODO.md: item number 3 is used more than once (lines 72, 105)",
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gives_one_line_and_exit_2(case, tmp_path):
    seed_text = SEED.read_text(encoding="utf-8")
    args = prepare(case, tmp_path, seed_text)
    before = tree_digest(tmp_path)
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("patternbrowser: error: ")
    assert CASES[case] in lines[0]
    assert "Traceback" not in result.stderr
    assert tree_digest(tmp_path) == before


def test_an_edit_saved_during_the_rename_window_is_not_overwritten(seed, cli, monkeypatch):
    """An editor (which takes no lock) saves just before export renames: export refuses."""
    from patternbrowser.core import safefile

    real = safefile.write_atomic

    def edit_meanwhile(snapshot, data):
        if snapshot.path == seed:
            seed.write_text("edited by someone else\n", encoding="utf-8")
        real(snapshot, data)

    monkeypatch.setattr("patternbrowser.core.workspace.write_atomic", edit_meanwhile)
    cli("--todo", seed, "set", "3", "completed")
    result = cli("--todo", seed, "export")
    assert result.code == 2
    assert "changed on disk since it was read; not overwritten" in result.err
    assert seed.read_text(encoding="utf-8") == "edited by someone else\n"


def test_export_builds_on_an_edit_made_after_loading(seed, cli, monkeypatch):
    """An edit saved between loading and taking the lock is re-read and kept, not refused."""
    from patternbrowser.core import workspace

    real = workspace.Workspace.writing
    cli("--todo", seed, "set", "3", "completed")

    def edit_first(self):
        seed.write_text(seed.read_text(encoding="utf-8") + "\nA line added by hand.\n")
        return real(self)

    monkeypatch.setattr(workspace.Workspace, "writing", edit_first)
    assert cli("--todo", seed, "export").code == 0
    text = seed.read_text(encoding="utf-8")
    assert text.endswith("\nA line added by hand.\n") and "### ✅ 3. JWT" in text


def test_store_changed_between_load_and_set_is_not_overwritten(seed, cli, monkeypatch):
    from patternbrowser.core.progress.store_write import save_store as real

    store = seed.with_name("TODO.progress.toml")

    def edit_meanwhile(loaded):
        store.write_text("# mine\n", encoding="utf-8")
        real(loaded)

    monkeypatch.setattr("patternbrowser.core.workspace.save_store", edit_meanwhile)
    result = cli("--todo", seed, "set", "3", "completed")
    assert result.code == 2 and "on disk since it was read" in result.err
    assert store.read_text(encoding="utf-8") == "# mine\n"
