"""My programme in Chromium: stars, the page, its calendar, share links, offline use (issue 16).

On the ASPC fixture (sessions of papers, breaks, a keynote for everyone), in contexts
of their own: what a visitor stars lives in their browser only.
"""

from __future__ import annotations

import os
from pathlib import Path

import icalendar
import pytest

from tests.browser.test_accessibility import VIEWS, axe_violations

pytestmark = pytest.mark.browser

PHONE = VIEWS["phone"]
SESSION = "sessions/minimum-incomes/"
KEYNOTE = "sessions/opening-keynote/"
PAPER_OWN_TIME = "papers/newstart-adequacy/"
PAPER_IN_SESSION = "papers/dibao-rural-urban-gap/"
CHINESE_SESSION = "sessions/chinese-social-policy-1/"


@pytest.fixture
def context(browser):
    contexts = []

    def _new(**options):
        made = browser.new_context(**{**PHONE, **options})
        contexts.append(made)
        return made

    yield _new
    for made in contexts:
        made.close()


def _errors(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _star(page, url):
    page.goto(url)
    button = page.locator("article [data-podium-star-place] button[data-podium-star]")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"


def _my_programme(page, url):
    page.goto(url + "my-programme/")
    page.wait_for_selector("[data-podium-my-list] h2, [data-podium-my-empty]:not([hidden])")
    return page.locator("li.podium-my-item")


def _titles(items) -> list[str]:
    return [items.nth(i).locator(".podium-my-title a").inner_text() for i in range(items.count())]


def test_a_star_on_a_session_page_is_on_my_programme_after_a_reload_and_unstarring_it_there_unstars_it_everywhere(context, aspc_url):
    page = context().new_page()
    errors = _errors(page)
    _star(page, aspc_url + SESSION)
    items = _my_programme(page, aspc_url)
    assert _titles(items) == ["Minimum incomes under pressure"]
    page.reload()
    items = _my_programme(page, aspc_url)
    assert items.count() == 1
    items.first.locator("button[data-podium-star]").click()
    assert page.locator("li.podium-my-item").count() == 0
    assert page.locator("[data-podium-my-empty]").is_visible()
    page.goto(aspc_url + "programme/")
    pressed = page.locator('button[data-podium-star="s:minimum-incomes"]')
    assert pressed.get_attribute("aria-pressed") == "false"
    page.goto(aspc_url + SESSION)
    assert page.locator("article [data-podium-star-place] button[data-podium-star]").get_attribute("aria-pressed") == "false"
    assert errors == []


def test_stars_are_beside_every_session_and_paper_in_lists(context, aspc_url):
    page = context().new_page()
    page.goto(aspc_url + "streams/income-support/")
    keys = page.locator("button[data-podium-star]").evaluate_all("buttons => buttons.map(b => b.dataset.podiumStar)")
    assert "s:minimum-incomes" in keys and "p:newstart-adequacy" in keys
    page.goto(aspc_url + "people/anna-becker/")
    assert page.locator("button[data-podium-star]").count() > 0


def test_a_star_is_a_labelled_toggle_of_44_pixels(context, aspc_url):
    page = context().new_page()
    page.goto(aspc_url + "programme/")
    button = page.locator('button[data-podium-star="s:minimum-incomes"]')
    assert button.get_attribute("aria-label") == "Star for My programme: Minimum incomes under pressure"
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    page.goto(aspc_url + SESSION)
    worded = page.locator("article [data-podium-star-place] button[data-podium-star]")
    assert worded.inner_text() == "Star for My programme"
    assert worded.bounding_box()["height"] >= 44


def test_without_javascript_no_star_is_shown_and_my_programme_says_why(context, aspc_url):
    page = context(java_script_enabled=False).new_page()
    page.goto(aspc_url + SESSION)
    assert page.locator("[data-podium-star]").count() == 0
    page.goto(aspc_url + "my-programme/")
    assert "needs JavaScript" in page.locator("[data-podium-my-nojs]").inner_text()


def test_two_tabs_stay_in_step(context, aspc_url):
    made = context()
    first, second = made.new_page(), made.new_page()
    first.goto(aspc_url + "programme/")
    second.goto(aspc_url + "my-programme/")
    second.wait_for_selector("[data-podium-my-empty]:not([hidden])")
    first.locator('button[data-podium-star="s:posters"]').click()
    second.wait_for_selector('li.podium-my-item[data-key="s:posters"]')
    second.locator('li.podium-my-item[data-key="s:posters"] button[data-podium-star]').click()
    first.wait_for_function("document.querySelector('button[data-podium-star=\"s:posters\"]').getAttribute('aria-pressed') === 'false'")


def test_my_programme_is_in_time_order_with_clashes_and_the_sessions_for_everyone(context, aspc_url):
    page = context().new_page()
    for url in (PAPER_OWN_TIME, CHINESE_SESSION, KEYNOTE):
        _star(page, aspc_url + url)
    items = _my_programme(page, aspc_url)
    assert _titles(items) == [
        "Opening keynote: Social policy after the boom",
        "Chinese social policy: poverty reduction",
        "Is Newstart adequate? Budget standards for the unemployed",
    ]
    clash = items.nth(1).locator(".podium-my-clash")
    assert clash.inner_text() == "Clash: at the same time as Is Newstart adequate? Budget standards for the unemployed"
    context_titles = page.locator("li.podium-my-context .podium-my-title").all_inner_texts()
    assert "For everyone: Morning tea" in context_titles and "For everyone: Lunch" in context_titles
    assert page.locator("[data-podium-my-list] h2").all_inner_texts() == ["Tuesday, 10 September 2019"]


def test_a_paper_never_clashes_with_its_own_session(context, aspc_url):
    page = context().new_page()
    for url in (CHINESE_SESSION, PAPER_IN_SESSION):
        _star(page, aspc_url + url)
    _my_programme(page, aspc_url)
    assert page.locator(".podium-my-clash").count() == 0
    assert "Paper in Chinese social policy: poverty reduction" in page.locator('li[data-key="p:dibao-rural-urban-gap"]').inner_text()


def test_what_is_on_now_is_marked(context, aspc_url):
    made = context()
    page = made.new_page()
    page.clock.set_fixed_time("2019-09-10T01:00:00Z")  # 11.00 am in Sydney
    _star(page, aspc_url + SESSION)
    _star(page, aspc_url + KEYNOTE)
    _my_programme(page, aspc_url)
    now = page.locator("li.podium-now")
    assert now.count() == 1 and now.get_attribute("data-key") == "s:minimum-incomes"
    assert now.locator(".podium-now-label").inner_text() == "Now"
    assert "podium-past" in page.locator('li[data-key="s:opening-keynote"]').get_attribute("class")


def test_the_calendar_holds_exactly_the_starred_items_with_the_sites_uids(context, aspc_url):
    page = context(accept_downloads=True).new_page()
    for url in (PAPER_OWN_TIME, CHINESE_SESSION, PAPER_IN_SESSION):
        _star(page, aspc_url + url)
    _my_programme(page, aspc_url)
    with page.expect_download() as download:
        page.click("[data-podium-my-calendar]")
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    uids = sorted(str(event["UID"]) for event in calendar.walk("VEVENT"))
    own = {}
    for path in ("papers/newstart-adequacy.ics", "sessions/chinese-social-policy-1.ics"):
        response = page.request.get(aspc_url + path)
        event = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")[0]
        own[str(event["UID"])] = event
    assert uids == sorted(own)  # the paper in its session is the session's entry
    for event in calendar.walk("VEVENT"):
        assert event.to_ical() == own[str(event["UID"])].to_ical()
    assert str(calendar["X-WR-CALNAME"]) == "My programme (ASPC 2019)"
    assert "with 2 entries" in page.locator("[data-podium-my-status]").inner_text()
    files = page.locator("[data-podium-my-file-list] a").evaluate_all("links => links.map(a => a.href)")
    assert sorted(f.removeprefix(aspc_url) for f in files) == ["papers/newstart-adequacy.ics", "sessions/chinese-social-policy-1.ics"]


def test_a_share_link_opens_the_selection_read_only_in_a_fresh_browser_and_can_be_added(context, aspc_url):
    page = context().new_page()
    for url in (SESSION, PAPER_IN_SESSION):
        _star(page, aspc_url + url)
    _my_programme(page, aspc_url)
    page.click("[data-podium-my-share]")
    link = page.input_value("[data-podium-my-share-link]")
    assert link.startswith(aspc_url + "my-programme/#share=")
    page.wait_for_selector("[data-podium-my-qr] img[alt]")

    fresh = context().new_page()
    errors = _errors(fresh)
    fresh.goto(link)
    fresh.wait_for_selector("li.podium-my-item")
    assert sorted(fresh.locator("li.podium-my-item").evaluate_all("items => items.map(i => i.dataset.key)")) == [
        "p:dibao-rural-urban-gap", "s:minimum-incomes",
    ]  # fmt: skip
    assert fresh.locator("li.podium-my-item [data-podium-star]").count() == 0  # read-only
    assert fresh.locator("[data-podium-my-shared-count]").inner_text() == "2 sessions and papers were shared with you."
    assert fresh.evaluate("Object.keys(localStorage).filter(k => k.startsWith('podium:'))") == []
    fresh.click("[data-podium-my-adopt]")
    assert "#share" not in fresh.url
    assert fresh.locator("li.podium-my-item [data-podium-star]").count() == 2
    fresh.goto(aspc_url + SESSION)
    assert fresh.locator("article [data-podium-star-place] button[data-podium-star]").get_attribute("aria-pressed") == "true"
    assert errors == []


def test_offline_the_programme_a_visited_page_and_my_programme_load_and_others_get_the_offline_page(context, aspc_url):
    made = context()
    page = made.new_page()
    page.goto(aspc_url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    _star(page, aspc_url + SESSION)
    page.wait_for_function("caches.keys().then(k => k.length)")
    made.set_offline(True)
    page.goto(aspc_url + "programme/")
    assert page.locator("article h1").inner_text() == "Programme"
    assert page.locator(".podium-saved-note").inner_text().startswith("You are offline: this is the copy of this page saved")
    assert axe_violations(page) == []
    page.goto(aspc_url + SESSION)
    assert page.locator("article h1").inner_text() == "Minimum incomes under pressure"
    items = _my_programme(page, aspc_url)
    assert items.count() == 1
    page.goto(aspc_url + "sessions/posters/")
    assert page.locator("article h1").inner_text() == "You are offline"
    assert page.locator("[data-podium-offline-page] + p a").inner_text() == aspc_url + "sessions/posters/"
    made.set_offline(False)
    page.goto(aspc_url + "sessions/posters/")
    assert page.locator("article h1").inner_text() == "Posters"
    assert page.locator(".podium-saved-note").count() == 0


def test_a_page_opened_before_the_worker_ran_is_kept_too(context, aspc_url):
    made = context()
    page = made.new_page()
    page.goto(aspc_url + PAPER_IN_SESSION)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(f"caches.keys().then(k => caches.open(k[0])).then(c => c.match('{aspc_url + PAPER_IN_SESSION}')).then(Boolean)")
    made.set_offline(True)
    page.goto(aspc_url + PAPER_IN_SESSION)
    page.wait_for_selector(".podium-saved-note", timeout=10_000)  # offline.js adds it once the page is in
    assert page.locator(".podium-saved-note").count() == 1


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_my_programme_with_items_and_a_share_has_no_axe_violations(context, aspc_url, view):
    page = context(**VIEWS[view]).new_page()
    for url in (CHINESE_SESSION, PAPER_OWN_TIME):
        _star(page, aspc_url + url)
    _my_programme(page, aspc_url)
    page.click("[data-podium-my-share]")
    page.wait_for_selector("[data-podium-my-qr] img")
    assert axe_violations(page) == []


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_my_programme_empty_shared_and_the_offline_page_have_no_axe_violations(context, aspc_url, view):
    page = context(**VIEWS[view]).new_page()
    page.goto(aspc_url + "my-programme/")
    page.wait_for_selector("[data-podium-my-empty]:not([hidden])")
    assert axe_violations(page) == []
    page.goto(aspc_url + "offline/?page=" + aspc_url + "sessions/posters/")
    assert axe_violations(page) == []


FIVE_SESSIONS = ("opening-keynote", "chinese-social-policy-1", "minimum-incomes", "posters", "late-networking")


def _screenshot(page, name, tmp_path):
    # The README's screenshots: `make screenshot` writes them to .github/readme/.
    folder = Path(os.environ.get("PODIUM_SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name))
    assert (folder / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_on_a_phone_five_sessions_are_starred_listed_put_in_a_calendar_shared_and_opened_offline_screenshot(context, aspc_url, tmp_path):
    made = context(accept_downloads=True)
    page = made.new_page()
    errors = _errors(page)
    page.goto(aspc_url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    for session in FIVE_SESSIONS:
        _star(page, aspc_url + f"sessions/{session}/")
    _screenshot(page, "my-programme-star-phone.png", tmp_path)

    items = _my_programme(page, aspc_url)
    assert sorted(items.evaluate_all("items => items.map(i => i.dataset.key)")) == sorted(f"s:{s}" for s in FIVE_SESSIONS)
    assert page.locator(".podium-my-clash").count() == 2  # the two parallel sessions at 10.55
    _screenshot(page, "my-programme-phone.png", tmp_path)

    with page.expect_download() as download:
        page.click("[data-podium-my-calendar]")
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    assert len(calendar.walk("VEVENT")) == 5

    page.click("[data-podium-my-share]")
    link = page.input_value("[data-podium-my-share-link]")
    fresh = context().new_page()
    fresh.goto(link)
    fresh.wait_for_selector("li.podium-my-item")
    assert fresh.locator("li.podium-my-item").count() == 5

    page.wait_for_function("caches.keys().then(k => k.length)")
    made.set_offline(True)
    items = _my_programme(page, aspc_url)
    assert items.count() == 5
    assert page.locator(".podium-saved-note").count() == 1
    _screenshot(page, "my-programme-offline-phone.png", tmp_path)
    for session in FIVE_SESSIONS:
        page.goto(aspc_url + f"sessions/{session}/")
        assert page.locator("article [data-podium-star-place] button[data-podium-star]").get_attribute("aria-pressed") == "true"
    assert errors == []


LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
  .observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("path", ["programme/", SESSION, PAPER_IN_SESSION, "streams/income-support/"])
def test_stars_and_filters_move_nothing_when_they_come(context, aspc_url, path):
    # In the venue's zone, so that the visitor's-time line (which must come late) is not shown.
    page = context(timezone_id="Australia/Sydney").new_page()
    page.add_init_script(LAYOUT_SHIFTS)
    page.goto(aspc_url + path, wait_until="networkidle")
    assert page.locator("[data-podium-star]").count() > 0
    assert page.evaluate("window.__shifts") == []


@pytest.mark.parametrize("view", [PHONE, {"viewport": {"width": 1280, "height": 800}, "is_mobile": False}], ids=["phone", "wide"])
def test_the_programme_stays_put_whatever_the_filters_options(context, aspc_url, view):
    # Chromium may paint a long page before its parser reaches a select's options (CI saw
    # it once in forty loads); a control sized by its options would then push the
    # programme down. Emptying the selects stands in for that moment.
    page = context(**view).new_page()
    page.goto(aspc_url + "programme/")
    top = "() => document.querySelector('.podium-timetable').getBoundingClientRect().top"
    before = page.evaluate(top)
    assert page.locator("form.podium-filters select").count() >= 1
    page.evaluate("() => document.querySelectorAll('form.podium-filters select').forEach(s => s.replaceChildren())")
    assert page.evaluate(top) == before


def test_stored_keys_named_like_object_properties_find_nothing(context, aspc_url):
    """A stored selection is the visitor's (or a script's) to write: `__proto__` is no session."""
    page = context().new_page()
    page.goto(aspc_url)
    page.evaluate(
        "localStorage.setItem('podium:starred:' + new URL(document.baseURI).pathname.replace(/[^/]*$/, ''),"
        " JSON.stringify(['__proto__', 'constructor', 'toString', 's:" + SESSION.split("/")[1] + "']))"
    )
    items = _my_programme(page, aspc_url)
    assert items.count() == 1
    assert "could not load" not in page.locator("[data-podium-my-status]").inner_text()


def test_a_starred_cancelled_paper_says_so_and_clashes_with_nothing(context, aspc_url):
    """The cancelled poster paper (11:55) overlaps the Chinese session (10:55 to 12:35): no clash."""
    page = context().new_page()
    errors = _errors(page)
    _star(page, aspc_url + "papers/cashless-debit-card/")
    _star(page, aspc_url + CHINESE_SESSION)
    items = _my_programme(page, aspc_url)
    cancelled = page.locator('li.podium-my-item[data-key="p:cashless-debit-card"]')
    assert cancelled.locator(".podium-my-cancelled").inner_text().strip() == "Cancelled"
    assert cancelled.locator(".podium-my-title a s").inner_text() == "The cashless debit card & its critics"
    assert items.count() == 2 and page.locator(".podium-my-clash").count() == 0
    assert errors == []


def test_starred_sessions_that_moved_or_were_cancelled_are_flagged_after_the_next_publication(browser, tmp_path):
    """Starred at the first publication; after the second, the pages say that starred
    sessions changed, and My programme flags the moved and the cancelled one, once."""
    import shutil

    from tests.server import SiteServer
    from tests.site.test_changes import _commit, _edit
    from tests.conftest import MULTI_DATA, make_project, run_build_py
    import subprocess

    project = make_project(tmp_path / "conference", MULTI_DATA)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    _commit(project, "Programme", "2025-03-01T10:00:00+01:00")
    assert run_build_py(project, "build").returncode == 0
    served = tmp_path / "served"
    shutil.copytree(project / "site", served)
    sessions = project / "data" / "sessions"
    _edit(sessions / "hostile-text.yml", "date: 2025-03-30", "date: 2025-03-31")
    _edit(sessions / "closing-plenary.yml", "title: Closing plenary", "title: Closing plenary\nstatus: cancelled")
    _commit(project, "Moved and cancelled", "2025-03-20T18:30:00+01:00")
    assert run_build_py(project, "build").returncode == 0

    server = SiteServer(served, "https://example.org/ptc2025/")
    context = browser.new_context(**PHONE, service_workers="block")  # the pages as published, not a kept copy
    try:
        page = context.new_page()
        for session in ("hostile-text", "closing-plenary"):
            _star(page, server.url + f"sessions/{session}/")
        page.goto(server.url + "programme/")
        assert page.locator(".podium-changed-notice").count() == 0  # nothing changed yet
        shutil.rmtree(served)
        shutil.copytree(project / "site", served)  # the second publication
        page.goto(server.url + "programme/")
        notice = page.locator(".podium-changed-notice")
        notice.wait_for()
        assert "Sessions you starred have changed since you last looked" in notice.inner_text()
        items = _my_programme(page, server.url)
        flags = {
            items.nth(i).get_attribute("data-key"): items.nth(i).locator(".podium-my-changed").inner_text()
            for i in range(items.count())
        }
        assert flags == {
            "s:hostile-text": "Changed since you last looked: Moved",
            "s:closing-plenary": "Changed since you last looked: Cancelled",
        }
        items = _my_programme(page, server.url)  # looked at now: not flagged again
        page.wait_for_selector("li.podium-my-item")
        assert page.locator(".podium-my-changed").count() == 0
    finally:
        context.close()
        server.close()
