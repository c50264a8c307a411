"""Several MkDocs processes (mkdocs_shards.py) build the same site as one, and pages
handed to MkDocs in bundles (mkdocs_hooks.on_files) the same site as pages in files."""

from __future__ import annotations

import subprocess

import pytest

from podium.engine import build, engines, staging
from podium.engine.layout import BuildError, Layout
from podium.programme.check import check_project
from tests.conftest import MULTI_DATA, TEST_SOURCE_DATE_EPOCH, make_project
from tests.site.test_build import tree_digest


def _build(project, processes: int) -> dict[str, str]:
    layout = Layout(project)
    build.build(layout, check_project(project).programme, processes=processes)
    assert not list(layout.work.glob("site.shard*")), "merged shard folders are removed"
    return tree_digest(layout.site)


@pytest.mark.parametrize("processes", [2, 3])
def test_shared_out_build_equals_one_process_build(tmp_path, monkeypatch, processes):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEST_SOURCE_DATE_EPOCH)
    monkeypatch.delenv("PODIUM_SITE_URL", raising=False)
    one = make_project(tmp_path / "one", MULTI_DATA)
    many = make_project(tmp_path / "many", MULTI_DATA)
    single, shared = _build(one, 1), _build(many, processes)
    assert single.keys() == shared.keys() and len(single) > 50
    assert {p for p in single if single[p] != shared[p]} == set()
    assert any(p.startswith("search/t-") for p in single), "the search index is part of the site"


def test_a_failing_shard_fails_the_build_and_keeps_the_site(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEST_SOURCE_DATE_EPOCH)
    project = make_project(tmp_path / "p", MULTI_DATA)
    _build(project, 1)
    before = tree_digest(project / "site")
    # A link to a page that does not exist: MkDocs --strict fails in whichever process renders it.
    (project / "docs" / "organisers.md").write_text("# For organisers\n\n[gone](missing.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match="missing.md"):
        build.build(Layout(project), check_project(project).programme, processes=2)
    assert tree_digest(project / "site") == before


def test_a_problem_found_in_a_forked_process_is_reported_as_usual(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEST_SOURCE_DATE_EPOCH)
    project = make_project(tmp_path / "p", MULTI_DATA)
    (project / "docs" / "sessions").mkdir()
    (project / "docs" / "sessions" / "rent-caps.md").write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(BuildError, match="docs/sessions/rent-caps.md has the same path as a generated page"):
        build.build(Layout(project), check_project(project).programme, processes=2)
    assert not (project / "site").exists()


def test_pages_in_bundles_build_the_site_pages_in_files_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEST_SOURCE_DATE_EPOCH)
    monkeypatch.delenv("PODIUM_SITE_URL", raising=False)
    project = make_project(tmp_path / "p", MULTI_DATA)
    layout = Layout(project)
    programme = check_project(project).programme
    from_bundles = _build(project, 1)
    assert list(layout.page_bundles.glob("*.marshal")), "the build handed its pages over in bundles"
    assert not (layout.staged_docs / "sessions").exists(), "and wrote none as files"
    staging.stage_pages(layout, programme)
    files = tmp_path / "from-files"
    engine = engines.chosen()
    subprocess.run(engine.build_command(layout.config, files), cwd=project, env=engine.environment(), check=True, capture_output=True)
    assert tree_digest(files) == {path: digest for path, digest in from_bundles.items() if not _is_export(path)}


def _is_export(path: str) -> bool:
    """Calendars, schedule data, the search index, the web app's icons and manifest and the
    service worker: `build` adds them to MkDocs' output itself."""
    if path in ("sw.js", "manifest.webmanifest") or path.startswith(("search/", "icons/")):
        return True
    return path.endswith((".ics", ".xml", ".json", ".bib")) and path != "sitemap.xml"
