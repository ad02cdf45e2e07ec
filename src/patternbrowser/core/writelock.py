"""One writer at a time per TODO: an advisory lock on a file beside the progress store."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from patternbrowser.core.errors import ConflictError, WriteError

WAIT_SECONDS = 15.0  # longer than any write takes; a holder this slow is stuck or paused
NOTICE_AFTER = 1.0  # a wait this long is worth a word to the user; shorter ones are normal
_POLL_SECONDS = 0.01


def lock_path(store: Path, todo: Path) -> Path:
    """The lock file of a TODO: hidden, beside its store (`.TODO.md.lock`)."""
    return store.parent / f".{todo.name}.lock"


@contextmanager
def holding(
    path: Path, wait: float = WAIT_SECONDS, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the lock at `path` until the block ends; wait for another holder, up to `wait` s.

    flock locks belong to the open file: they end when the holder exits or is killed, so a
    stale lock cannot exist, and the lock file itself is never deleted (deleting it would let
    two writers lock two different files).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError as error:
        raise WriteError(f"cannot open the lock file: {error.strerror or error}", path) from None
    try:
        started = time.monotonic()
        deadline = started + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ConflictError(
                        f"another patternbrowser has been writing for {wait:.0f} s; "
                        "nothing written (try again when it is done)",
                        path,
                    ) from None
                if not told and on_wait is not None and time.monotonic() - started > NOTICE_AFTER:
                    on_wait()
                    told = True
                time.sleep(_POLL_SECONDS)
        yield
    finally:
        os.close(fd)  # releases the lock
