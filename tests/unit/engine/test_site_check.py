"""engine/site_check.py: the built site checked as Pages serves it, whatever the programme."""

from __future__ import annotations

import os
from pathlib import Path

from podium.engine.site_check import PAGE_BUDGET, verify

HOME = '<html><head><link rel="canonical" href="https://user.github.io/conf/"></head><body>{}</body></html>'


def site(tmp_path: Path, files: dict[str, str | bytes], home_body: str = "") -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text(HOME.format(home_body), encoding="utf-8")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return root


def test_verify_passes_links_to_files_folders_and_the_site_root(tmp_path):
    root = site(tmp_path, {
        "a/index.html": '<a href="../">home</a><a href="../b/">b</a><a href="../b/index.html#x">b</a>'
                        '<script src="../assets/x.js"></script><a href="/conf/b/">b</a>'
                        '<a href="https://user.github.io/conf/a/">me</a>',
        "b/index.html": '<img src="../assets/p%20q.png" alt=""><a href="mailto:x@example.org">m</a><a href="#top">t</a>',
        "assets/x.js": "1", "assets/p q.png": b"\x89PNG",
    }, home_body='<a href="a/">a</a>')  # fmt: skip
    report = verify(root)
    assert report.problems == []
    assert report.pages == 3 and report.links == 11  # the canonical link of the home page too


def test_verify_names_a_link_to_a_missing_page_with_its_page(tmp_path):
    root = site(tmp_path, {"a/index.html": '<a href="../missing/">x</a>'})
    assert verify(root).problems == ["site/a/index.html: ../missing/ leads to no file (site/missing/index.html)"]


def test_verify_refuses_what_is_loaded_from_another_host_but_not_a_link_to_it(tmp_path):
    root = site(tmp_path, {"a/index.html": '<a href="https://example.org/">fine</a>'
                           '<script src="https://cdn.example.org/x.js"></script>'})  # fmt: skip
    (problem,) = verify(root).problems
    assert problem.startswith("site/a/index.html: loads https://cdn.example.org/x.js from another site")


def test_verify_refuses_a_root_link_that_breaks_under_the_project_path(tmp_path):
    root = site(tmp_path, {"a/index.html": '<link rel="stylesheet" href="/assets/x.css">', "assets/x.css": ""})
    (problem,) = verify(root).problems
    assert "outside the site's address /conf/" in problem


def test_verify_refuses_a_link_out_of_the_site_folder(tmp_path):
    root = site(tmp_path, {"a/index.html": '<a href="../../../etc/passwd">x</a>'})
    (problem,) = verify(root).problems
    assert "leads" in problem and "passwd" in problem


def test_verify_checks_addresses_inside_stylesheets(tmp_path):
    root = site(tmp_path, {"assets/x.css": "a { background: url('../images/gone.svg') }"})
    assert verify(root).problems == ["site/assets/x.css: ../images/gone.svg leads to no file (site/images/gone.svg)"]


def test_verify_holds_each_page_with_what_it_loads_to_the_budget(tmp_path):
    picture = os.urandom(PAGE_BUDGET // 2)  # random bytes: gzip cannot shrink them
    root = site(tmp_path, {
        "light/index.html": '<img src="../p.png" alt="">',
        "heavy/index.html": '<img src="../p.png" alt=""><img src="../q.png" alt=""><img src="../p.png" alt="">',
        "p.png": picture, "q.png": picture,
    })  # fmt: skip
    report = verify(root)
    (problem,) = report.problems
    assert problem.startswith("site/heavy/index.html: ") and "over the budget of 250 KB" in problem
    assert report.heaviest[0] == "heavy/index.html"


def test_verify_without_a_site_address_resolves_root_links_from_the_folder(tmp_path):
    root = tmp_path / "site"
    (root / "a").mkdir(parents=True)
    (root / "index.html").write_text('<a href="/a/">a</a><a href="/b/">b</a>')
    (root / "a" / "index.html").write_text("a")
    assert verify(root).problems == ["site/index.html: /b/ leads to no file (site/b/index.html)"]


def test_verify_warns_of_an_organisers_link_that_leads_nowhere_without_failing(tmp_path):
    """`[Mici](github.com/x)` in an abstract, as real exports have it: the data's to mend."""
    root = site(tmp_path, {"a/index.html": '<p><a href="github.com/x" rel="noopener noreferrer nofollow">Mici</a></p>'})
    report = verify(root)
    assert report.problems == []
    assert report.warnings == ["site/a/index.html: github.com/x leads to no file (site/a/github.com/x)"]
