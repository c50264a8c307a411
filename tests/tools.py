"""The outside tools some tests drive: Chromium, Java with the Nu Html Checker, Lighthouse.

`make test` installs the npm ones (package.json) and CI's `.ci/run` the Debian ones.
A test whose tool is missing skips with the reason, except under CI=true, where it
fails: a skipped check must never pass for a green run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / "node_modules"
CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: these checks may not be skipped)")
    pytest.skip(reason)


def chromium() -> str:
    configured = os.environ.get("PODIUM_CHROMIUM")
    if configured:
        return configured
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium")
    if found is None:
        unavailable("no Chromium found: apt-get install chromium, or set PODIUM_CHROMIUM")
    return found


def node_package_file(*parts: str) -> Path:
    path = NODE_MODULES.joinpath(*parts)
    if not path.exists():
        unavailable(f"{'/'.join(parts)} is missing: make test installs it with npm")
    return path


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        unavailable("no Java found for the Nu Html Checker: apt-get install default-jre-headless")
    return [java, "-jar", str(node_package_file("vnu-jar", "build", "dist", "vnu.jar"))]


def lighthouse_command() -> list[str]:
    node = shutil.which("node")
    if node is None:
        unavailable("no Node.js found for Lighthouse: apt-get install nodejs npm")
    return [node, str(node_package_file("lighthouse", "cli", "index.js"))]
