"""programme/load.py: YAML read as organisers mean it, with positions, never a traceback."""

from __future__ import annotations

from podium.programme.load import MAX_VALUES_PER_FILE, load_bytes
from podium.programme.problems import Position, Problems


def load(text: str | bytes):
    problems = Problems()
    raw = text.encode("utf-8") if isinstance(text, str) else text
    document = load_bytes(raw, "data/x.yml", problems)
    return document, [str(p) for p in problems.sorted()]


def test_load_keeps_unquoted_time_as_written_not_base_60():
    document, problems = load("start: 10:55\nend: 9:05\n")
    assert problems == []
    assert document.data == {"start": "10:55", "end": "9:05"}


def test_load_keeps_country_codes_versions_dates_and_numbers_as_text():
    document, _ = load("country: NO\nversion: 1.10\ndate: 2019-09-10\nroom: 101\nanswer: yes\n")
    assert document.data == {
        "country": "NO",
        "version": "1.10",
        "date": "2019-09-10",
        "room": "101",
        "answer": "yes",
    }


def test_load_reads_true_false_and_null():
    document, _ = load("a: true\nb: False\nc: ~\nd:\ne: null\nf: 'true'\n")
    assert document.data == {"a": True, "b": False, "c": None, "d": None, "e": None, "f": "true"}


def test_load_records_positions_of_values_and_keys():
    document, _ = load("title: x\npeople:\n  - person: lijie-fang\n    role: Chair\n")
    assert document.position(("title",)) == Position("data/x.yml", 1, 8)
    assert document.position(("people", 0, "role")) == Position("data/x.yml", 4, 11)
    assert document.key_position(("people", 0, "role")) == Position("data/x.yml", 4, 5)
    # A path that was never written falls back to its nearest written parent.
    assert document.position(("people", 0, "affiliation")) == Position("data/x.yml", 3, 5)


def test_load_reports_duplicate_key_with_both_lines():
    document, problems = load("title: first\nroom: A\ntitle: second\n")
    assert document is None
    assert problems == [
        "data/x.yml:3:1: error: duplicate key 'title' (first at line 1)"
        " (keep one of them: YAML would silently drop the first)"
    ]


def test_load_rejects_python_object_tag_without_running_it():
    document, problems = load("title: !!python/object/apply:os.system ['echo hacked']\n")
    assert document is None
    assert len(problems) == 1
    assert "unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'" in problems[0]


def test_load_rejects_float_and_timestamp_tags():
    _, problems = load("a: !!float 1.5\nb: !!timestamp 2019-09-10\n")
    assert [p.split(": error: ")[1].split(" (")[0] for p in problems] == [
        "unsupported YAML tag 'tag:yaml.org,2002:float'",
        "unsupported YAML tag 'tag:yaml.org,2002:timestamp'",
    ]


def test_load_stops_an_alias_bomb_with_one_message():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for name, previous in zip("bcdefg", "abcdef"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 10) + "]")
    document, problems = load("\n".join(lines) + "\n")
    assert document is None
    assert len(problems) == 1
    assert f"the file expands to more than {MAX_VALUES_PER_FILE:,} values" in problems[0]


def test_load_accepts_byte_order_mark_and_crlf_line_ends():
    document, problems = load(b"\xef\xbb\xbftitle: A\r\nroom: B\r\n")
    assert problems == []
    assert document.data == {"title": "A", "room": "B"}
    assert document.position(("room",)) == Position("data/x.yml", 2, 7)


def test_load_reports_non_utf8_byte_with_offset():
    document, problems = load(b"title: ok\nname: caf\xe9\n")
    assert document is None
    assert problems == [
        "data/x.yml:2:10: error: not UTF-8 text: byte 0xe9 at byte offset 19 (save the file as UTF-8)"
    ]


def test_load_reports_tab_indentation_with_hint():
    _, problems = load("people:\n\t- person: x\n")
    assert problems == [
        "data/x.yml:2:1: error: YAML syntax: while scanning for the next token,"
        " found character '\\t' that cannot start any token"
        " (indent with spaces, not tabs)"
    ]


def test_load_reports_empty_file():
    for text in ("", "# only a comment\n", "\n\n"):
        document, problems = load(text)
        assert document is None
        assert problems == ["data/x.yml:1:1: error: the file is empty"]


def test_load_reports_unquoted_colon_with_hint():
    _, problems = load("title: Policy: a review\n")
    assert problems == [
        "data/x.yml:1:14: error: YAML syntax: mapping values are not allowed here"
        ' (a value with ": " in it must be quoted)'
    ]


def test_load_reports_control_characters_without_traceback():
    document, problems = load("title: a\x00b\n")
    assert document is None
    assert len(problems) == 1 and problems[0].startswith("data/x.yml")
