"""A day page of 1,000 talks in 8 rooms (issue 14's budget): every talk on its day's
timetable once, in its room's column, and at most 250 KB of HTML gzipped; and the
busiest day of 1,000 talks in 73 rooms (issue 28's) within the same budget."""

from __future__ import annotations

import gzip
import re
import shutil

import pytest

from benchmarks.synthetic_rooms import generate, write
from tests.conftest import REPO, run_build_py

DAY_PAGE_BUDGET = 250 * 1024


def _built(project):
    """The site of the generated `project`, built with the repository's docs and mkdocs.yml."""
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    result = run_build_py(project, "build")
    assert result.returncode == 0, result.stderr[-2000:]
    return project / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return _built(write(1000, tmp_path_factory.mktemp("rooms")))


def test_every_day_page_is_at_most_250_kb_of_html_gzipped(site):
    pages = sorted((site / "programme").glob("*/index.html"))
    assert len(pages) == 6
    for page in pages:
        size = len(gzip.compress(page.read_bytes(), mtime=0))
        assert size <= DAY_PAGE_BUDGET, f"{page.parent.name}: {size / 1024:.0f} KB"


ENTRY = re.compile(r'<li style="grid-column:(\d+);[^"]*"[^>]*><a href="\.\./\.\./sessions/(talk-\d+)/"')


def test_every_talk_is_on_its_days_timetable_once_in_its_rooms_column(site):
    talks = {path.split("/")[1].removesuffix(".yml"): text for path, text in generate(1000).items() if path.startswith("sessions/talk-")}
    placed: list[str] = []
    for page in sorted((site / "programme").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        assert html.count('class="podium-tt-columns"') == 1
        for column, talk in ENTRY.findall(html):
            assert int(column) == int(re.search(r"room: room-(\d+)", talks[talk])[1]), talk
            placed.append(talk)
    assert sorted(placed) == sorted(talks)


@pytest.fixture(scope="module")
def congress_site(tmp_path_factory):
    """1,000 talks in 73 rooms over 4 days, a CCC congress's size (issue 28)."""
    return _built(write(1000, tmp_path_factory.mktemp("congress"), rooms=73, days=4))


def test_the_busiest_day_of_73_rooms_is_a_timetable_of_73_columns_within_250_kb_gzipped(congress_site):
    pages = sorted((congress_site / "programme").glob("*/index.html"))
    assert len(pages) == 4
    busiest = max(pages, key=lambda page: page.read_text(encoding="utf-8").count('class="podium-tt-start"'))
    html = busiest.read_text(encoding="utf-8")
    assert 'class="podium-timetable podium-timetable--many" style="--podium-columns:73;' in html
    assert len(re.findall(r'<li style="grid-column:\d+ / span 1">', html)) == 73  # a name a room
    size = len(gzip.compress(busiest.read_bytes(), mtime=0))
    assert size <= DAY_PAGE_BUDGET, f"{busiest.parent.name}: {size / 1024:.0f} KB"
