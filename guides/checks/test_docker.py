"""Docker Best Practices (CLAUDE-deployment.md): the proofs behind the section's Rules.

Docker cannot run here, so the guide's Dockerfile, .dockerignore, Compose file and Kubernetes
manifest are linted statically against the Rules (and the linter is shown to catch each broken
variant); the health endpoints and the HEALTHCHECK probe run for real.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from guidekit import guide_blocks, guide_module

with warnings.catch_warnings():
    # Starlette's notice about its own test client's HTTP library: third-party noise, not ours.
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient` is deprecated")
    from fastapi.testclient import TestClient

docker_health = guide_module("docker_health")

GUIDE = "CLAUDE-deployment.md"
DOCKERFILE = guide_blocks(GUIDE, "dockerfile")[0]
COMPOSE: dict[str, Any] = yaml.safe_load(guide_blocks(GUIDE, "yaml", "docker-compose")[0])
MANIFEST: dict[str, Any] = yaml.safe_load(
    next(block for block in guide_blocks(GUIDE, "yaml") if "kind: Deployment" in block)
)
IGNORE_SCRIPT = next(block for block in guide_blocks(GUIDE, "bash") if ".dockerignore" in block)

# The Dockerfile of the original TODO item, which the Rules were written against.
TODO_DRAFT = """\
FROM python:3.11-slim as builder
RUN pip install uv
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev

FROM python:3.11-slim
COPY --from=builder /app/.venv /app/.venv
COPY src/ /app/src/
ENV PATH="/app/.venv/bin:$PATH"
USER nobody
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
"""


# ----------------------------------------------------------------- a small Dockerfile linter
@dataclass
class Stage:
    name: str
    base: str
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        return [rest for word, rest in self.instructions if word == keyword]


def parse_dockerfile(text: str) -> tuple[dict[str, str], list[Stage]]:
    """Global ARG defaults and the stages, with continuation lines joined."""
    args: dict[str, str] = {}
    stages: list[Stage] = []
    for line in re.sub(r"\\\n", " ", text).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        word = word.upper()
        if word == "FROM":
            parts = rest.split()
            keyword_as = parts[1] if len(parts) > 2 else ""
            name = parts[2] if len(parts) > 2 else str(len(stages))
            stages.append(Stage(name, parts[0], [("FROM", rest), ("AS", keyword_as)]))
        elif stages:
            stages[-1].instructions.append((word, rest))
        elif word == "ARG":
            key, _, default = rest.partition("=")
            args[key] = default
    return args, stages


def expand(value: str, args: dict[str, str]) -> str:
    return re.sub(r"\$\{(\w+)\}", lambda match: args.get(match.group(1), ""), value)


def lint_dockerfile(text: str) -> list[str]:
    """The section's Rules as checks; an empty list means the Dockerfile follows them."""
    args, stages = parse_dockerfile(text)
    problems = [
        f"secret in a global ARG ({key})"
        for key in args
        if re.search(r"PASSWORD|TOKEN|SECRET|_KEY\b", key, re.IGNORECASE)
    ]
    if "pip install uv" in text:
        problems.append("uv installed with pip: copy it from ghcr.io/astral-sh/uv:<version>")
    uv_sources = re.findall(r"ghcr\.io/astral-sh/uv(?::(\S+))?", expand(text, args))
    if not uv_sources or any(tag in {"", "latest"} for tag in uv_sources):
        problems.append("uv not copied from a pinned ghcr.io/astral-sh/uv image")
    for stage in stages:
        if stage.instructions[1][1] not in {"", "AS"}:
            problems.append(f"FROM ... {stage.instructions[1][1]}: write AS (FromAsCasing)")
        base = expand(stage.base, args)
        earlier = {other.name for other in stages[: stages.index(stage)]}
        if base not in earlier and (":" not in base or base.endswith(":latest")):
            problems.append(f"stage {stage.name}: base {base} is not pinned")
        for key in stage.all("ENV") + stage.all("ARG"):
            if re.search(r"PASSWORD|TOKEN|SECRET|_KEY\b", key, re.IGNORECASE):
                problems.append(f"stage {stage.name}: secret in ENV/ARG ({key.split('=')[0]})")
    if len(stages) < 2:
        return [*problems, "single stage: build tools ship in the image"]
    runtime, builder = stages[-1], stages[1] if stages[0].name == "uv" else stages[0]
    problems += _builder_problems(builder)
    problems += _runtime_problems(runtime, builder, args)
    return problems


def _builder_problems(builder: Stage) -> list[str]:
    steps = builder.instructions
    syncs = [i for i, (word, rest) in enumerate(steps) if word == "RUN" and "uv sync" in rest]
    if not syncs:
        return ["builder: no uv sync"]
    problems = []
    workdirs = [i for i, (word, rest) in enumerate(steps) if word == "WORKDIR" and rest == "/app"]
    if not workdirs or workdirs[0] > syncs[0]:
        problems.append("builder: uv sync runs before WORKDIR /app")
    source_copies = [
        i for i, (word, rest) in enumerate(steps) if word == "COPY" and rest.split()[0] == "."
    ]
    if source_copies and source_copies[0] < syncs[0]:
        problems.append("builder: source copied before the dependencies are installed")
    first_sync = steps[syncs[0]][1]
    if "--no-install-project" not in first_sync:
        problems.append("builder: the first uv sync installs the project (no dependency layer)")
    if "source=uv.lock" not in first_sync or "type=cache" not in first_sync:
        problems.append("builder: dependency install without the lock bind mount and cache mount")
    for i in syncs:
        command = steps[i][1].split("uv sync", 1)[1].strip()
        if ("--frozen" not in command and "--locked" not in command) or "--no-dev" not in command:
            problems.append(f"builder: uv sync {command!r} is not --frozen --no-dev")
    return problems


def _runtime_problems(runtime: Stage, builder: Stage, args: dict[str, str]) -> list[str]:
    problems = []
    if expand(runtime.base, args) != expand(builder.base, args):
        problems.append("runtime and builder bases differ: the venv's interpreter is missing")
    if runtime.all("WORKDIR") != ["/app"]:
        problems.append("runtime: no WORKDIR /app")
    venv_copies = [rest for rest in runtime.all("COPY") if ".venv" in rest]
    if venv_copies != [f"--from={builder.name} /app/.venv /app/.venv"]:
        problems.append(f"runtime: venv not copied from {builder.name}:/app/.venv to /app/.venv")
    if any("--from=uv" in rest or "astral-sh/uv" in rest for rest in runtime.all("COPY")):
        problems.append("runtime: uv shipped in the runtime image")
    if any("--chown" in rest for rest in runtime.all("COPY")):
        problems.append("runtime: code owned by the app user")
    users = runtime.all("USER")
    if not users or not re.fullmatch(r"[1-9]\d*(:\d+)?", users[-1]):
        problems.append(f"runtime: USER {users[-1] if users else '(root)'} is not a numeric UID")
    if not runtime.all("HEALTHCHECK"):
        problems.append("runtime: no HEALTHCHECK")
    commands = runtime.all("CMD")
    if not commands or not commands[-1].startswith("["):
        problems.append("runtime: shell-form CMD: /bin/sh is PID 1 and drops SIGTERM")
    return problems


def healthcheck_command(text: str) -> list[str]:
    return json.loads(
        re.search(r"HEALTHCHECK .*?CMD (\[.*?\])", text.replace("\\\n", " ")).group(1)
    )


# ------------------------------------------------------------------------------ Dockerfile
def test_the_guide_dockerfile_follows_the_rules() -> None:
    assert lint_dockerfile(DOCKERFILE) == []


def test_the_todo_draft_breaks_the_rules() -> None:
    problems = "\n".join(lint_dockerfile(TODO_DRAFT))
    for expected in (
        "uv installed with pip",
        "write AS",
        "uv sync runs before WORKDIR /app",
        "the first uv sync installs the project",
        "without the lock bind mount",
        "USER nobody is not a numeric UID",
        "no HEALTHCHECK",
        "runtime: no WORKDIR",
    ):
        assert expected in problems, problems


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("USER 10001:10001", "USER nobody", "not a numeric UID"),
        ("USER 10001:10001", "USER 0", "not a numeric UID"),
        ("USER 10001:10001\n", "", "USER (root)"),
        (
            'CMD ["uvicorn", "myservice.main:app", "--host", "0.0.0.0", "--port"',
            "CMD uvicorn",
            "shell-form",
        ),
        ("HEALTHCHECK", "# HEALTHCHECK", "no HEALTHCHECK"),
        ("ARG UV_VERSION=0.13.9", "ARG UV_VERSION=latest", "pinned ghcr.io/astral-sh/uv"),
        ("AS runtime", "AS runtime\nCOPY --from=uv /uv /bin/", "uv shipped"),
        ("-slim-trixie AS runtime", "-slim-bookworm AS runtime", "bases differ"),
        (
            "COPY --from=builder /app/.venv /app/.venv",
            "COPY --from=builder /app/.venv /opt/venv",
            "venv",
        ),
        ("COPY --from=builder /app/.venv", "COPY --chown=app --from=builder /app/.venv", "owned"),
        ("ENV UV_COMPILE", "ENV INDEX_TOKEN=abc UV_COMPILE", "secret in ENV"),
        ("WORKDIR /app\n# Dependencies", "# Dependencies", "before WORKDIR"),
        ("uv sync --frozen --no-dev --no-install-project", "uv sync --no-dev", "not --frozen"),
        ("--no-dev --no-install-project", "--no-dev", "installs the project"),
        ("ARG PYTHON_VERSION=3.13", "ARG PYTHON_VERSION=3.13\nARG PYPI_TOKEN", "global ARG"),
        ("--mount=type=bind,source=uv.lock,target=uv.lock", "", "lock bind mount"),
        ("AS builder", "as builder", "write AS"),
    ],
)
def test_the_linter_catches_each_broken_variant(old: str, new: str, problem: str) -> None:
    assert old in DOCKERFILE  # the mutation applies to the guide's text as it is
    problems = lint_dockerfile(DOCKERFILE.replace(old, new, 1))
    assert any(problem in found for found in problems), problems


def test_source_copied_before_the_dependency_layer_is_caught() -> None:
    reordered = DOCKERFILE.replace(
        "WORKDIR /app\n# Dependencies", "WORKDIR /app\nCOPY . /app\n#", 1
    )
    assert any("source copied before" in problem for problem in lint_dockerfile(reordered))


def test_development_is_a_stage_and_runtime_the_default_target() -> None:
    _, stages = parse_dockerfile(DOCKERFILE)
    assert stages[-1].name == "runtime"  # `docker build .` builds the last stage
    assert COMPOSE["services"]["api"]["build"]["target"] in {stage.name for stage in stages}


# ------------------------------------------------------------------------------ .dockerignore
def dockerignore_patterns(script: str) -> list[str]:
    body = script.split("<<'IGNORE'\n", 1)[1].split("\nIGNORE", 1)[0]
    return [line for line in body.splitlines() if line and not line.startswith("#")]


def ignored(path: str, patterns: list[str]) -> bool:
    """Docker's matching: `*` stays within a directory, `**/` spans any, a match covers a dir."""
    regexes = []
    for pattern in patterns:
        translated = re.escape(pattern.rstrip("/"))
        translated = translated.replace(r"\*\*/", "(?:.*/)?").replace(r"\*", "[^/]*")
        regexes.append(re.compile(translated.replace(r"\?", "[^/]")))
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(regex.fullmatch(prefix) for regex in regexes for prefix in prefixes)


@pytest.mark.parametrize(
    "path",
    [
        ".git/config",
        ".venv/bin/python",
        ".env",
        ".env.production",
        "deploy/.env.staging",
        "certs/tls.key",
        "deploy/server.pem",
        "secrets/db-password.txt",
        "src/myservice/__pycache__/main.cpython-313.pyc",
        ".mypy_cache/3.13/x.json",
    ],
)
def test_dockerignore_keeps_secrets_and_local_state_out(path: str) -> None:
    assert ignored(path, dockerignore_patterns(IGNORE_SCRIPT))


@pytest.mark.parametrize("path", ["uv.lock", "pyproject.toml", "src/myservice/main.py"])
def test_dockerignore_keeps_what_the_build_needs(path: str) -> None:
    assert not ignored(path, dockerignore_patterns(IGNORE_SCRIPT))


def test_a_root_only_pattern_would_miss_nested_keys() -> None:
    # Why the guide writes **/*.pem: in Docker, *.pem matches the context's root only.
    assert ignored("server.pem", ["*.pem"]) and not ignored("deploy/server.pem", ["*.pem"])


# ------------------------------------------------------------------------------ Compose
def test_compose_waits_for_health_not_for_start() -> None:
    services = COMPOSE["services"]
    for name, service in services.items():
        for dependency, spec in service.get("depends_on", {}).items():
            assert isinstance(spec, dict) and "condition" in spec, (name, dependency)
            if spec["condition"] == "service_healthy":
                assert "healthcheck" in services[dependency], dependency
    assert services["api"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )


def test_compose_publishes_dev_ports_on_loopback_only() -> None:
    for service in COMPOSE["services"].values():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), port


def test_compose_and_image_use_the_same_probe() -> None:
    assert COMPOSE["services"]["api"]["healthcheck"]["test"] == [
        "CMD",
        *healthcheck_command(DOCKERFILE),
    ]


# ------------------------------------------------------------------------------ Kubernetes
def _container() -> dict[str, Any]:
    return MANIFEST["spec"]["template"]["spec"]["containers"][0]


def test_manifest_runs_the_image_user_read_only_without_capabilities() -> None:
    pod = MANIFEST["spec"]["template"]["spec"]
    uid = re.search(r"^USER (\d+):(\d+)$", DOCKERFILE, re.MULTILINE)
    assert uid is not None
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == int(uid.group(1))
    context = _container()["securityContext"]
    assert context["readOnlyRootFilesystem"] is True
    assert context["allowPrivilegeEscalation"] is False
    assert context["capabilities"]["drop"] == ["ALL"]
    # read-only root: the only writable path is the in-memory /tmp
    assert [mount["mountPath"] for mount in _container()["volumeMounts"]] == ["/tmp"]


def test_probes_hit_the_health_routes_and_liveness_ignores_dependencies() -> None:
    app = docker_health.create_app("sqlite+aiosqlite://")
    routes = {route.path for route in app.routes}
    container = _container()
    assert container["livenessProbe"]["httpGet"]["path"] == "/health/live"
    assert container["startupProbe"]["httpGet"]["path"] == "/health/live"
    assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert {"/health/live", "/health/ready"} <= routes
    assert container["ports"][0]["containerPort"] == int(
        re.search(r"^EXPOSE (\d+)$", DOCKERFILE, re.MULTILINE).group(1)
    )


def test_timeouts_nest_so_nothing_is_killed_mid_request() -> None:
    pod = MANIFEST["spec"]["template"]["spec"]
    container = _container()
    pre_stop = int(container["lifecycle"]["preStop"]["exec"]["command"][-1])
    drain = int(re.search(r'"--timeout-graceful-shutdown", "(\d+)"', DOCKERFILE).group(1))
    assert pod["terminationGracePeriodSeconds"] > pre_stop + drain
    # readiness answers 503 before the orchestrator's probe gives up on it
    assert container["readinessProbe"]["timeoutSeconds"] > docker_health.READINESS_TIMEOUT
    healthcheck_timeout = int(re.search(r"HEALTHCHECK .*--timeout=(\d+)s", DOCKERFILE).group(1))
    assert healthcheck_timeout > docker_health.probe.__defaults__[0]


# ------------------------------------------------------------------------------ health module
def test_live_and_ready_with_a_working_database(tmp_path: Path) -> None:
    with TestClient(docker_health.create_app(f"sqlite+aiosqlite:///{tmp_path / 'app.db'}")) as c:
        assert c.get("/health/live").json() == {"status": "ok"}
        response = c.get("/health/ready")
        assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_a_broken_database_is_not_ready_but_alive_and_leaks_nothing(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'missing-volume' / 'app.db'}"
    with TestClient(docker_health.create_app(url)) as client:
        assert client.get("/health/live").status_code == 200  # no restart...
        response = client.get("/health/ready")
        assert (response.status_code, response.json()) == (503, {"status": "unavailable"})
        assert "missing-volume" not in response.text and "sqlite" not in response.text.lower()


class HangingEngine:
    """A database that accepts the connection and then never answers in time."""

    def connect(self) -> HangingEngine:
        return self

    async def __aenter__(self) -> HangingEngine:
        await asyncio.sleep(1.5)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        return None

    async def execute(self, statement: object) -> None:
        return None


def test_a_hung_database_fails_readiness_within_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docker_health, "READINESS_TIMEOUT", 0.2)
    with TestClient(docker_health.create_app(f"sqlite+aiosqlite:///{tmp_path / 'a.db'}")) as c:
        real, c.app.state.engine = c.app.state.engine, HangingEngine()
        try:
            started = time.perf_counter()
            response = c.get("/health/ready")
            elapsed = time.perf_counter() - started
        finally:
            c.app.state.engine = real  # the lifespan disposes the real one
    assert response.status_code == 503
    assert elapsed < 1.0  # answered by the deadline, not when the database woke up


# ------------------------------------------------------------------------------ the probe
class FakeContainer(BaseHTTPRequestHandler):
    """Answers like the running service, to exercise the probe's exit codes."""

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(0.5)
        self.send_response(503 if self.path == "/health/ready" else 200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def container() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeContainer)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_probe_exit_codes(container: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert docker_health.probe(f"{container}/health/live") == 0
    assert docker_health.probe(f"{container}/health/ready") == 1  # 503 is unhealthy
    assert docker_health.probe(f"{container}/slow", timeout=0.1) == 1  # so is a hung process
    assert "healthcheck:" in capsys.readouterr().err  # the reason lands in Docker's health log


def test_probe_of_a_closed_port_is_unhealthy() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeContainer)
    port = server.server_address[1]
    server.server_close()
    assert docker_health.probe(f"http://127.0.0.1:{port}/health/live", timeout=0.5) == 1


def test_probe_ignores_proxy_settings(container: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Containers often carry HTTP_PROXY for outbound traffic; the probe must not use it.
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    assert docker_health.probe(f"{container}/health/live") == 0
