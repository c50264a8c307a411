"""history/: each publication of data/ compared with the one before, from git."""

from __future__ import annotations

import subprocess

from podium.history import read
from podium.programme.changes import When

GIT = ["git", "-c", "user.name=O", "-c", "user.email=o@example.org", "-c", "commit.gpgsign=false"]


def _repository(path, files: dict[str, str]):
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=path, check=True)
    _publish(path, files)
    return path


def _publish(path, files: dict[str, str | None]) -> None:
    for name, text in files.items():
        target = path / "data" / name
        if text is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    subprocess.run([*GIT, "add", "-A"], cwd=path, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "publish"], cwd=path, check=True)


def test_a_papers_time_follows_its_session_and_a_duration_gives_the_end(tmp_path):
    root = _repository(tmp_path / "c", {
        "sessions/s.yml": "title: S\ndate: 2025-03-29\nstart: 10:00\nduration: 1:30\npapers: [p]\n",
        "papers/p.yml": "title: P\n",
    })  # fmt: skip
    _publish(root, {"sessions/s.yml": "title: S\ndate: 2025-03-30\nstart: 9:00\nduration: 90\npapers: [p]\n"})
    (latest, baseline) = read(root).publications
    assert baseline.changes == ()
    moved = {c.item: (c.old, c.new) for c in latest.changes if c.kind == "moved"}
    old, new = When("2025-03-29", "10:00", "11:30"), When("2025-03-30", "9:00", "10:30")
    assert moved == {"session": (old, new), "paper": (old, new)}


def test_added_removed_retitled_and_presenters_by_name(tmp_path):
    root = _repository(tmp_path / "c", {
        "people/a.yml": "name: Ana Silva\n", "people/b.yml": "name: Jin Park\n",
        "sessions/x.yml": "title: X\npeople:\n  - person: a\n",
        "sessions/y.yml": "title: Y\n",
    })  # fmt: skip
    _publish(root, {
        "sessions/x.yml": "title: X, revised\npeople:\n  - person: b\n",
        "sessions/y.yml": None,
        "sessions/z.yml": "title: Z\n",
    })  # fmt: skip
    changes = {(c.kind, c.id): (c.old, c.new) for c in read(root).publications[0].changes}
    assert changes == {
        ("added", "z"): (None, When()),
        ("retitled", "x"): ("X", "X, revised"),
        ("presenters", "x"): (("Ana Silva",), ("Jin Park",)),
        ("removed", "y"): (When(), None),
    }


def test_a_file_broken_in_one_publication_counts_as_absent_from_it(tmp_path):
    root = _repository(tmp_path / "c", {"sessions/x.yml": "title: X\n"})
    _publish(root, {"sessions/x.yml": "title: [unclosed\n"})
    assert [c.kind for c in read(root).publications[0].changes] == ["removed"]


def test_a_project_in_a_folder_of_another_repository_has_no_history(tmp_path):
    outer = _repository(tmp_path / "outer", {"sessions/x.yml": "title: X\n"})
    inner = outer / "conference"
    (inner / "data" / "sessions").mkdir(parents=True)
    (inner / "data" / "sessions" / "y.yml").write_text("title: Y\n", encoding="utf-8")
    subprocess.run([*GIT, "add", "-A"], cwd=outer, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "inner"], cwd=outer, check=True)
    assert read(inner).publications == ()


def test_no_git_no_history(tmp_path):
    (tmp_path / "data").mkdir()
    history = read(tmp_path)
    assert history.publications == () and history.version is None and history.sequence("session", "x") == 0


def test_only_the_latest_publications_are_read(tmp_path):
    root = _repository(tmp_path / "c", {"sessions/x.yml": "title: X0\n"})
    for n in range(1, 5):
        _publish(root, {"sessions/x.yml": f"title: X{n}\n"})
    history = read(root, limit=3)
    assert len(history.publications) == 3 and history.publications[-1].changes == ()  # the oldest read is the baseline
    assert [c.new for p in history.publications for c in p.changes] == ["X4", "X3"]
