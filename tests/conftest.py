"""Shared helpers: project folders built from fixtures, and built sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
# The seed, as a fixture of its own: data/ is the organiser's, and no test reads it.
SEED_DATA = FIXTURES / "seed" / "data"
MULTI_DATA = FIXTURES / "multi" / "data"
ASPC_DATA = FIXTURES / "aspc" / "data"
CAMP_DATA = FIXTURES / "camp" / "data"

# Real exports of other systems, for the importers (read in place, never copied here):
# beside the checkout on the development machines, or wherever PODIUM_IMPORT_SAMPLES says.
# A conference's repository has none of them, and its tests skip those that need them;
# Podium's own CI (.ci/run) names the folder, and then a missing sample fails the run.
IMPORT_SAMPLES_REQUIRED = bool(os.environ.get("PODIUM_IMPORT_SAMPLES"))
IMPORT_SAMPLES = Path(os.environ.get("PODIUM_IMPORT_SAMPLES") or REPO.parent / "shared" / "import-samples")

# 2019-09-01T00:00:00Z: any fixed value makes builds reproducible.
TEST_SOURCE_DATE_EPOCH = "1567296000"


def make_project(destination: Path, data: Path) -> Path:
    """A project folder with the repository's mkdocs.yml and docs/, and the given data/."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, destination / "data")
    shutil.copytree(REPO / "docs", destination / "docs")
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def run_build_py(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the real `build.py` in `project`, as an organiser or CI would."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": TEST_SOURCE_DATE_EPOCH}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def built_project(destination: Path, data: Path) -> Path:
    project = make_project(destination, data)
    result = run_build_py(project, "build")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory) -> Path:
    """The seed data built into a site, once per test run; the site is at `site/`."""
    return built_project(tmp_path_factory.mktemp("seed"), SEED_DATA)


@pytest.fixture(scope="session")
def aspc_project(tmp_path_factory) -> Path:
    """The ASPC-like fixture of sessions of papers built into a site, once per test run."""
    return built_project(tmp_path_factory.mktemp("aspc"), ASPC_DATA)


@pytest.fixture(scope="session")
def camp_project(tmp_path_factory) -> Path:
    """The camp-like fixture (three days, three rooms, uneven times, rooms.yml) built, once per test run."""
    return built_project(tmp_path_factory.mktemp("camp"), CAMP_DATA)


@pytest.fixture(scope="session")
def multi_project(tmp_path_factory) -> Path:
    """The multi-session fixture built into a site, once per test run."""
    return built_project(tmp_path_factory.mktemp("multi"), MULTI_DATA)


# Each shipped language's BCP 47 tag, as an organiser writes it in conference.yml.
LANGUAGE_TAGS = {"en": "en", "de": "de", "fr": "fr", "es": "es", "pt_BR": "pt-BR", "zh_Hans": "zh-Hans", "ja": "ja", "ar": "ar"}
LANGUAGES_DATA = FIXTURES / "languages" / "data"


def with_language(data: Path, destination: Path, tag: str) -> Path:
    """A copy of the data folder `data` whose conference is in the language `tag`,
    dates and times in the language's own formats."""
    shutil.copytree(data, destination)
    conference = destination / "conference.yml"
    lines = conference.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith(("language:", "date_format:", "time_format:"))]
    conference.write_text("\n".join(kept + [f"language: {tag}"]) + "\n", encoding="utf-8")
    return destination


@pytest.fixture(scope="session")
def translated_seed(tmp_path_factory):
    """The seed built with `language` set to a shipped language's tag, once per language
    and test run: `translated_seed("de")` is the project folder."""
    built: dict[str, Path] = {}

    def _project(locale: str) -> Path:
        if locale not in built:
            folder = tmp_path_factory.mktemp(f"seed-{locale}")
            data = with_language(SEED_DATA, folder / "source", LANGUAGE_TAGS[locale])
            built[locale] = built_project(folder / "project", data)
        return built[locale]

    return _project


def import_sample(name: str) -> Path:
    """The path of an import sample. Where it is absent, as in a conference's own clone, the
    test skips, even under CI=true: the samples are Podium's development material, which no
    conference repository has. Where PODIUM_IMPORT_SAMPLES names the folder (.ci/run), a
    missing sample fails the test."""
    path = IMPORT_SAMPLES / name
    if not path.is_file():
        reason = f"{path} is not here: the import samples come with Podium's development machines"
        if IMPORT_SAMPLES_REQUIRED:
            pytest.fail(f"{reason} (PODIUM_IMPORT_SAMPLES names the folder: they may not be skipped)")
        pytest.skip(reason)
    return path


@pytest.fixture
def sample():
    """import_sample, for a test."""
    return import_sample
