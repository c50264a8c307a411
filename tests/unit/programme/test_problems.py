"""programme/problems.py: problems as GitHub annotations, and in the order they are reported."""

from __future__ import annotations

from podium.programme.problems import Position, Problem, Problems


def test_annotation_escapes_a_file_name_that_would_start_another_command():
    """A data file named with a newline and `::stop-commands::` stays one annotation."""
    name = "data/sessions/x\n::stop-commands::token\n::warning file=README.md,line=1::forged.yml"
    line = Problem(Position(name, 2, 3), "error", "bad: 100%\nnext").as_annotation()
    assert "\n" not in line and line.count("::") == 2
    assert line == (
        "::error file=data/sessions/x%0A%3A%3Astop-commands%3A%3Atoken%0A%3A%3Awarning file=README.md%2Cline=1%3A%3A"
        "forged.yml,line=2,col=3::bad: 100%25%0Anext"
    )


def test_a_file_that_could_not_be_read_is_reported_first():
    problems = Problems()
    problems.error(Position("data/papers/a.yml", 1, 1), "unknown person 'x'")
    problems.error(Position("data/sessions/z.yml", 2, 1), "YAML syntax: ...")
    problems.unreadable.add("data/sessions/z.yml")
    assert [p.position.path for p in problems.sorted()] == ["data/sessions/z.yml", "data/papers/a.yml"]
