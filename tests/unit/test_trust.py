"""Every write is trustworthy: no lost updates, no unreadable store, links kept, kills survived."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from patternbrowser.cli import main
from patternbrowser.core.progress.store import HISTORY_KEPT, load_store
from patternbrowser.core.session import Session
from patternbrowser.core.status import Status
from patternbrowser.core.todo.parser import parse_todo
from tests.helpers import SEED


def statuses(store: Path) -> dict[str, str]:
    raw = tomllib.loads(store.read_text(encoding="utf-8"))
    return {key: value["status"] for key, value in raw.get("items", {}).items()}


def quiet_main(args: list[str]) -> int:
    """Run the CLI in a forked child with its output discarded."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    return main(args)


def _set_when_released(todo: str, number: int, barrier, results) -> None:
    barrier.wait()
    results.put((number, quiet_main(["--todo", todo, "set", str(number), "completed"])))


FORK = multiprocessing.get_context("fork")


@pytest.fixture(autouse=True)
def _writers_ready():
    """Import what a write loads lazily once, so forked writers start at once."""
    import tomlkit  # noqa: F401

    from patternbrowser.core.export import markdown  # noqa: F401


def test_concurrent_sets_lose_nothing(tmp_path):
    """20 trials of three `set`s released at the same moment: every one is kept, all exit 0."""
    for trial in range(20):
        todo = tmp_path / f"trial{trial}" / "TODO.md"
        todo.parent.mkdir()
        todo.write_bytes(SEED.read_bytes())
        barrier, results = FORK.Barrier(3), FORK.Queue()
        numbers = random.Random(trial).sample(range(1, 23), 3)
        workers = [
            FORK.Process(target=_set_when_released, args=(str(todo), n, barrier, results))
            for n in numbers
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(30)
        codes = dict(results.get(timeout=5) for _ in numbers)
        assert codes == dict.fromkeys(numbers, 0), f"trial {trial}: {codes}"
        kept = statuses(todo.with_name("TODO.progress.toml"))
        assert {int(k) for k, v in kept.items() if v == "completed"} == set(numbers), trial


def _loop(todo: str, command: str) -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    for turn in range(10_000):
        status = ["completed", "in_progress", "blocked", "not_started"][turn % 4]
        main(["--todo", todo, "set", str(1 + turn % 22), status])
        if command == "export":
            main(["--todo", todo, "export"])


@pytest.mark.parametrize("command", ["set", "export"])
def test_files_survive_being_killed_mid_write(tmp_path, command):
    """100 SIGKILLs per command at random moments: each file is whole and reads back."""
    todo = tmp_path / "TODO.md"
    todo.write_bytes(SEED.read_bytes())
    store = tmp_path / "TODO.progress.toml"
    chance = random.Random(command)
    for _ in range(100):
        worker = FORK.Process(target=_loop, args=(str(todo), command))
        worker.start()
        time.sleep(chance.uniform(0.0, 0.03))
        os.kill(worker.pid or 0, signal.SIGKILL)
        worker.join()
        parse_todo(todo)  # whole: the old or the new version, never a mix
        if store.exists():
            load_store(store)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 100  # killed writers may leave temp files; the next cleans old ones


def test_import_keeps_unexported_progress(seed, cli):
    assert cli("--todo", seed, "set", "6", "completed").code == 0
    assert cli("--todo", seed, "export").code == 0
    assert cli("--todo", seed, "set", "6", "in_progress").code == 0
    result = cli("--todo", seed, "import")
    assert result.code == 0 and "already matches" in result.out
    assert statuses(seed.with_name("TODO.progress.toml"))["6"] == "in_progress"


def test_import_adopts_a_marker_edited_by_hand_and_undo_reverts_it(seed, fixed_clock):
    session = Session(seed, None, None)
    session.change_status(3, Status.IN_PROGRESS)
    session.change_status(4, Status.IN_PROGRESS)
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("### 4. File Upload", "### ✅ 4. File Upload"), encoding="utf-8")
    assert session.reload_if_changed().changed == [str(seed)]
    assert [c[0] for c in session.adopt_markdown()] == [4]
    undone = session.undo()
    assert [(c.number, c.after) for c in undone] == [(4, Status.IN_PROGRESS)]
    assert session.tracker.status_of(session.tracker.find(3)) is Status.IN_PROGRESS
    assert [(c.number, c.after) for c in session.redo()] == [(4, Status.COMPLETED)]


@pytest.mark.parametrize(
    "store_text",
    [
        'schema = 1\n[items]\n3 = { status = "completed", changed = 2026-01-01T00:00:00Z }\n',
        'schema = 1\nitems = { 3 = { status = "completed", changed = 2026-01-01T00:00:00Z } }\n',
        'schema = 1\n[items]\n3 = { status = "completed", changed = 2026-01-01T00:00:00Z, '
        'history = [{ at = 2026-01-01T00:00:00Z, to = "completed" }] }\n',
    ],
    ids=["inline-record", "inline-items", "inline-history"],
)
def test_a_store_of_inline_tables_stays_readable_after_set(seed, cli, store_text):
    store = seed.with_name("TODO.progress.toml")
    store.write_text("# kept\n" + store_text, encoding="utf-8")
    assert cli("--todo", seed, "set", "4", "in_progress").code == 0
    assert cli("--todo", seed, "set", "3", "blocked").code == 0
    assert statuses(store) == {"3": "blocked", "4": "in_progress"}
    assert store.read_text(encoding="utf-8").startswith("# kept\n")
    assert cli("--todo", seed, "status").code == 0


def test_links_stay_links_and_their_targets_are_written(tmp_path, cli):
    real = tmp_path / "real"
    real.mkdir()
    (real / "TODO.md").write_bytes(SEED.read_bytes())
    (real / "progress.toml").write_text("schema = 1\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    (work / "TODO.md").symlink_to(real / "TODO.md")
    (work / "TODO.progress.toml").symlink_to(real / "progress.toml")
    assert cli("--todo", work / "TODO.md", "set", "3", "completed").code == 0
    assert cli("--todo", work / "TODO.md", "export").code == 0
    assert (work / "TODO.md").is_symlink() and (work / "TODO.progress.toml").is_symlink()
    assert "### ✅ 3. JWT" in (real / "TODO.md").read_text(encoding="utf-8")
    assert statuses(real / "progress.toml") == {"3": "completed"}


def test_history_is_kept_short_but_keeps_what_recurrence_needs(seed, cli):
    for turn in range(60):
        status = "completed" if turn == 5 else ["in_progress", "not_started"][turn % 2]
        assert cli("--todo", seed, "set", "21", status).code == 0
    raw = tomllib.loads(seed.with_name("TODO.progress.toml").read_text(encoding="utf-8"))
    history = raw["items"]["21"]["history"]
    assert len(history) == HISTORY_KEPT + 1
    assert history[0]["to"] == "completed"  # the last completion, older than the kept tail


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, bounded in time (a hang fails the test)."""
    command = [sys.executable, "-m", "patternbrowser", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_special_files_in_the_guides_folder_are_skipped_not_read(seed, tmp_path):
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "CLAUDE-ok.md").write_text("# fine\n\n## Section\n\nText.\n", encoding="utf-8")
    (guides / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(guides / "pipe.md")
    outside = tmp_path / "outside.md"
    outside.write_text("# elsewhere\n", encoding="utf-8")
    (guides / "away.md").symlink_to(outside)
    exported = run_cli("--todo", seed, "--guides", guides, "export", "--check")
    assert exported.returncode == 1 and "Traceback" not in exported.stderr
    check = run_cli("--todo", seed, "--guides", guides, "check")
    assert check.returncode == 1 and "Traceback" not in check.stderr
    for name, words in [
        ("zero.md", "not a regular file"),
        ("pipe.md", "not a regular file"),
        ("away.md", "links outside the guides folder"),
    ]:
        assert any(name in line and words in line for line in check.stdout.splitlines()), name


def test_copy_to_a_pipe_writes_the_code_and_does_not_hang(seed):
    result = subprocess.run(
        f"{sys.executable} -m patternbrowser --todo {seed} copy 3 --to /dev/stdout | cat",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("from jose import JWTError, jwt\n")
    assert "saved example 1 of item 3 to /dev/stdout" in result.stderr


def test_an_export_whose_store_cannot_be_written_changes_no_file(seed, cli, monkeypatch):
    """The TODO is written first; when the store then fails, the TODO is put back: exit 2."""
    from patternbrowser.core.errors import WriteError

    assert cli("--todo", seed, "set", "3", "completed").code == 0
    before = seed.read_bytes()
    store = seed.with_name("TODO.progress.toml")
    stored = store.read_bytes()

    def refuse(_store):
        raise WriteError("cannot write: No space left on device", store)

    monkeypatch.setattr("patternbrowser.core.workspace.save_store", refuse)
    result = cli("--todo", seed, "export")
    assert result.code == 2 and "No space left on device" in result.err
    assert seed.read_bytes() == before and store.read_bytes() == stored


def test_a_writer_waits_for_the_lock_and_says_so_only_when_it_takes_long(tmp_path, monkeypatch):
    from patternbrowser.core import writelock
    from patternbrowser.core.errors import ConflictError

    lock = tmp_path / ".TODO.md.lock"
    told: list[str] = []
    with writelock.holding(lock):
        monkeypatch.setattr(writelock, "NOTICE_AFTER", 0.05)
        with (
            pytest.raises(ConflictError, match="another patternbrowser has been writing"),
            writelock.holding(lock, wait=0.2, on_wait=lambda: told.append("waiting")),
        ):
            pass
    assert told == ["waiting"]
    with writelock.holding(lock, wait=0.2, on_wait=lambda: told.append("again")):
        pass  # free again: taken at once, nothing said
    assert told == ["waiting"]
