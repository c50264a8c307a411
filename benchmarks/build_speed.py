"""How Podium's build scales: synthetic programmes of N papers in sessions, checked and built cold.

    python -m benchmarks.build_speed                 # N = 100, 1,000 and 5,000
    python -m benchmarks.build_speed --sizes 20      # what `make test` runs, to prove it works

For each N: wall time of `build.py check` and of a cold `build.py build`, the build's
phases (Podium's part: all but the engine, from Python's start to the site published;
the engine, MkDocs or what PODIUM_ENGINE names, in one process per core above 300
pages, while Podium makes the exports), pages written, output size and peak memory
(of all the build's processes at once, and of the largest); then, on the same
generated Markdown and mkdocs.yml, the same engine alone (`mkdocs build`) and (when
installed) `zensical build` as references.
Prints one table and writes it as JSON to benchmarks/results/build.json.
Each command runs in a fresh process through a small wrapper that reports the peak
resident memory of it and its children (resource.getrusage), so the engine, which
build.py starts as a child, is counted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import generate, write
from podium.engine import engines, staging
from podium.engine.layout import Layout
from podium.programme.check import check_project

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "build.json"
MEASURE = [
    sys.executable, "-c",
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]);"
    " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)",
]  # fmt: skip


def run(command: list[str], cwd: Path, env: dict[str, str]) -> dict:
    """Wall time, peak memory (MB) and output of one command in a fresh process.

    Two peaks: the largest single process (getrusage, reported by a wrapper), and
    the whole process tree at once, sampled from /proc every 50 ms on Linux, since a
    large build runs several processes side by side.
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen([*MEASURE, *command], cwd=cwd, env=env, stdout=output, stderr=output, text=True)
        tree_peak_kb = 0
        while process.poll() is None:
            tree_peak_kb = max(tree_peak_kb, _tree_rss_kb(process.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read()
    lines = text.strip().splitlines()
    largest_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{text[-3000:]}")
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(max(tree_peak_kb, largest_kb) / 1024),
        "largest_process_mb": round(largest_kb / 1024),
        "stderr": text,
    }


def _tree_rss_kb(root: int) -> int:
    """The memory of `root` and all its descendants now, in kB (0 where /proc is not).

    Proportional set size: a page shared by processes (a fork's copy-on-write
    memory) is split between them rather than counted once for each.
    """
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name, in parentheses, may hold spaces: the fields after it are plain.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, grew = {root}, True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in tree} - tree
        grew = bool(children)
        tree |= children
    total = 0
    for pid in tree:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += sum(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
    return total


def measure(papers: int, folder: Path, zensical: bool, weights: bool = True) -> dict:
    engine = engines.chosen()  # PODIUM_ENGINE: the build's engine, and the reference run's
    project = write(papers, folder)
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    env = {**engine.environment(), "SOURCE_DATE_EPOCH": "1567296000"}
    env.pop("PODIUM_SITE_URL", None)
    build_py = [sys.executable, str(REPO / "build.py")]
    check = run([*build_py, "check"], project, env)
    build = run([*build_py, "build", "--timings"], project, env)
    phases = _phases(build["stderr"])
    built = project / "site"
    programme = check_project(project).programme
    if programme is None:
        raise SystemExit(f"the synthetic programme of {papers} papers does not check: a mistake in benchmarks/synthetic.py")
    row = {
        "papers": papers,
        "sessions": len(programme.sessions),
        "check_s": check["seconds"],
        "build_s": build["seconds"],
        # Podium's part: all of the build but MkDocs' phase, that is Python's start and
        # the imports, checking, generating the pages, merging the MkDocs processes'
        # outputs and moving the exports in. The exports themselves are made while
        # MkDocs runs (exports_s).
        "podium_s": round(build["seconds"] - round(phases.get("engine", 0), 2), 2),
        "start_s": round(build["seconds"] - sum(v for k, v in phases.items() if k != "exports"), 2),
        "engine": engine.name,
        "engine_in_build_s": round(phases.get("engine", 0), 2),
        "exports_s": round(phases.get("exports", 0), 2),
        "publish_s": round(phases.get("publish", 0), 2),
        "pages": sum(1 for _ in built.rglob("*.html")),
        "files": sum(1 for p in built.rglob("*") if p.is_file()),
        "site_mb": round(sum(p.stat().st_size for p in built.rglob("*") if p.is_file()) / 2**20, 1),
        "peak_mb": build["peak_mb"],
        "largest_process_mb": build["largest_process_mb"],
    }
    row["podium_share"] = round(row["podium_s"] / row["build_s"], 3)
    if weights:
        row.update(_weights(built, papers))
    # `build` hands MkDocs its pages in bundles (engine/build.py); the reference engines read files.
    staging.stage_pages(Layout(project), programme)
    plain = run(engine.build_command(Path("build/mkdocs.yml"), folder / "plain"), project, env)
    row["plain_engine_s"] = plain["seconds"]
    row["zensical_s"] = _zensical(project, folder, env) if zensical else None
    return row


def _weights(site: Path, papers: int) -> dict:
    """What a phone downloads from the built site (benchmarks/page_weight.py), where Chromium is."""
    from benchmarks import page_weight
    from tests.tools import CHROMIUM_CANDIDATES

    chromium = os.environ.get("PODIUM_CHROMIUM") or next((c for c in CHROMIUM_CANDIDATES if Path(c).is_file()), None)
    if chromium is None:
        return {}
    return page_weight.measure_with_chromium(site, generate(papers), chromium)


def _phases(stderr: str) -> dict[str, float]:
    for line in stderr.splitlines():
        if line.startswith("timings: "):
            return {k: float(v) for k, v in (part.split("=") for part in line.removeprefix("timings: ").split())}
    return {}


def _zensical(project: Path, folder: Path, env: dict[str, str]) -> float | None:
    """Zensical (Material's successor) on the same generated docs, when it is installed.

    Zensical renders templates with its own engine, which does not run Podium's theme
    overrides (written for Material's Jinja templates), so it gets the same docs and
    navigation with the stock theme: a reference for the engine, not the same site.
    """
    zensical = os.environ.get("ZENSICAL") or shutil.which("zensical")
    if not zensical or not Path(zensical).exists():
        return None
    zensical = str(Path(zensical).resolve())  # the runs happen in the programme's folder
    config = {
        "site_name": "Reference",
        "docs_dir": "docs",
        "site_dir": "zensical-site",  # Zensical wants it inside the project
        "theme": {"name": "material", "font": False},
        "markdown_extensions": ["attr_list", "toc"],
        "nav": [{"Home": "index.md"}, {"Programme": "programme.md"}, {"Streams": "streams/index.md"},
                {"People": "people/index.md"}],
    }  # fmt: skip
    (project / "build" / "zensical.yml").write_text(json.dumps(config), encoding="utf-8")
    try:
        return run([zensical, "build", "-f", "build/zensical.yml"], project, env)["seconds"]
    except RuntimeError as error:
        print(f"zensical: {str(error)[-300:]}", file=sys.stderr)
        return None


def weights_table(rows: list[dict]) -> str:
    lines = [
        "| papers | paper page, cold | day page | one search: downloaded, first result | first result is the paper |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        if "paper_page_kb" in r:
            lines.append(
                f"| {r['papers']:,} | {r['paper_page_kb']} KB | {r['day_page_kb']} KB | {r['search_kb']} KB,"
                f" {r['search_s']:.2f} s | {'yes' if r['search_first_hit'] else 'no'} |"
            )
    return "\n".join(lines)


def table(rows: list[dict]) -> str:
    header = (
        "| papers (sessions) | check | build | Podium's part | engine in build (exports alongside) | pages | site "
        "| peak memory (largest process) | the engine alone | zensical build |"
    )
    lines = [header, "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        zensical = f"{r['zensical_s']:.1f} s" if r["zensical_s"] is not None else "not run"
        lines.append(
            f"| {r['papers']:,} ({r['sessions']:,}) | {r['check_s']:.2f} s | {r['build_s']:.1f} s | {r['podium_s']:.1f} s"
            f" ({r['podium_share']:.0%}) | {r['engine_in_build_s']:.1f} s ({r['exports_s']:.1f} s) | {r['pages']:,}"
            f" | {r['site_mb']} MB | {r['peak_mb']} MB ({r['largest_process_mb']} MB) | {r['plain_engine_s']:.1f} s"
            f" | {zensical} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--no-zensical", action="store_true", help="skip the Zensical reference run")
    parser.add_argument("--no-weights", action="store_true", help="skip measuring the pages in Chromium")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    rows = []
    for papers in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            rows.append(measure(papers, Path(folder), zensical=not args.no_zensical, weights=not args.no_weights))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    args.output.write_text(json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"Machine: {machine}\n")
    print(table(rows))
    print()
    print(weights_table(rows))
    return rows


if __name__ == "__main__":
    main()
