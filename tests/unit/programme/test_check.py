"""programme/check.py: the whole data folder checked at once, and the programme built."""

from __future__ import annotations

import datetime as dt

from podium.programme.check import check_project
from tests.conftest import SEED_DATA
from tests.helpers import seed_facts, write_data


def messages(root) -> list[str]:
    return [str(p) for p in check_project(root).problems.sorted()]


def test_check_project_builds_the_seed_programme_exactly():
    result = check_project(SEED_DATA.parent)
    facts = seed_facts()
    assert result.problems.items == []
    programme = result.programme
    assert programme.conference.name == "Australian Social Policy Conference 2019"
    assert programme.conference.zone.key == "Australia/Sydney"
    assert programme.conference.start_date is None and programme.conference.end_date is None
    (session,) = programme.sessions
    assert session.title == facts.title
    assert session.stream.name == facts.stream
    assert (session.date, session.start, session.end) == (dt.date(2019, 9, 10), dt.time(10, 55), dt.time(12, 35))
    assert session.room is None
    assert session.abstract == facts.abstract
    assert [a.person.name for a in session.people] == facts.names
    assert [a.role for a in session.people] == ["Presenter", "Presenter"]
    assert [a.affiliation for a in session.people] == facts.affiliations
    assert [a.person.bio for a in session.people] == facts.bios


def test_check_project_resolves_stream_and_people_with_overridden_affiliation(tmp_path):
    write_data(tmp_path, {
        "streams.yml": "- id: s\n  name: S\n",
        "people/p.yml": "name: P\naffiliation: Home\n",
        "sessions/a.yml": "title: A\nstream: s\npeople:\n  - person: p\n    affiliation: Away\n  - person: p\n",
    })  # fmt: skip
    (session,) = check_project(tmp_path).programme.sessions
    assert session.stream.id == "s"
    assert [a.affiliation for a in session.people] == ["Away", "Home"]


def test_check_project_reports_unknown_references_with_suggestions(tmp_path):
    write_data(tmp_path, {
        "streams.yml": "- id: housing\n  name: Housing\n",
        "people/lijie-fang.yml": "name: Lijie Fang\n",
        "sessions/a.yml": "title: A\nstream: housng\npeople:\n  - person: lijie-fung\n  - person: nobody\n",
    })  # fmt: skip
    assert messages(tmp_path) == [
        "data/sessions/a.yml:2:9: error: unknown stream 'housng' (did you mean 'housing'?)",
        "data/sessions/a.yml:4:13: error: unknown person 'lijie-fung' (did you mean 'lijie-fang'?)",
        "data/sessions/a.yml:5:13: error: unknown person 'nobody' (add it to data/people/)",
    ]


def test_check_project_reports_impossible_dates_and_times(tmp_path):
    write_data(tmp_path, {
        "sessions/a.yml": "title: A\ndate: 2019-02-30\nstart: 10:00\n",
        "sessions/b.yml": "title: B\ndate: 2019-09-10\nstart: 11:00\nend: 10:30\n",
        "sessions/c.yml": "title: C\ndate: 2019-09-10\nend: 10:30\n",
    })  # fmt: skip
    assert messages(tmp_path) == [
        "data/sessions/a.yml:2:7: error: date 2019-02-30 is not a date on the calendar",
        "data/sessions/b.yml:4:6: error: end 10:30 is not after start 11:00"
        " (for a session that runs past midnight, give its duration instead, e.g. duration: 1:30)",
        "data/sessions/c.yml:3:6: error: end is given without start",
    ]


def test_check_project_reports_times_skipped_or_repeated_by_daylight_saving(tmp_path):
    # Sydney: clocks went forward at 02:00 on 6 October 2019 and back at 03:00 on 7 April 2019.
    write_data(tmp_path, {
        "sessions/gap.yml": "title: A\ndate: 2019-10-06\nstart: 02:30\nend: 04:00\n",
        "sessions/fold.yml": "title: B\ndate: 2019-04-07\nstart: 01:00\nend: 02:30\n",
    })  # fmt: skip
    assert messages(tmp_path) == [
        "data/sessions/fold.yml:4:6: error: end 02:30 on 2019-04-07 happens twice in Australia/Sydney (clocks go back)",
        "data/sessions/gap.yml:3:8: error: start 02:30 on 2019-10-06 does not exist in Australia/Sydney (clocks go forward)",
    ]


def test_check_project_reports_sessions_outside_the_conference_dates(tmp_path):
    write_data(tmp_path, {
        "conference.yml": "name: C\ntimezone: Australia/Sydney\nstart_date: 2019-09-09\nend_date: 2019-09-11\n",
        "sessions/a.yml": "title: A\ndate: 2019-09-12\n",
    })  # fmt: skip
    assert messages(tmp_path) == [
        "data/sessions/a.yml:2:7: error: date 2019-09-12 is outside the conference (2019-09-09 to 2019-09-11)"
    ]


def test_check_project_reports_unknown_time_zone_and_language(tmp_path):
    write_data(tmp_path, {"conference.yml": "name: C\ntimezone: Australia/Sidney\nlanguage: xx-QQ\n"})
    assert messages(tmp_path) == [
        "data/conference.yml:2:11: error: unknown time zone 'Australia/Sidney' (did you mean 'Australia/Sydney'?)",
        "data/conference.yml:3:11: error: unknown language 'xx-QQ' (use a BCP 47 tag such as en-AU)",
    ]


def test_check_project_reports_file_names_that_are_not_ids(tmp_path):
    write_data(tmp_path, {"sessions/Bad Name.yml": "title: A\n", "people/p.yaml": "name: P\n"})
    assert messages(tmp_path) == [
        "data/people/p.yaml: error: data files end in .yml (rename it to p.yml)",
        "data/sessions/Bad Name.yml: error: the file name 'Bad Name' is not a valid id"
        " (use lower-case letters, digits and single hyphens, e.g. lijie-fang.yml)",
    ]


def test_check_project_reports_every_problem_in_every_file_at_once(tmp_path):
    write_data(tmp_path, {
        "streams.yml": "- id: s\n  name: S\n- id: s\n  name: Again\n",
        "people/p.yml": "nmae: P\n",
        "sessions/a.yml": "title: A\nstream: t\n",
        "sessions/b.yml": "title: B\nstart: 25:00\n",
    })  # fmt: skip
    found = messages(tmp_path)
    assert [m.split(":")[0] for m in found] == [
        "data/people/p.yml", "data/people/p.yml", "data/sessions/a.yml", "data/sessions/b.yml", "data/streams.yml",
    ]  # fmt: skip


def test_check_project_needs_conference_file(tmp_path):
    (tmp_path / "data").mkdir()
    assert messages(tmp_path) == ["data/conference.yml: error: missing: every site needs data/conference.yml"]


def test_check_project_warns_about_start_without_date_and_still_builds(tmp_path):
    write_data(tmp_path, {"sessions/a.yml": "title: A\nstart: 10:00\n"})
    result = check_project(tmp_path)
    assert [str(p) for p in result.problems] == [
        "data/sessions/a.yml:2:8: warning: start is given without date: the session is listed as to be announced"
    ]
    assert [s.id for s in result.programme.sessions] == ["a"]


def test_check_project_orders_sessions_by_day_and_time_then_unscheduled(tmp_path):
    write_data(tmp_path, {
        "sessions/late.yml": "title: Late\ndate: 2019-09-10\nstart: 14:00\n",
        "sessions/early.yml": "title: Early\ndate: 2019-09-10\nstart: 09:00\n",
        "sessions/next-day.yml": "title: Next\ndate: 2019-09-11\nstart: 08:00\n",
        "sessions/tba.yml": "title: TBA\n",
    })  # fmt: skip
    assert [s.id for s in check_project(tmp_path).programme.sessions] == ["early", "late", "next-day", "tba"]


def test_check_project_reports_two_sessions_in_one_room_at_once(tmp_path):
    write_data(tmp_path, {
        "sessions/a.yml": "title: A\ndate: 2019-09-10\nstart: 10:00\nend: 11:00\nroom: G04\n",
        "sessions/b.yml": "title: B\ndate: 2019-09-10\nstart: 10:30\nend: 11:30\nroom: G04\n",
        "sessions/c.yml": "title: C\ndate: 2019-09-10\nstart: 11:00\nend: 12:00\nroom: G04\n",
        "sessions/d.yml": "title: D\ndate: 2019-09-11\nstart: 10:00\nend: 11:00\nroom: G04\n",
    })  # fmt: skip
    assert messages(tmp_path) == [
        "data/sessions/b.yml:5:7: error: room 'G04' is taken at 10:30–11:30 on 2019-09-10 by"
        " data/sessions/a.yml (10:00–11:00) (give one of them another room or time)",
        "data/sessions/c.yml:5:7: error: room 'G04' is taken at 11:00–12:00 on 2019-09-10 by"
        " data/sessions/b.yml (10:30–11:30) (give one of them another room or time)",
    ]


def test_check_project_warns_once_about_talks_of_an_old_style_slot_and_builds(tmp_path):
    slot = "stream: s\ndate: 2019-09-10\nstart: 10:55\nend: 12:35\nroom: G04\npeople:\n  - person: p\n"
    write_data(tmp_path, {
        "streams.yml": "- id: s\n  name: S\n",
        "people/p.yml": "name: P\n",
        "sessions/a.yml": "title: A\n" + slot,
        "sessions/b.yml": "title: B\n" + slot,
    })  # fmt: skip
    result = check_project(tmp_path)
    (warning,) = [str(p) for p in result.problems]
    assert warning.startswith(
        "data/sessions/a.yml:1:8: warning: 2 talks share stream 's', 2019-09-10 and 10:55–12:35:"
        " data/sessions/a.yml, data/sessions/b.yml"
    )
    assert "data/sessions/s-2019-09-10-1055.yml with `papers: [a, b]`" in warning
    assert result.programme is not None and len(result.programme.sessions) == 2


def test_talks_of_one_stream_at_one_time_in_different_rooms_are_parallel_not_a_slot(tmp_path):
    at = "stream: s\ndate: 2019-09-10\nstart: 10:55\nend: 12:35\n"
    write_data(tmp_path, {
        "streams.yml": "- id: s\n  name: Main track\n",
        "sessions/a.yml": "title: A\nroom: Janson\n" + at,
        "sessions/b.yml": "title: B\nroom: K.1.105\n" + at,
    })  # fmt: skip
    result = check_project(tmp_path)
    assert [str(p) for p in result.problems] == []


def test_check_project_warns_about_a_person_in_two_sessions_at_once(tmp_path):
    write_data(tmp_path, {
        "people/p.yml": "name: Pat Lee\n",
        "people/q.yml": "name: Q\n",
        "sessions/a.yml": "title: A\ndate: 2019-09-10\nstart: 10:00\nend: 11:00\npeople:\n  - person: p\n",
        "sessions/b.yml": "title: B\ndate: 2019-09-10\nstart: 10:30\npeople:\n  - person: q\n  - person: p\n",
    })  # fmt: skip
    result = check_project(tmp_path)
    assert [str(p) for p in result.problems] == [
        "data/sessions/b.yml:6:13: warning: Pat Lee is in two sessions at once: this one (10:30)"
        " and data/sessions/a.yml (10:00–11:00) on 2019-09-10"
    ]
    assert result.programme is not None


def test_check_project_still_checks_meaning_in_a_file_with_schema_errors(tmp_path):
    write_data(tmp_path, {"sessions/a.yml": "title: A\nabstarct: x\nstream: nowhere\ndate: 2019-02-30\n"})
    assert messages(tmp_path) == [
        "data/sessions/a.yml:2:1: error: unknown field 'abstarct' (did you mean 'abstract'?)",
        "data/sessions/a.yml:3:9: error: unknown stream 'nowhere' (add it to data/streams.yml)",
        "data/sessions/a.yml:4:7: error: date 2019-02-30 is not a date on the calendar",
    ]


def test_check_project_reads_sessions_papers_and_people_sorted_into_subfolders(tmp_path):
    write_data(tmp_path, {
        "people/speakers/p.yml": "name: P\n",
        "papers/day-1/x.yml": "title: X\npeople:\n  - person: p\n",
        "sessions/day-1/morning/a.yml": "title: A\npapers:\n  - x\n",
        "sessions/b.yml": "title: B\n",
    })  # fmt: skip
    result = check_project(tmp_path)
    assert [str(p) for p in result.problems] == []
    programme = result.programme
    assert sorted(s.id for s in programme.sessions) == ["a", "b"]
    assert [p.session_id for p in programme.papers] == ["a"] and programme.people[0].id == "p"


def test_check_project_reports_what_data_holds_that_it_does_not_read(tmp_path):
    write_data(tmp_path, {
        "sessions/day-2/talk.yml": "title: Published\n",
        "session/talk-2.yml": "title: In a misspelt folder\n",
    })  # fmt: skip
    assert messages(tmp_path) == [
        "data/session/: error: Podium does not read data/session/ (did you mean data/sessions/?)",
    ]
