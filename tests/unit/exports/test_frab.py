"""schedule.xml and schedule.json proven against the published frab/c3voc schemas."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from podium.exports import files as export_files
from podium.programme.check import check_project
from tests.conftest import MULTI_DATA, REPO
from tests.golden.regenerate import STAMP, generated

SCHEMAS = REPO / "tests" / "fixtures" / "schemas"
SITE_URL = "https://podium.example/aspc2019/"


def seed_published() -> dict[str, bytes]:
    """The seed's exports as the publishing workflow builds them, with the site's address."""
    return export_files(check_project(REPO).programme.published_at(SITE_URL), STAMP)


EXPORTS = {
    "seed": lambda: generated("seed"),
    "seed-published": seed_published,
    "multi": lambda: generated("multi"),
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


@pytest.mark.parametrize("case", ["seed-published", "multi"])
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
