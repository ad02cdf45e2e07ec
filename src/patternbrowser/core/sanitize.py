"""Make text from files safe to show: control and bidi characters become visible symbols."""

from __future__ import annotations

import re

# C0 controls (but tab and newline), DEL, C1 controls, and the bidi embedding/override/isolate
# characters that can reorder what a terminal shows
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _symbol(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC becomes ␛
    if code == 0x7F:
        return "␡"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """`text` with every control or bidi character replaced by a visible symbol."""
    return _UNSAFE.sub(_symbol, text)


def one_line(text: str) -> str:
    """Like `visible`, also showing tabs and line breaks, for single-line places."""
    return visible(text).replace("\t", " ").replace("\n", "␤")
