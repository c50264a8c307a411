"""How long `build.py serve` takes from saving one session file to serving the new page.

    python -m benchmarks.serve_speed                 # N = 1,000 papers
    python -m benchmarks.serve_speed --papers 20     # what `make test` runs, to prove it works

Starts `serve` on a synthetic programme, then several times: changes one session's
title, saves, and asks for the session's page until the new title is in it. Prints
each wait and the median, and writes them as JSON to benchmarks/results/serve.json.
The wait includes everything an organiser waits for: noticing the save, checking,
regenerating what changed, and MkDocs rebuilding the changed pages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from benchmarks import save_results
from benchmarks.synthetic import write

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "serve.json"
EDITED = "paper-00005"  # a paper every synthetic programme of 5 or more papers has
GIVE_UP_AFTER = 120.0  # seconds: a preview slower than this is broken, not slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, since: float) -> float:
    """Seconds from `since` until the page at `url` contains `text`."""
    while time.perf_counter() - since < GIVE_UP_AFTER:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - since
        time.sleep(0.05)
    raise RuntimeError(f"{url} did not show {text!r} within {GIVE_UP_AFTER:.0f} s")


def measure(papers: int, folder: Path, edits: int) -> dict:
    project = write(papers, folder)
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1567296000"}
    env.pop("PODIUM_SITE_URL", None)
    command = [sys.executable, str(REPO / "build.py"), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/papers/{EDITED}/"
    source = project / "data" / "papers" / f"{EDITED}.yml"
    original = source.read_text(encoding="utf-8")
    try:
        started = time.perf_counter()
        first = wait_for(url, "<h1", started)
        waits = []
        for edit in range(1, edits + 1):
            marker = f"Edited{edit}"
            time.sleep(1.0)  # let the server settle, as between an organiser's saves
            source.write_text(original.replace("title: ", f"title: {marker} ", 1), encoding="utf-8")
            waits.append(round(wait_for(url, marker, time.perf_counter()), 2))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"papers": papers, "first_page_s": round(first, 1), "waits_s": waits, "median_s": statistics.median(waits)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        result = measure(args.papers, Path(folder), args.edits)
    save_results(args.output, result)
    print(
        f"serve, {result['papers']:,} papers: first page after {result['first_page_s']} s; "
        f"save to new page {', '.join(f'{w:.2f}' for w in result['waits_s'])} s (median {result['median_s']:.2f} s)"
    )
    return result


if __name__ == "__main__":
    main()
