"""Reading files with a fingerprint, and atomic writes that never clobber a changed file."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from patternbrowser.core.errors import ConflictError, InputError, WriteError


@dataclass(frozen=True)
class Snapshot:
    """The bytes of a file as read, to detect a change before writing it back."""

    path: Path
    data: bytes | None  # None: the file did not exist when it was read

    @property
    def digest(self) -> str:
        """A short fingerprint of the content (empty for a missing file)."""
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else ""


def read_snapshot(path: Path, *, missing_ok: bool = False) -> Snapshot:
    """Read a file's bytes, turning OS errors into one-line input errors."""
    try:
        return Snapshot(path, path.read_bytes())
    except FileNotFoundError:
        if missing_ok:
            return Snapshot(path, None)
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path) from None


Fingerprint = tuple[int, int] | None  # (mtime_ns, size), None for a missing file


def fingerprint(path: Path) -> Fingerprint:
    """A cheap fingerprint of a file (no read), to notice changes made by others."""
    try:
        stat_result = path.stat()
    except OSError:
        return None
    return (stat_result.st_mtime_ns, stat_result.st_size)


def is_read_only(path: Path) -> bool:
    """True when a file carries no write permission bit, or the user may not write it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    # root may write anything, so the mode bits are what say "leave this file alone"
    return not (mode & 0o222) or not os.access(path, os.W_OK)


def folder_writable(folder: Path) -> bool:
    """True when new files can be created in `folder` (mode bits respected even for root)."""
    try:
        mode = folder.stat().st_mode
    except OSError:
        return False
    return bool(mode & 0o222) and os.access(folder, os.W_OK | os.X_OK)


def write_atomic(snapshot: Snapshot, data: bytes) -> None:
    """Replace `snapshot.path` with `data` atomically, unless it changed since it was read.

    The new content goes to a temporary file in the same folder, is flushed to disk,
    takes the original file's mode and then replaces the original in one rename.
    """
    path = _target(snapshot.path)
    current = read_snapshot(path, missing_ok=True)
    if current.data != snapshot.data:
        what = "appeared" if snapshot.data is None else "changed"
        raise ConflictError(
            f"{what} on disk since it was read; not overwritten (reload and try again)", path
        )
    if is_read_only(path):
        raise WriteError("file is read-only; not written", path)
    folder = path.parent
    if not folder_writable(folder):
        raise WriteError(f"folder {folder} is not writable; not written", path)
    mode = stat.S_IMODE(path.stat().st_mode) if current.data is not None else _default_mode()
    _remove_stale_temps(path)
    temp = folder / f".{path.name}.{os.urandom(6).hex()}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except OSError as error:
        raise WriteError(f"cannot write: {error.strerror or error}", path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(mode)
        temp.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise WriteError(f"cannot write: {error.strerror or error}", path) from None
    _fsync_folder(folder)


def _target(path: Path) -> Path:
    """The file a write must replace: a symbolic link's target, so the link stays a link."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


STALE_TEMP_SECONDS = 3600  # far longer than a write takes: such a temp file's writer is gone


def _remove_stale_temps(path: Path) -> None:
    """Delete temp files of our own naming left beside `path` by a killed writer."""
    prefix = f".{path.name}."
    now = time.time()
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        middle = name[len(prefix) : -len(".tmp")]
        if not (name.startswith(prefix) and name.endswith(".tmp") and _is_hex12(middle)):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMP_SECONDS:
                Path(entry.path).unlink()


def _is_hex12(text: str) -> bool:
    return len(text) == 12 and all(c in "0123456789abcdef" for c in text)


def _default_mode() -> int:
    """The mode a new file gets under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows opening folders."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
