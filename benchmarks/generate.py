"""Generate large TODO files (and guides) of the seed's shape for the benchmarks."""

from __future__ import annotations

import shutil
from pathlib import Path

from patternbrowser.paths import bundled_todo

SECTIONS = [
    "🔴 HIGH PRIORITY - Critical Missing Examples",
    "🟡 MEDIUM PRIORITY - Tool Configuration Expansions",
    "🟢 LOW PRIORITY - Advanced Features",
    "📋 Configuration & Project Setup Gaps",
]
LABELS = ["High Priority", "Medium Priority", "Low Priority", "Configuration & Project Setup Gaps"]


def item_text(number: int) -> str:
    """One item of about 250 bytes, with one small example."""
    return (
        f"### {number}. Generated Pattern Number {number}\n"
        f"**File**: `CLAUDE-guide{number % 20:02d}.md`\n"
        "**Estimated Effort**: 1-2 hours\n"
        "**Instructions**:\n"
        "```\n"
        "Add the pattern with:\n"
        "- a complete example\n"
        "\\```python\n"
        f"def pattern_{number}() -> int:\n"
        f"    return {number}\n"
        "\\```\n"
        "```\n\n"
    )


def generate_todo(items: int) -> str:
    """A TODO with `items` items in four sections, four phases and a progress summary."""
    parts = ["# Generated TODO\n\n**Last Updated**: 2025-01-01\n\n---\n\n"]
    per_section = -(-items // len(SECTIONS))
    number = 0
    for section in SECTIONS:
        parts.append(f"## {section}\n\n")
        for _ in range(min(per_section, items - number)):
            number += 1
            parts.append(item_text(number))
    parts.append("## 🎯 Implementation Priority Order\n\n")
    per_phase = -(-items // 4)
    for phase in range(4):
        parts.append(f"### Phase {phase + 1} - Stage {phase + 1} (Week {phase + 1})\n")
        first = phase * per_phase + 1
        for index, n in enumerate(range(first, min(first + per_phase, items + 1)), 1):
            parts.append(f"{index}. Generated Pattern Number {n} (#{n})\n")
        parts.append("\n")
    parts.append("**Progress Summary:**\n")
    parts += [f"- {label}: 0/{per_section} completed\n" for label in LABELS]
    parts.append("\n---\n\n**Last Updated**: 2025-01-01\n")
    return "".join(parts)


def generate_guides(folder: Path, guides: int, size: int) -> None:
    """`guides` markdown files of about `size` bytes each, with sections and code."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(guides):
        parts = [f"# CLAUDE-guide{index:02d}.md: generated guide\n\n"]
        section = 0
        while sum(map(len, parts)) < size:
            section += 1
            parts.append(
                f"## Section {section}\n\nSome prose about pattern {section}, long enough to wrap "
                "across a line or two in a terminal of ordinary width.\n\n"
                f"```python\ndef example_{section}() -> int:\n    return {section}\n```\n\n"
            )
        (folder / f"CLAUDE-guide{index:02d}.md").write_text("".join(parts), encoding="utf-8")


def seed_and_big(folder: Path, items: int = 2000) -> tuple[Path, Path]:
    """`folder/seed/TODO.md` (the bundled TODO) and `folder/big/TODO.md` (`items` items)."""
    seed = folder / "seed" / "TODO.md"
    big = folder / "big" / "TODO.md"
    for todo in (seed, big):
        todo.parent.mkdir(parents=True)
    shutil.copyfile(bundled_todo(), seed)
    big.write_text(generate_todo(items), encoding="utf-8")
    return seed, big
