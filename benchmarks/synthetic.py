"""Realistic synthetic programmes in Podium's YAML format, deterministic from a seed.

    python -m benchmarks.synthetic 1000 /tmp/big      # writes /tmp/big/data/...

N sessions over 3 days; about N/25 streams; papers grouped 3 to 5 to a stream slot
(same stream, date, start and end, as on the ASPC site); 1.5 people per session on
average, drawn from a pool so that people present in several sessions; abstracts of
150 to 300 words and bios of 50 to 120 words; 10% of people with non-ASCII names.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import yaml

DAYS = [dt.date(2019, 9, 9), dt.date(2019, 9, 10), dt.date(2019, 9, 11)]
SLOT_STARTS = ["09:00", "10:55", "13:30", "15:30"]
SLOT_LENGTH = dt.timedelta(minutes=100)
WORDS = (
    "policy social welfare income housing poverty inequality labour market health care ageing "
    "pension family child disability migration education evidence reform programme outcomes "
    "community governance research analysis survey data trends households benefits services "
    "employment wellbeing public private sector innovation regional urban rural national local "
    "approach framework model impact evaluation study findings results implications australia "
    "china research collaboration development sustainable access support system design"
).split()
GIVEN = "Anna Ben Chloe David Emma Farid Grace Hiro Isla Jack Kavya Liam Mei Noah Olga Priya Quinn Ravi Sara Tom".split()
FAMILY = "Smith Nguyen Brown Wilson Taylor Martin Lee Walker Harris Young King Wright Scott Green Baker Hall".split()
NON_ASCII = [("Zoë", "Núñez"), ("Łukasz", "Wójcik"), ("Søren", "Ærø"), ("丽洁", "方"), ("Chloé", "Lefèvre"), ("Jürgen", "Groß")]
AFFILIATIONS = [
    "UNSW Sydney", "University of Melbourne", "Monash University", "Australian National University",
    "Rutgers University", "Chinese Academy of Social Sciences", "University of Sydney", "Griffith University",
]  # fmt: skip


def generate(sessions: int, seed: int = 2019) -> dict[str, str]:
    """The files of a programme: {path under data/: YAML text}."""
    rng = random.Random(seed)
    files: dict[str, str] = {}
    stream_count = max(1, round(sessions / 25))
    streams = [{"id": f"stream-{i + 1:03d}", "name": f"{_words(rng, 3).capitalize()} ({i + 1})"} for i in range(stream_count)]
    files["conference.yml"] = _dump({
        "name": f"Synthetic Social Policy Conference ({sessions} sessions)",
        "short_name": f"SSPC {sessions}",
        "timezone": "Australia/Sydney",
        "language": "en-AU",
        "date_format": "EEEE, d MMMM y",
        "time_format": "h.mm a",
        "venue": {"name": "UNSW Sydney", "city": "Sydney", "country": "Australia"},
    })  # fmt: skip
    files["streams.yml"] = _dump(streams)
    people = _people(rng, max(2, round(sessions * 1.5 / 2)))
    for person_id, person in people.items():
        files[f"people/{person_id}.yml"] = _dump(person)
    person_ids = list(people)
    slots = [(day, start) for day in DAYS for start in SLOT_STARTS]
    number = 0
    while number < sessions:
        stream = streams[number % stream_count]
        day, start = slots[(number // stream_count) % len(slots)]
        end = (dt.datetime.combine(day, dt.time.fromisoformat(start)) + SLOT_LENGTH).strftime("%H:%M")
        room = f"Room {stream_count and (streams.index(stream) + 1)}"
        for _ in range(rng.randint(3, 5)):
            if number >= sessions:
                break
            number += 1
            speakers = rng.sample(person_ids, 1 if rng.random() < 0.5 else 2)
            files[f"sessions/paper-{number:05d}.yml"] = _dump({
                "title": _words(rng, rng.randint(5, 12)).capitalize(),
                "stream": stream["id"],
                "date": day.isoformat(),
                "start": start,
                "end": end,
                "room": room,
                "abstract": _text(rng, rng.randint(150, 300)),
                "people": [{"person": p, "role": "Presenter"} for p in speakers],
            })  # fmt: skip
    return files


def write(sessions: int, root: Path, seed: int = 2019) -> Path:
    for relative, text in generate(sessions, seed).items():
        target = root / "data" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def _people(rng: random.Random, count: int) -> dict[str, dict]:
    people: dict[str, dict] = {}
    while len(people) < count:
        given, family = rng.choice(NON_ASCII) if rng.random() < 0.1 else (rng.choice(GIVEN), rng.choice(FAMILY))
        person_id = f"person-{len(people) + 1:05d}"
        people[person_id] = {
            "name": f"{given} {family}",
            "sort_name": f"{family}, {given}",
            "affiliation": rng.choice(AFFILIATIONS),
            "bio": _text(rng, rng.randint(50, 120)),
        }
    return people


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _text(rng: random.Random, count: int) -> str:
    sentences, left = [], count
    while left > 0:
        length = min(left, rng.randint(8, 25))
        sentences.append(_words(rng, length).capitalize() + ".")
        left -= length
    return " ".join(sentences)


def _dump(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)


if __name__ == "__main__":
    write(int(sys.argv[1]), Path(sys.argv[2]))
