"""The benchmark works (make test runs it small; make bench runs it at scale)."""

from __future__ import annotations

import json

from benchmarks import build_speed
from benchmarks.synthetic import generate


def test_synthetic_programme_is_deterministic_and_realistic():
    import yaml

    files = generate(100, seed=7)
    assert files == generate(100, seed=7)
    papers = [p for p in files if p.startswith("papers/")]
    people = [p for p in files if p.startswith("people/")]
    assert len(papers) == 100 and len(people) == 75
    sessions = [yaml.safe_load(text) for p, text in files.items() if p.startswith("sessions/")]
    of_papers = [s for s in sessions if "papers" in s]
    assert all(3 <= len(s["papers"]) <= 5 for s in of_papers[:-1]) and sum(len(s["papers"]) for s in of_papers) == 100
    assert all(s["people"][0]["role"] == "Chair" for s in of_papers)
    kinds = [s.get("kind") for s in sessions]
    assert kinds.count("keynote") == 3 and kinds.count("break") == 9
    abstracts = [len(yaml.safe_load(files[p])["abstract"].split()) for p in papers]
    assert min(abstracts) >= 150 and max(abstracts) <= 300
    names = [yaml.safe_load(files[p])["name"] for p in people]
    assert any(not n.isascii() for n in names)
    assert len(yaml.safe_load(files["streams.yml"])) == 4


def test_benchmark_measures_a_small_programme(tmp_path):
    output = tmp_path / "build.json"
    rows = build_speed.main(["--sizes", "20", "--no-zensical", "--no-weights", "--output", str(output)])
    (row,) = rows
    assert row["papers"] == 20 and row["sessions"] > 5 and row["pages"] > 20
    assert 0 < row["podium_s"] < row["build_s"] and row["engine_in_build_s"] > 0
    assert row["podium_s"] == round(row["build_s"] - row["engine_in_build_s"], 2) and row["start_s"] > 0
    assert row["peak_mb"] > 10 and row["plain_engine_s"] > 0
    assert json.loads(output.read_text())["rows"] == rows


def test_import_benchmark_imports_a_small_schedule_twice(tmp_path):
    from benchmarks import import_speed

    output = tmp_path / "import.json"
    result = import_speed.main(["--sessions", "20", "--output", str(output)])
    assert result["sessions"] == 20 and result["files"] > 20
    assert result["first_s"] > 0 and result["again_s"] > 0
    assert json.loads(output.read_text()) == result


def test_serve_benchmark_measures_a_small_programme(tmp_path):
    from benchmarks import serve_speed

    output = tmp_path / "serve.json"
    result = serve_speed.main(["--papers", "20", "--edits", "2", "--output", str(output)])
    assert result["papers"] == 20 and len(result["waits_s"]) == 2
    assert all(wait > 0 for wait in result["waits_s"]) and result["median_s"] > 0
    assert json.loads(output.read_text()) == result


def test_the_history_benchmark_reads_every_publication_and_its_changes(tmp_path):
    from benchmarks import history_speed

    row = history_speed.main(["--sessions", "20", "--publications", "5", "--output", str(tmp_path / "history.json")])
    assert row["publications"] == 5 and row["changes"] >= 4 * history_speed.CHANGES_PER_PUBLICATION - 4
    assert json.loads((tmp_path / "history.json").read_text()) == row

