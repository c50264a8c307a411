"""engine/offline.py: sw.js, with what a phone keeps at the first visit and a version that follows the inputs."""

from __future__ import annotations

import json
import re
import shutil

from podium.engine import offline
from podium.engine.layout import Layout


def _site(root):
    files = [
        "index.html", "programme/index.html", "programme/2019-09-10/index.html", "programme/2019-09-11/index.html",
        "streams/index.html", "people/index.html", "my-programme/index.html", "offline/index.html",
        "sessions/a/index.html", "my-programme.json", "manifest.webmanifest", "icons/icon-192.png",
        "assets/javascripts/bundle.a5f9d56c.min.js", "assets/javascripts/bundle.a5f9d56c.min.js.map",
        "assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/workers/search.f8cc74c7.min.js",
        "assets/podium/starred.js", "assets/vendor/uqr/index.mjs", "assets/vendor/uqr/LICENSE",
        "assets/podium/search.js", "search/index.json", "search/t-0123456789.json", "search/d-abcdef0123.json",
        "search/w-1111111111.json", "search/s-2222222222.json", "search/r-3333333333.json", "search/x-4444444444.json",
    ]  # fmt: skip
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name)
    return root


def _project(root, data="title: x\n"):
    (root / "data").mkdir(parents=True)
    (root / "data" / "conference.yml").write_text(data)
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n")
    (root / "mkdocs.yml").write_text("nav: []\n")
    return Layout(root)


def test_the_first_visit_keeps_the_programme_its_days_my_programme_and_what_pages_load(tmp_path):
    files = offline.first_files(_site(tmp_path))
    assert files[:8] == ["", "programme/", "streams/", "people/", "my-programme/", "offline/", "programme/2019-09-10/", "programme/2019-09-11/"]
    for wanted in ["my-programme.json", "manifest.webmanifest", "icons/icon-192.png", "assets/podium/starred.js",
                   "assets/vendor/uqr/index.mjs", "assets/javascripts/bundle.a5f9d56c.min.js", "assets/podium/search.js",
                   "search/index.json"]:  # fmt: skip
        assert wanted in files


def test_the_first_visit_leaves_unvisited_pages_source_maps_unused_scripts_and_other_languages(tmp_path):
    files = offline.first_files(_site(tmp_path))
    assert "sessions/a/" not in files
    assert not [f for f in files if f.endswith((".map", "LICENSE")) or "/lunr/" in f or "/workers/" in f]
    assert not [f for f in files if f.startswith("search/") and f != "search/index.json"]


def test_the_search_index_comes_after_the_pages(tmp_path):
    # Only the words as typed: other forms, ends of words and whole texts are five times as much.
    assert offline.search_files(_site(tmp_path)) == ["search/d-abcdef0123.json", "search/t-0123456789.json"]


def test_sw_js_starts_with_the_version_and_files_then_the_worker(tmp_path):
    layout = _project(tmp_path / "project")
    site = _site(tmp_path / "site")
    offline.write(layout, site, "2019-09-01T00:00:00+00:00")
    text = (site / "sw.js").read_text()
    version = re.match(r'var VERSION = "([0-9a-f]{24})";\nvar FILES = (\{.*\});\n', text)
    assert version
    assert json.loads(version[2])["search"] == ["search/d-abcdef0123.json", "search/t-0123456789.json"]
    assert 'self.addEventListener("fetch"' in text


def test_the_version_is_the_same_for_the_same_inputs_wherever_the_project_is(tmp_path):
    first = offline.version(_project(tmp_path / "one"), "stamp")
    second = offline.version(_project(tmp_path / "elsewhere" / "two"), "stamp")
    assert first == second


def test_the_version_changes_with_the_data_the_docs_and_the_timestamp(tmp_path):
    layout = _project(tmp_path / "one")
    before = offline.version(layout, "stamp")
    assert offline.version(layout, "another stamp") != before
    (layout.docs / "about.md").write_text("# About us\n")
    after_docs = offline.version(layout, "stamp")
    assert after_docs != before
    (layout.data / "conference.yml").write_text("title: y\n")
    assert offline.version(layout, "stamp") != after_docs


def test_the_version_ignores_what_build_writes(tmp_path):
    layout = _project(tmp_path / "one")
    before = offline.version(layout, "stamp")
    (layout.root / "build").mkdir()
    (layout.root / "build" / "x").write_text("x")
    shutil.copytree(layout.docs, layout.root / "site")
    assert offline.version(layout, "stamp") == before
