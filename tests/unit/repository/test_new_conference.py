"""repository/new_conference.py: `build.py new` makes data/ the organiser's own, keeping the seed."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from podium.programme.check import check_project
from podium.repository.new_conference import NewConference, NewConferenceError, complete, start_conference
from tests.conftest import MULTI_DATA, SEED_DATA

WORKSHOP = NewConference('Workshop: "Data" & Society', dt.date(2027, 3, 1), dt.date(2027, 3, 2), "Europe/Berlin", "de")


def test_new_conference_is_a_valid_programme_with_the_answers_given(tmp_path):
    start_conference(tmp_path, WORKSHOP)
    result = check_project(tmp_path)
    assert result.problems.items == []
    conference = result.programme.conference
    assert conference.name == 'Workshop: "Data" & Society'
    assert (conference.start_date, conference.end_date) == (dt.date(2027, 3, 1), dt.date(2027, 3, 2))
    assert (conference.zone.key, conference.language) == ("Europe/Berlin", "de")
    (session,) = result.programme.sessions
    assert session.date == dt.date(2027, 3, 1) and session.stream.id == "main"
    assert [role.person.name for role in session.people] == ["Conference Chair"]


def test_new_conference_moves_the_seed_to_examples(tmp_path):
    shutil.copytree(SEED_DATA, tmp_path / "data")
    done = start_conference(tmp_path, WORKSHOP)
    assert done[0] == "moved the seed (ASPC 2019) to examples/seed/data/, to copy from"
    kept = sorted(p.relative_to(tmp_path / "examples" / "seed" / "data") for p in (tmp_path / "examples").rglob("*.yml"))
    assert kept == sorted(p.relative_to(SEED_DATA) for p in SEED_DATA.rglob("*.yml"))
    assert not (tmp_path / "data" / "sessions" / "collective-sharing-poverty-alleviation-china.yml").exists()


def test_new_conference_never_replaces_a_programme_of_the_organisers(tmp_path):
    shutil.copytree(MULTI_DATA, tmp_path / "data")
    before = {p: p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file()}
    with pytest.raises(NewConferenceError, match="already holds a programme"):
        start_conference(tmp_path, WORKSHOP)
    assert {p: p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file()} == before
    assert not (tmp_path / "examples").exists()


def test_new_conference_counts_an_edited_seed_as_the_organisers(tmp_path):
    shutil.copytree(SEED_DATA, tmp_path / "data")
    (tmp_path / "data" / "streams.yml").write_text((SEED_DATA / "streams.yml").read_text() + "# mine\n")
    with pytest.raises(NewConferenceError):
        start_conference(tmp_path, WORKSHOP)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (("", "2027-03-01", "2027-03-01", "Europe/Berlin"), "needs a name"),
        (("W", "1.3.2027", "2027-03-01", "Europe/Berlin"), "start date '1.3.2027' is not a date"),
        (("W", "2027-03-02", "2027-03-01", "Europe/Berlin"), "end date 2027-03-01 is before the start date"),
        (("W", "2027-03-01", "2027-03-01", "Berlin"), "not an IANA zone"),
    ],
)
def test_new_conference_says_which_answer_is_wrong(answers, message):
    with pytest.raises(NewConferenceError, match=message):
        NewConference.parse(*answers)


def test_new_conference_asks_only_what_was_not_given_and_the_last_day_defaults_to_the_first():
    asked = []

    def ask(question: str) -> str:
        asked.append(question)
        return {"Conference name: ": "Workshop", "Last day (YYYY-MM-DD) [2027-03-01]: ": ""}[question]

    given = {"name": None, "start": "2027-03-01", "end": None, "timezone": "Europe/Berlin"}
    # Given a start, the end is the start unless asked: nothing but the name is asked.
    assert complete(given, ask) == {"name": "Workshop", "start": "2027-03-01", "end": "2027-03-01", "timezone": "Europe/Berlin"}
    assert asked == ["Conference name: "]


def test_new_conference_without_a_terminal_names_the_options_to_give():
    with pytest.raises(NewConferenceError, match="needs --name --start --end --timezone"):
        complete({"name": None, "start": None, "end": None, "timezone": None}, ask=None)
