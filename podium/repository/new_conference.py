"""`build.py new`: data/ becomes a small valid programme of the organiser's own.

It holds their conference's name, dates and time zone, one stream, one session and one
person, each file with comments saying what to change, to copy from for the rest. The
seed (the ASPC 2019 paper Podium ships in data/) is kept as an example in
examples/seed/data/; any other programme already in data/ is left alone and the command
refuses, so nothing an organiser wrote is ever lost.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

SEED = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "seed" / "data"
KEPT_SEED = Path("examples") / "seed" / "data"
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


class NewConferenceError(Exception):
    """What stops `new`, said to the organiser."""


class MissingAnswers(NewConferenceError):
    """Options missing where nobody can be asked: the command was run the wrong way."""


QUESTIONS = {"name": "Conference name", "start": "First day (YYYY-MM-DD)", "end": "Last day (YYYY-MM-DD)",
             "timezone": "Time zone of the venue (e.g. Europe/Berlin)"}  # fmt: skip


def complete(given: dict[str, str | None], ask: Callable[[str], str] | None) -> dict[str, str]:
    """The answers given as options, the missing ones asked with `ask` (a terminal's
    input); without a terminal, NewConferenceError naming the options to give. The last
    day is the first unless said otherwise."""
    answers = dict(given)
    if answers.get("end") is None and answers.get("start") is not None:
        answers["end"] = answers["start"]
    missing = [key for key in QUESTIONS if answers.get(key) is None]
    if missing and ask is None:
        raise MissingAnswers(
            f"build.py new needs {' '.join('--' + key for key in missing)} (or run it in a terminal to be asked)"
        )
    for key in missing:
        default = answers.get("start") if key == "end" else None
        reply = ask(f"{QUESTIONS[key]}{f' [{default}]' if default else ''}: ").strip()  # type: ignore[misc]
        answers[key] = reply or default or ""
    return {key: answers[key] or "" for key in QUESTIONS}


@dataclass(frozen=True)
class NewConference:
    name: str
    start: dt.date
    end: dt.date
    timezone: str
    language: str = "en"

    @classmethod
    def parse(cls, name: str, start: str, end: str, timezone: str, language: str = "en") -> NewConference:
        """The answers given, checked, or NewConferenceError saying which is wrong and how."""
        name = name.strip()
        if not name:
            raise NewConferenceError("the conference needs a name")
        dates = []
        for label, value in (("start date", start), ("end date", end)):
            try:
                dates.append(dt.date.fromisoformat(value.strip()))
            except ValueError:
                raise NewConferenceError(f"{label} {value!r} is not a date like 2027-09-14") from None
        if dates[1] < dates[0]:
            raise NewConferenceError(f"the end date {dates[1]} is before the start date {dates[0]}")
        timezone = timezone.strip()
        if timezone not in available_timezones():
            raise NewConferenceError(f"time zone {timezone!r} is not an IANA zone like Europe/Berlin or Australia/Sydney")
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise NewConferenceError(f"time zone {timezone!r} is not known here") from None
        language = language.strip()
        if not _LANGUAGE_TAG.fullmatch(language):
            raise NewConferenceError(f"language {language!r} is not a BCP 47 tag like en, de or pt-BR")
        return cls(name, dates[0], dates[1], timezone, language)


def start_conference(root: Path, conference: NewConference) -> list[str]:
    """Write the new programme into root/data/; what was done, line by line, for the organiser."""
    data = root / "data"
    done = _make_room(root, data)
    data.mkdir(exist_ok=True)
    for relative, text in files(conference).items():
        path = data / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        done.append(f"wrote data/{relative}")
    return done


def _make_room(root: Path, data: Path) -> list[str]:
    """Empty data/ for the new programme: the seed moves to examples/, nothing else is touched."""
    if not data.exists() or not any(data.iterdir()):
        return []
    if not is_seed(data):
        raise NewConferenceError(
            "data/ already holds a programme that is not Podium's seed: edit it, or move it away"
            " first (git mv data old-data) to start another"
        )
    return set_seed_aside(root)


def set_seed_aside(root: Path) -> list[str]:
    """Move Podium's seed out of data/ into examples/seed/data/ (the first import into a
    new repository does this too); what was done."""
    data = root / "data"
    kept = root / KEPT_SEED
    if kept.exists():
        shutil.rmtree(data)
        return ["removed the seed from data/ (its copy is in examples/seed/data/)"]
    kept.parent.mkdir(parents=True, exist_ok=True)
    data.rename(kept)
    return ["moved the seed (ASPC 2019) to examples/seed/data/, to copy from"]


def is_seed(data: Path) -> bool:
    """Whether `data` is exactly the seed Podium ships, file for file."""
    if not SEED.is_dir():
        return False
    ours = sorted(p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file())
    seed = sorted(p.relative_to(SEED).as_posix() for p in SEED.rglob("*") if p.is_file())
    return ours == seed and all(filecmp.cmp(data / name, SEED / name, shallow=False) for name in ours)


def files(conference: NewConference) -> dict[str, str]:
    """The new programme's files, by path under data/."""
    name = json.dumps(conference.name, ensure_ascii=False)  # a JSON string is a YAML string too
    return {
        "conference.yml": f"""\
# yaml-language-server: $schema=../schemas/conference.schema.json
# Your conference. Every field is explained on the site's For organisers page
# (docs/organisers.md).
name: {name}
timezone: {conference.timezone}
start_date: {conference.start.isoformat()}
end_date: {conference.end.isoformat()}
language: {conference.language}
# venue:
#   name: Main building
#   address: 1 Example Street
#   city: Sydney
#   country: AU
# url is the site's address. Leave it out on GitHub Pages: the publishing workflow
# fills in https://USER.github.io/REPO/ for you.
""",
        "streams.yml": """\
# yaml-language-server: $schema=../schemas/streams.schema.json
# The streams (tracks) of the programme. Sessions name one by its id.
- id: main
  name: Main programme
  # colour: "#1976d2"   # quoted: in YAML an unquoted # starts a comment
""",
        "sessions/opening.yml": f"""\
# yaml-language-server: $schema=../../schemas/session.schema.json
# One session: copy this file for each talk, panel, keynote or session of papers.
# The file's name (opening) is the page's address: /sessions/opening/.
title: Opening
kind: keynote
stream: main
date: {conference.start.isoformat()}
start: 09:00
end: 09:30
# room: Main hall
abstract: |
  A few words on what the conference is about. Markdown works here: *emphasis*,
  [links](https://example.org) and lists.
people:
  - person: chair
    role: Chair
""",
        "people/chair.yml": """\
# yaml-language-server: $schema=../../schemas/person.schema.json
# One person: copy this file for each speaker, chair or author. Sessions and papers
# name them by the file's name.
name: Conference Chair
# affiliation: University of Somewhere
# bio: |
#   A short biography, in Markdown.
""",
    }
