"""What search engines and link previews read from a built session page."""

from __future__ import annotations

import json
import re

import extruct

from tests.helpers import seed_facts

SEED_SESSION = "sessions/collective-sharing-poverty-alleviation-china/index.html"


def json_ld(html: str) -> list[dict]:
    return extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]


def meta(html: str, attribute: str, name: str) -> str | None:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match[1] if match else None


def test_seed_session_page_has_a_complete_schema_org_event(seed_project):
    html = (seed_project / "site" / SEED_SESSION).read_text(encoding="utf-8")
    (event,) = json_ld(html)
    facts = seed_facts()
    assert event["@type"] == "Event" and event["name"] == facts.title
    assert event["startDate"] == "2019-09-10T10:55:00+10:00"
    assert event["endDate"] == "2019-09-10T12:35:00+10:00"
    assert event["location"] == {
        "@type": "Place",
        "name": "UNSW Sydney",
        "address": {"@type": "PostalAddress", "addressLocality": "Sydney", "addressCountry": "Australia"},
    }
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["description"] == facts.abstract
    assert [(p["name"], p["affiliation"]["name"]) for p in event["performer"]] == list(
        zip(facts.names, facts.affiliations)
    )
    assert event["superEvent"]["name"] == "Australian Social Policy Conference 2019"


def test_home_page_of_one_session_site_does_not_repeat_the_event(seed_project):
    assert json_ld((seed_project / "site" / "index.html").read_text(encoding="utf-8")) == []


def test_hostile_title_stays_inside_its_json_ld(multi_project):
    html = (multi_project / "site" / "sessions" / "hostile-text" / "index.html").read_text(encoding="utf-8")
    (event,) = json_ld(html)
    assert event["name"] == "*Not emphasis* <script>alert('title')</script> [not a link](javascript:alert(1)) # 10.5 & more"
    assert event["url"] == "https://example.org/ptc2025/sessions/hostile-text/"
    assert meta(html, "property", "og:title").startswith("*Not emphasis* &lt;script&gt;")


def test_session_page_has_sharing_tags_and_canonical_address(multi_project):
    html = (multi_project / "site" / "sessions" / "housing-first" / "index.html").read_text(encoding="utf-8")
    assert meta(html, "property", "og:title") == "Housing First in three cities"
    assert meta(html, "property", "og:description") == "We compare three programmes. Berlin Vienna Helsinki"
    assert meta(html, "property", "og:url") == "https://example.org/ptc2025/sessions/housing-first/"
    assert meta(html, "name", "twitter:card") == "summary"
    assert meta(html, "property", "og:locale") == "en_GB"
    assert '<link rel="canonical" href="https://example.org/ptc2025/sessions/housing-first/">' in html


def test_programme_page_offers_calendar_subscription_and_app_data(multi_project):
    html = (multi_project / "site" / "programme" / "index.html").read_text(encoding="utf-8")
    assert 'href="webcal://example.org/ptc2025/programme.ics"' in html
    assert 'href="../programme.ics"' in html
    assert 'href="../schedule.xml"' in html and 'href="../schedule.json"' in html
    assert 'href="../sessions.json"' in html
    data = json.loads((multi_project / "site" / "schedule.json").read_text(encoding="utf-8"))
    assert data["schedule"]["conference"]["acronym"] == "ptc_2025"


def test_paper_page_carries_google_scholar_tags_in_the_built_html(aspc_project):
    html = (aspc_project / "site" / "papers" / "cashless-debit-card" / "index.html").read_text(encoding="utf-8")
    tags = re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)"', html)
    assert tags == [
        ("citation_title", "The cashless debit card &amp; its critics"),
        ("citation_author", "Kaur, Sam"),
        ("citation_author_institution", "Monash University"),
        ("citation_author", "Saunders, Peter"),
        ("citation_author_institution", "UNSW Sydney"),
        ("citation_conference_title", "Australian Social Policy Conference 2019"),
        ("citation_publication_date", "2019/09/10"),
    ]


def test_session_of_papers_is_an_event_with_its_papers_as_sub_events(aspc_project):
    html = (aspc_project / "site" / "sessions" / "chinese-social-policy-1" / "index.html").read_text(encoding="utf-8")
    (event,) = json_ld(html)
    assert event["@type"] == "Event" and event["organizer"] == [
        {"@type": "Person", "name": "Mei Chen", "affiliation": {"@type": "Organization", "name": "UNSW Sydney"}}
    ]
    works = [sub["workPerformed"] for sub in event["subEvent"]]
    assert [w["name"] for w in works] == [
        "Collective sharing, innovation, and precise poverty alleviation in China",
        "Dibao and the rural–urban gap",
        "Targeted poverty alleviation in 40 villages",
    ]
    assert all(w["@type"] == "ScholarlyArticle" for w in works)
    assert works[2]["sameAs"] == "https://doi.org/10.1080/0312407X.2019.1660000"


def test_paper_page_marks_the_work_presented(aspc_project):
    html = (aspc_project / "site" / "papers" / "rent-assistance-renters" / "index.html").read_text(encoding="utf-8")
    (event,) = json_ld(html)
    assert event["startDate"] == "2019-09-10T11:25:00+10:00" and event["endDate"] == "2019-09-10T11:55:00+10:00"
    assert event["workPerformed"]["@type"] == "ScholarlyArticle"
    assert event["workPerformed"]["author"][0]["name"] == "Sam Kaur"
    assert event["superEvent"] == {"@type": "Event", "name": "Minimum incomes under pressure"}


def test_links_are_in_the_json_ld_as_works_about_the_event(aspc_project):
    html = (aspc_project / "site" / "sessions" / "minimum-incomes" / "index.html").read_text(encoding="utf-8")
    (event,) = json_ld(html)
    assert event["subjectOf"] == [{"@type": "VideoObject", "url": "https://example.org/aspc2019/minimum-incomes/recording"}]


def test_no_description_of_the_hostile_fixture_holds_markup(multi_project):
    """Meta, Open Graph and Twitter descriptions and JSON-LD are plain text: no tag, no `<`."""
    for page in sorted((multi_project / "site").rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        described = [meta(html, "name", "description"), meta(html, "property", "og:description"),
                     meta(html, "name", "twitter:description")]  # fmt: skip
        described += [item.get("description", "") for item in json_ld(html)]
        for text in filter(None, described):
            assert "<" not in text and "&lt;" not in text, (page, text)
