"""What an attendee's phone downloads from a built site, measured in Chromium as GitHub Pages serves it (gzip).

    python -m benchmarks.page_weight --papers 1000     # build a synthetic programme and measure it

For a site: a paper page, cold, before any search; a day page of the programme; then
one search for a word of the paper's title (one no other title has): what it
downloads, how long until the first result shows, and whether that is the paper.
And what the service worker saves for offline use after a first visit (sw.js's
FILES), gzipped as served: the pages and files kept at once, then the search index.
`benchmarks.build_speed` measures every site it builds with this.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.server import SiteServer  # noqa: E402
from tests.tools import CHROMIUM_ARGS  # noqa: E402

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}


def measure_with_chromium(site: Path, files: dict[str, str], chromium: str) -> dict:
    """`measure` in a Chromium of its own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            return measure(site, files, browser)
        finally:
            browser.close()


def measure(site: Path, files: dict[str, str], browser) -> dict:
    """{paper_page_kb, day_page_kb, search_kb, search_s, search_first_hit} for the built `site`."""
    paper, word = _paper_and_word(files)
    day = sorted(p.parent.name for p in (site / "programme").glob("*/index.html"))
    day_path = f"programme/{day[len(day) // 2]}/" if day else "programme/"
    server = SiteServer(site)
    try:
        paper_kb, page, finished = _cold(browser, server.url + f"papers/{paper}/")
        day_kb, _, _ = _cold(browser, server.url + day_path)
        search_kb, seconds, first = _search(page, finished, word)
    finally:
        server.close()
    return {
        "paper_page_kb": round(paper_kb, 1),
        "day_page_kb": round(day_kb, 1),
        "search_kb": round(search_kb, 1),
        "search_s": round(seconds, 2),
        "search_first_hit": first == f"papers/{paper}/",
        **_offline_kb(site),
    }


def _offline_kb(site: Path) -> dict:
    """{offline_first_kb, offline_search_kb}: sw.js's FILES, each gzipped as a server sends it."""
    head = (site / "sw.js").read_text(encoding="utf-8").split("\n")[1]
    files = json.loads(head.removeprefix("var FILES = ").removesuffix(";"))

    def size(path: str) -> int:
        file = site / path / "index.html" if path.endswith("/") or not path else site / path
        return len(gzip.compress(file.read_bytes(), mtime=0))

    return {f"offline_{part}_kb": round(sum(size(path) for path in paths) / 1024, 1) for part, paths in files.items()}


def _paper_and_word(files: dict[str, str]) -> tuple[str, str]:
    titles = {
        p.split("/")[1].removesuffix(".yml"): yaml.safe_load(t)["title"] for p, t in files.items() if p.startswith("papers/")
    }
    counts: dict[str, int] = {}
    for title in titles.values():
        for word in set(title.casefold().split()):
            counts[word] = counts.get(word, 0) + 1
    paper = sorted(titles)[len(titles) // 2]
    return paper, min(sorted(set(titles[paper].casefold().split())), key=lambda w: counts[w])


def _cold(browser, url: str):
    # Without the service worker, which would fetch the search index in the background
    # and answer the search from its cache: what it saves is `_offline_kb`.
    context = browser.new_context(**PHONE, service_workers="block")
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    return _kb(finished), page, finished


def _search(page, finished: list, word: str) -> tuple[float, float, str]:
    """(KB the search downloaded, seconds to its first result, that result's page)."""
    before = _kb(finished)
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("[data-podium-search-input]")
    started = time.perf_counter()
    box.fill(word)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=30_000)
    seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    href = first.get_attribute("href") or ""  # the page's path from the site's root: /papers/x/
    return _kb(finished) - before, seconds, href.lstrip("/")


def _kb(finished) -> float:
    return sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished) / 1024


def main(argv: list[str] | None = None) -> dict:
    from benchmarks.synthetic import generate, write
    from tests.conftest import run_build_py
    from tests.tools import chromium

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=1000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        project = write(args.papers, Path(folder))
        shutil.copytree(REPO / "docs", project / "docs")
        shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
        result = run_build_py(project, "build")
        if result.returncode != 0:
            raise RuntimeError(result.stderr[-2000:])
        figures = measure_with_chromium(project / "site", generate(args.papers), chromium())
    print(json.dumps({"papers": args.papers, **figures}))
    return figures


if __name__ == "__main__":
    main()
