"""The web app manifest and the icons drawn from the conference's short name."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from podium.exports import web_app
from podium.programme.check import check_project
from tests.golden.regenerate import CASES
from tests.golden.regenerate import generated as golden_files


def _conference(case: str):
    project, _language = CASES[case]
    return check_project(project).programme.conference


def test_the_manifest_names_the_conference_and_icons_the_build_makes():
    manifest = json.loads(golden_files("multi")["manifest.webmanifest"])
    assert (manifest["name"], manifest["short_name"], manifest["lang"]) == ("Podium Test Conference 2025", "PTC 2025", "en-GB")
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("./", "./", "standalone")
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes


@pytest.mark.parametrize("size", web_app.ICON_SIZES)
def test_an_icon_is_a_square_png_of_its_size(size):
    image = Image.open(io.BytesIO(web_app.icon(_conference("multi"), size)))
    assert (image.format, image.size) == ("PNG", (size, size))


def test_an_icon_is_the_same_bytes_every_time():
    conference = _conference("seed")
    assert web_app.icon(conference, 192) == web_app.icon(conference, 192)


def test_the_text_stays_inside_the_maskable_safe_zone():
    """Android may cut the icon to a circle of 80 % of its side: nothing but background outside it."""
    size = 512
    image = Image.open(io.BytesIO(web_app.icon(_conference("aspc"), size))).convert("RGB")
    background = image.getpixel((0, 0))
    centre, radius = size / 2, size * 0.4
    drawn = [
        (x, y) for x in range(0, size, 4) for y in range(0, size, 4)
        if image.getpixel((x, y)) != background
    ]  # fmt: skip
    assert drawn, "the icon has text"
    assert all((x - centre) ** 2 + (y - centre) ** 2 < radius**2 for x, y in drawn)


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("ASPC 2019", ["ASPC", "2019"]),
        ("PyCon", ["PyCon"]),
        ("Australian Social Policy Conference 2019", ["ASPC", "2019"]),
        ("International Conference on Software Engineering", ["ICOS"]),
        ("Берлинская конференция 2024", ["BK", "2024"]),
    ],
)
def test_icon_text_is_the_short_name_or_its_initials(name, lines):
    assert web_app.icon_lines(name) == lines
