"""The real `build.py` on real project folders: what an organiser and CI see."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import MULTI_DATA, REPO, SEED_DATA, make_project, run_build_py
from tests.helpers import seed_facts, visible_text

SEED_SESSION = "sessions/collective-sharing-poverty-alleviation-china/index.html"


def start_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every element's tag and attributes, as a browser's parser sees them."""
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collector().feed(html)
    return found


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_build_session_page_shows_every_seed_fact_word_for_word(seed_project):
    text = visible_text(seed_project / "site" / SEED_SESSION)
    facts = seed_facts()
    assert facts.title in text
    assert f"Stream: {facts.stream}" in text
    assert f"Date: {facts.date}" in text
    assert f"Time: {facts.time}" in text
    assert facts.abstract in text
    for sentence in re.split(r"(?<=\.) ", facts.abstract):
        assert sentence in text
    for line in facts.people_lines:  # "Chienchung Huang (Presenter), Rutgers University"
        assert line in text
    for fact in facts.names + facts.affiliations + facts.bios:
        assert fact in text


def test_build_home_page_shows_the_seed_session(seed_project):
    text = visible_text(seed_project / "site" / "index.html")
    facts = seed_facts()
    for fact in (facts.title, facts.date, facts.time, facts.abstract, *facts.bios):
        assert fact in text


def test_build_writes_calendar_and_links_it_from_the_session_page(seed_project):
    page = (seed_project / "site" / SEED_SESSION).read_text(encoding="utf-8")
    assert 'href="../collective-sharing-poverty-alleviation-china.ics"' in page
    ics = seed_project / "site" / "sessions" / "collective-sharing-poverty-alleviation-china.ics"
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_build_links_stream_and_people_from_the_session_page(seed_project):
    page = (seed_project / "site" / SEED_SESSION).read_text(encoding="utf-8")
    assert 'href="../../streams/chinese-social-policy/"' in page
    assert 'href="../../people/chienchung-huang/"' in page and 'href="../../people/lijie-fang/"' in page


def test_build_sets_language_and_page_title(seed_project):
    page = (seed_project / "site" / SEED_SESSION).read_text(encoding="utf-8")
    assert '<html lang="en-AU"' in page
    assert "<title>Collective sharing, innovation, and precise poverty alleviation in China - " in page


def test_build_navigation_lists_no_session_or_person_pages(multi_project):
    page = (multi_project / "site" / "programme" / "index.html").read_text(encoding="utf-8")
    navigation = page.split('<nav class="md-nav md-nav--primary"', 1)[1].split("md-sidebar--secondary", 1)[0]
    links = re.findall(r'href="([^"#]*)"', navigation)
    assert not [link for link in links if "sessions/" in link or "people/zoe" in link]
    assert "../streams/" in links and "../people/" in links


def test_build_pages_request_nothing_from_other_hosts(multi_project):
    for page in (multi_project / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loads = re.findall(
            r'<(?:script|img|iframe|link rel="(?:stylesheet|preload|icon|modulepreload)")[^>]+(?:src|href)="(https?:)?//([^"/]+)',
            html,
        )
        assert loads == [], f"{page}: loads from {loads}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_build_escapes_hostile_text_in_the_html(multi_project):
    page = (multi_project / "site" / "sessions" / "hostile-text" / "index.html").read_text(encoding="utf-8")
    tags = start_tags(page)
    assert not [(tag, name) for tag, attributes in tags for name, _ in attributes if name.startswith("on")]
    assert not [value for _, attributes in tags for name, value in attributes
                if name in ("href", "src") and (value or "").strip().lower().startswith(("javascript:", "data:"))]  # fmt: skip
    assert not [tag for tag, _ in tags if tag in ("iframe", "object", "embed", "img", "style", "b")]
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, flags=re.S)
    assert not [body for attributes, body in scripts if "alert(" in body and "ld+json" not in attributes]
    text = visible_text(multi_project / "site" / "sessions" / "hostile-text" / "index.html")
    assert "*Not emphasis* <script>alert('title')</script> [not a link](javascript:alert(1)) # 10.5 & more" in text
    assert "<b>Room</b> 2 | {#id} `code`" in text


def test_build_twice_gives_identical_bytes(tmp_path):
    project = make_project(tmp_path, MULTI_DATA)
    assert run_build_py(project, "build").returncode == 0
    first = tree_digest(project / "site")
    shutil.rmtree(project / "build")
    assert run_build_py(project, "build").returncode == 0
    assert tree_digest(project / "site") == first


def test_build_with_errors_exits_1_and_leaves_the_previous_site_untouched(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    assert run_build_py(project, "build").returncode == 0
    before = tree_digest(project / "site")
    (project / "data" / "sessions" / "broken.yml").write_text("title: Broken\nend: 10:30\nabstarct: x\n")
    result = run_build_py(project, "build")
    assert result.returncode == 1
    assert "data/sessions/broken.yml:3:1: error: unknown field 'abstarct' (did you mean 'abstract'?)" in result.stderr
    assert "site/ is unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == before


def test_build_with_broken_hand_written_page_keeps_the_previous_site(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    assert run_build_py(project, "build").returncode == 0
    before = tree_digest(project / "site")
    (project / "docs" / "organisers.md").write_text("[broken](missing-page.md)\n")
    result = run_build_py(project, "build")
    assert result.returncode == 1
    assert "missing-page.md" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(project / "site") == before


def test_build_shows_a_new_session_on_programme_stream_and_people_pages(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    (project / "data" / "people" / "new-person.yml").write_text("name: New Person\naffiliation: New Place\n")
    (project / "data" / "sessions" / "a-new-talk.yml").write_text(
        "title: A new talk\nstream: chinese-social-policy\ndate: 2019-09-11\nstart: 10:55\nend: 12:35\n"
        "people:\n  - person: new-person\n    role: Presenter\n"
    )
    assert run_build_py(project, "build").returncode == 0
    site = project / "site"
    assert "A new talk" in visible_text(site / "sessions" / "a-new-talk" / "index.html")
    # The programme now has two days: a page each.
    assert "Wednesday, 11 September 2019: 1 session" in visible_text(site / "programme" / "index.html")
    for page in ("programme/2019-09-11/index.html", "streams/chinese-social-policy/index.html", "people/new-person/index.html"):
        assert "A new talk" in visible_text(site / page), page
    assert "New Person" in visible_text(site / "people" / "index.html")


def test_build_shows_a_new_session_of_papers_with_its_paper_pages(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    data = project / "data"
    (data / "papers").mkdir()
    (data / "papers" / "a-new-paper.yml").write_text("title: A new paper\npeople:\n  - person: lijie-fang\n")
    (data / "sessions" / "afternoon-papers.yml").write_text(
        "title: Afternoon papers\nstream: chinese-social-policy\ndate: 2019-09-11\nstart: 13:30\nend: 15:00\n"
        "room: G04\npeople:\n  - person: chienchung-huang\n    role: Chair\npapers:\n  - a-new-paper\n"
    )
    result = run_build_py(project, "build")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 sessions, 1 paper, 2 people, 1 stream")
    site = project / "site"
    paper = visible_text(site / "papers" / "a-new-paper" / "index.html")
    assert "Session: Afternoon papers (Chair: Chienchung Huang)" in paper and "Place: Paper 1 of 1" in paper
    assert "A new paper" in visible_text(site / "sessions" / "afternoon-papers" / "index.html")
    assert (site / "papers" / "a-new-paper.bib").is_file() and (site / "papers" / "a-new-paper.csl.json").is_file()
    assert "Add the session to your calendar" in paper  # at its session's time: the session's entry


def test_check_exit_codes(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    clean = run_build_py(project, "check")
    assert (clean.returncode, clean.stdout.strip()) == (0, "1 session, 2 people, 1 stream: no errors")
    assert run_build_py(project, "no-such-command").returncode == 2
    (project / "data" / "sessions" / "x.yml").write_text("title: X\nstart: 10:00\n")
    warned = run_build_py(project, "check")
    assert warned.returncode == 0 and "warning: start is given without date" in warned.stderr
    assert run_build_py(project, "check", "--strict").returncode == 1


def test_check_prints_github_annotations_in_actions(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    project = make_project(tmp_path, SEED_DATA)
    (project / "data" / "sessions" / "x.yml").write_text("title: X\nroom: [a]\n")
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "check"], cwd=project, capture_output=True, text=True,
        env={**os.environ, "GITHUB_ACTIONS": "true"},
    )  # fmt: skip
    assert "::error file=data/sessions/x.yml,line=2,col=7::room must be text, not a list" in result.stdout


def test_build_with_only_warnings_publishes_every_session(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    (project / "data" / "sessions" / "unscheduled.yml").write_text("title: Unscheduled talk\nstart: 10:00\n")
    result = run_build_py(project, "build")
    assert result.returncode == 0
    assert "warning: start is given without date" in result.stderr
    assert "Unscheduled talk" in visible_text(project / "site" / "sessions" / "unscheduled" / "index.html")
    assert "Unscheduled talk" in visible_text(project / "site" / "programme" / "index.html")


def test_build_py_outside_a_project_exits_2(tmp_path):
    result = run_build_py(tmp_path, "check")
    assert result.returncode == 2
    assert "no data/ folder" in result.stderr and "Traceback" not in result.stderr


def test_the_site_carries_its_search_index_and_no_page_loads_it(seed_project):
    """The index is in the site; no page names its files (search.js fetches them when a
    visitor types), and MkDocs' own index is gone."""
    site = seed_project / "site"
    manifest = json.loads((site / "search" / "index.json").read_text(encoding="utf-8"))
    named = [f"t-{hash}.json" for _, hash in manifest["terms"]] + [f"d-{hash}.json" for hash in manifest["pages"]]
    elsewhere = json.loads((site / "search" / f"w-{manifest['elsewhere']}.json").read_text(encoding="utf-8"))
    named += [f"w-{manifest['elsewhere']}.json"] + [f"s-{hash}.json" for _, hash in elsewhere["stems"]]
    named += [f"r-{hash}.json" for _, hash in elsewhere["tails"]]
    shown = [entry for name in named if name.startswith("d-") for entry in json.loads((site / "search" / name).read_bytes())]
    named += sorted({f"x-{entry[6]}.json" for entry in shown if len(entry) > 6})  # whole texts, for excerpts
    assert sorted(p.name for p in (site / "search").iterdir()) == sorted(["index.json", *named])
    assert not (site / "search" / "search_index.json").exists()
    for page in site.rglob("*.html"):
        assert "search/index.json" not in page.read_text(encoding="utf-8"), page


def test_build_refuses_a_hand_written_file_at_an_exports_path(tmp_path):
    project = make_project(tmp_path, MULTI_DATA)
    (project / "docs" / "sessions.json").write_text("{}", encoding="utf-8")
    result = run_build_py(project, "build")
    assert result.returncode == 1
    assert "docs/sessions.json has the same path as a generated file; rename it" in result.stderr
    assert not (project / "site").exists()


def test_build_refuses_a_hand_written_file_in_the_search_index_folder(tmp_path):
    project = make_project(tmp_path, MULTI_DATA)
    (project / "docs" / "search").mkdir()
    (project / "docs" / "search" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    result = run_build_py(project, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/search/notes.md is in docs/search/, where Podium puts the search index; move it" in result.stderr
    assert not (project / "site").exists()


def test_nothing_of_the_previews_notice_reaches_a_built_site(seed_project):
    site = seed_project / "site"
    assert not (site / "podium-preview").exists()
    for page in site.rglob("*.html"):
        assert "podium-preview" not in page.read_text(encoding="utf-8"), page


def test_build_writes_the_github_job_summary_with_counts_and_problems(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    (project / "data" / "sessions" / "x.yml").write_text("title: X | y\nstart: 10:00\n")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "SOURCE_DATE_EPOCH": "1567296000"}
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "build"], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert "**2 sessions, 2 people, 1 stream, 1 warning, 14 pages**" in text
    assert "| data/sessions/x.yml | 2:8 | warning: start is given without date" in text


def test_a_build_stopped_between_its_renames_is_mended_by_the_next_even_a_failing_one(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    assert run_build_py(project, "build").returncode == 0
    published = (project / "site" / "index.html").read_bytes()
    (project / "site").rename(project / "build" / "site.old")  # stopped after the first rename
    (project / "data" / "sessions" / "broken.yml").write_text("title: Broken\nabstarct: x\n")
    result = run_build_py(project, "build")
    assert result.returncode == 1 and "site/ was put back" in result.stderr
    assert (project / "site" / "index.html").read_bytes() == published


def test_a_second_build_in_the_same_folder_waits_for_none_and_says_which_runs(tmp_path):
    import fcntl
    import os

    project = make_project(tmp_path, SEED_DATA)
    (project / "build").mkdir()
    held = os.open(project / "build" / "podium.lock", os.O_RDWR | os.O_CREAT)
    os.write(held, b"build.py serve (process 1)")
    fcntl.flock(held, fcntl.LOCK_EX)
    try:
        result = run_build_py(project, "build")
    finally:
        os.close(held)
    assert result.returncode == 2
    assert "build.py serve (process 1) is running in this folder" in result.stderr
    assert not (project / "site").exists()
    assert run_build_py(project, "build").returncode == 0


def test_a_conference_name_with_markup_characters_is_escaped_once_everywhere(tmp_path):
    """`R&D <Days> 2019` reads so in the header, the logo's tooltip and the title: never
    as markup, never escaped twice (`R&amp;amp;D`)."""
    project = make_project(tmp_path, SEED_DATA)
    conference = project / "data" / "conference.yml"
    conference.write_text(re.sub(r"(?m)^name: .*$", 'name: "R&D <Days> 2019"', conference.read_text()))
    assert run_build_py(project, "build").returncode == 0
    for page in (project / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "&amp;amp;" not in html and "&amp;lt;" not in html and "<Days>" not in html, page
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'title="R&amp;D &lt;Days&gt; 2019"' in home


def test_a_broken_mkdocs_yml_of_the_organisers_fails_the_build_with_mkdocs_message(tmp_path):
    """Their settings are never passed over in silence (a nav of their pages would vanish)."""
    project = make_project(tmp_path, SEED_DATA)
    (project / "mkdocs.yml").write_text("nav:\n  - Getting there: venue.md\n  bad: [\n", encoding="utf-8")
    result = run_build_py(project, "build")
    assert result.returncode == 1 and "mkdocs.yml" in result.stderr
    assert not (project / "site").exists()


def test_an_organisers_mkdocs_yml_of_comments_only_builds_with_podiums_settings(tmp_path):
    project = make_project(tmp_path, SEED_DATA)
    (project / "mkdocs.yml").write_text("# nothing of mine yet\n", encoding="utf-8")
    assert run_build_py(project, "build").returncode == 0
    assert (project / "site" / "organisers" / "index.html").is_file()
