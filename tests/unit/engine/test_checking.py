"""engine/checking.py: a large folder read in several processes gives what one process gives."""

from __future__ import annotations

from podium.engine import checking, forking
from tests.helpers import write_data


def test_a_large_folder_read_in_several_processes_gives_the_same_programme_and_problems(tmp_path, monkeypatch):
    files = {f"sessions/paper-{n:03d}.yml": f"title: Paper {n}\n" for n in range(checking.SHARE_ABOVE_FILES + 50)}
    shares = []
    real_in_shares = forking.in_shares
    monkeypatch.setattr(forking, "cores", lambda: 2)
    monkeypatch.setattr(forking, "in_shares", lambda items, n, work: shares.append(n) or real_in_shares(items, n, work))

    def checked_in_two_then_in_one(root):
        in_two = checking.check(root)
        with monkeypatch.context() as one_process:
            one_process.setattr(checking, "SHARE_ABOVE_FILES", 10**9)
            in_one = checking.check(root)
        return in_two, in_one

    in_two, in_one = checked_in_two_then_in_one(write_data(tmp_path / "valid", files))
    assert shares == [2, 1]  # the sessions folder, read in two processes, then in one
    assert in_two.programme is not None and in_two.programme == in_one.programme
    assert all(s.title == f"Paper {int(s.id.removeprefix('paper-'))}" for s in in_two.programme.sessions)
    files["sessions/paper-007.yml"] = "title: [unclosed\n"
    files["sessions/paper-100.yml"] = "title: P\nstream: nowhere\n"
    files["sessions/paper-201.yml"] = "nmae: typo\n"
    in_two, in_one = checked_in_two_then_in_one(write_data(tmp_path / "broken", files))
    assert in_two.problems.items == in_one.problems.items
    assert {str(p.position).split(":")[0] for p in in_two.problems.errors} == {
        "data/sessions/paper-007.yml", "data/sessions/paper-100.yml", "data/sessions/paper-201.yml",
    }  # fmt: skip
