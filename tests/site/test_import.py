"""`build.py import`, as an organiser runs it: from another system's export to a site."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from html import escape
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import REPO, SEED_DATA, make_project, run_build_py

MULTI_EXPORT = REPO / "tests" / "golden" / "multi" / "schedule.json"


def empty_project(tmp_path):
    project = make_project(tmp_path / "project", SEED_DATA)
    shutil.rmtree(project / "data")  # a new project: no data/ yet
    return project


def test_import_then_build_publishes_every_event(tmp_path):
    project = empty_project(tmp_path)
    imported = run_build_py(project, "import", str(MULTI_EXPORT))
    assert imported.returncode == 0, imported.stderr
    assert "c3voc schedule.json (classic): 5 sessions, 0 papers, 3 people, 2 streams, 4 rooms" in imported.stdout
    assert "data/: 11 added, 0 changed, 0 removed, 0 unchanged" in imported.stdout
    built = run_build_py(project, "build")
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "sessions" / "closing-plenary" / "index.html").is_file()
    again = run_build_py(project, "import", str(MULTI_EXPORT))
    assert "data/: 0 added, 0 changed, 0 removed, 11 unchanged" in again.stdout


def test_first_import_into_a_new_repository_sets_the_seed_aside(tmp_path):
    """A repository made from Podium has the seed in data/: the first import replaces it,
    and keeps it in examples/seed/data/, so the site is the imported programme alone."""
    project = make_project(tmp_path / "project", SEED_DATA)
    imported = run_build_py(project, "import", str(MULTI_EXPORT))
    assert imported.returncode == 0, imported.stderr
    assert "moved the seed (ASPC 2019) to examples/seed/data/" in imported.stdout
    assert "data/: 11 added, 0 changed, 0 removed, 0 unchanged" in imported.stdout
    assert (project / "examples" / "seed" / "data" / "sessions" / "collective-sharing-poverty-alleviation-china.yml").is_file()
    assert not (project / "data" / "sessions" / "collective-sharing-poverty-alleviation-china.yml").exists()
    assert run_build_py(project, "check").returncode == 0


def test_import_dry_run_writes_nothing(tmp_path):
    project = empty_project(tmp_path)
    result = run_build_py(project, "import", "--dry-run", str(MULTI_EXPORT))
    assert result.returncode == 0 and "(dry run: nothing written)" in result.stdout
    assert not (project / "data").exists()


def test_import_keeps_a_hand_written_conference_file(tmp_path):
    project = make_project(tmp_path / "project", SEED_DATA)
    conference = project / "data" / "conference.yml"
    conference.write_text(conference.read_text() + "# ours, no longer the seed\n")
    result = run_build_py(project, "import", str(MULTI_EXPORT))
    assert "Kept, written by hand (--take FILE or --force overwrites): data/conference.yml" in result.stdout
    assert "Australian Social Policy Conference 2019" in (project / "data" / "conference.yml").read_text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "line 1, column 2: not valid JSON"),
        ('{"results": 1}', "JSON, but not a format Podium imports"),
        ("plain text", "not a format Podium imports"),
        ("<schedule><conference><title>X</title>", "schedule.xml line 1"),
        ('{"schedule": {"conference": {"title": "X", "time_zone_name": "Mars/Olympus", "days": []}}}',
         "schedule.conference.time_zone_name: unknown time zone 'Mars/Olympus'"),
        ('{"schedule": {"conference": {"title": "X", "time_zone_name": "UTC", "days": [{"rooms": {"A": [{"date": "2020-01-01T10:00:00+00:00"}]}}]}}}',
         "schedule.conference.days[0].rooms['A'][0]: an event without a title"),
        ('{"schedule": {"conference": {"title": "X", "time_zone_name": "UTC", "days": [{"rooms": {"A": [{"title": "T", "date": "soon"}]}}]}}}',
         "'soon' is not a date and time"),
        ('{"schedule": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deep to be a programme"),
        ("<schedule>" + "<day>" * 100_000, "schedule.xml line 1"),
    ],
    ids=["broken-json", "other-json", "text", "broken-xml", "unknown-zone", "no-title", "bad-time", "deep-json", "deep-xml"],
)
def test_a_bad_source_is_named_with_its_place_and_imports_nothing(tmp_path, content, message):
    project = make_project(tmp_path / "project", SEED_DATA)
    before = sorted(p.relative_to(project).as_posix() for p in (project / "data").rglob("*"))
    source = tmp_path / "source"
    source.write_text(content, encoding="utf-8")
    result = run_build_py(project, "import", str(source))
    assert result.returncode == 1, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert "Nothing was imported; data/ is unchanged." in result.stderr
    assert sorted(p.relative_to(project).as_posix() for p in (project / "data").rglob("*")) == before


def test_a_pretalx_export_imports_checks_and_builds_with_every_event_on_a_page_at_its_time(tmp_path, sample):
    source = sample("pretalx-democon.json")
    project = empty_project(tmp_path)
    assert run_build_py(project, "import", str(source)).returncode == 0
    built = run_build_py(project, "build")
    assert built.returncode == 0, built.stderr
    site = project / "site"
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (site / "sessions").glob("*/index.html")}
    events = [e for d in json.loads(source.read_text())["schedule"]["conference"]["days"] for r in d["rooms"].values() for e in r]
    assert len(pages) == len(events)
    zone = ZoneInfo(json.loads(source.read_text())["schedule"]["conference"]["time_zone_name"])
    for event in events:
        (page,) = [html for html in pages.values() if f">{escape(event['title'], quote=False)}</h1>" in html]
        starts = dt.datetime.fromisoformat(event["date"]).astimezone(zone).isoformat()
        assert f'<time datetime="{starts}"' in page, event["title"]


def test_the_sources_address_is_never_the_sites(tmp_path, monkeypatch):
    """The schedule's base_url is its own system's site: an imported programme is published
    at the address the workflow gives, and no page or export names the source's as its own."""
    source = json.loads(MULTI_EXPORT.read_text(encoding="utf-8"))
    source["schedule"]["base_url"] = "https://pretalx.example/ptc/"
    source["schedule"]["conference"]["url"] = "https://pretalx.example/ptc/schedule/"
    exported = tmp_path / "schedule.json"
    exported.write_text(json.dumps(source), encoding="utf-8")
    project = empty_project(tmp_path)
    assert run_build_py(project, "import", str(exported)).returncode == 0
    assert "url:" not in (project / "data" / "conference.yml").read_text(encoding="utf-8")
    monkeypatch.setenv("PODIUM_SITE_URL", "https://someone.github.io/ptc/")
    assert run_build_py(project, "build").returncode == 0
    named = [p for p in (project / "site").rglob("*") if p.is_file() and b"pretalx.example/ptc/schedule" in p.read_bytes()]
    assert named == []
    assert b"https://someone.github.io/ptc/sessions/" in (project / "site" / "programme.ics").read_bytes()


def test_a_reimport_names_what_the_source_changed_in_a_file_edited_here(tmp_path):
    project = empty_project(tmp_path)
    assert run_build_py(project, "import", str(MULTI_EXPORT)).returncode == 0
    edited = project / "data" / "sessions" / "closing-plenary.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("room: Main hall", "room: Great hall"), encoding="utf-8")
    source = json.loads(MULTI_EXPORT.read_text(encoding="utf-8"))
    for day in source["schedule"]["conference"]["days"]:
        for events in day["rooms"].values():
            for event in events:
                if event["title"] == "Closing plenary":
                    event["title"] = "Closing plenary, moved"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(source), encoding="utf-8")
    result = run_build_py(project, "import", str(changed))
    assert result.returncode == 0, result.stderr
    assert "Kept data/sessions/closing-plenary.yml, edited by hand; the source changed it" in result.stdout
    assert "  title: 'Closing plenary' → 'Closing plenary, moved'" in result.stdout
    taken = run_build_py(project, "import", str(changed), "--take", "data/sessions/closing-plenary.yml")
    assert taken.returncode == 0 and "title: Closing plenary, moved\n" in edited.read_text(encoding="utf-8")


def test_a_fosdem_size_frab_export_publishes_as_it_is(tmp_path, monkeypatch, sample):
    """FOSDEM 2026's schedule.xml (883 events, 30 rooms), as the publishing workflow runs it:
    import, check, build and verify pass with no hand edit and no error; the exports are
    valid against the published schemas and name the site's address, never FOSDEM's."""
    import jsonschema
    from lxml import etree

    project = empty_project(tmp_path)
    imported = run_build_py(project, "import", str(sample("fosdem-2026.xml")))
    assert imported.returncode == 0, imported.stderr
    checked = run_build_py(project, "check")
    assert checked.returncode == 0 and "no errors" in checked.stdout, checked.stdout + checked.stderr
    monkeypatch.setenv("PODIUM_SITE_URL", "https://someone.github.io/fosdem/")
    assert run_build_py(project, "build").returncode == 0
    verified = run_build_py(project, "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    site = project / "site"
    schemas = REPO / "tests" / "fixtures" / "schemas"
    validator = jsonschema.Draft6Validator(
        json.loads((schemas / "c3voc-schedule.schema.json").read_text(encoding="utf-8")), format_checker=jsonschema.FormatChecker()
    )
    schedule = json.loads((site / "schedule.json").read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(schedule)][:3] == []
    xsd = etree.XMLSchema(etree.parse(str(schemas / "frab-schedule.xsd")))
    assert xsd.validate(etree.parse(str(site / "schedule.xml"))), xsd.error_log
    assert schedule["schedule"]["base_url"] == "https://someone.github.io/fosdem/"
    # FOSDEM's base_url is https://fosdem.org/2026/schedule/: no calendar or page names it as its own.
    assert b"fosdem.org/2026/schedule/" not in (site / "programme.ics").read_bytes()
    assert 'rel="canonical" href="https://someone.github.io/fosdem/' in (site / "index.html").read_text(encoding="utf-8")
