"""Proofs for the Syrupy section: record, compare, detect changes, keep secrets out."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from pydantic import BaseModel

from guidekit import IMPORT_GUIDES, guide_module, run_pytest

snap_conftest = guide_module("snap_conftest")
with warnings.catch_warnings():
    # Starlette's own notice on importing its TestClient while httpx is installed (not
    # httpx2); it comes from the library's import, not from the guide's code.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    snap_tests = guide_module("snap_tests")

LEAN = ("-p", "no:xdist", "-p", "no:hypothesispytest", "-p", "no:anyio")

# A project that uses the guide's conftest and tests, plus two tests of its own.
CONFTEST = IMPORT_GUIDES + "from snap_conftest import *  # the guide's conftest.py\n"
TEST_USERS = "from snap_tests import *  # the guide's tests, collected here\n"
TEST_PROFILE = """
def public_profile(name: str, roles: list[str]) -> dict[str, object]:
    return {"display_name": name.title(), "roles": sorted(roles)}


def test_staff(snapshot) -> None:
    assert public_profile("ada lovelace", ["staff", "admin"]) == snapshot


def test_new_user(snapshot) -> None:
    assert public_profile("grace", []) == snapshot
"""
TEST_NOW = """
from datetime import datetime


def test_stamped_now(snapshot) -> None:
    assert {"created_at": datetime.now()} == snapshot  # the mistake the guide warns about
"""


@pytest.mark.slow
def test_snapshot_workflow(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_users.py").write_text(TEST_USERS)
    (tmp_path / "test_profile.py").write_text(TEST_PROFILE)
    (tmp_path / "test_now.py").write_text(TEST_NOW)
    snapshots = tmp_path / "__snapshots__"

    code, output = run_pytest(tmp_path, "--snapshot-update", *LEAN)  # record
    assert code == 0 and "snapshots generated" in output, output
    amber = (snapshots / "test_users.ambr").read_text()
    assert "'created_at': '2025-01-15T09:30:00Z'," in amber  # fixed clock: value recorded
    assert "'created_at': datetime," in amber and "'id': UUID," in amber  # matcher: type
    signup = json.loads((snapshots / "test_users" / "test_signup_response.json").read_text())
    assert signup == {
        "body": {
            "access_token": "<redacted>",
            "user": {"email": "ada@example.com", "name": "Ada"},
        },
        "status": 201,
    }
    assert "tzinfo" not in (snapshots / "test_now.ambr").read_text()  # naive: zone unknown

    # A later run, after a change of output and a deleted test: the guide's tests hold;
    # datetime.now() fails, the change shows as a diff, the deleted test's snapshot is unused.
    changed = TEST_PROFILE.replace(
        '"roles": sorted(roles)}', '"roles": sorted(roles), "avatar_url": "/avatars/1.png"}'
    )
    (tmp_path / "test_profile.py").write_text(changed[: changed.index("def test_new_user")])
    code, output = run_pytest(tmp_path, *LEAN)
    assert code == 1 and "2 snapshots failed." in output and "1 snapshot unused." in output
    assert "+   'avatar_url': '/avatars/1.png'," in output, output
    failed = sorted(line for line in output.splitlines() if line.startswith("FAILED"))
    assert [line.split(" ")[1] for line in failed] == [
        "test_now.py::test_stamped_now",
        "test_profile.py::test_staff",
    ], output


def test_extension_masks_secrets_at_any_depth() -> None:
    class Login(BaseModel):
        user: str
        password: str

    extension = snap_conftest.RedactingJSONExtension()
    data = {
        "Token": "tok_live_1",
        "items": [{"api_key": "k-2"}, Login(user="ada", password="pw-3")],
    }
    stored = extension.serialize(data)
    assert json.loads(stored) == {
        "Token": "<redacted>",
        "items": [{"api_key": "<redacted>"}, {"password": "<redacted>", "user": "ada"}],
    }
    assert not any(secret in stored for secret in ("tok_live_1", "k-2", "pw-3"))


def test_register_uses_the_injected_clock_and_ids() -> None:
    user = snap_tests.register(
        "Ada",
        "ADA@example.com",
        now=lambda: snap_tests.FROZEN,
        new_id=lambda: snap_tests.UUID(int=7),
    )
    assert (user.created_at, user.id.int, user.email) == (snap_tests.FROZEN, 7, "ada@example.com")
