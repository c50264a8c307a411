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


@pytest.mark.parametrize("case", ["seed", "multi"])
def test_sessions_json_is_valid_against_its_schema(case, validator):
    data = json.loads(generated(case)["sessions.json"])
    assert [e.message for e in validator.iter_errors(data)] == []


def test_sessions_json_holds_every_session_resolved():
    data = json.loads(generated("multi")["sessions.json"])
    assert [s["id"] for s in data["sessions"]] == [
        "housing-first", "rent-caps", "pension-reform", "hostile-text", "closing-plenary", "care-workforce",
    ]  # fmt: skip
    first = data["sessions"][0]
    assert first["starts_at"] == "2025-03-29T10:55:00+01:00" and first["ends_at"] == "2025-03-29T12:35:00+01:00"
    assert first["people"][1] == {
        "person": "fang-lijie", "name": "方丽洁", "role": "Chair", "affiliation": "Visiting, Example University",
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
