"""Guide checks (targets, sections, links, compiling examples) and the measured metrics."""

from __future__ import annotations

import json
import shutil

import pytest

from patternbrowser.core.guides.blocks import blocks_in, parse_info, runnables
from patternbrowser.core.guides.example_report import ExampleReport, save_report
from patternbrowser.core.guides.links import slug
from tests.helpers import BUNDLED_TODO, FIXTURES, ROOT, SEED

GUIDE = """# RUST-unsafe.md: Unsafe Rust

## Contents
- [Invariants](#unsafe-block-invariants)

## Unsafe Block Invariants
<!-- item: 1 -->

See [Send](RUST-concurrency.md#send-and-sync-bounds) and [docs](https://doc.rust-lang.org/).

```python
print("ok")
```

```python program=demo
x = 1
```

```python program=demo
assert x == 1
```
"""
CONCURRENCY = """# RUST-concurrency.md

## Send and Sync Bounds

Text.
"""


@pytest.fixture
def project(crates, tmp_path):
    todo = crates
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "RUST-unsafe.md").write_text(GUIDE)
    (guides / "RUST-concurrency.md").write_text(CONCURRENCY)
    (guides / "RUST-docs.md").write_text("# docs\n\n## Intra-doc Links\n<!-- item: 4 -->\n")
    return todo, guides


def test_slugs_follow_github():
    assert slug("Async Context Managers & Patterns") == "async-context-managers--patterns"
    assert slug("CI/CD Pipeline Configuration") == "cicd-pipeline-configuration"
    assert slug("✅ DO") == "-do"
    assert slug("pytest-xdist Parallel Testing") == "pytest-xdist-parallel-testing"


def test_info_strings():
    assert parse_info('python program=x needs=redis pytest-args="-n 2 --dist loadscope"') == (
        "python",
        {"program": "x", "needs": "redis", "pytest-args": "-n 2 --dist loadscope"},
    )
    assert parse_info("python pytest") == ("python", {"pytest": ""})
    assert parse_info('python skip="needs a cloud account"')[1]["skip"] == "needs a cloud account"


def test_programs_are_joined_in_order(project):
    _, guides = project
    units = runnables(blocks_in(guides / "RUST-unsafe.md"))
    assert [u.name for u in units] == ["RUST-unsafe.md:11", "RUST-unsafe.md:demo"]
    assert units[1].code == "x = 1\n\n\nassert x == 1\n"


def test_check_passes_on_a_sound_project(cli, project):
    todo, guides = project
    result = cli("--todo", todo, "--guides", guides, "check")
    assert result.code == 0, result.out
    assert "cross-references: 2/2 resolve (1 external links not checked offline)" in result.out


def test_broken_link_is_named_with_file_and_line(cli, project):
    todo, guides = project
    text = (guides / "RUST-unsafe.md").read_text().replace("#send-and-sync-bounds", "#sned")
    (guides / "RUST-unsafe.md").write_text(text)
    result = cli("--todo", todo, "--guides", guides, "check")
    assert result.code == 1
    assert (
        f"{guides / 'RUST-unsafe.md'}:9: link to '#sned': RUST-concurrency.md has no such heading"
        in result.out
    )


def test_completed_item_without_section_fails(cli, project):
    todo, guides = project
    cli("--todo", todo, "set", "5", "completed")
    result = cli("--todo", todo, "--guides", guides, "check")
    assert result.code == 1
    assert "item 5 is completed but RUST-docs.md has no section for it" in result.out
    # a heading with the item's title is a section too
    docs = guides / "RUST-docs.md"
    docs.write_text(docs.read_text() + "\n## Literate Examples\n\nText.\n")
    assert cli("--todo", todo, "--guides", guides, "check").code == 0


def test_missing_guide_and_bad_python_are_problems(cli, project):
    todo, guides = project
    (guides / "RUST-docs.md").unlink()
    (guides / "RUST-unsafe.md").write_text(GUIDE.replace('print("ok")', "print('unclosed"))
    data = json.loads(cli("--todo", todo, "--guides", guides, "check", "--json").out)
    assert data["ok"] is False
    messages = [p["message"] for p in data["problems"]]
    assert any("item 4: target guide RUST-docs.md does not exist" in m for m in messages)
    assert any(m.startswith("python example does not compile") for m in messages)
    assert [p["line"] for p in data["problems"] if "compile" in p["message"]] == [12]


def test_check_json_reports_examples_and_the_last_run(cli, project):
    todo, guides = project
    save_report(guides, ExampleReport("2026-11-26T09:00:00+00:00", 2, 2, 2, [], [], {"python": 2}))
    data = json.loads(cli("--todo", todo, "--guides", guides, "check", "--json").out)
    assert data["examples"]["by_language"] == {"python": 3}
    assert data["examples"]["units"] == 2
    assert data["examples"]["last_run"]["date"] == "2026-11-26T09:00:00+00:00"
    assert data["examples"]["skipped"] == []
    assert data["cross_references"] == {"resolved": 2, "total": 2, "external_links": 1}


def test_export_writes_only_the_measured_metric_cells(cli, seed, tmp_path):
    guides = tmp_path / "guides"
    shutil.copytree(FIXTURES / "guides", guides)
    (guides / "CLAUDE-validation.md").write_text(
        (guides / "CLAUDE-validation.md").read_text()
        + "\n[bad](#nowhere) [ok](#jwt-authentication-flow)\n"
    )
    save_report(guides, ExampleReport("2026-11-26T09:00:00+00:00", 4, 4, 3, ["x"], [], {}))
    before = seed.read_text(encoding="utf-8").splitlines()
    assert cli("--todo", seed, "--guides", guides, "export").code == 0
    after = seed.read_text(encoding="utf-8").splitlines()
    changed = {b: a for b, a in zip(before, after, strict=True) if a != b}
    assert (
        changed["| Code examples tested | 100% | 85% | 15% |"]
        == "| Code examples tested | 100% | 75% | 25% |"
    )
    assert (
        changed["| Cross-references accurate | 100% | 90% | 10% |"]
        == "| Cross-references accurate | 100% | 50% | 50% |"
    )
    table = [line for line in after if line.startswith("| ")]
    assert "| Critical examples covered | 100% | 60% | 40% |" in table
    assert cli("--todo", seed, "--guides", guides, "export", "--check").code == 0


def test_bundled_data_is_checked_and_current(cli):
    result = cli("check")
    assert result.code == 0, result.out
    assert cli("export", "--check").code == 0
    items = json.loads(cli("status", "--json").out)["items"]
    assert all(item["status"] == "completed" for item in items)
    # the recurring reviews were completed on 2026-11-26 (the committed store says when)
    due = {item["number"]: (item["next_due"], item["overdue"]) for item in items[20:]}
    assert due == {21: ("2027-02-26", False), 22: ("2026-12-26", False)}
    assert "**Next Review**: 2027-02-26 (Quarterly)" in BUNDLED_TODO.read_text(encoding="utf-8")
    assert (ROOT / "guides" / "CLAUDE.md").is_file()


def test_bundled_todo_is_the_seed_with_only_tracked_lines_changed():
    from patternbrowser.core.todo.parser import parse_todo

    seed = parse_todo(SEED)
    allowed = {item.heading_index for item in seed.items}
    allowed |= {entry.line_index for phase in seed.phases for entry in phase.entries}
    allowed |= {line.line_index for line in seed.summary}
    allowed |= {line.line_index for line in seed.dates}
    allowed |= {
        row.line_index
        for row in seed.table_rows
        if row.cells[0] in ("Code examples tested", "Cross-references accurate")
    }
    bundled = BUNDLED_TODO.read_bytes().decode("utf-8").split("\n")
    original = SEED.read_bytes().decode("utf-8").split("\n")
    assert len(bundled) == len(original)
    changed = {i for i, (a, b) in enumerate(zip(original, bundled, strict=True)) if a != b}
    assert changed <= allowed
    assert not BUNDLED_TODO.read_bytes().endswith(b"\n")  # the seed's missing final newline
    assert b"- Continuous Improvements: 2/2 completed \n" in BUNDLED_TODO.read_bytes()  # space kept


def test_an_item_without_a_file_field_finds_the_section_that_marks_it():
    from patternbrowser.core.guides.library import GuideLibrary
    from patternbrowser.core.todo.parser import parse_todo
    from tests.helpers import BUNDLED_TODO, ROOT

    item = parse_todo(BUNDLED_TODO).item(22)
    assert item is not None and item.guide is None
    lookup = GuideLibrary(ROOT / "guides").lookup(item)
    assert lookup.state == "found" and lookup.message.startswith("CLAUDE.md:")
    assert lookup.heading is not None and lookup.heading.title == "Community Pattern Integration"
