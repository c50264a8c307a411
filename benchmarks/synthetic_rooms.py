"""A synthetic programme of talks in parallel rooms, as camps and multi-track events run them.

    python -m benchmarks.synthetic_rooms 1000 /tmp/rooms      # writes /tmp/rooms/data/...
    python -m benchmarks.synthetic_rooms 1000 /tmp/congress 73 4   # 73 rooms, 4 days

N sessions over 6 days in 8 rooms (`data/rooms.yml`), or as many as asked, each room running talks of 15
to 30 minutes from about 09:00 with 5 or 10 minutes between them, starting at uneven
times, so that no two rooms keep step; a lunch for everyone each day. A stream a room,
the first four with colours; one or two speakers a talk, never in two rooms at once.
Deterministic from a seed. For the timetable's budgets: a day page of a 1,000-session
programme in 8 rooms (issue 14), and the busiest day of one in 73 rooms, a CCC
congress's size (issue 28).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from benchmarks.synthetic import _dump, _people, _text, _words, write_files

DAYS = [dt.date(2026, 8, 5) + dt.timedelta(days=i) for i in range(6)]
ROOMS = 8
STREAMS = [
    ("hardware", "#e65100"),
    ("society", "#1976d2"),
    ("software", "#2e7d32"),
    ("art", "#00838f"),
    ("science", None),
    ("music", None),
    ("food", None),
    ("games", None),
]
LUNCH = (dt.time(12, 30), dt.time(13, 30))


def generate(sessions: int, seed: int = 2026, rooms: int = ROOMS, days: int = len(DAYS)) -> dict[str, str]:
    """The files of a programme of `sessions` sessions in `rooms` rooms over the first
    `days` days: {path under data/: YAML text}."""
    rng = random.Random(seed)
    files: dict[str, str] = {}
    files["conference.yml"] = _dump({
        "name": f"Synthetic Camp ({sessions} sessions)", "short_name": "SynCamp", "timezone": "Europe/Berlin",
        "language": "en-GB",
    })  # fmt: skip
    files["streams.yml"] = _dump([{"id": s, "name": s.capitalize(), **({"colour": c} if c else {})} for s, c in STREAMS])
    files["rooms.yml"] = _dump([
        {"id": f"room-{i + 1}", "name": f"Hall {chr(65 + i) if rooms <= 26 else i + 1}", "capacity": str(max(400 - 40 * i, 20))}
        for i in range(rooms)
    ])  # fmt: skip
    people = _people(rng, max(2, sessions // 3))
    for person_id, person in people.items():
        files[f"people/{person_id}.yml"] = _dump(person)
    person_ids = list(people)
    for day in DAYS[:days]:
        files[f"sessions/lunch-{day.isoformat()}.yml"] = _dump({
            "title": "Lunch", "kind": "break", "date": day.isoformat(), "start": "12:30", "end": "13:30",
        })  # fmt: skip
    per_room_day = -(-sessions // (days * rooms))
    busy: list[tuple[dt.datetime, dt.datetime, str]] = []
    number = 0
    for day in DAYS[:days]:
        for room in range(rooms):
            clock = dt.datetime.combine(day, dt.time(9, 0)) + dt.timedelta(minutes=5 * rng.randint(0, 6))
            for _ in range(per_room_day):
                if number >= sessions:
                    break
                length = dt.timedelta(minutes=rng.choice([15, 20, 25, 30]))
                if clock.time() < LUNCH[1] and (clock + length).time() > LUNCH[0]:
                    clock = dt.datetime.combine(day, LUNCH[1]) + dt.timedelta(minutes=5 * rng.randint(0, 3))
                start, end = clock, clock + length
                number += 1
                speakers = [p for p in rng.sample(person_ids, 3) if not _away(busy, p, start, end)][: rng.randint(1, 2)]
                busy += [(start, end, p) for p in speakers]
                stream, _ = STREAMS[room % len(STREAMS)]
                files[f"sessions/talk-{number:05d}.yml"] = _dump({
                    "title": _words(rng, rng.randint(3, 8)).capitalize(),
                    "stream": stream,
                    "date": day.isoformat(),
                    "start": start.strftime("%H:%M"),
                    "end": end.strftime("%H:%M"),
                    "room": f"room-{room + 1}",
                    "abstract": _text(rng, rng.randint(40, 120)),
                    "people": [{"person": p, "role": "Speaker"} for p in speakers],
                })  # fmt: skip
                clock = end + dt.timedelta(minutes=rng.choice([5, 10]))
    return files


def _away(busy: list, person: str, start: dt.datetime, end: dt.datetime) -> bool:
    return any(who == person and s < end and start < e for s, e, who in busy)


def write(sessions: int, root: Path, seed: int = 2026, rooms: int = ROOMS, days: int = len(DAYS)) -> Path:
    return write_files(generate(sessions, seed, rooms, days), root)


if __name__ == "__main__":
    rooms_and_days = [int(a) for a in sys.argv[3:5]]
    write(int(sys.argv[1]), Path(sys.argv[2]), 2026, *rooms_and_days)
