"""Lighthouse (mobile preset) on the session and programme pages of built sites.

    python -m benchmarks.lighthouse            # builds the seed and multi fixtures, prints the table
                                               # and writes benchmarks/results/lighthouse.json

With the import samples beside the checkout, FOSDEM 2026's busiest day is measured too.

The pages are served like GitHub Pages serves them (gzip, the site's path), by the
test server. Lighthouse's performance score varies a little from run to run on a
busy machine; each page is measured RUNS times and the median kept, as Lighthouse's
own documentation recommends.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import save_results
from benchmarks.samples import built_import
from tests.server import SiteServer
from tests.tools import CHROMIUM_ARGS, NODE_MODULES, REPO

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RESULTS = REPO / "benchmarks" / "results" / "lighthouse.json"
RUNS = 3


def run_lighthouse(url: str, chromium: str) -> dict[str, float]:
    """One Lighthouse run; the four category scores from 0 to 1."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            "node", str(NODE_MODULES / "lighthouse" / "cli" / "index.js"), url,
            "--quiet", "--output=json", f"--output-path={report}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
        ]  # fmt: skip
        env = {**os.environ, "CHROME_PATH": chromium}
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)
        if result.returncode != 0 or not report.is_file():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    return {name: data["categories"][name]["score"] for name in CATEGORIES}


def median_scores(url: str, chromium: str, runs: int = RUNS) -> dict[str, float]:
    scores = [run_lighthouse(url, chromium) for _ in range(runs)]
    return {name: statistics.median(s[name] for s in scores) for name in CATEGORIES}


def measure(sites: dict[str, tuple[Path, str | None]], pages: dict[str, str], chromium: str) -> list[dict]:
    """Scores for each site (its folder and published address) and page."""
    rows = []
    for site_name, (folder, published) in sites.items():
        server = SiteServer(folder, published)
        try:
            for page_name, path in pages.items():
                rows.append({"site": site_name, "page": page_name, **median_scores(server.url + path, chromium)})
        finally:
            server.close()
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| site | page | performance | accessibility | best practices | SEO |", "|---|---|---|---|---|---|"]
    for row in rows:
        scores = " | ".join(f"{row[c]:.2f}" for c in CATEGORIES)
        lines.append(f"| {row['site']} | {row['page']} | {scores} |")
    return "\n".join(lines)


def _large_site(folder: Path, rooms: int = 0, days: int = 6) -> Path:
    """A built synthetic programme of 1,000 papers, or (`rooms`) of 1,000 talks in that
    many rooms over `days` days."""
    import shutil

    from benchmarks import synthetic, synthetic_rooms
    from tests.conftest import run_build_py

    project = synthetic_rooms.write(1000, folder, rooms=rooms, days=days) if rooms else synthetic.write(1000, folder)
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    result = run_build_py(project, "build")
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return project / "site"


def main() -> None:
    from tests.conftest import ASPC_DATA, MULTI_DATA, SEED_DATA, built_project
    from tests.tools import chromium

    with tempfile.TemporaryDirectory() as folder:
        seed = built_project(Path(folder) / "seed", SEED_DATA)
        multi = built_project(Path(folder) / "multi", MULTI_DATA)
        aspc = built_project(Path(folder) / "aspc", ASPC_DATA)
        rows = []
        rows += measure(
            {"seed": (seed / "site", None)},
            {"session": "sessions/collective-sharing-poverty-alleviation-china/", "programme": "programme/"},
            chromium(),
        )
        rows += measure(
            {"multi": (multi / "site", "https://example.org/ptc2025/")},
            {"session": "sessions/housing-first/", "programme": "programme/"},
            chromium(),
        )
        aspc_pages = {
            "session of papers": "sessions/minimum-incomes/",
            "paper": "papers/dibao-rural-urban-gap/",
            "programme": "programme/",
        }
        rows += measure({"aspc": (aspc / "site", None)}, aspc_pages, chromium())
        large = _large_site(Path(folder) / "large")
        day = sorted(p.parent.name for p in (large / "programme").glob("*/index.html"))[0]
        rows += measure({"1,000 papers": (large, None)}, {"paper": "papers/paper-00500/", "day": f"programme/{day}/"}, chromium())
        talks = _large_site(Path(folder) / "rooms", rooms=8)
        rows += measure({"1,000 talks, 8 rooms": (talks, None)}, {"day": "programme/2026-08-07/"}, chromium())
        congress = _large_site(Path(folder) / "congress", rooms=73, days=4)
        rows += measure({"1,000 talks, 73 rooms": (congress, None)}, {"busiest day": "programme/2026-08-05/"}, chromium())
        fosdem = built_import("fosdem-2026.xml", Path(folder) / "fosdem")
        if fosdem is not None:
            rows += measure({"FOSDEM 2026, imported": (fosdem, None)}, {"Saturday": "programme/2026-01-31/"}, chromium())
    save_results(RESULTS, rows)
    print(table(rows))
    print(f"\nwritten to {RESULTS.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
