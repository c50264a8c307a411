"""`build.py serve`: the site is served, and a save shows up having remade only what it changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.serve_speed import fetch, free_port, wait_for
from tests.conftest import MULTI_DATA, REPO, TEST_SOURCE_DATE_EPOCH, make_project

SESSION = "rent-caps"


@pytest.fixture
def served(tmp_path):
    """A project of the multi fixture under `build.py serve`: (project, base address, log file)."""
    project = make_project(tmp_path / "project", MULTI_DATA)
    log = tmp_path / "serve.log"
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": TEST_SOURCE_DATE_EPOCH}
    env.pop("PODIUM_SITE_URL", None)
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, str(REPO / "build.py"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env={**env, "PYTHONUNBUFFERED": "1"}, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}/ptc2025/"  # the fixture's site is published under /ptc2025/
    try:
        wait_for(base + f"sessions/{SESSION}/", "<h1", time.perf_counter())
        yield project, base, log
    finally:
        server.terminate()
        server.wait(timeout=30)
    _assert_stopped(base)


def _assert_stopped(base: str) -> None:
    """Stopping serve stops the MkDocs it started: nothing answers on the port any more."""
    deadline = time.perf_counter() + 10
    while fetch(base) is not None and time.perf_counter() < deadline:
        time.sleep(0.1)
    assert fetch(base) is None, "MkDocs still serves after build.py serve was stopped"


def _staged_times(project: Path) -> dict[str, int]:
    docs = project / "build" / "docs"
    return {p.relative_to(docs).as_posix(): p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}


def _edit_title(project: Path, new_title: str) -> None:
    file = project / "data" / "sessions" / f"{SESSION}.yml"
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"title: {new_title}\n" if line.startswith("title:") else line for line in lines]
    file.write_text("".join(lines), encoding="utf-8")


def test_a_rebuild_does_not_set_off_another(served):
    """MkDocs reads every page as it rebuilds: reading must not count as a change (mkdocs_hooks.py)."""
    project, base, log = served
    _edit_title(project, "Rent caps, once")
    wait_for(base + f"sessions/{SESSION}/", "Rent caps, once", time.perf_counter())
    time.sleep(1)
    builds = log.read_text(encoding="utf-8").count("Building documentation")
    time.sleep(2)
    assert log.read_text(encoding="utf-8").count("Building documentation") == builds <= 3


def test_a_saved_title_is_served_and_only_the_files_showing_it_are_rewritten(served):
    project, base, _ = served
    before = _staged_times(project)
    _edit_title(project, "Rent caps, revisited")
    wait_for(base + f"sessions/{SESSION}/", "Rent caps, revisited", time.perf_counter())
    after = _staged_times(project)
    rewritten = {path for path in after if after[path] != before.get(path)}
    assert f"sessions/{SESSION}.md" in rewritten
    assert "programme/2025-03-29.md" in rewritten and "sessions.json" in rewritten  # its day's page
    untouched = {"about.md", "organisers.md", "sessions/care-workforce.md", "people/zoe-nunez.md"}
    assert untouched <= set(after) and not (untouched & rewritten), rewritten


def test_a_data_error_keeps_the_last_good_pages_and_a_fix_is_served(served):
    project, base, log = served
    file = project / "data" / "sessions" / f"{SESSION}.yml"
    good = file.read_text(encoding="utf-8")
    file.write_text(good.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    time.sleep(2)  # give serve time to notice; the last good page must stay
    page = fetch(base + f"sessions/{SESSION}/")
    assert page is not None and "Rent caps and their critics" in page and "unclosed" not in page
    _edit_title(project, "Rent caps, mended")
    wait_for(base + f"sessions/{SESSION}/", "Rent caps, mended", time.perf_counter())
    output = log.read_text(encoding="utf-8")
    assert f"data/sessions/{SESSION}.yml:2:7: error: YAML syntax" in output and "still the last good ones" in output
    assert f"Serving on {base} " in output


def test_search_finds_a_saved_title_from_an_index_outside_what_mkdocs_watches(served):
    """The preview's index is made aside in build/search/ and linked into the site served
    (mkdocs_hooks.on_post_build): MkDocs, which watches build/docs/, never rebuilds for it."""
    project, base, log = served
    assert fetch(base + "search/index.json") is not None
    _edit_title(project, "Rent caps, zebracrossing")
    wait_for(base + f"sessions/{SESSION}/", "zebracrossing", time.perf_counter())
    deadline = time.perf_counter() + 20
    while "zebracrossing" not in _served_terms(base) and time.perf_counter() < deadline:
        time.sleep(0.2)
    assert "zebracrossing" in _served_terms(base)
    assert (project / "build" / "search" / "index.json").is_file()
    assert not (project / "build" / "docs" / "search").exists()
    time.sleep(1.5)
    # The first build and the save's (which may come in two bursts, as in the test above); none for the index.
    assert log.read_text(encoding="utf-8").count("Building documentation") <= 3


def _served_terms(base: str) -> set[str]:
    manifest = json.loads(fetch(base + "search/index.json") or "{}")
    terms: set[str] = set()
    for _, hash in manifest.get("terms", []):
        terms.update(json.loads(fetch(base + f"search/t-{hash}.json") or "{}"))
    return terms
