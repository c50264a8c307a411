"""`build.py upgrade` in a conference's repository made from an older Podium: Podium's files
become the newer Podium's, and nothing the organiser wrote changes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED_DATA, TEST_SOURCE_DATE_EPOCH
from tests.tools import unavailable

IDENTITY = {"GIT_AUTHOR_NAME": "Organiser", "GIT_AUTHOR_EMAIL": "o@example.org",
            "GIT_COMMITTER_NAME": "Organiser", "GIT_COMMITTER_EMAIL": "o@example.org"}  # fmt: skip


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, env={**os.environ, **IDENTITY})
    assert result.returncode == 0, result.stderr
    return result.stdout


def podium(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """The repository's own build.py, as its organiser runs it."""
    env = {**os.environ, **IDENTITY, "SOURCE_DATE_EPOCH": TEST_SOURCE_DATE_EPOCH}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "build.py", *args], cwd=folder, capture_output=True, text=True, env=env)


def snapshot(folder: Path, *paths: str) -> dict[str, bytes]:
    files = {}
    for path in paths:
        target = folder / path
        for file in [target] if target.is_file() else sorted(p for p in target.rglob("*") if p.is_file()):
            files[file.relative_to(folder).as_posix()] = file.read_bytes()
    return files


@pytest.fixture
def repositories(tmp_path):
    """(upstream Podium, a conference made from it with its own data, page and settings)."""
    if not (REPO / ".git").exists():
        unavailable("Podium's own history is needed: run in a git clone")
    upstream, conference = tmp_path / "podium", tmp_path / "conference"
    git(tmp_path, "clone", "--quiet", "--no-hardlinks", str(REPO), str(upstream))
    git(tmp_path, "clone", "--quiet", str(upstream), str(conference))
    # Whatever this checkout's data/ holds (a conference's own, in its repository), the
    # conference starts from Podium's seed, as a repository made from Podium does.
    shutil.rmtree(conference / "data")
    shutil.copytree(SEED_DATA, conference / "data")
    git(conference, "add", "-A")
    git(conference, "commit", "--quiet", "--allow-empty", "-m", "Podium's seed")
    made = podium(conference, "new", "--name", "Workshop", "--start", "2027-03-01", "--timezone", "Europe/Berlin")
    assert made.returncode == 0, made.stderr
    (conference / "docs" / "venue.md").write_text("# Getting there\n\nTram 4.\n", encoding="utf-8")
    mkdocs = conference / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8") + "nav:\n  - Getting there: venue.md\n")
    git(conference, "add", "-A")
    git(conference, "commit", "--quiet", "-m", "Our workshop")
    return upstream, conference


def newer_podium(upstream: Path) -> None:
    """A newer Podium: code and its page changed, a file dropped, the seed and mkdocs.yml changed too."""
    (upstream / "podium" / "cli.py").write_text((upstream / "podium" / "cli.py").read_text() + "# newer\n")
    (upstream / "docs" / "organisers.md").write_text((upstream / "docs" / "organisers.md").read_text() + "\nNewer.\n")
    (upstream / "schemas" / "newer.schema.json").write_text("{}\n")
    git(upstream, "rm", "--quiet", "examples/mappings/c3voc-spreadsheet.yml")
    (upstream / "data" / "streams.yml").write_text("# a newer seed\n")
    (upstream / "mkdocs.yml").write_text((upstream / "mkdocs.yml").read_text() + "# newer\n")
    # A page Podium adds to its own navigation reaches the organiser's site, whose nav
    # lists only their own page.
    base = upstream / "podium" / "engine" / "mkdocs_base.yml"
    base.write_text(base.read_text().replace("  - About: about.md\n", "  - About: about.md\n  - Newer: newer.md\n"))
    (upstream / "docs" / "newer.md").write_text("# Newer\n\nA page of a newer Podium.\n")
    git(upstream, "add", "-A")
    git(upstream, "commit", "--quiet", "-m", "Newer Podium")


# The upstream's HEAD, not its main: a checkout of a pull request or another branch has no main.
def test_upgrade_takes_podiums_files_and_leaves_the_organisers(repositories):
    upstream, conference = repositories
    organisers = snapshot(conference, "data", "docs/venue.md", "mkdocs.yml", "examples/seed")
    newer_podium(upstream)
    result = podium(conference, "upgrade", str(upstream), "--ref", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "1 file Podium no longer has removed" in result.stdout
    assert snapshot(conference, "data", "docs/venue.md", "mkdocs.yml", "examples/seed") == organisers
    for path in ("podium/cli.py", "docs/organisers.md", "schemas/newer.schema.json"):
        assert (conference / path).read_bytes() == (upstream / path).read_bytes(), path
    assert not (conference / "examples" / "mappings" / "c3voc-spreadsheet.yml").exists()
    # One commit, merging the newer Podium; nothing left uncommitted.
    parents = git(conference, "log", "-1", "--format=%P").split()
    assert parents[1] == git(upstream, "rev-parse", "HEAD").strip()
    assert git(conference, "status", "--porcelain") == ""
    # The organiser's programme still builds with the newer Podium, its page and Podium's new one in the nav.
    built = podium(conference, "build")
    assert built.returncode == 0, built.stderr
    home = (conference / "site" / "index.html").read_text(encoding="utf-8")
    assert home.index('href="newer/"') < home.index('href="venue/"')
    assert podium(conference, "upgrade", str(upstream), "--ref", "HEAD").stdout.startswith("Podium is up to date")


def test_upgrade_refuses_uncommitted_changes_and_changes_nothing(repositories):
    upstream, conference = repositories
    newer_podium(upstream)
    (conference / "data" / "streams.yml").write_text("# half edited\n")
    head = git(conference, "rev-parse", "HEAD")
    result = podium(conference, "upgrade", str(upstream), "--ref", "HEAD")
    assert result.returncode == 1 and "commit or stash your changes first" in result.stderr
    assert git(conference, "rev-parse", "HEAD") == head
    assert (conference / "data" / "streams.yml").read_text() == "# half edited\n"


def test_upgrade_without_an_address_names_the_remote_to_add(repositories):
    _, conference = repositories
    result = podium(conference, "upgrade")
    assert result.returncode == 1 and "git remote add podium" in result.stderr
