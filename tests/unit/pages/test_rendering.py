"""pages/rendering.py: the generated Markdown pages, beyond what the golden trees pin down."""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
import yaml

from benchmarks.synthetic import write
from podium import pages
from podium.pages import rendering
from podium.text import markup
from podium.programme import addresses
from podium.programme.check import check_project
from tests.conftest import MULTI_DATA, REPO
from tests.golden.regenerate import generated


@pytest.fixture(scope="module")
def multi():
    return _texts(generated("multi"))


@pytest.fixture(scope="module")
def aspc():
    return _texts(generated("aspc"))


@pytest.fixture(scope="module")
def seed():
    return _texts(generated("seed"))


def _texts(files: dict[str, bytes]) -> dict[str, str]:
    """The generated text files (the icons are pictures)."""
    return {path: content.decode("utf-8") for path, content in files.items() if not path.endswith(".png")}


def front_matter(page: str) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", page, re.S)
    assert match, "every generated page starts with front matter"
    return yaml.safe_load(match[1])


# The schema.org script, as a block of HTML between Podium's markers (fragments.html_block).
JSON_LD = re.compile(r'\n<!--podium-html-->\n<script type="application/ld\+json">(.*?)</script>\n<!--/podium-html-->\n', re.S)


def body(page: str) -> str:
    """The Markdown of a page: no front matter, no schema.org script."""
    return JSON_LD.sub("", re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.S))


@pytest.mark.parametrize("case", ["seed", "multi", "aspc"])
def test_generate_writes_no_heading_without_content(case, request):
    for path, page in request.getfixturevalue(case).items():
        if not path.endswith(".md"):
            continue
        lines = [line for line in body(page).splitlines() if line.strip()]
        for line, following in zip(lines, lines[1:] + [""]):
            # A heading that is itself a link names an entry (a person), not a section.
            if line.startswith("#") and "](" not in line:
                level = len(line) - len(line.lstrip("#"))
                next_level = len(following) - len(following.lstrip("#")) if following.startswith("#") else 99
                assert next_level > level, f"{path}: empty section {line!r}"


@pytest.mark.parametrize("case", ["seed", "multi", "aspc"])
def test_generate_links_only_to_pages_and_files_that_exist(case, request):
    files = request.getfixturevalue(case)
    hand_written = {p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*.md")}
    for path, page in files.items():
        if not path.endswith(".md"):
            continue
        # Markdown links only: an escaped \](...) is text, and front matter is not Markdown.
        markdown_only = "\n".join(line for line in body(page).splitlines() if not line.startswith("<"))
        for target in re.findall(r"(?<!\\)\]\(([^)\s]+)\)", markdown_only):
            if target.startswith(("https://", "http://", "webcal://")):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in files or resolved in hand_written, f"{path} links to missing {target}"
        # HTML fragments link to published addresses (sessions/x/), relative to the page's own.
        published = {addresses.published(p) for p in [*files, *hand_written]}
        for target in re.findall(r'<a href="([^"]+)"', body(page)):
            if target.startswith("#"):
                assert f"{{ #{target[1:]} }}" in page, f"{path} links to missing anchor {target}"
                continue
            if target.startswith(("https://", "http://")):
                continue
            target, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(addresses.published(path) or ".", target))
            resolved = "" if resolved == "." else resolved + ("/" if target.endswith("/") else "")
            assert resolved in published, f"{path} links to missing {target}"
            if anchor:  # another page's heading: a room's day
                source = next(p for p in files if addresses.published(p) == resolved)
                assert f"{{ #{anchor} }}" in files[source], f"{path} links to missing anchor {anchor} of {source}"


def test_generate_titles_hostile_text_exactly_in_front_matter(multi):
    title = check_project(MULTI_DATA.parent).programme
    hostile = next(s for s in title.sessions if s.id == "hostile-text")
    # HTML-escaped, because the theme prints it into <title> as it is.
    assert front_matter(multi["sessions/hostile-text.md"])["title"] == html.escape(hostile.title, quote=True)


def test_generate_never_writes_raw_html_from_one_line_fields(multi):
    page = body(multi["sessions/hostile-text.md"])
    assert "<script" not in page and "<b>" not in page and "<img" not in page
    (script,) = JSON_LD.findall(multi["sessions/hostile-text.md"])
    assert "<" not in script and ">" not in script and "&" not in script
    # The role's payload appears only as escaped, inert text.
    assert page.count("onerror") == page.count("&lt;img src=x onerror=alert")


def test_generate_marks_unscheduled_session_as_to_be_announced_without_calendar(multi):
    page = multi["sessions/care-workforce.md"]
    assert "<li><strong>Date:</strong> to be announced</li>" in page
    assert "<strong>Time:</strong>" not in page and "Add to calendar" not in page
    assert "sessions/care-workforce.ics" not in multi


def test_generate_leaves_out_sections_with_nothing_to_show(multi):
    plenary = multi["sessions/closing-plenary.md"]
    for absent in ("## Abstract", "## People", "<strong>Stream:</strong>", "## Also in this session"):
        assert absent not in plenary
    assert '<li><strong>Room:</strong> <a href="../../rooms/main-hall/">Main hall</a></li>' in plenary


def test_generate_shows_start_only_when_there_is_no_end(multi):
    assert '>09:00 CEST</time>' in multi["sessions/pension-reform.md"]
    assert "data-podium-end" not in multi["sessions/pension-reform.md"]


def test_generate_lists_a_sessions_papers_in_order_with_authors_and_own_times(aspc):
    page = body(aspc["sessions/minimum-incomes.md"])
    papers = page.split("## Papers", 1)[1].split("## People", 1)[0]
    titles = re.findall(r'<a href="../../papers/([a-z-]+)/">', papers)
    assert titles == ["newstart-adequacy", "rent-assistance-renters", "cashless-debit-card"]
    assert "11.25 am – 11.55 am" in papers
    # As programmes print them: the presenter marked, as the others are not presenting; roles on the paper's page.
    assert "Peter Saunders (presenting), UNSW Sydney; Anna Becker, University of Melbourne" in papers
    assert "<strong>Chair:</strong> Tom Walsh, University of Sydney" in page
    assert "## Also in this session" not in page


def test_generate_shows_session_affiliation_override_and_role(multi):
    assert "### [方丽洁](../people/fang-lijie.md) (Chair), Visiting, Example University" in multi[
        "sessions/housing-first.md"
    ]


def test_generate_lists_person_sessions_with_day_and_time(multi):
    page = multi["people/zoe-nunez.md"]
    assert (
        '<a href="../../sessions/housing-first/">Housing First in three cities</a>'
        " · Saturday, 29 March 2025, 10:55 – 12:35 CET" in page
    )
    assert (
        '<a href="../../sessions/pension-reform/">Pension reform after the clocks go forward</a>'
        " · Sunday, 30 March 2025, 09:00 CEST" in page
    )
    assert "](https://orcid.org/0000-0002-1825-0097)" in page


def test_generate_sorts_people_index_by_sort_name(multi):
    index = multi["people/index.md"]
    order = [index.index(name) for name in ("方丽洁", "Núñez", "Sam Okafor")]
    assert order == sorted(order)


def test_generate_makes_the_only_session_the_home_page_and_keeps_it_out_of_search(seed):
    home = seed["index.md"]
    assert front_matter(home)["search"] == {"exclude": True}
    def without_addresses(text: str) -> str:
        return re.sub(r'href="[^"]*"|\]\([^)]*\)', "", text)

    session_page = seed["sessions/collective-sharing-poverty-alleviation-china.md"]
    assert without_addresses(body(home)) == without_addresses(body(session_page))
    assert 'href="sessions/collective-sharing-poverty-alleviation-china.ics"' in home


def test_generate_home_page_of_a_larger_programme_links_the_indexes(multi):
    home = multi["index.md"]
    assert "# Podium Test Conference 2025" in home
    assert "[Programme](programme.md)" in home and "[People](people/index.md): 3 people" in home


def test_a_programme_of_several_days_gets_a_page_per_day_and_an_index_of_them(tmp_path):
    write(120, tmp_path)
    programme = check_project(tmp_path).programme
    made = {path: content.decode("utf-8") for path, content in pages.render(programme).items()}
    day_pages = sorted(p for p in made if p.startswith("programme/"))
    assert day_pages == ["programme/2019-09-09.md", "programme/2019-09-10.md", "programme/2019-09-11.md"]
    overview = made["programme.md"]
    assert "podium-sessions" not in overview  # the days are linked, not listed
    listed = 0
    for page in day_pages:
        date = page.removeprefix("programme/").removesuffix(".md")
        assert f'href="{date}/"' in overview
        sessions = sum(1 for s in programme.sessions if s.date.isoformat() == date)
        assert f"{sessions} sessions" in overview
        assert f'aria-current="page" data-podium-date="{date}"' in made[page]
        listed += made[page].count('<li><a href="../../papers/')
    assert listed == 120  # every paper, on the page of its day


def test_a_programme_of_one_day_stays_on_one_page_as_a_timetable():
    made = generated("aspc")
    assert not [p for p in made if p.startswith("programme/")]
    assert 'class="podium-timetable"' in made["programme.md"].decode("utf-8")


@given(st.text(), st.text(), st.none() | st.fixed_dictionaries({"exclude": st.booleans()}))
def test_front_matter_reads_back_as_the_escaped_text(title, description, search):
    meta = {"title": title, "description": description, "search": search}
    text = str(rendering._front_matter(meta))
    assert text.startswith("---\n") and text.endswith("\n---\n") and text.count("\n---\n") == 1
    expected = {"title": html.escape(title, quote=True), "description": html.escape(markup.without_tags(description), quote=True)}
    assert yaml.safe_load(text.removeprefix("---\n").removesuffix("---\n")) == (
        expected if search is None else {**expected, "search": search}
    )


def test_generate_paper_page_shows_its_session_chair_place_and_neighbours(aspc):
    page = body(aspc["papers/dibao-rural-urban-gap.md"])
    assert '<strong>Session:</strong> <a href="../../sessions/chinese-social-policy-1/">' in page
    assert "(Chair: Mei Chen)" in page and "<strong>Place:</strong> Paper 2 of 3" in page
    assert 'rel="prev">Collective sharing' in page and 'rel="next">Targeted poverty alleviation' in page
    assert "<strong>Time:</strong>" in page and "10.55 am – 12.35 pm AEST" in page  # its session's time
    assert "Lijie Fang" in page.split("## Authors", 1)[1] and "Mei Chen" not in page.split("## Authors", 1)[1]


def test_generate_paper_page_with_its_own_time_shows_it(aspc):
    page = body(aspc["papers/rent-assistance-renters.md"])
    assert "11.25 am – 11.55 am AEST" in page and "Paper 2 of 3" in page


def test_generate_gives_a_break_no_page_and_lists_it_without_a_link(aspc):
    assert "sessions/lunch.md" not in aspc and "sessions/lunch.ics" not in aspc
    programme = aspc["programme.md"]
    # Its time in the timetable is what its row says: shown in the phone's list, not in the grid.
    lunch = '<span>Lunch</span><span class="podium-tt-lead"> · </span>Break, for everyone<span class="podium-tt-said"> · 12.35 pm – 1.30 pm</span> · Foyer</li>'
    assert lunch in programme
    assert 'class="podium-break"><span>Lunch' in programme  # no link


def test_generate_lists_sessions_for_everyone_on_every_stream_page(aspc):
    for stream in ("chinese-social-policy", "income-support"):
        page = aspc[f"streams/{stream}.md"]
        assert "Opening keynote" in page and "Late-night networking" in page, stream
    assert ' data-stream="" data-room="Leighton Hall" data-day="2019-09-10" data-kind="keynote" data-language="en-AU" data-everyone>' in aspc["programme.md"]


def test_generate_marks_an_end_on_the_next_day(aspc):
    page = body(aspc["sessions/late-networking.md"])
    assert "11.00 pm – 12.30 am AEST (next day)" in page
    assert 'data-podium-end="2019-09-11T00:30:00+10:00"' in page


def test_generate_person_page_lists_papers_and_roles_apart(aspc):
    page = body(aspc["people/anna-becker.md"])
    papers = page.split("## Papers", 1)[1].split("## Sessions", 1)[0]
    assert "Dibao and the rural–urban gap" in papers and "Child care subsidy" in papers
    assert "### Discussant" in page and "Minimum incomes under pressure" in page.split("### Discussant", 1)[1]


def test_generate_paper_page_carries_google_scholar_tags(aspc):
    meta = front_matter(aspc["papers/targeted-poverty-alleviation-villages.md"])
    tags = [tuple(pair) for pair in meta["citation"]]
    assert tags == [
        ("citation_title", "Targeted poverty alleviation in 40 villages"),
        ("citation_author", "Zhang, Wei"),
        ("citation_author_institution", "Peking University"),
        ("citation_conference_title", "Australian Social Policy Conference 2019"),
        ("citation_publication_date", "2019/09/10"),
        ("citation_doi", "10.1080/0312407X.2019.1660000"),
        ("citation_pdf_url", "https://example.org/aspc2019/targeted-poverty.pdf"),
    ]


def test_an_opt_out_of_recording_is_said_on_the_page_of_the_session_and_of_its_papers(tmp_path):
    import shutil

    from tests.conftest import ASPC_DATA

    shutil.copytree(ASPC_DATA, tmp_path / "data")
    file = tmp_path / "data" / "sessions" / "minimum-incomes.yml"
    file.write_text(file.read_text() + "recording: false\n")
    programme = check_project(tmp_path).programme
    made = _texts(pages.render(programme))
    row = "<li><strong>Recording:</strong> not recorded or streamed, at the presenters&#39; request</li>"
    (held,) = [s for s in programme.sessions if s.id == "minimum-incomes"]
    assert row in made["sessions/minimum-incomes.md"]
    assert all(row in made[f"papers/{paper.id}.md"] for paper in held.papers)
    assert sum(row in text for text in made.values()) == 1 + len(held.papers)


def test_a_programme_code_stands_before_the_title_on_pages_and_in_lists_and_is_searched(tmp_path):
    import shutil

    from podium.search.documents import documents
    from tests.conftest import ASPC_DATA

    shutil.copytree(ASPC_DATA, tmp_path / "data")
    for path, code in (("sessions/minimum-incomes.yml", "TU-A3"), ("papers/newstart-adequacy.yml", "MOP23")):
        file = tmp_path / "data" / path
        file.write_text(file.read_text() + f"code: {code}\n")
    programme = check_project(tmp_path).programme
    made = _texts(pages.render(programme))
    assert '# <span class="podium-code">TU-A3</span> Minimum incomes under pressure' in made["sessions/minimum-incomes.md"]
    assert '<span class="podium-code">MOP23</span> Is Newstart adequate?' in made["papers/newstart-adequacy.md"]
    for listing in ("streams/income-support.md", "people/tom-walsh.md"):
        assert '<span class="podium-code">TU-A3</span> Minimum incomes' in made[listing]
        assert '<span class="podium-code">MOP23</span> Is Newstart' in made[listing]
    found = {d.title: d for d in documents(programme)}
    assert "TU-A3" in found["Minimum incomes under pressure"].names and "MOP23" in found[
        "Is Newstart adequate? Budget standards for the unemployed"
    ].names


def test_a_paper_of_its_own_stream_in_a_session_of_another_is_on_both_streams_pages(tmp_path):
    """A poster session that mixes streams: the poster's own stream lists it and has it in
    its calendar; the paper's page names its own stream."""
    import shutil

    from podium.exports import files as export_files
    from tests.conftest import ASPC_DATA

    shutil.copytree(ASPC_DATA, tmp_path / "data")
    poster = tmp_path / "data" / "papers" / "energy-hardship-poster.yml"
    poster.write_text(poster.read_text() + "stream: chinese-social-policy\n")
    programme = check_project(tmp_path).programme
    (paper,) = [p for p in programme.papers if p.id == "energy-hardship-poster"]
    assert paper.stream.id == "chinese-social-policy" and programme.session_of(paper).stream.id == "income-support"
    made = _texts(pages.render(programme))
    own = made["streams/chinese-social-policy.md"]
    assert "## Papers in sessions of other streams" in own and "energy-hardship-poster" in own
    assert "## Papers in sessions of other streams" not in made["streams/income-support.md"]
    assert "streams/chinese-social-policy/" in made["papers/energy-hardship-poster.md"]
    calendar = export_files(programme, dt.datetime(2019, 9, 1, tzinfo=dt.timezone.utc))["streams/chinese-social-policy.ics"]
    assert b"Posters" in calendar


def test_long_author_lists_are_shortened_in_lists_and_whole_on_the_papers_page(tmp_path):
    """A poster with six authors: its session's page and the programme name three "et al."."""
    import shutil

    from tests.conftest import ASPC_DATA

    shutil.copytree(ASPC_DATA, tmp_path / "data")
    people = tmp_path / "data" / "people"
    names = ["Ada One", "Ben Two", "Cai Three", "Dee Four", "Eve Five", "Fay Six"]
    for n, name in enumerate(names):
        (people / f"author-{n}.yml").write_text(f"name: {name}\n", encoding="utf-8")
    poster = tmp_path / "data" / "papers" / "energy-hardship-poster.yml"
    poster.write_text(
        "title: Energy hardship in social housing\nboard: '2'\npeople:\n"
        + "".join(f"  - person: author-{n}\n" for n in range(len(names))),
        encoding="utf-8",
    )
    made = _texts(pages.render(check_project(tmp_path).programme))
    assert "Ada One, Ben Two, Cai Three et al." in made["programme.md"]
    listed = made["sessions/posters.md"].split('<ol class="podium-papers">')[1].split("</ol>")[0]
    assert "Ada One, Ben Two, Cai Three et al." in listed and "Fay Six" not in listed  # (its JSON-LD names all, for machines)
    assert all(name in made["papers/energy-hardship-poster.md"] for name in names)


def test_a_session_of_kind_other_does_not_say_other():
    from podium.pages import labels
    from podium.programme.model import Session

    assert not labels.shows_kind(Session(id="x", title="X", kind="other"))
    assert labels.shows_kind(Session(id="y", title="Y", kind="workshop"))
