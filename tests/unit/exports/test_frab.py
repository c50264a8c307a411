"""schedule.xml and schedule.json proven against the published frab/c3voc schemas."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from podium.exports import files as export_files
from podium.programme.check import check_project
from tests.conftest import ASPC_DATA, MULTI_DATA, REPO, SEED_DATA
from tests.golden.regenerate import STAMP, generated

SCHEMAS = REPO / "tests" / "fixtures" / "schemas"
SITE_URL = "https://podium.example/aspc2019/"


def seed_published() -> dict[str, bytes]:
    """The seed's exports as the publishing workflow builds them, with the site's address."""
    return export_files(check_project(SEED_DATA.parent).programme.published_at(SITE_URL), STAMP)


def aspc_published() -> dict[str, bytes]:
    return export_files(check_project(ASPC_DATA.parent).programme.published_at(SITE_URL), STAMP)


EXPORTS = {
    "seed": lambda: generated("seed"),
    "seed-published": seed_published,
    "multi": lambda: generated("multi"),
    "aspc": lambda: generated("aspc"),
    "aspc-published": aspc_published,
}


@pytest.fixture(scope="module")
def xml_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "frab-schedule.xsd")))


@pytest.fixture(scope="module")
def json_validator():
    schema = json.loads((SCHEMAS / "c3voc-schedule.schema.json").read_text(encoding="utf-8"))
    # Every format jsonschema knows (uuid, date, date-time, uri…), not only draft 6's.
    return jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("case", sorted(EXPORTS))
def test_schedule_xml_is_valid_against_the_frab_xsd(case, xml_schema):
    document = etree.fromstring(EXPORTS[case]()["schedule.xml"])
    assert xml_schema.validate(document), xml_schema.error_log


@pytest.mark.parametrize("case", ["seed-published", "multi", "aspc-published"])
def test_schedule_json_is_valid_against_the_c3voc_schema_with_formats(case, json_validator):
    data = json.loads(EXPORTS[case]()["schedule.json"])
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in json_validator.iter_errors(data)]
    assert problems == []


def test_format_checking_is_really_on(json_validator):
    data = json.loads(seed_published()["schedule.json"])
    for key, wrong in (("guid", "not-a-uuid"), ("date", "2019-09-10 10:55"), ("url", "sessions/x/")):
        broken = json.loads(json.dumps(data))
        broken["schedule"]["conference"]["days"][0]["rooms"]["Room to be announced"][0][key] = wrong
        assert not json_validator.is_valid(broken), key


def test_schedule_json_describes_the_seed_session():
    data = json.loads(seed_published()["schedule.json"])
    conference = data["schedule"]["conference"]
    assert (conference["title"], conference["acronym"]) == ("Australian Social Policy Conference 2019", "aspc_2019")
    assert conference["time_zone_name"] == "Australia/Sydney"
    assert conference["tracks"] == [{"name": "Chinese social policy: poverty reduction", "slug": "chinese-social-policy"}]
    (day,) = conference["days"]
    assert (day["date"], day["day_start"], day["day_end"]) == (
        "2019-09-10", "2019-09-10T10:55:00+10:00", "2019-09-10T12:35:00+10:00",
    )  # fmt: skip
    (event,) = day["rooms"]["Room to be announced"]
    assert event["date"] == "2019-09-10T10:55:00+10:00" and event["duration"] == "01:40"
    assert event["url"] == SITE_URL + "sessions/collective-sharing-poverty-alleviation-china/"
    assert [p["name"] for p in event["persons"]] == ["Chienchung Huang", "Lijie Fang"]
    assert uuid.UUID(event["guid"]).version == 5
    assert event["abstract"].startswith("Although this rapid economic development")


def test_schedule_xml_and_json_agree_on_every_event():
    files = generated("multi")
    root = etree.fromstring(files["schedule.xml"])
    xml_events = {e.get("guid"): (e.findtext("title"), e.findtext("date"), e.findtext("room")) for e in root.iter("event")}
    conference = json.loads(files["schedule.json"])["schedule"]["conference"]
    json_events = {
        e["guid"]: (e["title"], e["date"], e["room"])
        for day in conference["days"] for events in day["rooms"].values() for e in events
    }  # fmt: skip
    assert xml_events == json_events
    assert len(json_events) == 5  # the session to be announced has no time for an app


def test_schedule_has_days_rooms_and_tracks_of_the_multi_fixture():
    conference = json.loads(generated("multi")["schedule.json"])["schedule"]["conference"]
    assert [d["date"] for d in conference["days"]] == ["2025-03-29", "2025-03-30", "2025-03-31"]
    assert [r["name"] for r in conference["rooms"]] == ["Room 101", "Hall B", "<b>Room</b> 2 | {#id} `code`", "Main hall"]
    assert [t["slug"] for t in conference["tracks"]] == ["housing", "ageing"]
    assert conference["start"] == "2025-03-29" and conference["end"] == "2025-03-31"


def test_a_link_browsers_follow_but_no_uri_is_exported_as_a_valid_uri(tmp_path, json_validator):
    """FOSDEM's chat links (`#/room/#2026-main:fosdem.org`) failed the schema's `uri` format."""
    shutil.copytree(SEED_DATA, tmp_path / "data")
    session = next((tmp_path / "data" / "sessions").glob("*.yml"))
    chat = "https://chat.fosdem.org/#/room/#2026-main:fosdem.org"
    session.write_text(session.read_text(encoding="utf-8") + f"links:\n  - url: {chat}\n    kind: website\n", encoding="utf-8")
    data = json.loads(export_files(check_project(tmp_path).programme.published_at(SITE_URL), STAMP)["schedule.json"])
    assert [e.message for e in json_validator.iter_errors(data)] == []
    assert "https://chat.fosdem.org/#/room/%232026-main:fosdem.org" in json.dumps(data)


def test_schedule_ids_are_stable_when_sessions_are_added(tmp_path):
    import shutil

    shutil.copytree(MULTI_DATA, tmp_path / "data")

    def guids_and_ids():
        data = json.loads(export_files(check_project(tmp_path).programme, STAMP)["schedule.json"])
        days = data["schedule"]["conference"]["days"]
        return {e["guid"]: e["id"] for d in days for events in d["rooms"].values() for e in events}

    before = guids_and_ids()
    (tmp_path / "data" / "sessions" / "aaa.yml").write_text("title: New\ndate: 2025-03-29\nstart: 08:00\n")
    after = guids_and_ids()
    assert before.items() < after.items()


def test_schedule_version_changes_with_the_schedule_only(tmp_path):
    import shutil

    shutil.copytree(MULTI_DATA, tmp_path / "data")

    def version():
        return json.loads(export_files(check_project(tmp_path).programme, STAMP)["schedule.json"])["schedule"]["version"]

    first = version()
    assert version() == first
    (tmp_path / "data" / "sessions" / "rent-caps.yml").write_text("title: Moved\ndate: 2025-03-29\nstart: 08:00\n")
    assert version() != first


def test_exports_are_served_from_the_built_site(seed_project):
    site = Path(seed_project) / "site"
    for name in ("schedule.xml", "schedule.json", "sessions.json", "programme.ics"):
        assert (site / name).is_file(), name
    assert (site / "streams" / "chinese-social-policy.ics").is_file()
    assert (site / "people" / "lijie-fang.ics").is_file()


def _events(schedule: dict) -> list[dict]:
    return [e for day in schedule["conference"]["days"] for room in day["rooms"].values() for e in room]


def test_schedule_shows_a_session_of_papers_as_one_event_listing_them():
    events = {e["slug"].split("-", 1)[1]: e for e in _events(json.loads(aspc_published()["schedule.json"])["schedule"])}
    session = events["chinese-social-policy-1"]
    assert session["type"] == "paper-session" and session["room"] == "Law Theatre G04"
    assert session["description"].splitlines() == [
        "1. Collective sharing, innovation, and precise poverty alleviation in China (Chienchung Huang, Lijie Fang)",
        "2. Dibao and the rural–urban gap (Lijie Fang, Anna Becker)",
        "3. Targeted poverty alleviation in 40 villages (Wei Zhang)",
    ]
    # The chair, then the presenting authors; Anna Becker, a co-author not presenting, is not there.
    assert [p["name"] for p in session["persons"]] == ["Mei Chen", "Chienchung Huang", "Lijie Fang", "Wei Zhang"]
    assert "lunch" not in events and "morning-tea" not in events  # breaks are not events for apps


def test_schedule_shows_papers_with_their_own_times_as_the_events():
    schedule = json.loads(aspc_published()["schedule.json"])["schedule"]
    events = {e["slug"].split("-", 1)[1]: e for e in _events(schedule)}
    assert "minimum-incomes" not in events
    paper = events["rent-assistance-renters"]
    assert (paper["start"], paper["duration"], paper["type"]) == ("11:25", "00:30", "paper")
    assert paper["subtitle"] == "Minimum incomes under pressure"
    assert paper["url"] == SITE_URL + "papers/rent-assistance-renters/"


def test_schedule_never_shows_two_overlapping_events_in_one_room_and_finds_every_paper():
    schedule = json.loads(aspc_published()["schedule.json"])["schedule"]
    text = json.dumps(schedule, ensure_ascii=False)
    for day in schedule["conference"]["days"]:
        for room, events in day["rooms"].items():
            spans = sorted((e["date"], e["end"]) for e in events)
            for (_, first_end), (second_start, _) in zip(spans, spans[1:]):
                assert second_start >= first_end, room
    for paper in check_project(ASPC_DATA.parent).programme.papers:
        if paper.session_id:
            assert (paper.title in text) != paper.cancelled, paper.id  # a cancelled one is left out


def test_schedule_passes_links_on_as_links_and_attachments():
    events = {e["slug"].split("-", 1)[1]: e for e in _events(json.loads(aspc_published()["schedule.json"])["schedule"])}
    # A session's event carries its papers' links, titled by paper; slides and papers are attachments.
    assert events["chinese-social-policy-1"]["attachments"] == [
        {"type": "slides", "url": "https://example.org/aspc2019/dibao-slides.pdf", "title": "Dibao and the rural–urban gap: slides"},
        {"type": "paper", "url": "https://example.org/aspc2019/targeted-poverty.pdf", "title": "Targeted poverty alleviation in 40 villages: paper"},
    ]
    # Papers that are events of their own carry their session's recording.
    assert events["newstart-adequacy"]["links"] == [
        {"type": "media", "url": "https://example.org/aspc2019/minimum-incomes/recording"}
    ]
    xml = aspc_published()["schedule.xml"].decode("utf-8")
    assert '<link href="https://example.org/aspc2019/minimum-incomes/recording" type="media" />' in xml
    late = events["late-networking"]
    assert late["end"] == "2019-09-11T00:30:00+10:00" and late["duration"] == "01:30"


def test_schedule_json_names_a_zone_by_its_current_name_and_passes_the_schema(tmp_path, json_validator):
    """pretalx exports US/Eastern; the c3voc schema (and apps) know America/New_York."""
    shutil.copytree(SEED_DATA, tmp_path / "data")
    conference = tmp_path / "data" / "conference.yml"
    conference.write_text(conference.read_text().replace("timezone: Australia/Sydney", "timezone: US/Eastern"))
    programme = check_project(tmp_path).programme
    assert programme.conference.zone.key == "US/Eastern"
    data = json.loads(export_files(programme.published_at(SITE_URL), STAMP)["schedule.json"])
    assert data["schedule"]["conference"]["time_zone_name"] == "America/New_York"
    assert [e.message for e in json_validator.iter_errors(data)] == []
    xml = etree.fromstring(export_files(programme, STAMP)["schedule.xml"])
    assert xml.findtext("conference/time_zone_name") == "America/New_York"


def test_an_opt_out_of_recording_reaches_the_schedule_exports(tmp_path, json_validator, xml_schema):
    """A session whose presenters said no, and a paper at its own time whose presenters did:
    video teams read do_not_record and <optout> on exactly those events."""
    shutil.copytree(ASPC_DATA, tmp_path / "data")
    for path in ("sessions/chinese-social-policy-1.yml", "papers/newstart-adequacy.yml"):
        file = tmp_path / "data" / path
        file.write_text(file.read_text() + "recording: false\n")
    files = export_files(check_project(tmp_path).programme.published_at(SITE_URL), STAMP)
    data = json.loads(files["schedule.json"])
    events = {e["url"].rstrip("/").rsplit("/", 1)[1]: e for day in data["schedule"]["conference"]["days"]
              for room in day["rooms"].values() for e in room}  # fmt: skip
    assert sorted(key for key, event in events.items() if event.get("do_not_record")) == ["chinese-social-policy-1", "newstart-adequacy"]
    assert [e.message for e in json_validator.iter_errors(data)] == []
    xml = etree.fromstring(files["schedule.xml"])
    assert xml_schema.validate(xml), xml_schema.error_log
    optouts = sorted(e.findtext("title")[:20] for e in xml.iter("event") if e.findtext("recording/optout") == "true")
    assert optouts == sorted(events[key]["title"][:20] for key in ("chinese-social-policy-1", "newstart-adequacy"))
