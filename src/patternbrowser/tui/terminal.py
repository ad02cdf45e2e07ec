"""Writing an escape sequence (OSC 52) to the terminal the app runs in."""

from __future__ import annotations

from textual.app import App


class TerminalClipboard:
    """Sends clipboard escape sequences through the app's terminal driver."""

    def __init__(self, app: App[object]) -> None:
        """Write through `app`'s driver."""
        self.app = app

    def write(self, sequence: str) -> bool:
        """Send `sequence`; False when there is no real terminal (headless, tests)."""
        # Textual has no public raw-write API; copy_to_clipboard cannot wrap for tmux
        driver = getattr(self.app, "_driver", None)
        if driver is None or self.app.is_headless:
            return False
        driver.write(sequence)
        return True
