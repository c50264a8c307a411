"""Every script Podium ships parses: a syntax error would silently leave a feature out."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.tools import unavailable

PODIUM = Path(__file__).resolve().parents[3] / "podium"
SCRIPTS = sorted(p for p in PODIUM.rglob("*.js") if "vendor" not in p.parts)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_the_script_parses(script):
    node = shutil.which("node") or unavailable("node is missing: the scripts cannot be parsed")
    result = subprocess.run([node, "--check", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
