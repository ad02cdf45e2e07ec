"""The examples `[`/`]` step through: drafts from the TODO, then the guide's blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from patternbrowser.core.errors import UsageError
from patternbrowser.core.guides.library import GuideLibrary
from patternbrowser.core.guides.samples import (
    OutputBlock,
    Sample,
    first_choice,
    guide_section,
    item_samples,
    pick,
    samples_of,
)
from patternbrowser.core.todo.parser import parse_todo

GUIDE = """\
# CLAUDE-validation.md

## JWT Authentication Flow
<!-- item: 3 -->

Prose.

```python
print("verified")
```

```text
verified
```

```javascript
console.log(1)
```

```python skip="needs a GPU"
import torch
```

```toml
[tool.x]
```

## Next
"""


@pytest.fixture
def library(tmp_path: Path) -> GuideLibrary:
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "CLAUDE-validation.md").write_text(GUIDE, encoding="utf-8")
    return GuideLibrary(folder)


def test_guide_blocks_follow_the_drafts_with_where_they_are_and_whether_tested(seed, library):
    item = parse_todo(seed).item(3)
    assert item is not None
    lookup, parts = guide_section(library, item)
    samples = item_samples(item, seed, lookup)
    drafts = [s for s in samples if s.kind == "draft"]
    guide = [s for s in samples if s.kind == "guide"]
    assert [s.code for s in drafts] == [e.code for e in item.examples]
    assert drafts[0].provenance == "draft from the TODO · not verified"
    assert drafts[0].title.startswith("Example 1/1 · python · draft")
    # output listings are shown but are not examples
    assert [p.code for p in parts if isinstance(p, OutputBlock)] == ["verified"]
    assert [(s.number, s.of, s.language) for s in guide] == [
        (1, 4, "python"),
        (2, 4, "javascript"),
        (3, 4, "python"),
        (4, 4, "toml"),
    ]
    assert [s.provenance for s in guide] == [
        "CLAUDE-validation.md:8 · tested",  # the line of its opening fence
        "CLAUDE-validation.md:16 · not checked (javascript)",
        "CLAUDE-validation.md:20 · not run: needs a GPU",
        "CLAUDE-validation.md:24 · tested",
    ]
    assert GUIDE.splitlines()[7] == "```python"
    assert first_choice(samples) == len(drafts)  # the verified block comes first
    assert first_choice(drafts) == 0


def test_pick_names_the_examples_there_are(seed, library):
    item = parse_todo(seed).item(3)
    assert item is not None
    guide = samples_of(guide_section(library, item)[1])
    assert pick(guide, 2, item, None).language == "javascript"
    with pytest.raises(UsageError, match=r"item 3 has no guide example 5 \(have: 1-4\)"):
        pick(guide, 5, item, None)
    other = parse_todo(seed).item(4)
    assert other is not None
    with pytest.raises(UsageError, match="item 4 has no guide section"):
        guide_section(library, other)


def test_sample_is_a_plain_example_too():
    sample = Sample("guide", 2, 3, "python", "x = 1", Path("g.md"), 10, "tested")
    assert sample.example.code == "x = 1" and sample.example.number == 2
    assert sample.file_stem == "guide-example"
