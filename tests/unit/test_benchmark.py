"""The benchmark works (make test runs it small; make bench runs it at scale)."""

from __future__ import annotations

import json

from benchmarks import build_speed
from benchmarks.synthetic import generate


def test_synthetic_programme_is_deterministic_and_realistic():
    files = generate(100, seed=7)
    assert files == generate(100, seed=7)
    sessions = [p for p in files if p.startswith("sessions/")]
    people = [p for p in files if p.startswith("people/")]
    assert len(sessions) == 100 and len(people) == 75
    import yaml

    abstracts = [len(yaml.safe_load(files[p])["abstract"].split()) for p in sessions]
    assert min(abstracts) >= 150 and max(abstracts) <= 300
    names = [yaml.safe_load(files[p])["name"] for p in people]
    assert any(not n.isascii() for n in names)
    assert len(yaml.safe_load(files["streams.yml"])) == 4


def test_benchmark_measures_a_small_programme(tmp_path):
    output = tmp_path / "build.json"
    rows = build_speed.main(["--sizes", "20", "--no-zensical", "--output", str(output)])
    (row,) = rows
    assert row["sessions"] == 20 and row["pages"] > 20
    assert 0 < row["podium_s"] < row["build_s"] and row["mkdocs_in_build_s"] > 0
    assert row["podium_s"] == round(row["build_s"] - row["mkdocs_in_build_s"], 2) and row["start_s"] > 0
    assert row["peak_mb"] > 10 and row["plain_mkdocs_s"] > 0
    assert json.loads(output.read_text())["rows"] == rows


def test_serve_benchmark_measures_a_small_programme(tmp_path):
    from benchmarks import serve_speed

    output = tmp_path / "serve.json"
    result = serve_speed.main(["--sessions", "20", "--edits", "2", "--output", str(output)])
    assert result["sessions"] == 20 and len(result["waits_s"]) == 2
    assert all(wait > 0 for wait in result["waits_s"]) and result["median_s"] > 0
    assert json.loads(output.read_text()) == result
