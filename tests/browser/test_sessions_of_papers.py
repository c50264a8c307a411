"""Sessions of papers in a browser: filters that keep sessions for everyone, and pages that print on one sheet."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image

from tests.browser.filtering import choose

pytestmark = pytest.mark.browser


def test_a_stream_filter_keeps_the_sessions_for_everyone(open_page, aspc_url):
    page, _ = open_page(aspc_url + "programme/")
    choose(page, "stream", "chinese-social-policy")
    # Words as read: on a wide screen a block's title stands on a line of its own.
    visible = [" ".join(text.split()) for text in page.locator("ul.podium-sessions > li:visible").all_inner_texts()]
    titles = page.locator("ul.podium-sessions > li:visible > :first-child").all_inner_texts()
    assert titles == [
        "Opening keynote: Social policy after the boom",
        "Morning tea",
        "Chinese social policy: poverty reduction",
        "Lunch",
        "Late-night networking at the Roundhouse",
    ]
    # The parallel session is one unit, with its chair and papers in order; its room is its
    # column's name, so the block leaves it out on a wide screen.
    session = next(text for text in visible if text.startswith("Chinese social policy"))
    assert session.startswith("Chinese social policy: poverty reduction Session of papers · ") and "Chair: Mei Chen" in session
    assert "Law Theatre G04" not in session
    assert session.index("Collective sharing") < session.index("Dibao") < session.index("Targeted poverty")


def test_lunch_is_shown_without_a_link_or_a_calendar(open_page, aspc_url):
    page, _ = open_page(aspc_url + "programme/")
    lunch = page.locator("li.podium-break", has_text="Lunch")
    assert lunch.count() == 1 and lunch.locator("a").count() == 0


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize(
    "path", ["papers/collective-sharing-poverty-alleviation-china/", "sessions/minimum-incomes/"]
)
def test_paper_and_session_pages_print_on_one_a4_page_with_their_address(open_page, aspc_url, path):
    page, _ = open_page(aspc_url + path)
    page.emulate_media(media="print")
    address = page.locator(".podium-print-address")
    assert address.is_visible() and address.inner_text().endswith(aspc_url + path)
    pdf = page.pdf(format="A4")
    assert pdf_pages(pdf) == 1


def test_the_seed_session_prints_on_one_a4_page(open_page, seed_url):
    page, _ = open_page(seed_url + "sessions/collective-sharing-poverty-alleviation-china/")
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format="A4")) == 1


def test_the_page_counter_really_counts_pages(open_page, aspc_url):
    page, _ = open_page(aspc_url + "organisers/")
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format="A4")) > 1


def test_a_session_past_midnight_shows_the_next_day_in_both_times(open_page, aspc_url):
    page, watch = open_page(aspc_url + "sessions/late-networking/", timezone_id="Australia/Adelaide")
    line = " ".join(page.locator(".podium-facts li", has_text="Time:").inner_text().split())
    assert line == (
        "Time: 11.00 pm – 12.30 am AEST (next day) · Tuesday 10:30 pm – 12:00 am in your time zone (next day)"
    )
    assert watch.console_errors == []


def test_a_printed_session_carries_the_qr_code_of_its_address_on_the_same_page(open_page, multi_url):
    # The multi fixture says where it is published: its pages' codes hold those addresses.
    page, _ = open_page(multi_url + "sessions/housing-first/")
    code = page.locator(".podium-print-code")
    assert not code.is_visible()  # nothing of it on screen
    page.emulate_media(media="print")
    assert code.is_visible()
    found = zxingcpp.read_barcode(Image.open(io.BytesIO(code.screenshot())))
    assert found is not None and found.text == "https://example.org/ptc2025/sessions/housing-first/"
    assert pdf_pages(page.pdf(format="A4")) == 1
