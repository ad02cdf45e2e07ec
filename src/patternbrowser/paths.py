"""Where the bundled guides/ and data/ are, from a source checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_root() -> Path:
    """The folder holding data/ and guides/: the checkout's top, else the wheel's copy."""
    checkout = _PACKAGE.parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "data" / "TODO.md").is_file():
        return checkout
    return _PACKAGE / "_bundled"


def bundled_todo() -> Path:
    """The TODO file shipped with patternbrowser."""
    return bundled_root() / "data" / "TODO.md"


def bundled_guides() -> Path:
    """The guides folder shipped with patternbrowser."""
    return bundled_root() / "guides"
