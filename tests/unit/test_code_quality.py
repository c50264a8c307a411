"""Podium's code against its own rules (pyproject.toml): ruff's lint and format, and mypy.

Each check runs on podium/ and benchmarks/ as configured, and is shown to fail on code
with one mistake of its kind, so that a broken configuration cannot pass in silence.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

CHECKS = {
    "ruff check": ["-m", "ruff", "check", "--no-cache"],
    "ruff format --check": ["-m", "ruff", "format", "--check", "--no-cache"],
    "mypy": ["-m", "mypy"],
}
# One mistake of each kind, in a module that is otherwise clean.
BROKEN = {
    "ruff check": "import os\n\n\ndef f():\n    try:\n        return 1\n    except Exception:\n        return 2\n",
    "ruff format --check": "def f( x ):\n    return {'a':x}\n",
    "mypy": "def f(x: int) -> str:\n    return x\n",
}


def _run(check: str, *paths: str) -> subprocess.CompletedProcess:
    command = [sys.executable, *CHECKS[check], "--config-file" if check == "mypy" else "--config", "pyproject.toml", *paths]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_podium_and_its_benchmarks_pass(check):
    paths = () if check == "mypy" else ("podium", "benchmarks")  # mypy's files are in its configuration
    result = _run(check, *paths)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_each_check_fails_on_one_mistake(check, tmp_path):
    module = tmp_path / "mistaken.py"
    module.write_text(BROKEN[check], encoding="utf-8")
    result = _run(check, str(module))
    assert result.returncode != 0, f"{check} passed code with a mistake:\n{BROKEN[check]}"
