"""What attendees rely on beyond the facts: keyboard, structure, privacy, weight,
small screens, dark mode and paper."""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import ASPC_PAGES, MULTI_PAGES, SEED_PAGES

pytestmark = pytest.mark.browser

SEED_SESSION = "sessions/collective-sharing-poverty-alleviation-china/"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
# The session page, cold, must weigh at most this much on the wire, its scripts for
# stars and offline use included (issue 16's target). What the service worker saves
# for offline use afterwards is measured by `make bench`, not counted here.
SESSION_PAGE_BUDGET = 90 * 1024


def test_first_tab_reaches_a_visible_skip_link(open_page, seed_url):
    page, _ = open_page(seed_url + SEED_SESSION)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
        " return {text: e.textContent.trim(), href: e.getAttribute('href'), visible: r.width > 0 && r.height > 0} }"
    )
    assert focused["text"] == "Skip to content" and focused["visible"]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#collective-sharing-innovation-and-precise-poverty-alleviation-in-china"


def test_keyboard_reaches_every_link_of_the_session_with_a_focus_ring(open_page, seed_url):
    page, _ = open_page(seed_url + SEED_SESSION)
    links = page.locator("article a[href]")
    expected = links.count()
    assert expected >= 6
    reached = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        info = page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return {inArticle: !!e.closest('article'), href: e.getAttribute('href'),"
            " ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0} }"
        )
        if info["inArticle"] and info["href"]:
            assert info["ring"], f"no visible focus ring on {info['href']}"
            reached.add(info["href"])
        if len(reached) == expected:
            break
    assert len(reached) == expected


@pytest.mark.parametrize("path", SEED_PAGES[:-1])
def test_page_has_one_h1_headings_in_order_and_landmarks(open_page, seed_url, path):
    page, _ = open_page(seed_url + path, wait_until="load")
    levels = page.evaluate("() => [...document.querySelectorAll('article h1, article h2, article h3,"
                           " article h4, article h5, article h6')].map(h => Number(h.tagName[1]))")  # fmt: skip
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    for landmark in ("header", "main", "footer", "nav"):
        assert page.locator(landmark).count() >= 1, landmark
    assert page.locator("main").count() == 1


def test_no_cookies_even_after_a_search(open_page, seed_url):
    page, _ = open_page(seed_url + SEED_SESSION)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("poverty", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""


@pytest.mark.parametrize("site", ["seed", "aspc"])
def test_session_page_weighs_at_most_90_kb_cold(open_page, seed_url, aspc_url, site, record_property):
    url = seed_url + SEED_SESSION if site == "seed" else aspc_url + "sessions/chinese-social-policy-1/"
    page, watch = open_page(url, **PHONE)
    total = watch.transferred_bytes()
    record_property("session_page_bytes", total)
    print(f"\n{site} session page, cold: {total / 1024:.1f} KB transferred in {len(watch.requests)} requests")
    assert 10_000 < total <= SESSION_PAGE_BUDGET


@pytest.mark.parametrize(
    ("site", "path"),
    [("seed", p) for p in SEED_PAGES] + [("multi", p) for p in MULTI_PAGES] + [("aspc", p) for p in ASPC_PAGES],
)
def test_page_never_scrolls_sideways_on_a_360_px_phone(open_page, seed_url, multi_url, aspc_url, site, path):
    base = {"seed": seed_url, "multi": multi_url, "aspc": aspc_url}[site]
    page, _ = open_page(base + path, wait_until="load", **PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_dark_scheme_follows_the_system_and_can_be_toggled(open_page, seed_url):
    page, _ = open_page(seed_url + SEED_SESSION, color_scheme="dark")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "slate"
    page.get_by_title("Switch to light mode").filter(visible=True).click()
    assert page.evaluate(scheme) == "default"
    light, _ = open_page(seed_url + SEED_SESSION, color_scheme="light")
    assert light.evaluate(scheme) == "default"


def test_print_shows_the_session_without_navigation(open_page, seed_url):
    page, _ = open_page(seed_url + SEED_SESSION)
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.md-search', "
        "'.podium-calendar'].map(s => { const e = document.querySelector(s); return !e || e.offsetParent === null })"
    )
    assert all(hidden), hidden
    article = page.locator("article").inner_text()
    assert "Tuesday, 10 September 2019" in article and "10.55 am – 12.35 pm AEST" in article
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
