"""importers/spreadsheet.py: CSV and XLSX with a mapping, as organisers fill them in."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from podium.importers import SourceError, import_programme, read_source
from podium.programme.check import check_project
from tests.conftest import REPO

EXAMPLE_MAPPING = REPO / "examples" / "mappings" / "c3voc-spreadsheet.yml"


def imported(tmp_path, source, mapping, **options):
    import_programme(tmp_path / "data", read_source(source, mapping=mapping, **options))
    result = check_project(tmp_path)
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    return result.programme


def test_the_c3voc_spreadsheet_imports_with_its_shipped_mapping(tmp_path, sample):
    programme = imported(tmp_path, sample("schedule-example.xlsx"), EXAMPLE_MAPPING)
    assert len(programme.sessions) == 13 and programme.conference.language == "de"
    panel = next(s for s in programme.sessions if s.source_id == "1012")
    assert panel.title == "Podiumsdiskussion: Geschlossene Veranstaltung?"
    assert (panel.date, panel.start, panel.room) == (dt.date(2016, 10, 27), dt.time(15, 30), "Altes Rathaus")
    assert [a.person.name for a in panel.people] == [
        "Dr. Elke Löffler", "Dr. Daniela Rothenhöfer", "Dr. Matthias Stürmer", "Manfred Klein",
    ]  # fmt: skip
    # "Dr. Elke Löffler" with an affiliation in one row and without in another is one person.
    elke = [p for p in programme.people if p.name == "Dr. Elke Löffler"]
    assert len(elke) == 1 and elke[0].affiliation == "Geschäftsführerin von Governance International"


CSV = """Session;Session title;Stream;Date;Start;End;Room;Title;Authors;Presenter;Chair;Slides
S1;Poverty and policy;Social policy;10.09.2019;10:55;11:25;G04;First paper;Ana Silva, UNSW | Jin Park, KAIST;Ana Silva;Mei Chen, UNSW;https://example.org/s1.pdf
S1;Poverty and policy;Social policy;10.09.2019;11:25;11:55;G04;Second paper;Jin Park, KAIST;;Mei Chen, UNSW;
S1;Poverty and policy;Social policy;10.09.2019;11:55;12:35;G04;Third paper;Mo;;Mei Chen, UNSW;
;;;10.09.2019;23:00;00:30;Bar;Late social;mo;;;
"""
MAPPING = """conference:
  name: Test Conference
  timezone: Australia/Sydney
date_format: "%d.%m.%Y"
people_separator: "|"
columns:
  session: Session
  session_title: Session title
  stream: Stream
  date: Date
  start: Start
  end: End
  room: Room
  title: Title
  people: Authors
  presenter: Presenter
  chair: Chair
  links: Slides
"""


def test_a_csv_with_a_session_column_gives_sessions_of_papers(tmp_path):
    source, mapping = tmp_path / "programme.csv", tmp_path / "mapping.yml"
    source.write_text(CSV, encoding="utf-8")
    mapping.write_text(MAPPING, encoding="utf-8")
    programme = imported(tmp_path / "project", source, mapping)
    session = next(s for s in programme.sessions if s.title == "Poverty and policy")
    assert [p.title for p in session.papers] == ["First paper", "Second paper", "Third paper"]
    assert (session.start, session.end, session.room, session.stream.name) == (dt.time(10, 55), dt.time(12, 35), "G04", "Social policy")
    assert [(a.person.name, a.role) for a in session.people] == [("Mei Chen", "Chair")]
    first = session.papers[0]
    assert [(a.person.name, a.affiliation, a.presenting) for a in first.people] == [
        ("Ana Silva", "UNSW", True), ("Jin Park", "KAIST", False),
    ]  # fmt: skip
    assert first.links[0].url == "https://example.org/s1.pdf" and first.links[0].kind == "slides"
    late = next(s for s in programme.sessions if s.title == "Late social")
    assert late.ends_next_day and late.end == dt.time(0, 30)
    # "Mo" and "mo" are two people.
    assert sorted(p.name for p in programme.people if p.name.casefold() == "mo") == ["Mo", "mo"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("Start", "Begin"), "no column 'Start'"),
        (("10:55;11:25;G04;First", "soon;11:25;G04;First"), "programme.csv row 2, column E: 'soon' is not a time"),
        (("10.09.2019;10:55", "the tenth;10:55"), "programme.csv row 2, column D: 'the tenth' is not a date"),
        (("First paper", ""), "programme.csv row 2, column H: a row without a title"),
    ],
    ids=["missing-column", "bad-time", "bad-date", "no-title"],
)
def test_a_bad_spreadsheet_is_named_by_row_and_column(tmp_path, change, message):
    source, mapping = tmp_path / "programme.csv", tmp_path / "mapping.yml"
    source.write_text(CSV.replace(*change, 1), encoding="utf-8")
    mapping.write_text(MAPPING, encoding="utf-8")
    with pytest.raises(SourceError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_source(source, mapping=mapping)


def test_a_formula_without_a_saved_value_is_named(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Title", "Date", "Start"])
    sheet.append(["A talk", dt.datetime(2019, 9, 10), "=TIME(10,0,0)"])  # openpyxl calculates nothing
    source = tmp_path / "programme.xlsx"
    book.save(source)
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("conference:\n  name: C\n  timezone: UTC\ncolumns:\n  title: Title\n  date: Date\n  start: Start\n")
    with pytest.raises(SourceError, match="programme.xlsx row 2, column C: a formula without a saved value"):
        read_source(source, mapping=mapping)


def test_a_mapping_with_mistakes_is_reported_with_its_lines(tmp_path):
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("conference:\n  name: C\ncolumns:\n  titel: Title\n")
    source = tmp_path / "programme.csv"
    source.write_text("Title\nA\n")
    with pytest.raises(SourceError, match=r"mapping.yml:4:3: error: unknown field 'titel' \(did you mean 'title'\?\)"):
        read_source(source, mapping=mapping)


SCRAPED_CSV = """Session;Date;Time;Room;Code;Title;Authors;Chair;Discussant
P1;2019-09-10;14:00-15:30 Uhr;G04;P1-1;Welfare states compared;Ana Silva, UNSW;Mei Chen, UNSW | Omar Haddad, CERN;Jin Park, KAIST
P1;2019-09-10;14:00-15:30 Uhr;G04;NA;Pensions in transition;NA;Mei Chen, UNSW | Omar Haddad, CERN;NA
"""
SCRAPED_MAPPING = """conference:
  name: Test Congress
  timezone: Europe/Berlin
people_separator: "|"
columns:
  session: Session
  date: Date
  start: Time
  room: Room
  code: Code
  title: Title
  people: Authors
  chair: Chair
  discussant: Discussant
"""


def test_a_scraped_csv_with_a_time_range_two_chairs_a_discussant_and_r_missing_values(tmp_path):
    """As a congress's website gives its panels: `14:00-15:30 Uhr` in one column, two chairs
    in one cell, R's NA where nobody is named (never a person called NA)."""
    source, mapping = tmp_path / "panels.csv", tmp_path / "mapping.yml"
    source.write_text(SCRAPED_CSV, encoding="utf-8")
    mapping.write_text(SCRAPED_MAPPING, encoding="utf-8")
    programme = imported(tmp_path / "project", source, mapping)
    (session,) = programme.sessions
    assert (session.start, session.end) == (dt.time(14), dt.time(15, 30))
    assert [(a.person.name, a.affiliation, a.role) for a in session.people] == [
        ("Mei Chen", "UNSW", "Chair"), ("Omar Haddad", "CERN", "Chair"), ("Jin Park", "KAIST", "Discussant"),
    ]  # fmt: skip
    assert "NA" not in {person.name for person in programme.people}
    assert [a.person.name for a in session.papers[1].people] == []
    assert [paper.code for paper in session.papers] == ["P1-1", None]
