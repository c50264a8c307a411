"""What `serve` reuses between saves is exactly what a full generation would make.

Each case edits a synthetic programme the way an organiser might, then compares the
files generated with the last run's checked files and pages at hand against a fresh
check and generation of the edited data: any input a page or export forgot to name
(reuse.py) shows up here as a stale file.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from benchmarks.synthetic import write
from podium.engine.generate import generate
from podium.engine.reuse import Reuse
from podium.programme.check import DocumentCache, check_project

STAMP = dt.datetime(2019, 9, 1, tzinfo=dt.timezone.utc)
EDITED_PAPER = "paper-00005"
EDITED_SESSION = "session-0002"  # the session that lists it, in every synthetic programme


def _replace(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file.name}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _get(file: Path, key: str):
    return yaml.safe_load(file.read_text(encoding="utf-8"))[key]


def _set(file: Path, **values) -> None:
    document = yaml.safe_load(file.read_text(encoding="utf-8"))
    document.update(values)
    file.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _paper(data: Path) -> Path:
    return data / "papers" / f"{EDITED_PAPER}.yml"


def _session(data: Path) -> Path:
    return data / "sessions" / f"{EDITED_SESSION}.yml"


def _first_author(data: Path) -> Path:
    person = yaml.safe_load(_paper(data).read_text(encoding="utf-8"))["people"][0]["person"]
    return data / "people" / f"{person}.yml"


def _other_stream(data: Path) -> str:
    return "stream-002" if _get(_session(data), "stream") == "stream-001" else "stream-001"


def _stream_name(data: Path) -> str:
    return yaml.safe_load((data / "streams.yml").read_text(encoding="utf-8"))[0]["name"]


def _past_midnight(file: Path) -> None:
    document = yaml.safe_load(file.read_text(encoding="utf-8"))
    del document["end"]
    document.update(start="23:00", duration="1:40")
    file.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _add_paper(data: Path) -> None:
    shutil.copy(_paper(data), data / "papers" / "paper-99999.yml")
    _set(_session(data), papers=_get(_session(data), "papers") + ["paper-99999"])


def _remove_paper(data: Path) -> None:
    _set(_session(data), papers=[p for p in _get(_session(data), "papers") if p != EDITED_PAPER])
    _paper(data).unlink()


def _reorder_papers(data: Path) -> None:
    _set(_session(data), papers=list(reversed(_get(_session(data), "papers"))))


EDITS = {
    "paper title": lambda data: _replace(_paper(data), "title: ", "title: Changed "),
    "paper abstract": lambda data: _replace(_paper(data), "abstract: ", "abstract: Also "),
    "paper author left": lambda data: _set(_paper(data), people=_get(_paper(data), "people")[:1] + [{"person": "person-00001"}]),
    "paper's own time": lambda data: _set(_paper(data), start=_get(_session(data), "start")),
    "papers reordered": _reorder_papers,
    "paper added": _add_paper,
    "paper removed": _remove_paper,
    "session title": lambda data: _replace(_session(data), "title: ", "title: Changed "),
    # Early morning slots are free in every synthetic programme, so no room clashes.
    "session moved to another slot": lambda data: _set(_session(data), start="07:00", end="08:30"),
    "session moved to another day": lambda data: _set(_session(data), date="2019-09-11", start="07:00", end="08:30"),
    "session past midnight": lambda data: _past_midnight(_session(data)),
    "session room": lambda data: _replace(_session(data), "room: Room", "room: Hall"),
    "session stream": lambda data: _set(_session(data), stream=_other_stream(data), start="07:00", end="08:30"),
    "session chair": lambda data: _set(_session(data), people=[{"person": "person-00002", "role": "Chair"}]),
    "person name": lambda data: _replace(_first_author(data), "name: ", "name: Dr "),
    "person bio": lambda data: _replace(_first_author(data), "bio: ", "bio: Also "),
    "stream name": lambda data: _replace(data / "streams.yml", _stream_name(data), "Renamed stream"),
    "conference name": lambda data: _replace(data / "conference.yml", "name: Synthetic", "name: Edited"),
    "conference address": lambda data: _replace(data / "conference.yml", "timezone:", "url: https://example.org/\ntimezone:"),
    "lunch moved": lambda data: _set(data / "sessions" / "lunch-2019-09-10.yml", start="12:40"),
    "session removed": lambda data: _session(data).unlink(),
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    # Three days: the day pages are reused too.
    return write(60, tmp_path)


def _reused_after(project: Path, edit) -> tuple[dict[str, bytes], dict[str, bytes], int]:
    """(files generated with reuse after `edit`, files of a fresh generation, how many were remade)."""
    cache, reuse = DocumentCache(), Reuse()
    generate(check_project(project, cache).programme, STAMP, reuse)
    edit(project / "data")
    edited = check_project(project, cache)
    assert edited.programme is not None, [str(p) for p in edited.problems.errors]
    reused = generate(edited.programme, STAMP, reuse)
    fresh = generate(check_project(project).programme, STAMP)
    return reused, fresh, reuse.remade


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_reused_generation_equals_a_fresh_one(project, edit):
    reused, fresh, _ = _reused_after(project, EDITS[edit])
    assert reused.keys() == fresh.keys()
    stale = [path for path in fresh if reused[path] != fresh[path]]
    assert not stale, f"stale after editing the {edit}: {stale}"


def test_one_changed_title_remakes_a_few_dozen_files_not_all(project):
    _, fresh, remade = _reused_after(project, EDITS["paper title"])
    # The paper's page, calendar and citations, its session's page and calendar, its
    # neighbours' pages, its stream's and people's pages and calendars, the day and
    # index pages and the whole-programme exports: a few dozen files, not the
    # hundreds of a full generation.
    assert 0 < remade < len(fresh) / 4


def test_checked_files_are_reused_with_their_problems(project):
    cache = DocumentCache()
    _replace(_paper(project / "data"), "title: ", "title:\n  nested: x\n  other: ")
    first = check_project(project, cache)
    again = check_project(project, cache)
    assert first.problems.errors and [str(p) for p in again.problems.sorted()] == [
        str(p) for p in first.problems.sorted()
    ]
    assert again.programme is None
