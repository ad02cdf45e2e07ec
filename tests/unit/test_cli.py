"""The CLI commands on copies of the seed and of a TODO of another subject."""

from __future__ import annotations

import json
import os

import pytest

from tests.helpers import ROOT, SEED


def test_status_json_has_the_documented_keys(cli, seed):
    result = cli("--todo", seed, "status", "--json")
    assert result.code == 0 and result.err == ""
    data = json.loads(result.out)
    assert {"items", "groups", "phases", "total", "warnings"} <= data.keys()
    item = data["items"][2]
    assert {
        k: item[k]
        for k in (
            "number",
            "title",
            "status",
            "group",
            "priority",
            "phase",
            "file",
            "effort",
            "examples",
        )
    } == {
        "number": 3,
        "title": "JWT Authentication Flow",
        "status": "not_started",
        "group": "High Priority",
        "priority": "high",
        "phase": 1,
        "file": "CLAUDE-validation.md",
        "effort": "3-4 hours",
        "examples": 1,
    }
    assert data["groups"][1] == {
        "name": "Medium Priority",
        "priority": "medium",
        "not_started": 6,
        "in_progress": 0,
        "completed": 0,
        "blocked": 0,
        "total": 6,
    }
    assert data["phases"][0]["items"] == [3, 4, 5, 11, 10]
    assert data["phases"][0]["number"] == 1 and data["phases"][0]["total"] == 5
    assert data["total"] == {
        "not_started": 22,
        "in_progress": 0,
        "completed": 0,
        "blocked": 0,
        "total": 22,
    }
    assert data["warnings"] == []


def test_set_then_export_then_check(cli, seed, no_guides):
    # no guides here: the measured metrics (tested elsewhere) would change the first export
    assert cli("--todo", seed, "--guides", no_guides, "export").code == 0
    exported = seed.read_bytes()
    assert b"2025-09-23" in exported  # adding ⬜ markers changes no date
    result = cli("--todo", seed, "set", "3", "completed")
    assert result.code == 0 and "⬜ → ✅" in result.out
    assert seed.read_bytes() == exported  # set touches only the store
    stale = cli("--todo", seed, "export", "--check")
    assert stale.code == 1 and "not current" in stale.out and "item 3: ⬜ → ✅" in stale.out
    listed = [line for line in stale.out.splitlines() if line.startswith("  ")]
    assert f"{len(listed)} changes in" in stale.out  # the count is of the lines it lists
    assert seed.read_bytes() == exported
    result = cli("--todo", seed, "--guides", no_guides, "export")
    assert result.code == 0 and "3 changes in 5 lines" in result.out
    text = seed.read_text(encoding="utf-8")
    assert "### ✅ 3. JWT Authentication Flow" in text
    assert "1. ✅ JWT Authentication Flow (#3)" in text
    assert "- High Priority: 1/5 completed" in text
    assert text.count("**Last Updated**: 2026-11-26") == 2
    assert cli("--todo", seed, "--guides", no_guides, "export", "--check").code == 0
    data = json.loads(cli("--todo", seed, "status", "--json").out)
    assert data["items"][2]["status"] == "completed" and data["drift"] == []


def test_export_stdout_prints_exact_bytes_and_writes_nothing(seed, capfdbinary, fixed_clock):
    from patternbrowser.cli import main

    crlf = SEED.read_bytes().replace(b"\n", b"\r\n")
    seed.write_bytes(crlf)
    assert main(["--todo", str(seed), "export", "--stdout"]) == 0
    out = capfdbinary.readouterr().out
    assert out.count(b"\r\n") == crlf.count(b"\r\n") and b"### \xe2\xac\x9c 3. JWT" in out
    assert seed.read_bytes() == crlf


@pytest.mark.parametrize("status", ["🟦", "in_progress", "[~]", "In Progress"])
def test_set_accepts_ids_emoji_and_ascii(cli, seed, status):
    assert cli("--todo", seed, "set", "7", status).code == 0
    data = json.loads(cli("--todo", seed, "status", "--json").out)
    assert data["items"][6]["status"] == "in_progress"


def test_list_filters(cli, seed):
    cli("--todo", seed, "set", "4", "blocked")
    data = json.loads(cli("--todo", seed, "list", "--phase", "1", "--json").out)
    assert [i["number"] for i in data["items"]] == [3, 4, 5, 10, 11]
    data = json.loads(cli("--todo", seed, "list", "--status", "⏸", "--json").out)
    assert [i["number"] for i in data["items"]] == [4]
    data = json.loads(cli("--todo", seed, "list", "--priority", "none", "--json").out)
    assert [i["number"] for i in data["items"]] == list(range(16, 23))
    table = cli("--todo", seed, "--ascii", "list", "--priority", "low").out
    assert "[ ]" in table and "Caching Strategies" in table and "⬜" not in table
    assert "no items match" in cli("--todo", seed, "list", "--phase", "9").out


def test_show_item_and_example(cli, seed):
    result = cli("--todo", seed, "show", "17")
    assert result.code == 0
    assert "Docker Best Practices" in result.out and "Example 1/1 · dockerfile" in result.out
    plain = cli("--todo", seed, "show", "17", "--example", "1", "--plain").out
    assert plain.startswith("FROM python:3.11-slim as builder\n")
    assert plain.endswith('CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]\n')
    missing = cli("--todo", seed, "show", "21", "--example", "1")
    assert missing.code == 2 and "item 21 has no example 1 (examples: none)" in missing.err


def test_import_adopts_hand_edited_markers(cli, seed):
    cli("--todo", seed, "set", "3", "in_progress")
    cli("--todo", seed, "export")
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("### 🟦 3.", "### ✅ 3."), encoding="utf-8"
    )
    check = cli("--todo", seed, "check")
    assert (
        check.code == 1 and "the markdown says completed, the store says in_progress" in check.out
    )
    result = cli("--todo", seed, "import")
    assert result.code == 0 and "item 3: 🟦 → ✅" in result.out
    assert cli("--todo", seed, "check").code == 0
    assert "already matches" in cli("--todo", seed, "import").out


def test_check_reports_todo_problems(cli, tmp_path):
    todo = tmp_path / "T.md"
    todo.write_text("## HIGH\n\n### 1. A\n\n### 1. B\n\n### Phase 1 - X\n1. A (#7)\n")
    result = cli("--todo", todo, "check")
    assert result.code == 1
    assert f"{todo}:5: duplicate item number 1" in result.out
    assert f"{todo}:8: phase 1 names item #7" in result.out
    data = json.loads(cli("--todo", todo, "check", "--json").out)
    assert data["ok"] is False and [p["line"] for p in data["problems"]] == [5, 8]
    # the pristine seed has the tests' own guides/ beside it: name the bundled ones
    assert cli("--todo", SEED, "--guides", ROOT / "guides", "check").code == 0


def test_other_subject_todo(cli, crates):
    data = json.loads(cli("--todo", crates, "status", "--json").out)
    assert [g["name"] for g in data["groups"]] == ["High Priority", "Low Priority", "Experiments"]
    assert [i["recurrence"] for i in data["items"]][-1] == "Monthly"
    cli("--todo", crates, "set", "5", "✅")
    assert cli("--todo", crates, "export").code == 0
    text = crates.read_text(encoding="utf-8")
    assert "- Experiments: 1/2 completed" in text and "3. ✅ Literate Examples (#5)" in text
    assert cli("--todo", crates, "export", "--check").code == 0
    status = cli("--todo", crates, "status").out
    assert "Experiments" in status and "Foundations" in status and "1/6" in status


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("done", "completed"),
        ("wip", "in_progress"),
        ("todo", "not_started"),
        ("blocked", "blocked"),
        ("Done", "completed"),
        ("on hold", "blocked"),
    ],
)
def test_set_takes_the_everyday_words(cli, seed, word, status):
    assert cli("--todo", seed, "set", "5", word).code == 0
    assert json.loads(cli("--todo", seed, "status", "--json").out)["items"][4]["status"] == status


def test_an_unknown_status_lists_what_is_accepted(seed, capsys):
    from patternbrowser.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["--todo", str(seed), "set", "5", "someday"])
    assert exited.value.code == 2 and "todo, wip, done, blocked" in capsys.readouterr().err


def test_piped_list_keeps_whole_titles_and_no_trailing_spaces(seed, tmp_path):
    import subprocess
    import sys

    long_title = "A very long title " * 8
    text = seed.read_text(encoding="utf-8").replace(
        "### 3. JWT Authentication Flow", f"### 3. {long_title.strip()}"
    )
    seed.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "patternbrowser", "--todo", str(seed), "list"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert long_title.strip() in result.stdout
    assert all(line == line.rstrip() for line in result.stdout.splitlines())


def test_show_and_copy_a_guide_example(cli, seed, tmp_path):
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "CLAUDE-validation.md").write_text(
        "# Guide\n\n## JWT Authentication Flow\n<!-- item: 3 -->\n\n"
        "```python\nimport jwt\n```\n\n```text\noutput\n```\n\n```yaml\na: 1\n```\n",
        encoding="utf-8",
    )
    base = ("--todo", seed, "--guides", guides)
    shown = cli(*base, "show", "3", "--guide")
    assert shown.code == 0
    assert "Guide section · CLAUDE-validation.md:3" in shown.out
    assert "Guide example 1/2 · python · CLAUDE-validation.md:6 · tested" in shown.out
    plain = cli(*base, "show", "3", "--guide", "--example", "2", "--plain")
    assert plain.out == "a: 1\n"
    target = tmp_path / "out.py"
    copied = cli(*base, "copy", "3", "--guide", "--to", target)
    assert copied.code == 0 and target.read_text() == "import jwt\n"
    assert "guide example 1 of item 3 (CLAUDE-validation.md:6 · tested)" in copied.out
    draft = cli(*base, "copy", "3", "--to", tmp_path / "draft.py")  # the default is unchanged
    assert "from jose import" in (tmp_path / "draft.py").read_text() and draft.code == 0
    missing = cli(*base, "copy", "3", "--guide", "--example", "3")
    assert missing.code == 2 and "item 3 has no guide example 3 (have: 1-2)" in missing.err
    none = cli(*base, "show", "4", "--guide")
    assert none.code == 2 and "item 4 has no guide section" in none.err
