"""The vendored scripts in the theme are the npm packages' own files, unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from tests.tools import node_package_file

VENDOR = Path(__file__).resolve().parents[3] / "podium" / "pages" / "theme" / "assets" / "vendor"
PACKAGE_JSON = Path(__file__).resolve().parents[3] / "package.json"


def test_the_vendored_uqr_is_the_pinned_packages_file_with_its_licence():
    pinned = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))["devDependencies"]["uqr"]
    package = json.loads(node_package_file("uqr", "package.json").read_text(encoding="utf-8"))
    assert package["version"] == pinned
    assert (VENDOR / "uqr" / "index.mjs").read_bytes() == node_package_file("uqr", "dist", "index.mjs").read_bytes()
    assert (VENDOR / "uqr" / "LICENSE").read_bytes() == node_package_file("uqr", "LICENSE").read_bytes()
