"""my-programme.json: what the My programme page reads of every session and paper."""

from __future__ import annotations

import json
from collections import Counter

import icalendar

from podium.exports.my_programme import short_codes
from tests.golden.regenerate import generated


def _data(case: str) -> tuple[dict, dict[str, bytes]]:
    files = generated(case)
    return json.loads(files["my-programme.json"]), files


def test_every_session_with_a_page_every_paper_and_every_break_is_listed():
    data, files = _data("aspc")
    keys = {item["key"] for item in data["items"]}
    pages = {path.removesuffix(".md") for path in files if path.startswith(("sessions/", "papers/")) and path.endswith(".md")}
    expected = {("s:" if page.startswith("sessions/") else "p:") + page.split("/")[1] for page in pages}
    assert expected <= keys
    assert keys - expected == {"s:morning-tea", "s:lunch"}  # breaks: context only


def test_breaks_have_no_page_no_code_and_no_calendar():
    data, _ = _data("aspc")
    lunch = next(item for item in data["items"] if item["key"] == "s:lunch")
    assert lunch["everyone"] is True
    assert not {"page", "code", "ics"} & set(lunch)


def test_every_page_and_calendar_named_is_one_the_site_has():
    data, files = _data("aspc")
    for item in data["items"]:
        if "page" in item:
            assert item["page"].removesuffix("/") + ".md" in files
        if "ics" in item:
            assert item["ics"] in files


def test_a_paper_at_its_sessions_time_uses_its_sessions_calendar_and_one_with_its_own_time_its_own():
    data, _ = _data("aspc")
    items = {item["key"]: item for item in data["items"]}
    assert items["p:dibao-rural-urban-gap"]["ics"] == "sessions/chinese-social-policy-1.ics"
    assert items["p:newstart-adequacy"]["ics"] == "papers/newstart-adequacy.ics"
    assert items["p:newstart-adequacy"]["session"] == "s:minimum-incomes"


def test_an_unscheduled_paper_has_no_time_and_no_calendar():
    data, _ = _data("aspc")
    paper = next(item for item in data["items"] if item["key"] == "p:older-women-homelessness")
    assert not {"date", "time", "start", "end", "ics"} & set(paper)


def test_times_are_printed_as_on_the_site_with_instants_for_clashes():
    data, _ = _data("aspc")
    late = next(item for item in data["items"] if item["key"] == "s:late-networking")
    assert late["time"] == "11.00 pm – 12.30 am AEST (next day)"
    assert (late["start"], late["end"]) == ("2019-09-10T23:00:00+10:00", "2019-09-11T00:30:00+10:00")
    assert data["days"] == {"2019-09-10": "Tuesday, 10 September 2019"}


def test_the_calendar_frame_with_the_sites_own_events_is_a_calendar_of_those_events():
    data, files = _data("aspc")
    chosen = ["sessions/opening-keynote.ics", "papers/newstart-adequacy.ics"]
    events = []
    for path in chosen:
        text = files[path].decode("utf-8")
        events.append(text[text.index("BEGIN:VEVENT"):text.index("END:VEVENT") + len("END:VEVENT\r\n")])
    calendar = icalendar.Calendar.from_ical(data["calendar"]["opening"] + "".join(events) + data["calendar"]["closing"])
    own_uids = [str(icalendar.Calendar.from_ical(files[path]).walk("VEVENT")[0]["UID"]) for path in chosen]
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == own_uids
    assert own_uids[0].startswith("session-opening-keynote@") and own_uids[1].startswith("paper-newstart-adequacy@")
    assert str(calendar["X-WR-CALNAME"]) == "My programme (ASPC 2019)"
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_codes_are_short_unique_and_the_same_from_build_to_build():
    keys = [f"s:session-{n}" for n in range(5000)] + [f"p:paper-{n}" for n in range(5000)]
    codes = short_codes(keys)
    assert len(set(codes.values())) == len(keys)
    assert sum(len(code) == 4 for code in codes.values()) > 0.98 * len(keys)
    assert short_codes(list(reversed(keys))) == codes


def test_a_code_depends_on_its_key_alone_unless_another_shares_it():
    assert short_codes(["s:a"])["s:a"] == short_codes(["s:a", "s:b", "p:c"])["s:a"]


def test_keys_that_share_a_code_both_get_longer_ones_so_no_old_link_opens_the_wrong_one():
    keys = [f"s:session-{n}" for n in range(5000)]
    codes = short_codes(keys)
    alone = {key: short_codes([key])[key] for key in keys}  # the code each would have by itself
    sharing = Counter(alone.values())
    longer = [key for key in keys if len(codes[key]) > 4]
    assert longer, "5,000 keys share some 4-character codes"
    for key in longer:
        assert sharing[alone[key]] >= 2 and alone[key] not in codes.values()
    assert all(codes[key] == alone[key] for key in keys if sharing[alone[key]] == 1)


def test_thirty_sessions_make_a_share_fragment_of_under_160_characters():
    codes = short_codes([f"s:session-{n}" for n in range(30)])
    fragment = "#share=" + ".".join(sorted(codes.values()))
    assert len(fragment) < 160


def test_items_leave_out_empty_fields():
    data, _ = _data("multi")
    for item in data["items"]:
        assert all(value not in (None, False, "") for value in item.values()), item
