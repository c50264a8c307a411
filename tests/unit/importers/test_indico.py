"""importers/indico.py: an Indico event export, its sessions holding contributions as papers."""

from __future__ import annotations

import datetime as dt

from podium.importers import import_programme, read_source
from podium.programme.check import check_project
from tests.conftest import FIXTURES

SOURCE = FIXTURES / "import" / "indico-event.json"


def test_indico_sessions_become_sessions_of_papers_with_conveners_and_authors(tmp_path):
    import_programme(tmp_path / "data", read_source(SOURCE))
    result = check_project(tmp_path)
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    programme = result.programme
    assert programme.conference.name == "Workshop on Detector Physics 2026" and programme.conference.zone.key == "Europe/Zurich"
    trackers = next(s for s in programme.sessions if s.title == "Silicon trackers")
    assert (trackers.date, trackers.start, trackers.end, trackers.room) == (
        dt.date(2026, 6, 15), dt.time(10, 30), dt.time(12), "Main Auditorium",
    )  # fmt: skip
    assert [(a.person.name, a.role) for a in trackers.people] == [("Mei Chen", "Convener")]
    assert [p.title for p in trackers.papers] == [
        "Radiation hardness of MAPS", "Timing layers & 4D tracking", "Cooling the inner tracker",
    ]  # fmt: skip
    timing = trackers.papers[1]
    assert timing.own_time and (timing.start, timing.end) == (dt.time(11), dt.time(11, 30))
    assert [(a.person.name, a.affiliation, a.presenting) for a in timing.people] == [
        ("Jin Park", "KAIST", True), ("Léa Martin", "CNRS", False),
    ]  # fmt: skip
    assert trackers.stream.name == "Tracking"


def test_indico_posters_keep_their_boards_and_the_sessions_time(tmp_path):
    import_programme(tmp_path / "data", read_source(SOURCE))
    programme = check_project(tmp_path).programme
    posters = next(s for s in programme.sessions if s.title == "Posters")
    assert posters.kind == "posters" and [p.board for p in posters.papers] == ["P1", "P2"]
    assert not any(p.own_time for p in posters.papers)  # at the session's very time


def test_a_contribution_in_no_session_is_a_talk_of_its_own(tmp_path):
    import_programme(tmp_path / "data", read_source(SOURCE))
    programme = check_project(tmp_path).programme
    keynote = next(s for s in programme.sessions if s.title.startswith("Opening keynote"))
    assert keynote.kind == "talk" and [a.person.name for a in keynote.people] == ["Omar Haddad"]
    assert keynote.abstract == "Where detector physics goes next."


def test_indico_papers_come_in_time_order_with_their_authors_in_the_papers_order(tmp_path):
    """As real exports are: contributions listed as created, speakers apart from the
    authors, full names written "Last, First"."""
    import json

    event = json.loads(SOURCE.read_text(encoding="utf-8"))
    session = next(s for s in event["results"][0]["sessions"] if (s.get("title") or s["session"]["title"]) == "Silicon trackers")
    session["contributions"].reverse()
    timing = next(c for c in session["contributions"] if c["title"] == "Timing layers & 4D tracking")
    timing["code"], session["code"] = "MOP23", "TU-A"
    speaker = timing["speakers"][0]
    timing["primaryauthors"] = [
        {"first_name": "Omar", "last_name": "Haddad", "fullName": "Haddad, Omar", "affiliation": "CERN", "person_id": 990},
        {**speaker, "fullName": f"{speaker['last_name']}, {speaker['first_name']}"},
    ]
    source = tmp_path / "event.json"
    source.write_text(json.dumps(event), encoding="utf-8")
    import_programme(tmp_path / "data", read_source(source))
    programme = check_project(tmp_path).programme
    trackers = next(s for s in programme.sessions if s.title == "Silicon trackers")
    assert [p.title for p in trackers.papers] == [
        "Radiation hardness of MAPS", "Timing layers & 4D tracking", "Cooling the inner tracker",
    ]  # fmt: skip
    paper = trackers.papers[1]
    assert [(a.person.name, a.presenting) for a in paper.people][:2] == [("Omar Haddad", False), ("Jin Park", True)]
    assert (trackers.code, paper.code) == ("TU-A", "MOP23")


def test_one_person_with_two_indico_ids_is_one_person(tmp_path):
    """Indico gives a person an id per contribution: the same name and affiliation (or the
    same e-mail's hash) is the same person; the same name elsewhere is another."""
    import json

    event = json.loads(SOURCE.read_text(encoding="utf-8"))
    contributions = [c for s in event["results"][0]["sessions"] for c in s.get("contributions") or []]
    first, second, third = contributions[:3]
    ana = {"first_name": "Ana", "last_name": "Silva", "fullName": "Ana Silva", "affiliation": "University of Lisbon"}
    first["speakers"] = [{**ana, "person_id": 501, "emailHash": "0123456789abcdef0123"}]
    second["speakers"] = [{**ana, "person_id": 502}]
    third["speakers"] = [{**ana, "affiliation": "Other University", "person_id": 503}]
    source = tmp_path / "event.json"
    source.write_text(json.dumps(event), encoding="utf-8")
    import_programme(tmp_path / "data", read_source(source))
    programme = check_project(tmp_path).programme
    silvas = sorted((p.name, p.affiliation) for p in programme.people if p.name == "Ana Silva")
    assert silvas == [("Ana Silva", "Other University"), ("Ana Silva", "University of Lisbon")]


def test_a_contribution_of_another_track_than_its_sessions_keeps_its_own_stream(tmp_path):
    import json

    event = json.loads(SOURCE.read_text(encoding="utf-8"))
    session = next(s for s in event["results"][0]["sessions"] if (s.get("title") or s["session"]["title"]) == "Silicon trackers")
    session["contributions"][0]["track"] = "Detector cooling"
    source = tmp_path / "event.json"
    source.write_text(json.dumps(event), encoding="utf-8")
    import_programme(tmp_path / "data", read_source(source))
    result = check_project(tmp_path)
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    trackers = next(s for s in result.programme.sessions if s.title == "Silicon trackers")
    moved = next(p for p in trackers.papers if p.title == session["contributions"][0]["title"])
    assert trackers.stream.name == "Tracking" and moved.stream.name == "Detector cooling"
    assert [p.stream.name for p in trackers.papers if p is not moved] == ["Tracking", "Tracking"]
