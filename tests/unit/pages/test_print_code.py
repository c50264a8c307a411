"""pages/print_code.py: the QR code at a printed page's foot reads back as the page's address."""

from __future__ import annotations

import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from podium.pages.print_code import address_code

URLS = [
    "https://example.org/ptc2025/sessions/housing-first/",
    "https://aspc.unsw.edu.au/2019/papers/collective-sharing-poverty-alleviation-china/",
    "https://example.org/konferenz/sessions/er%C3%B6ffnung/",
]


def drawn(svg: str, scale: int = 6) -> Image.Image:
    """The SVG's path drawn as a picture: each stroke one module high."""
    left, top, width, height = (int(n) for n in re.search(r'viewBox="([-\d ]+)"', svg)[1].split())
    picture = Image.new("L", (width * scale, height * scale), 255)
    pen = ImageDraw.Draw(picture)
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", re.search(r' d="([^"]+)"', svg)[1]):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            top_left = ((x - left) * scale, (y - 0.5 - top) * scale)
            x += float(a)
            pen.rectangle([top_left, ((x - left) * scale - 1, (y + 0.5 - top) * scale - 1)], fill=0)
    return picture


@pytest.mark.parametrize("url", URLS)
def test_the_code_reads_back_as_the_address(url):
    svg = address_code(url)
    found = zxingcpp.read_barcode(drawn(str(svg)))
    assert found is not None and found.format == zxingcpp.BarcodeFormat.QRCode
    assert found.text == url


def test_the_reader_really_rejects_a_damaged_code():
    svg = str(address_code(URLS[0]))
    damaged = re.sub(r"h(\d+)", lambda m: f"h{int(m[1]) + 1}", svg, count=40)
    found = zxingcpp.read_barcode(drawn(damaged))
    assert found is None or found.text != URLS[0]


def test_no_address_no_code():
    assert address_code(None) == ""


def test_the_code_is_hidden_from_screen_readers_and_escapes_the_address():
    svg = str(address_code('https://example.org/a?b=1&c="2"'))
    assert svg.startswith('<div class="podium-print-code" aria-hidden="true">')
    assert "&amp;c=&#34;2&#34;" in svg and '&c="' not in svg
