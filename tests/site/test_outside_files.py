"""Nothing outside the project is read or published: symbolic links that lead out of it
are errors at their path (a hostile pull request could add `docs/x.txt -> ../.git/config`)."""

from __future__ import annotations

import os

import pytest

from tests.conftest import SEED_DATA, make_project, run_build_py

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links")


def test_a_page_linked_to_a_file_outside_the_project_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("token=abc")
    project = make_project(tmp_path / "project", SEED_DATA)
    (project / "docs" / "x.txt").symlink_to(secret)
    result = run_build_py(project, "build")
    assert result.returncode == 1
    assert "docs/x.txt is a symbolic link to a file outside the project" in result.stderr
    assert not (project / "site").exists()


def test_a_link_inside_the_project_is_followed(tmp_path):
    project = make_project(tmp_path / "project", SEED_DATA)
    (project / "notes.txt").write_text("Ours.\n")
    (project / "docs" / "notes.txt").symlink_to(project / "notes.txt")
    result = run_build_py(project, "build")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "notes.txt").read_text() == "Ours.\n"


def test_a_session_file_linked_from_outside_is_a_problem_at_its_path(tmp_path):
    outside = tmp_path / "elsewhere.yml"
    outside.write_text("title: Not ours\n")
    project = make_project(tmp_path / "project", SEED_DATA)
    (project / "data" / "sessions" / "planted.yml").symlink_to(outside)
    result = run_build_py(project, "check")
    assert result.returncode == 1
    assert "data/sessions/planted.yml: error: a symbolic link to a file outside the project" in result.stderr
