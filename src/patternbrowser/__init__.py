"""patternbrowser: browse and track a CLAUDE-*.md pattern-guide TODO file."""

__version__ = "0.1.0"

PROG = "patternbrowser"  # the command name, in usage lines and messages
