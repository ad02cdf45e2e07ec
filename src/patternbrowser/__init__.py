"""patternbrowser: browse and track a CLAUDE-*.md pattern-guide TODO file."""

__version__ = "0.1.0"
