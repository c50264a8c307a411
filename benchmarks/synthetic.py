"""Realistic synthetic programmes in Podium's YAML format, deterministic from a seed.

    python -m benchmarks.synthetic 1000 /tmp/big      # writes /tmp/big/data/...

N papers over 3 days, as academic conferences run them: about N/25 streams, each
with a session of 3 to 5 papers in each of its slots (three a day), chaired; a
keynote for everyone each morning, and morning tea, lunch and afternoon tea. 1.5
authors per paper on average (a second author is sometimes not presenting), drawn
from a pool so that people present several papers; abstracts of 150 to 300 words
and bios of 50 to 120 words; 10% of people with non-ASCII names; each title ends in a
coined word few others share, as real titles name a place, a programme or a method.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import yaml

DAYS = [dt.date(2019, 9, 9), dt.date(2019, 9, 10), dt.date(2019, 9, 11)]
SLOT_STARTS = ["10:55", "13:30", "15:30"]
SLOT_LENGTH = dt.timedelta(minutes=100)
# Each day: (id, title, kind, start, end); the keynote in the main hall, breaks everywhere.
FOR_EVERYONE = [
    ("keynote", "Keynote", "keynote", "09:15", "10:15"),
    ("morning-tea", "Morning tea", "break", "10:25", "10:55"),
    ("lunch", "Lunch", "break", "12:35", "13:30"),
    ("afternoon-tea", "Afternoon tea", "break", "15:10", "15:30"),
]
WORDS = [
    "policy",
    "social",
    "welfare",
    "income",
    "housing",
    "poverty",
    "inequality",
    "labour",
    "market",
    "health",
    "care",
    "ageing",
    "pension",
    "family",
    "child",
    "disability",
    "migration",
    "education",
    "evidence",
    "reform",
    "programme",
    "outcomes",
    "community",
    "governance",
    "research",
    "analysis",
    "survey",
    "data",
    "trends",
    "households",
    "benefits",
    "services",
    "employment",
    "wellbeing",
    "public",
    "private",
    "sector",
    "innovation",
    "regional",
    "urban",
    "rural",
    "national",
    "local",
    "approach",
    "framework",
    "model",
    "impact",
    "evaluation",
    "study",
    "findings",
    "results",
    "implications",
    "australia",
    "china",
    "research",
    "collaboration",
    "development",
    "sustainable",
    "access",
    "support",
    "system",
    "design",
]
GIVEN = [
    "Anna",
    "Ben",
    "Chloe",
    "David",
    "Emma",
    "Farid",
    "Grace",
    "Hiro",
    "Isla",
    "Jack",
    "Kavya",
    "Liam",
    "Mei",
    "Noah",
    "Olga",
    "Priya",
    "Quinn",
    "Ravi",
    "Sara",
    "Tom",
]
FAMILY = [
    "Smith",
    "Nguyen",
    "Brown",
    "Wilson",
    "Taylor",
    "Martin",
    "Lee",
    "Walker",
    "Harris",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Hall",
]
NON_ASCII = [("Zoë", "Núñez"), ("Łukasz", "Wójcik"), ("Søren", "Ærø"), ("丽洁", "方"), ("Chloé", "Lefèvre"), ("Jürgen", "Groß")]
AFFILIATIONS = [
    "UNSW Sydney", "University of Melbourne", "Monash University", "Australian National University",
    "Rutgers University", "Chinese Academy of Social Sciences", "University of Sydney", "Griffith University",
]  # fmt: skip


def generate(papers: int, seed: int = 2019) -> dict[str, str]:
    """The files of a programme of `papers` papers: {path under data/: YAML text}."""
    rng = random.Random(seed)
    files: dict[str, str] = {}
    stream_count = max(1, round(papers / 25))
    streams = [{"id": f"stream-{i + 1:03d}", "name": f"{_words(rng, 3).capitalize()} ({i + 1})"} for i in range(stream_count)]
    files["conference.yml"] = _dump({
        "name": f"Synthetic Social Policy Conference ({papers} papers)",
        "short_name": f"SSPC {papers}",
        "timezone": "Australia/Sydney",
        "language": "en-AU",
        "date_format": "EEEE, d MMMM y",
        "time_format": "h.mm a",
        "venue": {"name": "UNSW Sydney", "city": "Sydney", "country": "Australia"},
    })  # fmt: skip
    files["streams.yml"] = _dump(streams)
    people = _people(rng, max(2, round(papers * 1.5 / 2)))
    for person_id, person in people.items():
        files[f"people/{person_id}.yml"] = _dump(person)
    person_ids = list(people)
    for day in DAYS:
        for key, title, kind, start, end in FOR_EVERYONE:
            session: dict[str, object] = {"title": f"{title}: {_words(rng, 4)}" if kind == "keynote" else title, "kind": kind,
                       "date": day.isoformat(), "start": start, "end": end}  # fmt: skip
            if kind == "keynote":
                session["room"] = "Main hall"
                session["abstract"] = _text(rng, rng.randint(150, 300))
                session["people"] = [{"person": rng.choice(person_ids), "role": "Speaker"}]
            files[f"sessions/{key}-{day.isoformat()}.yml"] = _dump(session)
    slots = [(day, start) for day in DAYS for start in SLOT_STARTS]
    busy: dict[tuple, set[str]] = {}  # who is already in a session of each slot: no one is in two places

    def free(slot: tuple, count: int) -> list[str]:
        taken = busy.setdefault(slot, set())
        chosen = rng.sample([p for p in person_ids if p not in taken] or person_ids, count)
        taken.update(chosen)
        return chosen

    number = sessions = 0
    while number < papers:
        stream = streams[sessions % stream_count]
        day, start = slots[(sessions // stream_count) % len(slots)]
        sessions += 1
        end = (dt.datetime.combine(day, dt.time.fromisoformat(start)) + SLOT_LENGTH).strftime("%H:%M")
        listed = []
        for _ in range(rng.randint(3, 5)):
            if number >= papers:
                break
            number += 1
            listed.append(f"paper-{number:05d}")
            authors: list[dict[str, object]] = [
                {"person": p, "role": "Presenter"} for p in free((day, start), 1 if rng.random() < 0.5 else 2)
            ]
            if len(authors) == 2 and rng.random() < 0.5:
                authors[1] = {"person": authors[1]["person"], "role": "Co-author", "presenting": False}
            files[f"papers/{listed[-1]}.yml"] = _dump({
                # Real titles name something only they name: a place, a programme, a method.
                "title": f"{_words(rng, rng.randint(4, 11)).capitalize()} {_coined(rng)}",
                "abstract": _text(rng, rng.randint(150, 300)),
                "people": authors,
            })  # fmt: skip
        files[f"sessions/session-{sessions:04d}.yml"] = _dump({
            "title": _words(rng, rng.randint(3, 6)).capitalize(),
            "stream": stream["id"],
            "date": day.isoformat(),
            "start": start,
            "end": end,
            "room": f"Room {streams.index(stream) + 1}",
            "people": [{"person": free((day, start), 1)[0], "role": "Chair"}],
            "papers": listed,
        })  # fmt: skip
    return files


def write(papers: int, root: Path, seed: int = 2019) -> Path:
    return write_files(generate(papers, seed), root)


def write_files(files: dict[str, str], root: Path) -> Path:
    """`files` ({path under data/: text}) into `root/data/`."""
    for relative, text in files.items():
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


SYLLABLES = [
    "ka",
    "lo",
    "ri",
    "ven",
    "mar",
    "to",
    "sel",
    "an",
    "bu",
    "dri",
    "que",
    "ol",
    "fen",
    "ta",
    "ru",
    "mis",
    "gor",
    "pa",
    "lin",
    "ezo",
]


def _coined(rng: random.Random) -> str:
    """A word few titles share, as the names of places, programmes and methods are."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))).capitalize()


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
