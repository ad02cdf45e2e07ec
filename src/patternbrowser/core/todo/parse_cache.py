"""A cache of parsed TODO documents, so unchanged files are not parsed again on every run.

The key is the file's path and bytes plus the source of the parser itself, so a changed file
or a changed parser can never be served a stale result. Set PATTERNBROWSER_CACHE=0 to turn it
off, or PATTERNBROWSER_CACHE_DIR to put it elsewhere than the user's cache folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import stat
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from patternbrowser.core.safefile import Snapshot
from patternbrowser.core.todo.model import TodoDocument

_KEEP = 16  # cached documents kept; older ones are removed
# the modules whose source decides what a parse gives, relative to core/
_PARSER_MODULES = (
    "todo/model",
    "todo/parser",
    "todo/fields",
    "todo/body",
    "todo/tasks",
    "todo/examples",
    "todo/labels",
    "status",
    "textfile",
    "guidepath",
)


def cached_parse(snapshot: Snapshot, parse: Callable[[], TodoDocument]) -> TodoDocument:
    """The document for `snapshot`, from the cache when this exact input was parsed before."""
    folder = _folder()
    if folder is None or snapshot.data is None or not _safe_folder(folder):
        return parse()
    entry = folder / f"{_key(snapshot)}.pickle"
    document = _load(entry)
    if document is None:
        document = parse()
        _store(folder, entry, document)
    document.text.snapshot = snapshot
    return document


def _folder() -> Path | None:
    if os.environ.get("PATTERNBROWSER_CACHE", "1") == "0":
        return None
    configured = os.environ.get("PATTERNBROWSER_CACHE_DIR")
    if configured:
        return Path(configured)
    return _user_cache() / "patternbrowser" / "parsed"


def _user_cache() -> Path:
    """The user's cache folder, as platformdirs finds it (which takes longer to import)."""
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def _key(snapshot: Snapshot) -> str:
    digest = hashlib.sha256(_parser_fingerprint())
    digest.update(str(snapshot.path.absolute()).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(snapshot.data or b"")
    return digest.hexdigest()


@cache
def _parser_fingerprint() -> bytes:
    """A hash of the parser's own source and of the Python version."""
    digest = hashlib.sha256(sys.version.encode())
    folder = Path(__file__).resolve().parent.parent
    for name in _PARSER_MODULES:
        digest.update((folder / f"{name}.py").read_bytes())
    return digest.digest()


def _load(entry: Path) -> TodoDocument | None:
    """A cached document, only from a regular file of ours that others cannot have written."""
    try:
        fd = os.open(entry, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:  # missing, or a symbolic link planted in its place
        return None
    try:
        info = os.fstat(fd)  # the file opened, not whatever a name points to
        if not stat.S_ISREG(info.st_mode) or not _private(info):
            return None
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            document = pickle.loads(handle.read())
    except Exception:  # a truncated or foreign entry is simply a miss
        return None
    finally:
        if fd >= 0:
            os.close(fd)
    return document if isinstance(document, TodoDocument) else None


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _safe_folder(folder: Path) -> bool:
    """A cache folder we may use: ours, a real folder, and closed to other users' writes.

    Created private when missing. In a folder others can write, anyone could plant an entry
    (or a link to one of our own files) that we would unpickle, so such a folder is not used.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or not _private(info):
        _warn_once(folder)
        return False
    return True


def _warn_once(folder: Path) -> None:
    if folder not in _WARNED:
        _WARNED.add(folder)
        print(
            f"patternbrowser: note: not using the parse cache in {folder}: it is not a private "
            "folder of this user (running uncached)",
            file=sys.stderr,
        )


_WARNED: set[Path] = set()
_ENTRY = re.compile(r"[0-9a-f]{64}\.pickle")
_TEMP = re.compile(r"[0-9a-f]{64}\.pickle\.[0-9a-f]{12}\.tmp")


def _store(folder: Path, entry: Path, document: TodoDocument) -> None:
    snapshot, document.text.snapshot = document.text.snapshot, None
    temp = folder / f"{entry.name}.{os.urandom(6).hex()}.tmp"
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        fd = os.open(temp, flags, 0o600)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(document, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(entry)
        _prune(folder)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    finally:
        document.text.snapshot = snapshot


def _prune(folder: Path) -> None:
    """Keep the newest _KEEP entries; remove only files whose names the cache itself makes."""
    ours = []
    for item in os.scandir(folder):
        with contextlib.suppress(OSError):
            info = item.stat(follow_symlinks=False)
            if _TEMP.fullmatch(item.name) and time.time() - info.st_mtime > 600:
                Path(item.path).unlink()  # left by a killed process
            elif _ENTRY.fullmatch(item.name) and stat.S_ISREG(info.st_mode):
                ours.append((info.st_mtime, item.path))
    for _, path in sorted(ours)[:-_KEEP]:
        with contextlib.suppress(OSError):
            Path(path).unlink()
