"""How long reading the programme's history takes: N publications of a programme of S sessions.

    python -m benchmarks.history_speed                                  # 200 publications, 1,000 sessions
    python -m benchmarks.history_speed --publications 5 --sessions 20   # what `make test` runs

Makes a git repository whose first commit holds S talks (each with a date, times, a
room and a speaker) and whose next N - 1 commits each move, re-room, retitle or
cancel a few of them, as a programme changes in its last weeks; then times
`history.read` (every publication compared with the one before, in a fresh process,
as `build` does it). Writes results/history.json.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import save_results

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "history.json"
GIT = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false"]
CHANGES_PER_PUBLICATION = 5


def make_repository(root: Path, sessions: int, publications: int, seed: int = 29) -> None:
    rng = random.Random(seed)
    folder = root / "data" / "sessions"
    folder.mkdir(parents=True)
    (root / "data" / "people").mkdir()
    for n in range(sessions // 2 + 1):
        (root / "data" / "people" / f"person-{n:04d}.yml").write_text(f"name: Person {n}\n", encoding="utf-8")
    talks = {n: _talk(n, rng) for n in range(sessions)}
    for n, talk in talks.items():
        _write(folder, n, talk)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    _commit(root, 0)
    for publication in range(1, publications):
        for n in rng.sample(range(sessions), min(CHANGES_PER_PUBLICATION, sessions)):
            change = rng.choice(("start", "room", "title", "status"))
            if change == "start":
                talks[n]["start"] = f"{rng.randint(9, 17):02d}:{rng.choice(('00', '30'))}"
            elif change == "room":
                talks[n]["room"] = f"Room {rng.randint(1, 16)}"
            elif change == "title":
                talks[n]["title"] += " (revised)"
            else:
                talks[n]["status"] = "cancelled"
            _write(folder, n, talks[n])
        _commit(root, publication)


def _talk(n: int, rng: random.Random) -> dict:
    return {
        "title": f"Talk {n}",
        "date": f"2026-08-{10 + n % 4}",
        "start": f"{rng.randint(9, 17):02d}:00",
        "duration": "45",
        "room": f"Room {rng.randint(1, 16)}",
        "person": f"person-{n // 2:04d}",
    }


def _write(folder: Path, n: int, talk: dict) -> None:
    lines = [f"{key}: {value}" for key, value in talk.items() if key != "person"]
    lines += ["people:", f"  - person: {talk['person']}", ""]
    (folder / f"talk-{n:04d}.yml").write_text("\n".join(lines), encoding="utf-8")


def _commit(root: Path, publication: int) -> None:
    when = f"@{1_780_000_000 + publication * 3600} +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True, env=env)
    subprocess.run([*GIT, "commit", "-q", "-m", f"Publication {publication}"], cwd=root, check=True, env=env)


READ = """
import sys, time
started = time.perf_counter()
from podium.history import read
history = read(__import__("pathlib").Path(sys.argv[1]))
print(time.perf_counter() - started, len(history.publications), sum(len(p.changes) for p in history.publications))
"""


def measure(sessions: int, publications: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "conference"
        root.mkdir()
        make_repository(root, sessions, publications)
        done = subprocess.run([sys.executable, "-c", READ, str(root)], cwd=REPO, capture_output=True, text=True, check=True)
        seconds, read, changes = done.stdout.split()
        return {"sessions": sessions, "publications": int(read), "changes": int(changes), "read_s": round(float(seconds), 2)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--publications", type=int, default=200)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    row = measure(args.sessions, args.publications)
    print(
        f"History, {row['publications']} publications of {row['sessions']:,} sessions ({row['changes']} changes):"
        f" read in {row['read_s']} s (the repository made in {time.perf_counter() - started - row['read_s']:.0f} s)"
    )
    save_results(args.output, row)
    return row


if __name__ == "__main__":
    main()
