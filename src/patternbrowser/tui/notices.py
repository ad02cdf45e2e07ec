"""Notifications whose text comes from files: always shown literally, on one line."""

from __future__ import annotations

from typing import Any

from textual.app import App

from patternbrowser.core.errors import PatternbrowserError
from patternbrowser.core.sanitize import one_line


def show_error(app: App[Any], title: str, error: PatternbrowserError) -> None:
    """Tell the user what failed; the text comes from files, so it is never read as markup."""
    app.notify(one_line(str(error)), title=title, severity="error", markup=False, timeout=8)
