"""The Textual terminal UI (imported only when the app is opened)."""
