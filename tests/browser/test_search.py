"""Search in Chromium: nothing of the index before a visitor types; then a few chunks, the page first.

On the generated programme of 1,000 papers (the budgets of issue 19) and the fixtures
(axe on the dialog with its results, the keyboard).
"""

from __future__ import annotations

import pytest
import yaml

from tests.browser.test_accessibility import VIEWS, axe_violations
from podium.search import terms
from tests.browser.test_large_programme import search
from tests.conftest import REPO
from tests.helpers import data_texts

pytestmark = pytest.mark.browser

PHONE = VIEWS["phone"]


def _paper_and_its_title_word(files: dict) -> tuple[str, str]:
    """A paper, and the word of its title that no other title has (synthetic.py coins one)."""
    titles = {p.split("/")[1].removesuffix(".yml"): yaml.safe_load(t)["title"] for p, t in files.items() if p.startswith("papers/")}
    counts: dict[str, int] = {}
    for title in titles.values():
        for word in set(title.casefold().split()):
            counts[word] = counts.get(word, 0) + 1
    paper = sorted(titles)[41]
    word = min(sorted(set(titles[paper].casefold().split())), key=lambda w: counts[w])
    assert counts[word] == 1
    return paper, word


def test_a_page_downloads_nothing_of_the_index_before_a_search(open_page, large_site):
    url, files = large_site
    paper = next(p for p in files if p.startswith("papers/")).split("/")[1].removesuffix(".yml")
    page, watch = open_page(url + f"papers/{paper}/", **PHONE)
    assert not [r for r in watch.requests if "/search/" in r]
    assert watch.transferred_bytes() <= 90 * 1024, f"{watch.transferred_bytes() / 1024:.1f} KB before any search"


def test_a_title_search_finds_the_paper_first_with_little_more(open_page, large_site):
    url, files = large_site
    paper, word = _paper_and_its_title_word(files)
    # Without the service worker: it would fetch the whole index in the background for
    # offline use (measured by `make bench`), and answer the search from its cache.
    page, watch = open_page(url + "about/", service_workers="block")
    before = watch.transferred_bytes()
    hits = search(page, word)
    assert hits[0] == f"papers/{paper}/"
    assert hits.count(f"papers/{paper}/") == 1
    spent = watch.transferred_bytes() - before
    assert 0 < spent <= 150 * 1024, f"{spent / 1024:.1f} KB for one search"
    assert watch.foreign_requests() == [] and watch.console_errors == []


def test_results_show_the_day_time_and_stream(open_page, aspc_url):
    page, _ = open_page(aspc_url + "about/")
    search(page, "Rent assistance")
    first = page.locator(".md-search-result__item").first
    assert "Rent assistance and the private renters it misses" in first.inner_text()
    assert "Tuesday, 10 September 2019, 11.25 am – 11.55 am AEST · Income support and inequality" in first.inner_text()


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_the_search_dialog_and_its_results_have_no_axe_violations(open_page, aspc_url, view):
    page, _ = open_page(aspc_url + "about/", wait_until="load", **VIEWS[view])
    if view == "phone":
        page.locator("label.md-header__button[for=__search]").click()
    search(page, "poverty")
    assert axe_violations(page) == []


def test_the_keyboard_opens_and_closes_search(open_page, aspc_url):
    page, _ = open_page(aspc_url + "about/", **PHONE)
    page.keyboard.press("/")
    page.wait_for_timeout(200)
    assert page.evaluate("document.activeElement.matches('[data-podium-search-input]')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_the_page_weight_benchmark_measures_a_site(browser, large_project, large_site):
    """benchmarks/page_weight.py, which make bench runs on every size, on the 1,000-paper site."""
    from benchmarks import page_weight

    _, files = large_site
    figures = page_weight.measure(large_project / "site", files, browser)
    assert 0 < figures["paper_page_kb"] <= 90 and 0 < figures["day_page_kb"] <= 250
    assert 0 < figures["search_kb"] <= 150 and figures["search_first_hit"] is True


def test_the_search_field_shows_one_icon_on_a_wide_screen_and_on_a_phone(open_page, aspc_url):
    # The magnifier on a wide screen; on a phone, in the open search, the arrow back.
    page, _ = open_page(aspc_url + "about/", viewport={"width": 1280, "height": 800})
    icons = page.locator(".md-search__form .md-search__icon[for=__search] svg")
    assert [icons.nth(i).is_visible() for i in range(2)] == [True, False]
    page, _ = open_page(aspc_url + "about/", **PHONE)
    page.locator("label.md-header__button[for=__search]").click()
    icons = page.locator(".md-search__form .md-search__icon[for=__search] svg")
    assert [icons.nth(i).is_visible() for i in range(2)] == [False, True]


def test_search_finds_the_about_page_by_its_words(open_page, aspc_url):
    page, _ = open_page(aspc_url + "programme/")
    assert search(page, "trackers")[0] == "about/"


_TRICKY = [
    "Zürich, São Paulo; ＡＢＣ and Ǆ", "İstanbul ΣΟΦΟΣ Straße ﬁne ½ ١٢٣ ۴۵", "COVID-19疫情下 a_b e.g.",
    "ガイドとｶﾞｲﾄﾞ 々 ゝゞ", "سِيَاسَة الإسكان", "𠀀𠀁 한국어 Ελληνικά", "Crème brûlée—naïve café", "扶",
    "GROẞE Ærø Œuvre Łódź Þór Đakovo ıssız",
]  # fmt: skip


def _fixture_texts() -> list[str]:
    """Every text of the fixtures' data: titles, names, abstracts in eight languages."""
    return [text for data in sorted((REPO / "tests" / "fixtures").glob("*/data")) for text in data_texts(data)]


def test_the_browser_makes_the_same_terms_of_a_text_as_the_index(open_page, aspc_url):
    texts = _TRICKY + _fixture_texts()
    assert len(texts) > 300
    page, _ = open_page(aspc_url + "about/")
    in_the_browser = page.evaluate("texts => texts.map(text => window.podium.searchTerms(text))", texts)
    assert in_the_browser == [terms.split(text) for text in texts]


def test_a_search_finds_other_forms_of_a_word_and_words_that_begin_with_it(open_page, aspc_url):
    page, _ = open_page(aspc_url + "about/")
    # Chienchung Huang's bio says "innovation", never "innovative"; a paper says both.
    # Typed with a space after it, the word is not taken as a beginning: only its stem finds him.
    assert "people/chienchung-huang/" in search(page, "innovative ")
    page.locator("input.md-search__input").fill("")
    assert search(page, "assist")[0] == "papers/rent-assistance-renters/"


def test_a_word_with_a_typo_finds_the_word_below_the_words_as_typed(open_page, aspc_url):
    page, _ = open_page(aspc_url + "about/")
    assert search(page, "assitance")[0] == "papers/rent-assistance-renters/"  # a letter left out
    page.locator("input.md-search__input").fill("")
    assert search(page, "Rent asisstance ")[0] == "papers/rent-assistance-renters/"  # two swapped, among words as typed
    page.locator("input.md-search__input").fill("")
    typo = search(page, "povetry ")
    page.locator("input.md-search__input").fill("")
    assert typo == search(page, "poverty ") and len(typo) >= 3  # alone, it finds what the word finds


def test_a_form_of_a_word_the_site_never_uses_finds_the_forms_it_uses(open_page, aspc_url):
    page, _ = open_page(aspc_url + "about/")
    # The site says "unemployed", never "unemployment": the stem is the same.
    assert search(page, "unemployment ")[0] == "papers/newstart-adequacy/"


def test_a_word_found_far_into_an_abstract_is_shown_in_its_sentence(open_page, aspc_url):
    page, watch = open_page(aspc_url + "about/")
    # The seed's abstract names Xi Jinping some 600 characters in, past its first 220.
    assert search(page, "Jinping")[0] == "papers/collective-sharing-poverty-alleviation-china/"
    first = page.locator(".md-search-result__item").first
    assert first.locator("mark").first.inner_text() == "Jinping"
    assert first.locator("article > p:not(.podium-search-meta)").inner_text().startswith("… ")
    assert any("/search/x-" in request for request in watch.requests)
    # A result with the word in its title keeps the start of its text; at most three
    # results fetch their whole text.
    page.locator("input.md-search__input").fill("")
    before = len([r for r in watch.requests if "/search/x-" in r])
    assert search(page, "Dibao ")[0] == "papers/dibao-rural-urban-gap/"
    excerpt = page.locator(".md-search-result__item").first.locator("article > p:not(.podium-search-meta)")
    assert excerpt.inner_text().startswith("Lijie Fang")
    assert len([r for r in watch.requests if "/search/x-" in r]) - before <= 3


@pytest.mark.parametrize("word", ["zzzzqx", "qwertzuiop", "Welle", "wuerfel "])
def test_a_word_found_nowhere_and_no_typo_of_a_word_finds_nothing(open_page, aspc_url, word):
    page, _ = open_page(aspc_url + "about/")
    assert search(page, word) == []
    assert "No matching documents" in page.locator("[data-podium-search-status]").inner_text()


def test_every_word_must_be_found(open_page, aspc_url):
    page, _ = open_page(aspc_url + "about/")
    search(page, "rent assistance")
    page.locator("input.md-search__input").press_sequentially(" zzzzqx", delay=20)
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 0")
    assert "No matching documents" in page.locator("[data-podium-search-status]").inner_text()


def test_search_works_offline_once_the_worker_has_kept_the_index(open_page, aspc_url):
    page, _ = open_page(aspc_url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    kept = "caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
    page.wait_for_function(f"{kept}.then(all => all.flat().some(r => /\\/search\\/t-/.test(r.url)))", timeout=30_000)
    page.context.set_offline(True)
    page.goto(aspc_url + "about/")
    assert search(page, "Rent assistance")[0] == "papers/rent-assistance-renters/"


def test_the_results_are_busy_from_a_keystroke_until_the_results_for_it_are_shown(browser, aspc_url):
    # With the page's clock held, the search after the pause in typing has not run yet.
    context = browser.new_context()
    try:
        page = context.new_page()
        page.clock.install()
        page.goto(aspc_url + "about/")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("rent assistance")
        results = page.locator("[data-podium-search-results]")
        assert results.get_attribute("aria-busy") == "true"
        assert results.locator("li").count() == 0
        page.clock.run_for(1000)
        page.wait_for_function("document.querySelector('[data-podium-search-results]').getAttribute('aria-busy') === 'false'")
        assert "Rent assistance and the private renters it misses" in results.locator("li").first.inner_text()
    finally:
        context.close()
