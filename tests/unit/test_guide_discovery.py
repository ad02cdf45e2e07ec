"""Which guides folder a TODO is checked against when --guides is not given."""

from __future__ import annotations

import json
import shutil

from patternbrowser.core.guides.discovery import choose_guides
from tests.helpers import BUNDLED_TODO, FIXTURES, ROOT

BUNDLED = (BUNDLED_TODO, ROOT / "guides")


def nothing_named() -> list[str]:
    raise AssertionError("the File fields are read only when no guides/ is beside the TODO")


def test_given_bundled_beside_own_folder_and_none(tmp_path):
    assert choose_guides(tmp_path / "T.md", tmp_path, BUNDLED, nothing_named).found == "given"
    bundled = choose_guides(BUNDLED_TODO, None, BUNDLED, nothing_named)
    assert (bundled.path, bundled.found) == (ROOT / "guides", "bundled")
    (tmp_path / "guides").mkdir()
    beside = choose_guides(tmp_path / "T.md", None, BUNDLED, nothing_named)
    assert (beside.path, beside.found) == (tmp_path / "guides", "beside")
    other = tmp_path / "other"
    other.mkdir()
    (other / "net.md").write_text("# net\n")
    own = choose_guides(other / "T.md", None, BUNDLED, lambda: ["net.md"])
    assert (own.path, own.found) == (other, "own folder")
    assert choose_guides(other / "T.md", None, BUNDLED, lambda: ["missing.md"]).path is None
    assert choose_guides(other / "T.md", None, BUNDLED, lambda: ["../net.md"]).path is None
    assert "pass --guides DIR" in choose_guides(other / "T.md", None, BUNDLED, list).describe()


def test_someone_elses_todo_is_not_checked_against_the_bundled_guides(cli, tmp_path):
    todo = tmp_path / "TODO.md"
    shutil.copyfile(FIXTURES / "dialect_bullets.md", todo)
    result = cli("--todo", todo, "check")
    assert "fenced blocks" not in result.out  # no guides: none of ours are counted
    assert "guides folder: none (no guides/ beside the TODO; pass --guides DIR)" in result.out
    assert json.loads(cli("--todo", todo, "check", "--json").out)["guides"] is None
    (tmp_path / "net.md").write_text("# Net\n\nRetries.\n")
    status = cli("--todo", todo, "status")
    assert f"guides folder: {tmp_path} (the TODO's own folder" in status.out.replace("\n", " ")
    assert json.loads(cli("--todo", todo, "status", "--json").out)["guides"] == str(tmp_path)
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "net.md").write_text("# Net\n\nRetries.\n")
    checked = cli("--todo", todo, "check")
    assert f"guides folder: {tmp_path / 'guides'} (found beside the TODO)" in checked.out


def test_the_app_header_names_the_guides_folder(tmp_path):
    from patternbrowser.tui.app import make_app

    shutil.copyfile(FIXTURES / "dialect_bullets.md", tmp_path / "TODO.md")
    app = make_app(tmp_path / "TODO.md", None, None, guides_note="no guides")
    assert app.title == "patternbrowser · no guides"
