"""Every guide file and its headings, without Textual."""

from __future__ import annotations

from pathlib import Path

from patternbrowser.core.guides.library import GuideLibrary
from patternbrowser.core.guides.outline import outline, outline_index, place_parts
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
    assert place_parts(library, title) == ["Intro."]  # up to the next heading, title left out
    parts = place_parts(library, one)
    samples = [p for p in parts if isinstance(p, Sample)]
    assert [(s.code, s.where) for s in samples] == [("x = 1", "CLAUDE-a.md:7")]
    assert "### Deeper" in "".join(p for p in parts if isinstance(p, str))  # a subsection
    assert "## Two" not in "".join(p for p in parts if isinstance(p, str))


def test_the_outline_index_matches_a_headings_own_lines_and_is_rebuilt_only_on_change(
    tmp_path: Path,
):
    folder = tmp_path / "guides"
    folder.mkdir()
    guide = folder / "CLAUDE-a.md"
    guide.write_text(
        "# Guide A\n\n## Sessions\n\nUse a savepoint.\n\n### Nested\n\nRoll back alone.\n",
        encoding="utf-8",
    )
    library = GuideLibrary(folder)
    index = outline_index(library, None)
    titles = {place.heading.title: place for entry in index.outlines for place in entry.places}

    def found(query: str) -> list[str]:
        matches = index.matcher(query)
        return [title for title, place in titles.items() if matches(place)]

    assert found("SAVEPOINT") == ["Sessions"]  # casefolded; not the title above it
    assert found("roll alone") == ["Nested"]  # every word, in the heading's own lines
    assert found("savepoint alone") == []  # words split over two headings: neither
    assert found("## nested") == ["Nested"]  # hashes typed with a heading are ignored
    assert outline_index(library, index) is index  # nothing changed: the same index
    guide.write_text(guide.read_text(encoding="utf-8") + "\nMore text here.\n", encoding="utf-8")
    rebuilt = outline_index(library, index)
    assert rebuilt is not index and rebuilt.size == 3


def test_the_outline_is_the_last_way_to_browse_and_only_with_guides():
    from patternbrowser.core.todo.grouping import modes_for, next_mode

    assert modes_for(None, has_guides=True) == ("phase", "priority", "guide", "outline")
    assert modes_for(None) == ("phase", "priority", "guide")
    assert next_mode("guide", None, has_guides=True) == "outline"
    assert next_mode("outline", None, has_guides=True) == "phase"
    assert next_mode("outline", None) == "phase"  # the guides went away: back to the items
