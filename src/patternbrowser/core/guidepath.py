"""Target guide names: which are safe, and where they live inside the guides folder."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath


def unsafe_reason(name: str) -> str | None:
    """Why a guide name would reach outside the guides folder, or None when it is safe."""
    if name.isprintable() and not any(ch in name for ch in "/\\:") and not name.startswith("."):
        return None  # a plain file name: the common case, decided without pathlib
    if "\x00" in name or any(ord(ch) < 32 for ch in name):
        return "contains control characters"
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or "\\" in name:
        return "is an absolute path or uses backslashes"
    if PureWindowsPath(name).drive:
        return "names a drive"
    if ".." in PurePosixPath(name).parts:
        return "climbs out of the guides folder with '..'"
    return None


def resolve_guide(guides_dir: Path, name: str) -> Path | None:
    """The guide's path inside `guides_dir`, or None when the name escapes it (symlinks too)."""
    if unsafe_reason(name) is not None:
        return None
    root = guides_dir.resolve()
    candidate = (root / name).resolve()
    return candidate if candidate.is_relative_to(root) else None
