"""Calendar files read back by three independent parsers: icalendar, vobject and ical."""

from __future__ import annotations

import datetime as dt
import functools
import io

import icalendar
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from podium.exports import ics
from podium.programme.check import check_project
from tests.conftest import FIXTURES
from tests.golden.regenerate import generated

MULTI = FIXTURES / "multi"

CASES = ["seed", "multi", "aspc"]


def calendars(case: str) -> dict[str, bytes]:
    return {path: content for path, content in generated(case).items() if path.endswith(".ics")}


@pytest.mark.parametrize("case", CASES)
def test_every_calendar_parses_with_three_parsers(case):
    found = calendars(case)
    assert found
    for path, content in found.items():
        text = content.decode("utf-8")
        icalendar.Calendar.from_ical(content)
        parsed = vobject.readOne(io.StringIO(text))  # raises on a missing UID, DTSTAMP or VERSION
        assert parsed.name == "VCALENDAR", path
        IcsCalendarStream.calendar_from_ics(text)  # strict: unknown TZIDs, DTEND with DURATION


def test_seed_session_times_agree_in_every_parser():
    text = generated("seed")["sessions/collective-sharing-poverty-alleviation-china.ics"].decode("utf-8")
    expected_start = dt.datetime(2019, 9, 10, 0, 55, tzinfo=dt.timezone.utc)
    expected_end = dt.datetime(2019, 9, 10, 2, 35, tzinfo=dt.timezone.utc)
    (event,) = IcsCalendarStream.calendar_from_ics(text).events
    assert (event.dtstart, event.dtend) == (expected_start, expected_end)
    assert str(event.dtstart.tzinfo) == "Australia/Sydney"
    vevent = vobject.readOne(io.StringIO(text)).vevent
    assert (vevent.dtstart.value, vevent.dtend.value) == (expected_start, expected_end)
    assert vevent.summary.value == "Collective sharing, innovation, and precise poverty alleviation in China"


@pytest.mark.parametrize("case", CASES)
def test_every_calendar_uses_crlf_and_75_octet_lines(case):
    for path, content in calendars(case).items():
        assert content.endswith(b"\r\n"), path
        assert b"\n" not in content.replace(b"\r\n", b""), path
        assert max(len(line) for line in content.split(b"\r\n")) <= 75, path


def uids(content: bytes) -> list[str]:
    return [str(e["UID"]) for e in icalendar.Calendar.from_ical(content).walk("VEVENT")]


def test_programme_calendar_holds_every_timed_session_once():
    files = generated("multi")
    assert sorted(uids(files["programme.ics"])) == sorted(
        uids(files[path])[0] for path in files if path.startswith("sessions/") and path.endswith(".ics")
    )
    assert len(uids(files["programme.ics"])) == 6  # seven sessions, one still to be announced (one cancelled: still there)


def test_stream_and_person_calendars_hold_their_sessions():
    files = generated("multi")
    assert sorted(uids(files["streams/housing.ics"])) == [
        "session-hostile-text@ptc-2025.podium",
        "session-housing-first@ptc-2025.podium",
        "session-rent-caps@ptc-2025.podium",
        "session-tenants-roundtable@ptc-2025.podium",  # cancelled, so calendars that have it mark it
    ]
    assert sorted(uids(files["people/zoe-nunez.ics"])) == [
        "session-housing-first@ptc-2025.podium",
        "session-pension-reform@ptc-2025.podium",
        "session-tenants-roundtable@ptc-2025.podium",
    ]
    # Sam's only timed sessions; the care-workforce session has no date.
    assert "session-care-workforce@ptc-2025.podium" not in uids(files["people/sam-okafor.ics"])


def test_uids_do_not_change_when_a_session_is_added(tmp_path):
    import shutil

    from podium.exports import files as export_files
    from podium.programme.check import check_project
    from tests.conftest import MULTI_DATA
    from tests.golden.regenerate import STAMP

    shutil.copytree(MULTI_DATA, tmp_path / "data")
    before = uids(export_files(check_project(tmp_path).programme, STAMP)["programme.ics"])
    (tmp_path / "data" / "sessions" / "aaa-first.yml").write_text("title: New\ndate: 2025-03-29\nstart: 08:00\n")
    after = uids(export_files(check_project(tmp_path).programme, STAMP)["programme.ics"])
    assert set(before) < set(after)


def test_calendar_escapes_commas_semicolons_and_backslashes():
    content = generated("multi")["sessions/hostile-text.ics"]
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "<b>Room</b> 2 | {#id} `code`, Example Hall, 1 Example Street, Berlin, DE"
    assert b"Example Hall\\, 1 Example Street" in content.replace(b"\r\n ", b"")


def _calendar_made_whole(programme, name: str) -> bytes:
    """A calendar with no events, every line written by icalendar (as CalendarWriter once did)."""
    head = icalendar.Calendar()
    head.add("prodid", ics.PRODUCT_ID)
    head.add("version", "2.0")
    head.add("calscale", "GREGORIAN")
    head.add("method", "PUBLISH")
    head.add("x-wr-calname", name)
    head.add("x-wr-timezone", programme.conference.zone.key)
    return head.to_ical()


@functools.cache
def _multi_programme():
    return check_project(MULTI).programme


@settings(max_examples=200)
@given(name=st.text() | st.sampled_from(["Zoë Núñez; a, b\\c", "x" * 200, "方丽洁" * 40, "Podium stand-in calendar name"]))
def test_calendar_lines_around_the_name_are_what_icalendar_writes(name):
    programme = _multi_programme()  # read once: the examples vary the name only
    writer = ics.CalendarWriter(programme, dt.datetime(2019, 9, 1, tzinfo=dt.timezone.utc), {})
    assert _outcome(writer.calendar, name, []) == _outcome(_calendar_made_whole, programme, name)


def _outcome(function, *arguments):
    """What `function` returns, or the kind of error it raises (icalendar refuses a raw line break)."""
    try:
        return function(*arguments)
    except Exception as error:  # noqa: BLE001 (the kind is what is compared)
        return type(error)


def _event(content: bytes, uid: str):
    return next(e for e in icalendar.Calendar.from_ical(content).walk("VEVENT") if str(e["UID"]) == uid)


def test_a_session_past_midnight_ends_the_next_day_in_its_calendar():
    event = _event(generated("aspc")["sessions/late-networking.ics"], "session-late-networking@aspc-2019.podium")
    assert event.decoded("DTEND").isoformat() == "2019-09-11T00:30:00+10:00"


def test_session_of_papers_calendar_lists_its_papers_and_breaks_have_none():
    files = generated("aspc")
    description = str(_event(files["sessions/chinese-social-policy-1.ics"], "session-chinese-social-policy-1@aspc-2019.podium")["DESCRIPTION"])
    assert "Papers:\n1. Collective sharing" in description and "3. Targeted poverty alleviation in 40 villages" in description
    assert not [path for path in files if path.startswith("sessions/lunch")]
    assert "session-lunch@aspc-2019.podium" not in uids(files["programme.ics"])


def test_person_calendar_holds_what_they_chair_discuss_and_present():
    files = generated("aspc")
    assert sorted(uids(files["people/anna-becker.ics"])) == [
        "session-minimum-incomes@aspc-2019.podium",  # discussant
        "session-posters@aspc-2019.podium",  # presents a poster; a co-author elsewhere, not there
    ]
    assert sorted(uids(files["people/sam-kaur.ics"])) == [
        "paper-cashless-debit-card@aspc-2019.podium",  # papers with their own times, as themselves
        "paper-rent-assistance-renters@aspc-2019.podium",
    ]
    assert uids(files["people/mei-chen.ics"]) == ["session-chinese-social-policy-1@aspc-2019.podium"]


def test_stream_calendars_hold_the_sessions_for_everyone():
    files = generated("aspc")
    for stream in ("chinese-social-policy", "income-support"):
        held = uids(files[f"streams/{stream}.ics"])
        assert "session-opening-keynote@aspc-2019.podium" in held and "session-late-networking@aspc-2019.podium" in held
