"""The programme's history: each publication of data/ and what it changed (programme/changes.py).

`read(root)` compares each publication with the one before: sessions and papers added,
removed, cancelled or reinstated, moved to another day or time, put in another room,
retitled, or given other presenters. It reads the files as they were, leniently: a
file that was broken in some publication counts as absent from it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from pathlib import Path

from ..programme.changes import KINDS, Change, History, Publication, When
from ..programme.load import load_bytes
from ..programme.problems import Problems
from .git import MAX_PUBLICATIONS, Git

__all__ = ["read"]


@dataclass(frozen=True)
class _Item:
    """What a publication said of one session or paper."""

    title: str
    when: When
    room: str | None
    cancelled: bool
    presenters: tuple[str, ...]  # person ids, in order


def read(root: Path, limit: int = MAX_PUBLICATIONS) -> History:
    """The project's history; empty where git has none."""
    git = Git(root)
    try:
        return _read(git, limit)
    finally:
        git.close()


def _read(git: Git, limit: int) -> History:
    commits = git.publications(limit)
    if not commits:
        return History()
    reader = _Reader(git)
    files = git.files(commits[0].id)
    state = reader.state(files)
    publications = [Publication(commits[0].id, commits[0].time)]
    for before, after in itertools.pairwise(commits):
        for path, blob in git.changed(before.id, after.id).items():
            if blob is None:
                files.pop(path, None)
            else:
                files[path] = blob
        new_state = reader.state(files)
        publications.append(Publication(after.id, after.time, tuple(_changes(state, new_state, reader.names(files)))))
        state = new_state
    return History(tuple(reversed(publications)))


class _Reader:
    """Reads each file's content once (a blob is the same content wherever it appears)."""

    def __init__(self, git: Git) -> None:
        self.git = git
        self._parsed: dict[str, dict | None] = {}
        self._items: dict[tuple[str, ...], _Item] = {}

    def data(self, blob: str) -> dict | None:
        if blob not in self._parsed:
            document = load_bytes(self.git.blob(blob), blob, Problems())
            value = document.data if document is not None else None
            self._parsed[blob] = value if isinstance(value, dict) else None
        return self._parsed[blob]

    def state(self, files: dict[str, str]) -> dict[tuple[str, str], _Item]:
        """{(kind, id): what the files say of it}, a paper with its session's time and room
        unless it has its own time."""
        sessions = {_id(p): (b, d) for p, b in files.items() if p.startswith("data/sessions/") and (d := self.data(b))}
        papers = {_id(p): (b, d) for p, b in files.items() if p.startswith("data/papers/") and (d := self.data(b))}
        state: dict[tuple[str, str], _Item] = {}
        holding: dict[str, tuple[str, dict]] = {}
        for id_, (blob, data) in sessions.items():
            state[("session", id_)] = self._made((blob,), lambda data=data: _item(data, data, None))
            for paper in data.get("papers") or []:
                if isinstance(paper, str):
                    holding[paper] = (blob, data)
        for id_, (blob, data) in papers.items():
            session_blob, session = holding.get(id_, ("", None))
            state[("paper", id_)] = self._made(
                (blob, session_blob), lambda data=data, session=session: _item(data, session, data)
            )
        return state

    def _made(self, key: tuple[str, ...], make) -> _Item:
        """An item read from the same files before is the same item: made once."""
        if key not in self._items:
            self._items[key] = make()
        return self._items[key]

    def names(self, files: dict[str, str]) -> dict[str, str]:
        """{person id: name} as the people's files give them."""
        names = {}
        for path, blob in files.items():
            if path.startswith("data/people/") and (data := self.data(blob)) and isinstance(data.get("name"), str):
                names[_id(path)] = data["name"]
        return names


def _id(path: str) -> str:
    return path.rsplit("/", 1)[-1].removesuffix(".yml")


def _text(value) -> str | None:
    return str(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else None


def _item(data: dict, session: dict | None, paper: dict | None) -> _Item:
    """A session (`paper` None) or a paper, with the time its own file or its session gives."""
    own = paper if paper is not None and paper.get("start") is not None else session
    timing = own or {}
    when = When(_text(timing.get("date") or (session or {}).get("date")), _text(timing.get("start")), _end(timing))
    cancelled = data.get("status") == "cancelled" or (session is not None and session.get("status") == "cancelled")
    people = [entry for entry in data.get("people") or [] if isinstance(entry, dict)]
    presenters = tuple(
        str(entry["person"]) for entry in people if entry.get("person") is not None and entry.get("presenting") is not False
    )
    room = _text((session or {}).get("room")) if paper is not None else _text(data.get("room"))
    return _Item(_text(data.get("title")) or "", when, room, cancelled, presenters)


def _end(timing: dict) -> str | None:
    """The end the file gives, or works out from its start and duration."""
    if timing.get("end") is not None:
        return _text(timing["end"])
    start, duration = _text(timing.get("start")), _text(timing.get("duration"))
    if not start or not duration:
        return None
    try:
        hours, minutes = (int(part) for part in start.split(":"))
        length = int(duration) if ":" not in duration else int(duration.split(":")[0]) * 60 + int(duration.split(":")[1])
    except ValueError:
        return None
    ends = dt.datetime(2000, 1, 1, hours % 24, minutes % 60) + dt.timedelta(minutes=length)
    return f"{ends:%H:%M}"


def _changes(before: dict, after: dict, names: dict[str, str]) -> list[Change]:
    found: list[Change] = []
    for key in sorted(set(before) | set(after)):
        item, id_ = key
        old, new = before.get(key), after.get(key)
        if old is None and new is not None:
            found.append(Change(item, id_, new.title, "added", None, new.when))
        elif new is None and old is not None:
            found.append(Change(item, id_, old.title, "removed", old.when, None))
        elif old is not None and new is not None:
            found += _differences(item, id_, old, new, names)
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(found, key=lambda c: (order[c.kind], c.item, c.id))


def _differences(item: str, id_: str, old: _Item, new: _Item, names: dict[str, str]) -> list[Change]:
    changes = []
    if old.cancelled != new.cancelled:
        changes.append(Change(item, id_, new.title, "cancelled" if new.cancelled else "reinstated"))
    if old.when != new.when:
        changes.append(Change(item, id_, new.title, "moved", old.when, new.when))
    if old.room != new.room:
        changes.append(Change(item, id_, new.title, "room", old.room, new.room))
    if old.title != new.title:
        changes.append(Change(item, id_, new.title, "retitled", old.title, new.title))
    if old.presenters != new.presenters:
        shown = lambda ids: tuple(names.get(person, person) for person in ids)
        changes.append(Change(item, id_, new.title, "presenters", shown(old.presenters), shown(new.presenters)))
    return changes
