"""programme/schema.py: the published JSON Schemas, enforced with messages at the right line."""

from __future__ import annotations

from podium.programme import schema
from podium.programme.load import load_bytes
from podium.programme.problems import Problems


def check(text: str, schema_name: str = "session") -> list[str]:
    problems = Problems()
    document = load_bytes(text.encode("utf-8"), "data/sessions/x.yml", problems)
    assert document is not None, problems.items
    schema.check(document, schema_name, problems)
    return [str(p) for p in problems.sorted()]


def test_check_names_unknown_field_at_its_key_with_did_you_mean():
    assert check("title: T\nabstarct: A\n") == [
        "data/sessions/x.yml:2:1: error: unknown field 'abstarct' (did you mean 'abstract'?)"
    ]


def test_check_lists_known_fields_when_nothing_is_close():
    (message,) = check("title: T\nzzz: 1\n")
    assert message.endswith(
        "unknown field 'zzz' (known fields: abstract, code, date, description, duration, end, guid, kind, language, links, papers,"
        " people, recording, room, shares_room_with, source_id, start, status, stream, subtitle, title)"
    )


def test_check_reports_missing_required_field():
    assert check("room: A\n") == ["data/sessions/x.yml:1:1: error: missing required field 'title'"]


def test_check_reports_missing_field_in_a_list_item_by_its_path():
    assert check("title: T\npeople:\n  - role: Chair\n") == [
        "data/sessions/x.yml:3:5: error: missing required field 'person' in people[0]"
    ]


def test_check_suggests_quotes_for_boolean_where_text_is_wanted():
    assert check("title: true\n") == [
        'data/sessions/x.yml:1:8: error: title must be text, not true (true or false) (quote it: "true")'
    ]


def test_check_explains_time_format():
    assert check("title: T\nstart: 1055\n") == [
        "data/sessions/x.yml:2:8: error: start must be a 24-hour time as HH:MM, e.g. \"10:55\", not '1055'"
    ]


def test_check_rejects_empty_and_multiline_titles():
    assert check("title: ''\n") == ["data/sessions/x.yml:1:8: error: title is empty (write a value)"]
    assert check("title: T\nroom: ' '\n") == [
        "data/sessions/x.yml:2:7: error: room is empty (write a value, or leave the field out)"
    ]
    assert check('title: "two\\nlines"\n') == [
        "data/sessions/x.yml:1:8: error: title must be one line of text, not 'two\\nlines'"
    ]


def test_check_rejects_ids_that_are_not_slugs():
    (message,) = check("title: T\nstream: ../../etc\n")
    assert "stream must be an id: lower-case letters, digits and single hyphens" in message


def test_check_reports_a_list_where_a_mapping_is_wanted():
    assert check("- title: T\n") == [
        "data/sessions/x.yml:1:1: error: the file must be a mapping of fields, not a list"
    ]


def test_check_reports_every_problem_of_a_file_at_once():
    problems = check("abstarct: A\nstart: 25:00\nroom: [a]\n")
    assert len(problems) == 4  # unknown field, missing title, bad start, room not text
