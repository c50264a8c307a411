"""The same site from either engine (engine/engines.py): MkDocs, and ProperDocs, its maintained fork."""

from __future__ import annotations

import pytest

from tests.conftest import ASPC_DATA, SEED_DATA, make_project, run_build_py
from tests.site.test_build import tree_digest


@pytest.mark.parametrize("data", [SEED_DATA, ASPC_DATA], ids=["seed", "aspc-sessions-of-papers"])
def test_mkdocs_and_properdocs_build_the_same_site_byte_for_byte(tmp_path, monkeypatch, data):
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        project = make_project(tmp_path / engine, data)
        monkeypatch.setenv("PODIUM_ENGINE", engine)
        built = run_build_py(project, "build")
        assert built.returncode == 0, built.stderr
        sites[engine] = tree_digest(project / "site")
    assert len(sites["mkdocs"]) > 20
    assert sites["mkdocs"] == sites["properdocs"]


def test_an_unknown_engine_fails_the_build_before_anything_is_made(tmp_path, monkeypatch):
    project = make_project(tmp_path / "p", SEED_DATA)
    monkeypatch.setenv("PODIUM_ENGINE", "hugo")
    built = run_build_py(project, "build")
    assert built.returncode == 2 and "Traceback" not in built.stderr
    assert "PODIUM_ENGINE='hugo' is not an engine Podium builds with: use one of mkdocs, properdocs" in built.stderr
    assert not (project / "site").exists()
