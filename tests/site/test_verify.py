"""`build.py verify` on real builds: the publishing workflow's check passes on sites Podium
builds, under a project site's sub-path and at the root, and fails on a broken one."""

from __future__ import annotations

import pytest

from tests.conftest import ASPC_DATA, CAMP_DATA, SEED_DATA, make_project, run_build_py


@pytest.mark.parametrize(
    ("data", "address"),
    [(CAMP_DATA, "https://someone.github.io/camp-2027/"), (ASPC_DATA, "https://someone.github.io/aspc/"),
     (SEED_DATA, "")],
    ids=["camp-project-site", "aspc-project-site", "seed-no-address"],
)  # fmt: skip
def test_verify_passes_on_a_built_site(tmp_path, monkeypatch, data, address):
    monkeypatch.setenv("PODIUM_SITE_URL", address)
    project = make_project(tmp_path, data)
    assert run_build_py(project, "build").returncode == 0
    result = run_build_py(project, "verify")
    assert result.returncode == 0, result.stderr
    assert ", 0 problems," in result.stdout


def test_verify_fails_on_a_missing_asset_and_names_it(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    assert run_build_py(project, "build").returncode == 0
    (project / "site" / "assets" / "podium" / "podium.css").unlink()
    result = run_build_py(project, "verify")
    assert result.returncode == 1
    assert "site/index.html: " in result.stderr and "podium.css leads to no file" in result.stderr


def test_verify_without_a_built_site_says_to_build(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    result = run_build_py(project, "verify")
    assert result.returncode == 2 and "run build.py build first" in result.stderr


def test_new_conference_builds_and_verifies_under_a_project_path(tmp_path, monkeypatch):
    """The documented start: `build.py new` on the seed, then the publishing workflow's steps."""
    monkeypatch.setenv("PODIUM_SITE_URL", "https://someone.github.io/workshop/")
    project = make_project(tmp_path, SEED_DATA)
    made = run_build_py(project, "new", "--name", "Workshop", "--start", "2027-03-01", "--end", "2027-03-02",
                        "--timezone", "Europe/Berlin")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "1 session, 1 person, 1 stream: no errors" in made.stdout
    for command in ("check", "build", "verify"):
        result = run_build_py(project, command)
        assert result.returncode == 0, result.stderr
    assert "Opening" in (project / "site" / "sessions" / "opening" / "index.html").read_text(encoding="utf-8")


def test_a_site_address_with_markup_from_the_workflow_is_refused(tmp_path, monkeypatch):
    """PODIUM_SITE_URL is held to the rule of conference.yml's url: it lands in every page."""
    monkeypatch.setenv("PODIUM_SITE_URL", 'https://x.example/"><script>alert(1)</script>/')
    project = make_project(tmp_path, SEED_DATA)
    result = run_build_py(project, "build")
    assert result.returncode == 1 and "is not a web address Podium can publish at" in result.stderr
    assert not (project / "site").exists()
