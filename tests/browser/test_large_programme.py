"""A generated programme of 1,000 papers in sessions in the browser: filters and search."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.browser.filtering import choose

pytestmark = pytest.mark.browser



DAYS = ["2019-09-09", "2019-09-10", "2019-09-11"]


def test_programme_of_1000_papers_has_light_pages(large_site):
    url, _ = large_site
    import urllib.request

    for path in ["programme/"] + [f"programme/{day}/" for day in DAYS]:
        html = urllib.request.urlopen(url + path).read()
        assert len(html) <= 300 * 1024, f"{path}: {len(html) / 1024:.0f} KB"


def test_programme_of_1000_papers_filters_by_stream_keeping_sessions_for_everyone(open_page, large_site):
    url, files = large_site
    day = DAYS[1]
    page, watch = open_page(url + f"programme/{day}/", wait_until="load")
    on_day = [text for p, text in files.items() if p.startswith("sessions/") and f"date: '{day}'" in text]
    assert page.locator("ul.podium-sessions > li").count() == len(on_day)
    for_everyone = sum(1 for text in on_day if "stream:" not in text)
    in_stream = sum(1 for text in on_day if "stream: stream-007" in text)
    assert in_stream > 0 and for_everyone == 4  # a keynote and three breaks
    choose(page, "stream", "stream-007")
    assert page.locator("ul.podium-sessions > li:visible").count() == in_stream + for_everyone
    shown = in_stream + for_everyone
    assert page.locator(".podium-filter-count").inner_text() == f"{shown} of {len(on_day)} sessions"
    assert watch.console_errors == []


def search(page, words: str) -> list[str]:
    """The addresses of the pages search lists for `words`, once it shows the results for
    all of them (the list is busy from each keystroke until then)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(words, delay=20)
    page.wait_for_function("document.querySelector('[data-podium-search-results]').getAttribute('aria-busy') === 'false'", timeout=20_000)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))"
    )
    return [re.sub(r"^(https?://[^/]+)?/|[?#].*$", "", href) for href in hrefs]


def test_search_finds_a_paper_once_by_title(open_page, large_site):
    url, files = large_site
    title = yaml.safe_load(files["papers/paper-00042.yml"])["title"]
    page, _ = open_page(url + "about/")
    hits = search(page, title)
    # The paper's own page comes first, and only once: lists that name it are not indexed.
    assert hits[0] == "papers/paper-00042/"
    assert hits.count("papers/paper-00042/") == 1
    # The programme and the people index are lists of titles: never a hit. (People's
    # and streams' pages may be: their bios and names share the synthetic vocabulary.)
    assert "programme/" not in hits and "people/" not in hits


def test_search_finds_a_presenter_and_an_affiliation(open_page, large_site):
    url, files = large_site
    person = yaml.safe_load(files["people/person-00003.yml"])
    page, _ = open_page(url + "about/")
    assert "people/person-00003/" in search(page, person["name"])
    page, _ = open_page(url + "about/")
    assert search(page, "Griffith University")


@pytest.mark.parametrize("path", ["programme/", f"programme/{DAYS[0]}/", "people/"])
def test_large_programme_pages_have_no_axe_violations(open_page, large_site, path):
    from tests.browser.test_accessibility import axe_violations

    url, _ = large_site
    page, _ = open_page(url + path, wait_until="load")
    assert axe_violations(page) == []
