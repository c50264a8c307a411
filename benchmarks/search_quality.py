"""How well search finds what attendees type: Podium's search and Pagefind on the same
built site of a real programme, with queries written before any engine ran.

    python -m benchmarks.search_quality      # prints the table, writes benchmarks/results/search_quality.json

The queries are benchmarks/queries/<programme>.yml ({kind, query, expected}); the
programme, the import sample of the same name (FOSDEM 2026's schedule.xml), imported as
it is. Each query is typed into a fresh phone-sized page with an empty cache, as an
attendee's first search; counted: the expected page first, results for words found
nowhere (there should be none), the query's words in the first result's title or
excerpt for words of an abstract, and the bytes the search downloaded (gzipped, as GitHub Pages
serves them). Pagefind (`pagefind` from PyPI, indexing the same pages) is asked through
its own JavaScript API for the results its default interface shows first (five, with
their excerpts).
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from benchmarks import save_results
from benchmarks.samples import built_import
from tests.server import SiteServer
from tests.tools import CHROMIUM_ARGS, REPO

QUERIES = REPO / "benchmarks" / "queries"
RESULTS = REPO / "benchmarks" / "results" / "search_quality.json"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}
_WAIT_PODIUM = "document.querySelector('[data-podium-search-results]').getAttribute('aria-busy') === 'false'"
_PAGEFIND = """async (query) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", window.podium.root).href);
  const search = await pagefind.search(query);
  const shown = await Promise.all(search.results.slice(0, 5).map(result => result.data()));
  return {count: search.results.length, shown: shown.map(data => [data.url, (data.meta.title || "") + " · " + data.excerpt])};
}"""


def podium(page, query: str) -> tuple[list[str], str]:
    """(the pages Podium's search lists, the first one's title and excerpt)."""
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("[data-podium-search-input]")
    box.fill(query)
    page.wait_for_function(_WAIT_PODIUM, timeout=30_000)
    page.wait_for_load_state("networkidle")
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))")
    shown = page.eval_on_selector_all(
        ".md-search-result__item article",
        "articles => articles.map(a => a.querySelector('h2').innerText + ' · '"
        " + ((a.querySelector('p:not(.podium-search-meta)') || {}).innerText || ''))",
    )
    return [link.lstrip("/") for link in links], shown[0] if shown else ""


def pagefind(page, query: str) -> tuple[list[str], str]:
    """(the pages Pagefind finds, the first one's title and excerpt)."""
    found = page.evaluate(_PAGEFIND, query)
    pages = [re.sub(r"^(https?://[^/]+)?/|index\.html$", "", url) for url, _ in found["shown"]]
    pages += ["…"] * (found["count"] - len(pages))  # found, not shown: counted, never compared
    return pages, re.sub("<[^>]+>", "", found["shown"][0][1]) if found["shown"] else ""


def run(site: Path, queries: list[dict], browser) -> dict:
    """{engine: {"rows": [...], figures...}} for `queries` on `site`."""
    server = SiteServer(site)
    report = {}
    try:
        for name, ask in (("podium", podium), ("pagefind", pagefind)):
            rows = []
            for item in queries:
                context = browser.new_context(**PHONE, service_workers="block")
                page = context.new_page()
                finished: list = []
                page.goto(server.url + "about/", wait_until="networkidle")
                page.on("requestfinished", lambda request, finished=finished: finished.append(request))
                pages, excerpt = ask(page, item["query"])
                kb = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished) / 1024
                context.close()
                rows.append(
                    {**item, "first": pages[0] if pages else None, "count": len(pages), "excerpt": excerpt, "kb": round(kb, 1)}
                )
            report[name] = {"rows": rows, **_figures(rows)}
    finally:
        server.close()
    return report


def _figures(rows: list[dict]) -> dict:
    def words_shown(row) -> bool:
        return all(word.casefold() in row["excerpt"].casefold() for word in row["query"].split())

    expected = [row for row in rows if row["expected"]]
    return {
        "expected_first": sum(row["first"] == row["expected"] for row in expected),
        "queries_with_a_page": len(expected),
        "by_kind": {
            kind: f"{sum(r['first'] == r['expected'] for r in expected if r['kind'] == kind)} of {sum(r['kind'] == kind for r in expected)}"
            for kind in dict.fromkeys(row["kind"] for row in expected)
        },
        "found_for_words_found_nowhere": sum(row["count"] for row in rows if not row["expected"]),
        "abstract_words_in_first_title_or_excerpt": f"{sum(words_shown(r) for r in expected if r['kind'] == 'abstract')} of "
        f"{sum(r['kind'] == 'abstract' for r in expected)}",
        "median_first_search_kb": round(statistics.median(row["kb"] for row in rows), 1),
    }


def pagefind_index(site: Path) -> None:
    """Pagefind's index of the built `site`, in site/pagefind/ (what `pagefind --site` makes)."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stdout[-2000:] + result.stderr[-2000:])


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tests.tools import chromium

    report = {}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        for file in sorted(QUERIES.glob("*.yml")):
            site = built_import(f"{file.stem}.xml", Path(folder) / file.stem)
            if site is None:
                print(f"{file.stem}: its import sample is not here; skipped", file=sys.stderr)
                continue
            pagefind_index(site)
            report[file.stem] = run(site, yaml.safe_load(file.read_text(encoding="utf-8")), browser)
        browser.close()
    save_results(RESULTS, report)
    for programme, engines in report.items():
        print(f"{programme}:")
        for engine, result in engines.items():
            print(f"  {engine}: " + ", ".join(f"{key} {value}" for key, value in result.items() if key != "rows"))
    print(f"\nwritten to {RESULTS.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
