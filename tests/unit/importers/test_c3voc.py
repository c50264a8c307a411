"""importers/c3voc.py and frab_xml.py: the schedules of pretalx, frab and the c3voc tools."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from podium.importers import SourceError, import_programme, read_source
from podium.programme.check import check_project
from tests.conftest import REPO


def imported_project(tmp_path, source, **options):
    """A project whose data/ is `source` imported; its checked programme."""
    outcome = import_programme(tmp_path / "data", read_source(source, **options))
    assert outcome.wrote
    result = check_project(tmp_path)
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    return result.programme


def test_pretalx_schedule_imports_every_event_with_its_start(tmp_path, sample):
    source = sample("pretalx-democon.json")
    programme = imported_project(tmp_path, source)
    events = [
        event
        for day in json.loads(source.read_text())["schedule"]["conference"]["days"]
        for room in day["rooms"].values()
        for event in room
    ]
    assert len(programme.sessions) == len(events) == 36
    by_guid = {s.guid: s for s in programme.sessions}
    for event in events:
        session = by_guid[event["guid"]]
        assert session.title == event["title"] and session.room == event["room"]
        expected = dt.datetime.fromisoformat(event["date"]).astimezone(programme.conference.zone)
        assert session.starts_at(programme.conference.zone) == expected
        assert session.source_id == str(event["id"])


def test_pretalx_schedule_keeps_abstract_and_description_apart_and_people_with_bios(tmp_path, sample):
    programme = imported_project(tmp_path, sample("pretalx-democon.json"))
    session = next(s for s in programme.sessions if s.title == "Focused 5thgeneration hardware")
    assert session.abstract == "Brand back-end models!"
    assert session.description.startswith("Station provide certain mean.")
    (speaker,) = session.people
    assert speaker.person.name == "Brian Robinson" and speaker.person.bio.startswith("Break through direction.")


def test_schedule2_rooms_come_with_their_order_descriptions_and_capacities(tmp_path, sample):
    source = sample("hub-schedule2.json")
    programme = imported_project(tmp_path, source)
    listed = {room["name"]: room for room in json.loads(source.read_text())["schedule"]["conference"]["rooms"]}
    used = {s.room for s in programme.sessions}
    assert {room.name for room in programme.rooms} == used and used <= set(listed)
    assert [room.name for room in programme.rooms] == [name for name in listed if name in used]  # the schedule's order
    for room in programme.rooms:
        source_room = listed[room.name]
        text = source_room["description"]
        assert room.description == (text["en"] if isinstance(text, dict) else text)
        assert room.capacity == source_room["capacity"]
    assert (tmp_path / "data" / "rooms.yml").read_text().startswith("# yaml-language-server: $schema=../schemas/rooms.schema.json\n")


def test_a_schedule_listing_rooms_without_details_keeps_their_order(tmp_path, sample):
    source = sample("pretalx-democon.json")
    programme = imported_project(tmp_path, source)
    listed = [room["name"] for room in json.loads(source.read_text())["schedule"]["conference"]["rooms"]]
    assert [room.name for room in programme.rooms] == [name for name in listed if name in {s.room for s in programme.sessions}]
    assert all(room.description is None and room.capacity is None for room in programme.rooms)


def test_schedule2_imports_roles_links_and_attachments(tmp_path, sample):
    programme = imported_project(tmp_path, sample("hub-schedule2.json"))
    opening = next(s for s in programme.sessions if s.source_id == "HQCCYH")
    assert [(a.person.name, a.role) for a in opening.people] == [
        ("Gabriela Bogk", "Speaker"), ("Aline Blankertz", "Speaker"), ("Senficon", "Contributor"),
    ]  # fmt: skip
    assert [(link.url, link.kind) for link in opening.links] == [
        ("https://example.net/", "other"), ("https://example.net/foo/bar/1235.pdf", "slides"),
    ]  # fmt: skip
    assert opening.guid == "270fa44c-821a-577f-8ca3-33e8d4a8c2a7"
    assert programme.conference.zone.key == "Europe/Berlin" and programme.conference.language == "en"


def test_a_schedule_without_a_time_zone_asks_for_one(tmp_path, sample):
    data = json.loads(sample("pretalx-democon.json").read_text())
    del data["schedule"]["conference"]["time_zone_name"]
    source = tmp_path / "schedule.json"
    source.write_text(json.dumps(data))
    with pytest.raises(SourceError, match="give the venue's with --timezone"):
        read_source(source)
    programme = imported_project(tmp_path / "project", source, timezone="Europe/Berlin")
    assert programme.conference.zone.key == "Europe/Berlin"


def _events(programme, items):
    zone = programme.conference.zone
    return sorted(
        (item.title, item.starts_at(zone), item.ends_at_or_default(programme.conference), item.room,
         item.stream.name if item.stream else None)
        for item in items
    )  # fmt: skip


@pytest.mark.parametrize("case", ["multi", "aspc"])
@pytest.mark.parametrize("export", ["schedule.json", "schedule.xml"])
def test_podiums_own_schedule_exports_import_back(tmp_path, case, export):
    """Every event of Podium's export comes back as a session at its time, in its room and stream."""
    from podium.exports.frab import events_of
    from podium.programme.model import in_calendars

    original = check_project(REPO / "tests" / "fixtures" / case).programme
    programme = imported_project(tmp_path, REPO / "tests" / "golden" / case / export)
    # Cancelled sessions are not in the exports (apps show what a schedule no longer has as cancelled).
    exported = [event for session in in_calendars(original.sessions) if not session.cancelled for event in events_of(session)]
    assert _events(programme, programme.sessions) == _events(original, exported)
    assert programme.conference.name == original.conference.name
    assert programme.conference.zone == original.conference.zone


def test_imported_events_keep_their_guids_and_numbers_in_podiums_own_export(tmp_path, sample):
    from podium.exports import files as export_files
    from tests.golden.regenerate import STAMP

    source = sample("pretalx-democon.json")
    programme = imported_project(tmp_path, source)
    exported = json.loads(export_files(programme, STAMP)["schedule.json"])

    def events(data):
        days = data["schedule"]["conference"]["days"]
        return sorted((e["guid"], e["id"]) for day in days for room in day["rooms"].values() for e in room)

    assert events(exported) == events(json.loads(source.read_text()))


def test_frab_xml_keeps_the_sources_room_order_and_types_that_are_no_kind_are_talks(tmp_path, sample):
    """FOSDEM's schedule.xml as published: its columns start where FOSDEM's do, and a
    talk of type devroom or maintrack is a talk, not "Other"."""
    from lxml import etree

    source = sample("fosdem-2026.xml")
    root = etree.parse(str(source)).getroot()
    listed = list(dict.fromkeys(room.get("name") for day in root.iter("day") for room in day.findall("room")))
    outcome = import_programme(tmp_path / "data", read_source(source))
    assert outcome.wrote
    result = check_project(tmp_path)
    assert not result.problems.errors, [str(p) for p in result.problems.errors[:5]]
    programme = result.programme
    used = {session.room for session in programme.sessions}
    assert [room.name for room in programme.rooms] == [name for name in listed if name in used]
    kinds = {session.kind for session in programme.sessions}
    assert "other" not in kinds and "talk" in kinds and "workshop" in kinds


def test_an_opt_out_of_recording_comes_over_from_c3voc_json_and_frab_xml(tmp_path):
    """pretalx's do_not_record and frab's <recording><optout> become `recording: false`."""
    source = json.loads((REPO / "tests" / "golden" / "multi" / "schedule.json").read_text(encoding="utf-8"))
    events = [e for day in source["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]
    events[0]["do_not_record"], events[1]["do_not_record"] = True, False
    exported = tmp_path / "schedule.json"
    exported.write_text(json.dumps(source), encoding="utf-8")
    programme = imported_project(tmp_path / "json", exported)
    assert [s.title for s in programme.sessions if not s.recording] == [events[0]["title"]]
    xml = tmp_path / "schedule.xml"
    xml.write_text(
        '<schedule><conference><title>C</title><time_zone_name>UTC</time_zone_name></conference>'
        '<day date="2026-01-31"><room name="H.1"><event guid="5ee8e4a2-3c1e-4d5c-9d2a-0c7a2b1f9e01" id="1">'
        "<date>2026-01-31T10:00:00+00:00</date><duration>00:30</duration><title>Opted out</title><type>talk</type>"
        "<recording><license/><optout>true</optout></recording></event>"
        '<event guid="5ee8e4a2-3c1e-4d5c-9d2a-0c7a2b1f9e02" id="2">'
        "<date>2026-01-31T11:00:00+00:00</date><duration>00:30</duration><title>Recorded</title><type>talk</type>"
        "<recording><license>CC BY 4.0</license><optout>false</optout></recording></event></room></day></schedule>",
        encoding="utf-8",
    )
    programme = imported_project(tmp_path / "xml", xml)
    assert {s.title: s.recording for s in programme.sessions} == {"Opted out": False, "Recorded": True}


def test_sessions_the_source_put_in_one_room_at_once_import_and_check_with_warnings(tmp_path):
    """Two DJ sets on one floor, as the source published them: no hand edit, a warning
    naming both; a third session that only follows them is left alone."""
    source = json.loads((REPO / "tests" / "golden" / "multi" / "schedule.json").read_text(encoding="utf-8"))
    day = source["schedule"]["conference"]["days"][0]
    room, events = next((name, evs) for name, evs in day["rooms"].items() if evs)
    first = events[0]
    # No track: not one of the multi fixture's old-style slots, which share a stream and a time.
    overlapping = {**first, "guid": "0b4f2d2e-5a57-4a5e-8c1e-6f0b0d7e0a01", "id": 99001, "title": "DJ set two", "track": None}
    events.append(overlapping)
    exported = tmp_path / "schedule.json"
    exported.write_text(json.dumps(source), encoding="utf-8")
    outcome = import_programme(tmp_path / "data", read_source(exported))
    assert outcome.wrote
    result = check_project(tmp_path)
    assert result.problems.errors == []
    shared = {s.title: s.shares_room_with for s in result.programme.sessions if s.shares_room_with}
    ids = {s.title: s.id for s in result.programme.sessions}
    assert ids["DJ set two"] in shared[first["title"]] and ids[first["title"]] in shared["DJ set two"]
    warnings = [str(p) for p in result.problems.warnings if "is shared at" in str(p)]
    assert any(ids[first["title"]] in w and ids["DJ set two"] in w for w in warnings)


def test_a_schedules_day_change_comes_over(tmp_path):
    """frab and c3voc's day_change ("06:00:00"): the congress's nights stay with their day."""
    source = json.loads((REPO / "tests" / "golden" / "multi" / "schedule.json").read_text(encoding="utf-8"))
    source["schedule"]["conference"]["day_change"] = "06:00:00"
    exported = tmp_path / "schedule.json"
    exported.write_text(json.dumps(source), encoding="utf-8")
    programme = imported_project(tmp_path / "project", exported)
    assert programme.conference.day_change == dt.time(6)


def _congress_xml(night_start: str, day_end: str) -> str:
    """A frab schedule.xml whose first day ends the next morning, as a CCC hub's days do."""
    event = (
        '<event guid="5ee8e4a2-3c1e-4d5c-9d2a-0c7a2b1f9e{n:02d}" id="{n}"><date>{date}</date><duration>01:00</duration>'
        "<title>{title}</title><type>Talk</type></event>"
    )
    return (
        "<schedule><conference><title>39C3</title><start>2025-12-27T10:00:00+01:00</start>"
        f'<end>{day_end.replace("-28T", "-29T")}</end><time_zone_name>Europe/Berlin</time_zone_name></conference>'
        f'<day index="1" date="2025-12-27" start="2025-12-27T10:00:00+01:00" end="{day_end}"><room name="Saal 1">'
        + event.format(n=1, date="2025-12-27T21:00:00+01:00", title="Evening talk")
        + event.format(n=2, date=night_start, title="Hacker Jeopardy")
        + f'</room></day><day index="2" date="2025-12-28" start="2025-12-28T10:00:00+01:00" end="{day_end.replace("-28T", "-29T")}">'
        '<room name="Saal 1">'
        + event.format(n=3, date="2025-12-28T10:30:00+01:00", title="Morning talk")
        + "</room></day></schedule>"
    )


@pytest.mark.parametrize(
    ("night_start", "day_end", "day_change"),
    [
        ("2025-12-28T00:30:00+01:00", "2025-12-28T06:00:00+01:00", dt.time(6)),  # the day's own end
        ("2025-12-28T02:30:00+01:00", "2025-12-28T02:00:00+01:00", dt.time(3)),  # days that end before the night's last start
    ],
)
def test_events_a_source_lists_under_the_day_before_their_date_make_its_day_change(tmp_path, night_start, day_end, day_change):
    """CCC hub exports say no day_change: their days end at 06:00, and a night's events are
    listed under the day before. Those nights stay at the end of their day."""
    xml = tmp_path / "schedule.xml"
    xml.write_text(_congress_xml(night_start, day_end), encoding="utf-8")
    programme = imported_project(tmp_path / "project", xml)
    assert programme.conference.day_change == day_change
    assert programme.conference.end_date == dt.date(2025, 12, 28)  # the night of the 28th, not the 29th
    assert [(s.title, s.programme_day(programme.conference.day_change)) for s in programme.sessions] == [
        ("Evening talk", dt.date(2025, 12, 27)), ("Hacker Jeopardy", dt.date(2025, 12, 27)), ("Morning talk", dt.date(2025, 12, 28))]


def test_days_that_end_the_next_morning_without_night_events_set_no_day_change(tmp_path, sample):
    """pretalx's days end at 03:59 the next date, whatever the programme: no day change from that alone."""
    source = sample("pretalx-democon.json")
    days = json.loads(source.read_text(encoding="utf-8"))["schedule"]["conference"]["days"]
    assert all(day["day_end"][:10] > day["date"] for day in days)
    assert imported_project(tmp_path, source).conference.day_change == dt.time(0)  # midnight, as without one
