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

from patternbrowser.core.guide_blocks import Runnable

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
    """Run a program (or, with `pytest`, a test module) in a fresh interpreter."""
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
            script.name,
            *shlex.split(attrs.get("pytest-args", "")),
        ]
    else:
        script = folder / "example.py"
        command = [sys.executable, script.name]
    script.write_text(unit.code, encoding="utf-8")
    result = subprocess.run(
        command, cwd=folder, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert result.returncode == 0, (
        f"{unit.name} exited with {result.returncode}\n--- stdout\n{result.stdout[-4000:]}"
        f"\n--- stderr\n{result.stderr[-4000:]}"
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
        assert list(yaml.safe_load_all(code)), "empty YAML"
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
