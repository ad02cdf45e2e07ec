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
import sys
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
    "todo/examples",
    "todo/labels",
    "status",
    "textfile",
    "guidepath",
)


def cached_parse(snapshot: Snapshot, parse: Callable[[], TodoDocument]) -> TodoDocument:
    """The document for `snapshot`, from the cache when this exact input was parsed before."""
    folder = _folder()
    if folder is None or snapshot.data is None:
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
    try:
        stat = entry.stat()
        # only our own, private files: a cache others can write is not one to unpickle
        if stat.st_uid != os.getuid() or stat.st_mode & 0o022:
            return None
        document = pickle.loads(entry.read_bytes())
    except Exception:  # a missing, truncated or foreign entry is simply a miss
        return None
    return document if isinstance(document, TodoDocument) else None


def _store(folder: Path, entry: Path, document: TodoDocument) -> None:
    snapshot, document.text.snapshot = document.text.snapshot, None
    temp = entry.with_suffix(f".{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(document, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(entry)
        entries = sorted(folder.glob("*.pickle"), key=lambda path: path.stat().st_mtime)
        for old in entries[:-_KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    finally:
        document.text.snapshot = snapshot
