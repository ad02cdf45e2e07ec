"""Which files of a guides folder are read: regular files inside it, of a sane size."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

MAX_GUIDE_BYTES = 4 * 1024 * 1024  # far above any guide's budget; stops /dev/zero-like files


@dataclass
class GuideScan:
    """The guide files to read, and the ones left out with the reason why."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def scan_guides(folder: Path, pattern: str = "*.md", recursive: bool = True) -> GuideScan:
    """The markdown files of `folder` that are safe to read, in path order.

    A link is followed only to a regular file inside the folder; devices, FIFOs (which would
    hang a reader), folders named like guides and oversized files are skipped and reported.
    """
    scan = GuideScan()
    if not folder.is_dir():
        return scan
    root = folder.resolve()
    candidates = folder.rglob(pattern) if recursive else folder.glob(pattern)
    for path in sorted(candidates):
        reason = _unsafe(path, root)
        if reason is None:
            scan.files.append(path)
        elif reason:
            scan.skipped.append((path, reason))
    return scan


def _unsafe(path: Path, root: Path) -> str | None:
    """Why `path` is not read ("" for a folder, which is not news), or None when it is fine."""
    try:
        target = Path(os.path.realpath(path))
        info = target.stat()
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    if stat.S_ISDIR(info.st_mode):
        return ""
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a device, FIFO or socket); skipped"
    if target != root and root not in target.parents:
        return f"links outside the guides folder (to {target}); skipped"
    if info.st_size > MAX_GUIDE_BYTES:
        return f"is {info.st_size:,} bytes, over the {MAX_GUIDE_BYTES:,} a guide may have; skipped"
    return None
