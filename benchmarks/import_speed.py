"""How long `build.py import` takes on a large c3voc schedule.json, first and again.

    python -m benchmarks.import_speed                 # N = 1,000 sessions
    python -m benchmarks.import_speed --sessions 20   # what `make test` runs, to prove it works

The schedule is generated like pretalx writes one (classic shape, persons with bios
inside events, 4 days, 16 rooms), from the synthetic programme's vocabulary. Times are
wall times of the whole command, in a fresh process; writes results/import.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from benchmarks import save_results
from benchmarks.synthetic import _people, _text, _words

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "import.json"


def schedule(sessions: int, seed: int = 2019) -> dict:
    """A c3voc schedule.json of `sessions` events, as pretalx exports one."""
    rng = random.Random(seed)
    people = list(_people(rng, max(2, sessions * 3 // 4)).values())
    rooms = [f"Room {i + 1}" for i in range(16)]
    days: list[dict[str, Any]] = []
    for day_index in range(4):
        date = dt.date(2026, 8, 10) + dt.timedelta(days=day_index)
        days.append({"index": day_index + 1, "date": date.isoformat(), "rooms": {room: [] for room in rooms}})
    for number in range(sessions):
        day = days[number % 4]
        room = rooms[(number // 4) % 16]
        slot = number // 64
        start = dt.datetime.combine(dt.date.fromisoformat(day["date"]), dt.time(9)) + dt.timedelta(minutes=45 * slot)
        speakers = rng.sample(people, 1 if rng.random() < 0.7 else 2)
        day["rooms"][room].append({
            "id": 1000 + number,
            "guid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "date": start.isoformat() + "+02:00",
            "start": f"{start:%H:%M}",
            "duration": "00:40",
            "room": room,
            "title": _words(rng, rng.randint(4, 10)).capitalize(),
            "subtitle": "",
            "track": f"Track {number % 6 + 1}",
            "type": rng.choice(["Talk", "Talk", "Workshop", "Panel"]),
            "language": "en",
            "abstract": _text(rng, rng.randint(40, 80)),
            "description": _text(rng, rng.randint(100, 250)),
            "persons": [{"id": people.index(p) + 1, "public_name": p["name"], "biography": p["bio"]} for p in speakers],
            "links": [],
            "attachments": [],
        })  # fmt: skip
    conference = {"acronym": "bench26", "title": "Benchmark Camp 2026", "start": "2026-08-10", "end": "2026-08-13",
                  "daysCount": 4, "time_zone_name": "Europe/Berlin", "days": days}  # fmt: skip
    return {"schedule": {"version": "1", "conference": conference}}


def measure(sessions: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        source = project / "schedule.json"
        source.write_text(json.dumps(schedule(sessions)), encoding="utf-8")
        command = [sys.executable, str(REPO / "build.py"), "import", str(source)]
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1567296000"}
        timings = []
        for _ in range(2):  # first into an empty project, then again: nothing to write
            started = time.perf_counter()
            result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
            timings.append(round(time.perf_counter() - started, 2))
            if result.returncode != 0:
                raise RuntimeError(result.stderr[-2000:])
        files = sum(1 for p in (project / "data").rglob("*.yml"))
    return {"sessions": sessions, "first_s": timings[0], "again_s": timings[1], "files": files}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    result = measure(args.sessions)
    save_results(args.output, result)
    print(
        f"import, {result['sessions']:,} sessions: first {result['first_s']} s ({result['files']:,} files written,"
        f" then checked); again {result['again_s']} s (nothing to write)"
    )
    return result


if __name__ == "__main__":
    main()
