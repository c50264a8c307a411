"""axe-core on every page type of the fixtures, light and dark, desktop and phone.

The target is zero violations of any impact in the WCAG 2.0/2.1/2.2 A and AA rules
and axe's best practices, fixed in Podium's theme overrides and CSS, never by
turning a rule off.
"""

from __future__ import annotations

import pytest

from tests.tools import node_package_file

pytestmark = pytest.mark.browser

RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SEED_PAGES = [
    "", "programme/", "streams/", "streams/chinese-social-policy/",
    "sessions/collective-sharing-poverty-alleviation-china/", "people/", "people/lijie-fang/",
    "organisers/", "about/", "no-such-page",
]  # fmt: skip
MULTI_PAGES = [
    "", "programme/", "programme/2025-03-29/", "streams/", "streams/housing/", "sessions/housing-first/", "sessions/hostile-text/",
    "sessions/care-workforce/", "sessions/tenants-roundtable/", "people/", "people/zoe-nunez/", "organisers/", "changes/",
    "no-such-page/",
]  # fmt: skip
CAMP_PAGES = ["programme/", "programme/2026-08-06/", "programme/2026-08-07/", "rooms/", "rooms/saal-a/"]
ASPC_PAGES = [
    "programme/", "streams/income-support/", "sessions/minimum-incomes/", "sessions/opening-keynote/",
    "papers/dibao-rural-urban-gap/", "papers/rent-assistance-renters/", "papers/older-women-homelessness/",
    "papers/cashless-debit-card/", "people/anna-becker/",
]  # fmt: skip
VIEWS = {
    "light": {"color_scheme": "light"},
    "dark": {"color_scheme": "dark"},
    "phone": {"color_scheme": "light", "viewport": {"width": 360, "height": 740}, "is_mobile": True},
}


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(node_package_file("axe-core", "axe.min.js")))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", RULE_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("path", SEED_PAGES)
def test_seed_page_has_no_axe_violations(open_page, seed_url, path, view):
    page, _ = open_page(seed_url + path, wait_until="load", **VIEWS[view])
    assert axe_violations(page) == []


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("path", MULTI_PAGES)
def test_multi_page_has_no_axe_violations(open_page, multi_url, path, view):
    page, _ = open_page(multi_url + path, wait_until="load", **VIEWS[view])
    assert axe_violations(page) == []


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("path", CAMP_PAGES)
def test_camp_page_has_no_axe_violations(open_page, camp_url, path, view):
    page, _ = open_page(camp_url + path, wait_until="load", **VIEWS[view])
    assert axe_violations(page) == []


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("path", ASPC_PAGES)
def test_aspc_page_has_no_axe_violations(open_page, aspc_url, path, view):
    page, _ = open_page(aspc_url + path, wait_until="load", **VIEWS[view])
    assert axe_violations(page) == []


def test_axe_really_reports_a_violation(open_page, seed_url):
    page, _ = open_page(seed_url + "about/")
    page.evaluate("document.querySelector('article').append(document.createElement('img'))")
    assert any(v.startswith("image-alt") for v in axe_violations(page))
