"""sessions.json: the whole programme, valid against its published schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import REPO
from tests.golden.regenerate import generated


@pytest.fixture(scope="module")
def validator():
    schema = json.loads((REPO / "schemas" / "sessions-json.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("case", ["seed", "multi", "aspc"])
def test_sessions_json_is_valid_against_its_schema(case, validator):
    data = json.loads(generated(case)["sessions.json"])
    assert [e.message for e in validator.iter_errors(data)] == []


def test_sessions_json_holds_every_session_resolved():
    data = json.loads(generated("multi")["sessions.json"])
    assert [s["id"] for s in data["sessions"]] == [
        "housing-first", "rent-caps", "tenants-roundtable", "pension-reform", "hostile-text", "closing-plenary",
        "care-workforce",
    ]  # fmt: skip
    first = data["sessions"][0]
    assert first["starts_at"] == "2025-03-29T10:55:00+01:00" and first["ends_at"] == "2025-03-29T12:35:00+01:00"
    assert first["people"][1] == {
        "person": "fang-lijie", "name": "方丽洁", "role": "Chair", "affiliation": "Visiting, Example University",
        "presenting": True,
    }  # fmt: skip
    assert first["url"] == "https://example.org/ptc2025/sessions/housing-first/"
    assert first["calendar"] == "https://example.org/ptc2025/sessions/housing-first.ics"
    unscheduled = data["sessions"][-1]
    assert (unscheduled["date"], unscheduled["starts_at"], unscheduled["calendar"]) == (None, None, None)


def test_sessions_json_keeps_seed_text_exactly():
    from tests.helpers import seed_facts

    data = json.loads(generated("seed")["sessions.json"])
    facts = seed_facts()
    (session,) = data["sessions"]
    assert session["title"] == facts.title and session["abstract"] == facts.abstract
    assert sorted(p["bio"] for p in data["people"]) == sorted(facts.bios)
    assert session["url"] == "sessions/collective-sharing-poverty-alleviation-china/"  # no site address known


def test_sessions_json_holds_sessions_of_papers_with_their_papers_in_order():
    data = json.loads(generated("aspc")["sessions.json"])
    assert data["format_version"] == 2
    sessions = {s["id"]: s for s in data["sessions"]}
    papers = {p["id"]: p for p in data["papers"]}
    session = sessions["minimum-incomes"]
    assert session["kind"] == "paper-session" and session["papers"] == [
        "newstart-adequacy", "rent-assistance-renters", "cashless-debit-card",
    ]  # fmt: skip
    assert [p["role"] for p in session["people"]] == ["Chair", "Discussant"]
    assert session["links"] == [{"url": "https://example.org/aspc2019/minimum-incomes/recording", "kind": "video", "label": None}]
    rent = papers["rent-assistance-renters"]
    assert (rent["session"], rent["position"], rent["own_time"]) == ("minimum-incomes", 2, True)
    assert (rent["starts_at"], rent["ends_at"]) == ("2019-09-10T11:25:00+10:00", "2019-09-10T11:55:00+10:00")
    co_author = papers["newstart-adequacy"]["people"][1]
    assert co_author["person"] == "anna-becker" and co_author["presenting"] is False
    assert papers["older-women-homelessness"]["session"] is None  # listed by no session yet
    lunch, late = sessions["lunch"], sessions["late-networking"]
    assert lunch["for_everyone"] and lunch["url"] is None and lunch["calendar"] is None  # a break has no page
    assert late["ends_next_day"] and late["ends_at"] == "2019-09-11T00:30:00+10:00"
