from __future__ import annotations

import sys
import traceback
from pathlib import Path

import pytest

from patternbrowser.core.guides.modules import index_modules
from tests.examples.guide_importer import GuideModuleFinder

GUIDE = """# CLAUDE-demo.md

## Demo
Text.

```python module=demo_limits
LIMIT = 3
```

More text.

```python module=demo_limits
def check(n: int) -> int:
    if n > LIMIT:
        raise ValueError("too many")
    return n
```
"""


def write(folder: Path, guide: str, checks: dict[str, str]) -> Path:
    (folder / "checks").mkdir(parents=True)
    (folder / "CLAUDE-demo.md").write_text(guide, encoding="utf-8")
    for name, text in checks.items():
        (folder / "checks" / name).write_text(text, encoding="utf-8")
    return folder


def test_named_blocks_pair_with_the_checks_that_load_them(tmp_path):
    folder = write(tmp_path, GUIDE, {"test_demo.py": 'demo = guide_module("demo_limits")\n'})
    index = index_modules(folder)
    assert index.problems == []
    assert list(index.modules) == ["demo_limits"]
    assert [line for _, line in index.references["demo_limits"]] == [1]
    assert len(index.modules["demo_limits"].blocks) == 2


def test_a_block_without_checks_and_a_check_without_block_are_problems(tmp_path):
    folder = write(tmp_path, GUIDE, {"test_demo.py": 'x = guide_module("demo_limit")\n'})
    problems = [str(problem) for problem in index_modules(folder).problems]
    assert any(
        "CLAUDE-demo.md:6:" in p and "module=demo_limits has no checks" in p for p in problems
    )
    assert any("test_demo.py:1:" in p and "names no guide block" in p for p in problems)


def test_two_blocks_with_one_name_in_two_guides_are_a_problem(tmp_path):
    folder = write(tmp_path, GUIDE, {"test_demo.py": 'guide_module("demo_limits")\n'})
    (folder / "CLAUDE-other.md").write_text("```python module=demo_limits\nX = 1\n```\n")
    problems = [str(problem) for problem in index_modules(folder).problems]
    assert any("also defined at" in p for p in problems)


def test_guide_modules_fail_at_the_guides_own_lines(tmp_path, monkeypatch):
    folder = write(tmp_path, GUIDE, {"test_demo.py": 'guide_module("demo_limits")\n'})
    finder = GuideModuleFinder(index_modules(folder).modules)
    monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])
    monkeypatch.delitem(sys.modules, "demo_limits", raising=False)
    import demo_limits  # type: ignore[import-not-found]

    assert demo_limits.check(2) == 2
    with pytest.raises(ValueError, match="too many") as raised:
        demo_limits.check(9)
    frame = traceback.extract_tb(raised.value.__traceback__)[-1]
    assert frame.filename == str(folder / "CLAUDE-demo.md")
    assert frame.lineno == 15 and frame.line == 'raise ValueError("too many")'
    monkeypatch.delitem(sys.modules, "demo_limits")
