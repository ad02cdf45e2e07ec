"""Every guide file and its headings, without Textual."""

from __future__ import annotations

from pathlib import Path

from patternbrowser.core.guides.library import GuideLibrary
from patternbrowser.core.guides.outline import outline, place_parts
from patternbrowser.core.guides.samples import Sample


def test_outline_lists_every_heading_to_level_four_and_shows_each_part(tmp_path: Path):
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "CLAUDE-a.md").write_text(
        "# Guide A\n\nIntro.\n\n## One\n\n```python\nx = 1\n```\n\n### Deeper\n\nText.\n\n"
        "##### Too deep\n\n## Two\n\n```bash\n# not a heading\n```\n",
        encoding="utf-8",
    )
    (folder / "CLAUDE-b.md").write_bytes(b"\xff\xfe not text")
    library = GuideLibrary(folder)
    first, second = outline(library)
    assert [place.name for place in first.places] == ["# Guide A", "## One", "### Deeper", "## Two"]
    assert first.places[1].where == "CLAUDE-a.md:5"
    assert second.places == [] and second.error
    title, one = first.places[:2]
    assert place_parts(library, title) == ["# Guide A\n\nIntro."]  # up to the next heading
    parts = place_parts(library, one)
    samples = [p for p in parts if isinstance(p, Sample)]
    assert [(s.code, s.where) for s in samples] == [("x = 1", "CLAUDE-a.md:7")]
    assert "### Deeper" in "".join(p for p in parts if isinstance(p, str))  # a subsection
    assert "## Two" not in "".join(p for p in parts if isinstance(p, str))
