"""The progress store: round trip, kept comments, history, relocation and corrupt files."""

from __future__ import annotations

import shutil
import stat
import tomllib

import pytest

from patternbrowser.core.errors import ConflictError, InputError
from patternbrowser.core.progress.store import default_store_path, load_store
from patternbrowser.core.progress.store_write import save_store
from patternbrowser.core.status import Status
from patternbrowser.core.workspace import open_workspace
from tests.helpers import NOW


def test_missing_store_is_empty_and_saving_creates_it(seed, fixed_clock):
    workspace = open_workspace(seed)
    assert workspace.tracker.store.records == {}
    assert workspace.tracker.store.path == seed.with_name("TODO.progress.toml")
    workspace.tracker.set_status(3, Status.IN_PROGRESS, "set", note="started on the JWT guide")
    save_store(workspace.tracker.store)
    raw = tomllib.loads(seed.with_name("TODO.progress.toml").read_text())
    assert raw["schema"] == 1
    record = raw["items"]["3"]
    assert record["status"] == "in_progress"
    assert record["title"] == "JWT Authentication Flow"
    assert record["note"] == "started on the JWT guide"
    assert record["changed"] == NOW
    assert record["history"] == [
        {"at": NOW, "from": "not_started", "to": "in_progress", "source": "set"}
    ]


def test_history_grows_and_comments_survive(seed, fixed_clock):
    store_path = seed.with_name("TODO.progress.toml")
    store_path.write_text(
        "# my own notes about this store\nschema = 1\n\n[items.3]  # the JWT one\n"
        'status = "in_progress"\nchanged = 2026-01-01T00:00:00Z\n'
    )
    workspace = open_workspace(seed)
    workspace.tracker.set_status(3, Status.COMPLETED, "set")
    workspace.tracker.set_status(5, Status.BLOCKED, "set")
    save_store(workspace.tracker.store)
    text = store_path.read_text()
    assert "# my own notes about this store" in text and "# the JWT one" in text
    store = load_store(store_path)
    assert store.records[3].status is Status.COMPLETED
    assert [c.status for c in store.records[3].history] == [Status.COMPLETED]
    assert store.records[3].history[0].previous is Status.IN_PROGRESS
    assert store.records[5].status is Status.BLOCKED


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ("schema = 1\n[items.3\nstatus = 1\n", "not valid TOML", 2),
        (
            '[items.3]\nstatus = "done"\nchanged = 2026-01-01T00:00:00Z\n',
            "unknown status 'done'",
            1,
        ),
        ('\n\n[items.x]\nstatus = "completed"\n', "item keys must be numbers", 3),
        (
            '[items.4]\nstatus = "completed"\nchanged = "yesterday"\n',
            "'changed' must be a date-time",
            1,
        ),
        ("schema = 9\n", "newer than this patternbrowser", None),
    ],
)
def test_corrupt_store_is_reported_with_its_line(tmp_path, content, message, line):
    path = tmp_path / "s.toml"
    path.write_text(content)
    with pytest.raises(InputError) as caught:
        load_store(path)
    assert message in caught.value.message
    assert caught.value.line == line and caught.value.path == path
    assert path.read_text() == content


def test_store_moves_to_the_data_folder_when_the_todo_folder_is_read_only(seed, tmp_path):
    folder = seed.parent
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        path, reason = default_store_path(seed, data_dir=tmp_path / "userdata")
    finally:
        folder.chmod(0o755)
    assert path.parent == tmp_path / "userdata" and path.name.startswith("TODO-")
    assert reason == f"{folder} is not writable"


def test_a_store_changed_on_disk_is_not_overwritten(seed, fixed_clock):
    workspace = open_workspace(seed)
    workspace.tracker.set_status(3, Status.COMPLETED, "set")
    store_path = workspace.tracker.store.path
    store_path.write_text("# written by someone else meanwhile\n")
    with pytest.raises(ConflictError, match="on disk since it was read"):
        save_store(workspace.tracker.store)
    assert store_path.read_text() == "# written by someone else meanwhile\n"


def test_drift_and_import(seed, fixed_clock):
    workspace = open_workspace(seed)
    workspace.tracker.set_status(3, Status.IN_PROGRESS, "set")
    save_store(workspace.tracker.store)
    assert workspace.tracker.drift() == [] and workspace.tracker.unexported() == [3]
    # someone edits the markdown by hand: item 3 done, item 4 blocked
    text = (
        seed.read_text()
        .replace("### 3. JWT", "### ✅ 3. JWT")
        .replace("### 4. File", "### ⏸ 4. File")
    )
    seed.write_text(text)
    workspace = open_workspace(seed)
    drift = workspace.tracker.drift()
    assert [(d.number, d.store, d.markdown) for d in drift] == [
        (3, Status.IN_PROGRESS, Status.COMPLETED)
    ]
    changes = workspace.tracker.adopt_markdown()
    # item 4 has no record: its status already is the markdown's, so only item 3 changes
    assert changes == [(3, Status.IN_PROGRESS, Status.COMPLETED)]
    assert workspace.tracker.status_of(workspace.tracker.find(4)) is Status.BLOCKED
    save_store(workspace.tracker.store)
    workspace = open_workspace(seed)
    assert workspace.tracker.drift() == [] and workspace.tracker.unexported() == []
    assert workspace.tracker.store.records[3].history[-1].source == "import"


def test_store_file_can_be_given_explicitly(seed, tmp_path, fixed_clock):
    state = tmp_path / "elsewhere" / "progress.toml"
    workspace = open_workspace(seed, state)
    workspace.tracker.set_status(1, Status.COMPLETED, "set")
    save_store(workspace.tracker.store)
    assert state.is_file() and not seed.with_name("TODO.progress.toml").exists()
    shutil.rmtree(state.parent)


def test_session_notices_changed_added_and_deleted_files(seed, tmp_path, fixed_clock):
    from patternbrowser.core.session import Session

    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "A.md").write_text("# A\n")
    session = Session(seed, guides, None)
    assert session.reload_if_changed().changed == []
    (guides / "B.md").write_text("# B\n")
    assert session.reload_if_changed().changed == [str(guides / "B.md")]
    (guides / "A.md").unlink()
    assert session.reload_if_changed().changed == [str(guides / "A.md")]
    assert session.reload_if_changed().changed == []


def test_session_still_notices_an_outside_edit_after_its_own_write(seed, fixed_clock):
    from patternbrowser.core.session import Session

    session = Session(seed, None, None)
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA line added elsewhere.\n")
    session.change_status(3, Status.IN_PROGRESS)  # writes the store, not the TODO
    assert session.reload_if_changed().changed == [str(seed)]


def test_a_write_rewrites_only_the_changed_record(seed, fixed_clock):
    store_path = seed.with_name("TODO.progress.toml")
    other = (
        '[items.4] # uploads\r\ntitle = "File Upload Security"\r\nstatus = "blocked"\r\n'
        "changed = 2026-01-01T00:00:00Z   # waiting for the scanner\r\n\r\n"
        "[[items.4.history]]\r\nat = 2026-01-01T00:00:00Z\r\nto = 'blocked'\r\n"
    )
    store_path.write_bytes(
        (
            "# mine\r\nschema = 1\r\n\r\n[items.3]\r\n"
            'title = "JWT Authentication Flow"\r\nstatus = "in_progress"\r\n'
            "changed = 2026-01-01T00:00:00Z\r\n\r\n" + other + "\r\n# the end\r\n"
        ).encode()
    )
    workspace = open_workspace(seed)
    workspace.tracker.set_status(3, Status.COMPLETED, "set")
    workspace.tracker.set_status(5, Status.IN_PROGRESS, "set")
    save_store(workspace.tracker.store)
    data = store_path.read_bytes().decode()
    assert data.startswith("# mine\r\nschema = 1\r\n\r\n[items.3]\r\n")
    assert other in data and "\r\n# the end\r\n" in data
    assert "\n" not in data.replace("\r\n", "")
    assert load_store(store_path).records == workspace.tracker.store.records


def test_a_duplicated_item_number_is_a_problem_not_drift(tmp_path, fixed_clock):
    todo = tmp_path / "T.md"
    todo.write_text("## HIGH\n\n### 1. A\n\n### ✅ 1. B\n\n### 🟦 2. C\n", encoding="utf-8")
    store = tmp_path / "T.progress.toml"
    store.write_text(
        'schema = 1\n[items.1]\nstatus = "not_started"\nchanged = 2026-01-01T00:00:00Z\n'
        '[items.2]\nstatus = "not_started"\nchanged = 2026-01-01T00:00:00Z\n',
        encoding="utf-8",
    )
    tracker = open_workspace(todo).tracker
    assert [d.number for d in tracker.drift()] == [2]  # item 1 is the file's problem
    assert any("duplicate item number 1" in str(p) for p in tracker.document.problems)
