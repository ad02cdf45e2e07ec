"""CI/CD Pipeline Configuration (CLAUDE-deployment.md): the proofs behind the section's Rules.

A workflow linter encodes the Rules (permissions, action floors, SHA pins for credential-handling
actions, OIDC, injection, `--locked`, caching, timeouts); every workflow of the guide passes it,
and each broken variant is caught. The smoke-test module runs against mocked deployments.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
import yaml

from guidekit import guide_blocks, guide_module

ci_smoke = guide_module("ci_smoke")

GUIDE = "CLAUDE-deployment.md"
WORKFLOWS = guide_blocks(GUIDE, "yaml", "github-actions")
SUPPORTED_PYTHON = ["3.11", "3.12", "3.13", "3.14", "3.15"]  # python.org, November 2026

# ------------------------------------------------------------------- the workflow linter
MINIMUM_MAJOR = {"actions/checkout": 6, "astral-sh/setup-uv": 7, "actions/setup-python": 6}
CREDENTIAL_ACTIONS = {
    "docker/login-action",
    "aws-actions/configure-aws-credentials",
    "azure/login",
    "google-github-actions/auth",
    "pypa/gh-action-pypi-publish",
}
END_OF_LIFE_PYTHON = {"2.7", "3.6", "3.7", "3.8", "3.9", "3.10"}
LONG_LIVED_SECRET = re.compile(r"secrets\.(AWS_SECRET_ACCESS_KEY|AZURE_CREDENTIALS|GCP_SA_KEY)")
INJECTABLE = re.compile(r"\$\{\{\s*(github\.event\.|github\.head_ref|inputs\.)")
FULL_SHA = re.compile(r"[0-9a-f]{40}")
SHA_LINE = re.compile(r"uses:\s*(\S+)@([0-9a-f]{40})(.*)$")


def lint_workflow(text: str) -> list[str]:
    """The section's Rules as checks; an empty list means the workflow follows them."""
    workflow: dict[Any, Any] = yaml.safe_load(text)
    problems: list[str] = []
    permissions = workflow.get("permissions")
    if permissions is None:
        problems.append("no top-level permissions: GITHUB_TOKEN gets the repository default")
    elif not isinstance(permissions, dict) or "write" in permissions.values():
        problems.append(f"top-level permissions grant write ({permissions}): widen per job")
    for line in text.splitlines():
        pinned = SHA_LINE.search(line)
        if pinned and not re.search(r"#\s*v\d+\.\d+\.\d+", pinned.group(3)):
            problems.append(f"{pinned.group(1)} pinned by SHA without a `# vX.Y.Z` comment")
    cancels = (workflow.get("concurrency") or {}).get("cancel-in-progress") is True
    for name, job in workflow["jobs"].items():
        if "uses" in job:  # a call to a reusable workflow: its own jobs are linted there
            continue
        problems += _job_problems(name, job)
        if cancels and "environment" in job:
            problems.append(f"{name}: cancel-in-progress can stop a deployment halfway")
    return problems


def _job_problems(name: str, job: dict[str, Any]) -> list[str]:
    problems = []
    if "timeout-minutes" not in job:
        problems.append(f"{name}: no timeout-minutes (a hung job runs for 6 hours)")
    matrix = job.get("strategy", {}).get("matrix", {})
    for version in map(str, matrix.get("python-version", [])):
        if version in END_OF_LIFE_PYTHON:
            problems.append(f"{name}: Python {version} is past end of life")
    for step in job["steps"]:
        action, _, ref = step.get("uses", "").partition("@")
        if action in CREDENTIAL_ACTIONS and not FULL_SHA.fullmatch(ref):
            problems.append(f"{name}: {action}@{ref} handles credentials: pin a full commit SHA")
        elif action in MINIMUM_MAJOR and not FULL_SHA.fullmatch(ref):
            major = re.fullmatch(r"v(\d+)(\.\d+)*", ref)
            if major is None or int(major.group(1)) < MINIMUM_MAJOR[action]:
                problems.append(f"{name}: {action}@{ref} is older than v{MINIMUM_MAJOR[action]}")
        if action == "astral-sh/setup-uv" and not step.get("with", {}).get("enable-cache"):
            problems.append(f"{name}: setup-uv without enable-cache")
        command = step.get("run", "")
        if "uv sync" in command and ("--locked" not in command or "--frozen" in command):
            problems.append(f"{name}: `uv sync` without --locked accepts a stale lock")
        if INJECTABLE.search(command):
            problems.append(f"{name}: untrusted ${{{{ }}}} pasted into run: pass it via env:")
    if LONG_LIVED_SECRET.search(yaml.safe_dump(job)):
        problems.append(f"{name}: long-lived cloud key in secrets: use OIDC")
    return problems


def workflow(steps: str, *, header: str = "permissions:\n  contents: read\n") -> str:
    """A one-job workflow around `steps` (indented as list items under `steps:`)."""
    return (
        f"name: t\non: push\n{header}jobs:\n  build:\n    runs-on: ubuntu-latest\n"
        f"    timeout-minutes: 5\n    steps:\n{steps}"
    )


LOGIN_SHA = "74a5d142397b4f367a81961eba4e8cd7edddf772"
UV_STEP = "      - uses: astral-sh/setup-uv@v7\n        with: {enable-cache: true}\n"

# The workflow of the original TODO item, which the Rules were written against.
TODO_DRAFT = """\
name: CI
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python-version: ['3.9', '3.10', '3.11', '3.12']
    steps:
      - uses: actions/checkout@v3
      - uses: astral-sh/setup-uv@v1
      - run: uv sync --frozen
      - run: uv run pytest --cov
"""


# ------------------------------------------------------------------- the guide's workflows
def test_the_guide_has_its_two_workflows() -> None:
    assert [yaml.safe_load(text)["name"] for text in WORKFLOWS] == ["CI", "Release"]


@pytest.mark.parametrize("text", WORKFLOWS, ids=["ci", "release"])
def test_every_guide_workflow_follows_the_rules(text: str) -> None:
    assert lint_workflow(text) == []


@pytest.mark.parametrize("text", WORKFLOWS, ids=["ci", "release"])
def test_write_permissions_only_where_a_job_needs_them(text: str) -> None:
    parsed = yaml.safe_load(text)
    assert parsed["permissions"] == {"contents": "read"}
    for name, job in parsed["jobs"].items():
        granted = {scope for scope, level in job.get("permissions", {}).items() if level == "write"}
        uses = " ".join(step.get("uses", "") for step in job.get("steps", []))
        if "packages" in granted:
            assert "docker/build-push-action" in uses, name  # pushes an image
        if "id-token" in granted:
            assert "configure-aws-credentials" in uses, name  # logs in with OIDC
        assert granted <= {"packages", "id-token"}, name


def test_credential_actions_are_pinned_by_sha_with_their_version() -> None:
    pinned = [SHA_LINE.search(line) for text in WORKFLOWS for line in text.splitlines()]
    actions = {match.group(1): match.group(3) for match in pinned if match}
    assert set(actions) == {"docker/login-action", "aws-actions/configure-aws-credentials"}
    assert all(re.search(r"# v\d+\.\d+\.\d+", comment) for comment in actions.values())


def test_the_matrix_tests_every_supported_python() -> None:
    ci = yaml.safe_load(WORKFLOWS[0])
    assert ci["jobs"]["test"]["strategy"]["matrix"]["python-version"] == SUPPORTED_PYTHON
    assert ci["jobs"]["test"]["strategy"]["fail-fast"] is False
    gitlab = yaml.safe_load(guide_blocks(GUIDE, "yaml", "gitlab-ci")[0])
    assert gitlab["test"]["parallel"]["matrix"][0]["UV_PYTHON"] == SUPPORTED_PYTHON
    circleci = yaml.safe_load(guide_blocks(GUIDE, "yaml", "circleci")[0])
    cell = circleci["workflows"]["ci"]["jobs"][0]["test"]["matrix"]["parameters"]
    assert cell["python"] == SUPPORTED_PYTHON


def test_coverage_is_combined_from_every_cell() -> None:
    jobs = yaml.safe_load(WORKFLOWS[0])["jobs"]
    assert "matrix.python-version" in jobs["test"]["env"]["COVERAGE_FILE"]  # one file per cell
    upload = next(s for s in jobs["test"]["steps"] if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["include-hidden-files"] is True  # .coverage.* files start with a dot
    runs = [step.get("run", "") for step in jobs["coverage"]["steps"]]
    combine = next(i for i, run in enumerate(runs) if "coverage combine" in run)
    assert combine < runs.index("uv run --no-sync coverage report")  # fails below fail_under
    assert jobs["coverage"]["needs"] == "test"


def test_release_deploys_one_digest_in_order_and_rolls_back() -> None:
    release = yaml.safe_load(WORKFLOWS[1])
    assert release["concurrency"]["cancel-in-progress"] is False
    deploy = release["jobs"]["deploy"]
    assert deploy["strategy"]["matrix"]["environment"] == ["staging", "production"]
    assert deploy["strategy"]["max-parallel"] == 1
    assert deploy["strategy"].get("fail-fast", True) is True  # a failed staging stops production
    assert "@${{ steps.build.outputs.digest }}" in release["jobs"]["image"]["outputs"]["ref"]
    assert deploy["env"]["IMAGE"] == "${{ needs.image.outputs.ref }}"  # the digest, not a tag
    runs = [step.get("run", "") for step in deploy["steps"]]
    rollout = next(i for i, run in enumerate(runs) if "rollout status" in run)
    smoke = next(i for i, run in enumerate(runs) if "tests/smoke" in run)
    rollback = deploy["steps"][-1]
    assert rollout < smoke < len(runs) - 1
    assert rollback["if"] == "failure()" and "rollout undo" in rollback["run"]


# ------------------------------------------------------------------- the linter bites
def test_the_todo_draft_breaks_the_rules() -> None:
    problems = "\n".join(lint_workflow(TODO_DRAFT))
    for expected in (
        "no top-level permissions",
        "Python 3.9 is past end of life",
        "Python 3.10 is past end of life",
        "actions/checkout@v3 is older than v6",
        "astral-sh/setup-uv@v1 is older than v7",
        "setup-uv without enable-cache",
        "without --locked",
        "no timeout-minutes",
    ):
        assert expected in problems, problems


@pytest.mark.parametrize(
    ("step", "problem"),
    [
        ("      - uses: actions/checkout@v5\n", "older than v6"),
        ("      - uses: actions/checkout@v4.2.2\n", "older than v6"),
        ("      - uses: astral-sh/setup-uv@v6\n        with: {enable-cache: true}\n", "v7"),
        ("      - uses: astral-sh/setup-uv@v7\n", "without enable-cache"),
        ("      - uses: docker/login-action@v3\n", "pin a full commit SHA"),
        ("      - uses: docker/login-action@v3.4.0\n", "pin a full commit SHA"),
        (f"      - uses: docker/login-action@{LOGIN_SHA[:7]}\n", "pin a full commit SHA"),
        (f"      - uses: docker/login-action@{LOGIN_SHA}\n", "without a `# vX.Y.Z` comment"),
        ("      - uses: aws-actions/configure-aws-credentials@v4\n", "pin a full commit SHA"),
        ("      - run: uv sync --frozen\n", "without --locked"),
        ("      - run: uv sync --locked --frozen\n", "without --locked"),
        ('      - run: echo "${{ github.event.pull_request.title }}"\n', "pass it via env"),
        ('      - run: ./deploy.sh "${{ inputs.image }}"\n', "pass it via env"),
        (
            "      - run: ./deploy.sh\n"
            "        env: {KEY: '${{ secrets.AWS_SECRET_ACCESS_KEY }}'}\n",
            "use OIDC",
        ),
    ],
)
def test_the_linter_catches_each_broken_step(step: str, problem: str) -> None:
    problems = lint_workflow(workflow(step))
    assert any(problem in found for found in problems), problems


@pytest.mark.parametrize(
    "step",
    [
        "      - uses: actions/checkout@v6\n",
        "      - uses: actions/checkout@v6.0.1\n",
        UV_STEP,
        f"      - uses: docker/login-action@{LOGIN_SHA} # v3.4.0\n",
        "      - run: uv sync --locked && uv run --no-sync pytest\n",
        (
            '      - run: echo "$TITLE"\n'
            '        env: {TITLE: "${{ github.event.pull_request.title }}"}\n'
        ),
    ],
)
def test_the_linter_accepts_the_right_form(step: str) -> None:
    assert lint_workflow(workflow(step)) == []


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("", "no top-level permissions"),
        ("permissions: write-all\n", "grant write"),
        ("permissions:\n  contents: read\n  packages: write\n", "grant write"),
    ],
)
def test_the_linter_wants_least_privilege(header: str, problem: str) -> None:
    problems = lint_workflow(workflow(UV_STEP, header=header))
    assert any(problem in found for found in problems), problems


def test_the_linter_refuses_to_cancel_deployments() -> None:
    text = workflow(
        UV_STEP, header="permissions: {}\nconcurrency: {group: d, cancel-in-progress: true}\n"
    )
    deploying = text.replace(
        "    timeout-minutes: 5\n", "    timeout-minutes: 5\n    environment: production\n"
    )
    assert any("stop a deployment" in problem for problem in lint_workflow(deploying))


# ------------------------------------------------------------------- smoke tests
def deployment(*answers: int | str, version: str = "1.4.2") -> tuple[httpx.Client, list[str]]:
    """A mocked deployment: /health/ready answers each status in turn ("down" = no connection)."""
    calls: list[str] = []
    pending = list(answers)

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path == "/version":
            return httpx.Response(200, json={"version": version})
        answer = pending.pop(0) if len(pending) > 1 else pending[0]
        if answer == "down":
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(int(answer))

    client = httpx.Client(transport=httpx.MockTransport(handle), base_url="https://svc.test")
    return client, calls


def test_smoke_waits_for_new_pods_then_checks_the_version() -> None:
    client, calls = deployment("down", 503, 200)
    with client:
        ci_smoke.verify_release(client, "v1.4.2", tries=5, delay=0)
    assert calls == ["/health/ready"] * 3 + ["/version"]


def test_smoke_fails_loudly_when_the_service_never_becomes_ready() -> None:
    client, calls = deployment(503)
    with client, pytest.raises(AssertionError, match="never became ready: HTTP 503"):
        ci_smoke.verify_release(client, "v1.4.2", tries=3, delay=0)
    assert calls == ["/health/ready"] * 3


def test_smoke_catches_the_old_version_still_serving() -> None:
    client, _ = deployment(200, version="1.4.1")
    with client, pytest.raises(AssertionError, match=re.escape("1.4.1 is live, not v1.4.2")):
        ci_smoke.verify_release(client, "v1.4.2", tries=3, delay=0)
