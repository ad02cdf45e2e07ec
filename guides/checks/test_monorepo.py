"""Proofs for CLAUDE-monorepo.md: its workspace TOML under the real uv, and `mono_ops`.

The guide's root and member `pyproject.toml` blocks are locked, synced, built and bumped with
uv; the `scripts/monorepo.py` module (affected members, lint) runs on throwaway workspaces.

uv's human messages are wrapped at the terminal width, so these checks decide on exit codes and
machine-readable files (uv.lock, wheel METADATA, pyproject.toml); where a message is the point,
they compare it with its whitespace normalised. They pass with COLUMNS=80 and COLUMNS=200.
"""

from __future__ import annotations

import graphlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from guidekit import guide_blocks, guide_module

mono_ops = guide_module("mono_ops")

GUIDE = "CLAUDE-monorepo.md"
[ROOT_TOML] = guide_blocks(GUIDE, "toml", first_line="# pyproject.toml (workspace root)")
[API_TOML] = guide_blocks(GUIDE, "toml", first_line="# packages/api/pyproject.toml")
OVERRIDE = 'override-dependencies = ["idna>=3.7"]\n'
BUILD = API_TOML[API_TOML.index("[build-system]") :]  # the guide's backend for every package
PROBE = "from acme_api import route_for; print(route_for('Hello World'))"

WORKSPACE = {
    "pyproject.toml": ROOT_TOML,
    "packages/api/pyproject.toml": API_TOML,
    "packages/core/pyproject.toml": (
        '[project]\nname = "acme-core"\nversion = "1.2.0"\nrequires-python = ">=3.11"\n'
        'dependencies = ["idna"]\n[dependency-groups]\ndev = ["pytest>=8"]\n' + BUILD
    ),
    "packages/core/src/acme_core/__init__.py": (
        "def slugify(title: str) -> str:\n    return '-'.join(title.lower().split())\n"
    ),
    "packages/core/tests/test_slugify.py": (
        "from acme_core import slugify\n\n\ndef test_slugify() -> None:\n"
        "    assert slugify('Hello  World') == 'hello-world'\n"
    ),
    "packages/api/src/acme_api/__init__.py": (
        "from acme_core import slugify\nfrom vendor_sdk import USER_AGENT\n\n\n"
        "def route_for(title: str) -> str:\n    return f'/articles/{slugify(title)}'\n"
    ),
    "packages/api/tests/test_routes.py": (
        "from acme_api import route_for\n\n\ndef test_route() -> None:\n"
        "    assert route_for('Hello World') == '/articles/hello-world'\n"
    ),
    "packages/legacy/pyproject.toml": (
        '[project]\nname = "acme-legacy"\nversion = "0.1.0"\nrequires-python = "<3"\n'
    ),
    # a third-party SDK with a stale pin: what the guide's override exists for
    "vendor/sdk/pyproject.toml": (
        '[project]\nname = "vendor-sdk"\nversion = "2.0.0"\ndependencies = ["idna<3"]\n' + BUILD
    ),
    "vendor/sdk/src/vendor_sdk/__init__.py": "USER_AGENT = 'vendor-sdk/2.0.0'\n",
}

UV = os.environ.get("UV") or shutil.which("uv")
# The suite's own virtualenv must not leak in; use this interpreter, never download another.
ENV = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
ENV |= {"UV_PYTHON": sys.executable, "UV_PYTHON_DOWNLOADS": "never", "NO_COLOR": "1"}


def words(text: str) -> str:
    """A uv message with its terminal-width line wrapping undone."""
    return " ".join(text.split())


def uv(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run uv from its local cache; the index only when the cache lacks a package."""
    if UV is None:
        pytest.fail("uv is not on PATH")
    run = [UV, "--offline", *args]
    result = subprocess.run(run, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    missing = words(result.stderr)
    if result.returncode and ("not found in the cache" in missing or "connectivity" in missing):
        run.remove("--offline")
        result = subprocess.run(run, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    return result


def uv_ok(*args: str, cwd: Path) -> str:
    result = uv(*args, cwd=cwd)
    assert result.returncode == 0, f"uv {' '.join(args)}:\n{result.stderr}"
    return result.stdout


def write(root: Path, files: dict[str, str]) -> Path:
    for relative, content in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(content, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write(tmp_path_factory.mktemp("acme"), WORKSPACE)
    uv_ok("lock", cwd=root)
    return root


# --- the guide's configuration, with the real uv ---------------------------------------


def test_one_lock_one_version_override_recorded(workspace: Path) -> None:
    lock = tomllib.loads((workspace / "uv.lock").read_text(encoding="utf-8"))
    packages = {package["name"]: package for package in lock["package"]}
    assert lock["manifest"]["members"] == ["acme-api", "acme-core"]  # legacy is excluded
    assert packages["acme-core"]["source"] == {"editable": "packages/core"}
    idna = tuple(int(part) for part in packages["idna"]["version"].split(".")[:2])
    assert idna >= (3, 7)  # one idna for everyone: the override beat vendor-sdk's idna<3
    assert lock["manifest"]["overrides"] == [{"name": "idna", "specifier": ">=3.7"}]
    assert "urllib3" not in packages  # a constraint never adds a package


def test_without_the_override_the_workspace_does_not_resolve(tmp_path: Path) -> None:
    assert OVERRIDE in ROOT_TOML
    root = write(tmp_path, WORKSPACE | {"pyproject.toml": ROOT_TOML.replace(OVERRIDE, "")})
    result = uv("lock", cwd=root)
    assert result.returncode != 0
    assert "No solution found" in words(result.stderr)
    assert "vendor-sdk" in result.stderr  # uv names the package behind the conflict


def test_a_sibling_without_workspace_source_is_refused_not_fetched(tmp_path: Path) -> None:
    api = API_TOML.replace("acme-core = { workspace = true }\n", "")
    result = uv("lock", cwd=write(tmp_path, WORKSPACE | {"packages/api/pyproject.toml": api}))
    assert result.returncode != 0
    assert not (tmp_path / "uv.lock").exists()
    assert "missing an entry in `tool.uv.sources`" in words(result.stderr)


@pytest.mark.parametrize(
    "extra",
    [
        '[tool.uv.workspace.dependencies]\nshared = { path = "packages/shared", develop = true }\n',
        '[tool.uv.sources]\nacme-core = { path = "packages/core", develop = true }\n',
    ],
    ids=["workspace.dependencies", "develop"],
)
def test_settings_from_other_tools_are_rejected(extra: str, tmp_path: Path) -> None:
    root = write(tmp_path, WORKSPACE | {"pyproject.toml": ROOT_TOML + extra})
    result = uv("lock", cwd=root)
    assert result.returncode != 0
    assert "unknown field" in words(result.stderr)


def test_members_are_editable_and_package_sync_is_exact(workspace: Path) -> None:
    uv_ok("sync", "--all-packages", "--locked", cwd=workspace)
    run_api = ("run", "--no-sync", "--package", "acme-api", "python", "-c", PROBE)
    assert uv_ok(*run_api, cwd=workspace).strip() == "/articles/hello-world"
    core = workspace / "packages/core/src/acme_core/__init__.py"
    original = core.read_text(encoding="utf-8")
    try:  # an edit in acme-core is live in acme-api without a reinstall
        core.write_text(original.replace("'-'.join", "'_'.join"), encoding="utf-8")
        assert uv_ok(*run_api, cwd=workspace).strip() == "/articles/hello_world"
    finally:
        core.write_text(original, encoding="utf-8")
    # --package is exact: only acme-core and its own dependencies remain installed
    uv_ok("sync", "--package", "acme-core", "--locked", cwd=workspace)
    assert uv("run", "--no-sync", "python", "-c", "import acme_api", cwd=workspace).returncode
    # its own dev group came with it, so its tests run alone (pytest exits 5 if none ran)
    uv_ok("run", "--no-sync", "--package", "acme-core", "pytest", "packages/core", cwd=workspace)
    uv_ok("sync", "--all-packages", "--locked", cwd=workspace)


def test_wheel_keeps_the_range_and_a_bump_stales_the_lock(workspace: Path, tmp_path: Path) -> None:
    root = tmp_path / "acme"
    shutil.copytree(workspace, root, ignore=shutil.ignore_patterns(".venv", "dist"))
    uv_ok("build", "--package", "acme-api", "--no-sources", "--out-dir", "dist", cwd=root)
    (wheel,) = (root / "dist").glob("acme_api-0.3.0-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read("acme_api-0.3.0.dist-info/METADATA").decode()
    requires = [Requirement(line) for line in Parser().parsestr(metadata).get_all("Requires-Dist")]
    # workspace = true is gone from the published wheel; only the version range is left
    assert {r.name: r.specifier for r in requires}["acme-core"] == SpecifierSet(">=1.2,<2")
    uv_ok("version", "--package", "acme-core", "--bump", "minor", "--frozen", cwd=root)
    core = tomllib.loads((root / "packages/core/pyproject.toml").read_text(encoding="utf-8"))
    assert core["project"]["version"] == "1.3.0"
    assert uv("lock", "--check", cwd=root).returncode != 0
    uv_ok("lock", cwd=root)
    assert uv("lock", "--check", cwd=root).returncode == 0


# --- scripts/monorepo.py -----------------------------------------------------------------

CHAIN = {  # acme-core <- acme-api <- acme-worker (through a dependency group); old excluded
    "pyproject.toml": '[tool.uv.workspace]\nmembers = ["packages/*"]\nexclude = ["packages/old"]\n',
    "packages/core/pyproject.toml": '[project]\nname = "acme-core"\ndependencies = ["idna"]\n',
    "packages/api/pyproject.toml": (
        '[project]\nname = "acme-api"\ndependencies = ["Acme_Core[fast]>=1.2,<2"]\n'
        "[tool.uv.sources]\nacme-core = { workspace = true }\n"
    ),
    "packages/worker/pyproject.toml": (
        '[project]\nname = "acme-worker"\ndependencies = []\n'
        '[dependency-groups]\ndev = ["acme-api", {include-group = "lint"}]\nlint = []\n'
        "[tool.uv.sources]\nacme-api = { workspace = true }\n"
    ),
    "packages/old/pyproject.toml": '[project]\nname = "acme-old"\n',
}
EVERYONE = ["acme-core", "acme-api", "acme-worker"]


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        (["packages/core/src/acme_core/text.py"], EVERYONE),  # dependants, transitively
        (["packages/api/README.md"], ["acme-api", "acme-worker"]),
        (["packages/worker/app.py"], ["acme-worker"]),
        (["docs/index.md", "packages/old/x.py"], []),  # not a member: nothing to test
        (["uv.lock"], EVERYONE),
        ([".github/workflows/monorepo.yml"], EVERYONE),
    ],
)
def test_affected_members(changed: list[str], expected: list[str], tmp_path: Path) -> None:
    members = mono_ops.load_members(write(tmp_path, CHAIN))
    assert sorted(members) == sorted(EVERYONE)  # acme-old excluded, Acme_Core normalised
    assert mono_ops.affected(members, changed) == expected


def test_a_cycle_is_reported_not_looped(tmp_path: Path) -> None:
    cycle = '[project]\nname = "acme-core"\ndependencies = ["acme-worker"]\n'
    root = write(tmp_path, CHAIN | {"packages/core/pyproject.toml": cycle})
    members = mono_ops.load_members(root)
    with pytest.raises(graphlib.CycleError):
        mono_ops.affected(members, ["packages/core/x.py"])


def git(*args: str, cwd: Path) -> None:
    config = ["-c", "user.name=ci", "-c", "user.email=ci@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *config, *args], cwd=cwd, check=True, capture_output=True)


def test_main_prints_a_matrix_from_git_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write(tmp_path, CHAIN)
    git("init", "-q", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-qm", "base", cwd=root)
    write(root, {"packages/api/src/acme_api/routes.py": "ROUTES = []\n"})
    git("add", "-A", cwd=root)
    git("commit", "-qm", "change api", cwd=root)
    monkeypatch.chdir(root)

    def matrix(base: str) -> list[str]:
        assert mono_ops.main(["affected", "--base", base]) == 0
        return [job["package"] for job in json.loads(capsys.readouterr().out)["include"]]

    assert matrix("HEAD~1") == ["acme-api", "acme-worker"]
    assert matrix("0" * 40) == EVERYONE  # a tag or a new branch: no base, plan everything
    assert matrix("HEAD") == []  # nothing changed: the workflow's `any` guard skips the tests


# --- lint: what uv itself does not refuse ----------------------------------------------


def test_the_guides_workspace_passes_lint(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)
    assert mono_ops.main(["lint", "--prefix", "acme-"]) == 0


def test_lint_reports_each_violation(tmp_path: Path) -> None:
    api = (
        '[project]\nname = "acme-api"\ndependencies = ["acme_core", "acme-billing>=2", "httpx"]\n'
        '[tool.uv]\noverride-dependencies = ["idna>=3.7"]\n'
        "[tool.uv.sources]\nacme-core = { workspace = true }\n"
    )
    root = write(tmp_path, CHAIN | {"packages/api/pyproject.toml": api})
    assert mono_ops.lint(root, "acme-") == [
        "acme-api: tool.uv.override-dependencies is ignored in a member",
        "acme-api -> acme-core: published without a version range",
        "acme-api -> acme-billing: internal name without an explicit index",
    ]
    # an explicit index source, declared once at the root, satisfies every member
    sources = '[tool.uv.sources]\nacme-billing = { index = "internal" }\n'
    write(root, {"pyproject.toml": CHAIN["pyproject.toml"] + sources})
    assert mono_ops.lint(root, "acme-") == [
        "acme-api: tool.uv.override-dependencies is ignored in a member",
        "acme-api -> acme-core: published without a version range",
    ]
