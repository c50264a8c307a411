"""A stream's colour is checked by WCAG's contrast ratio against both page schemes."""

from __future__ import annotations

import pytest

from podium.programme.problems import Position, Problems
from podium.programme.streams import BACKGROUNDS, check_colour, contrast


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#777777", "#ffffff", 4.48), ("#ffffff", "#777777", 4.48)],
)
def test_contrast_is_wcags_ratio(first, second, ratio):
    assert contrast(first, second) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize("colour", ["#1976d2", "#2e7d32", "#e65100"])
def test_colours_of_middle_lightness_pass_on_both_pages(colour):
    problems = Problems()
    check_colour(colour, Position("data/streams.yml", 3, 11), problems)
    assert not problems.errors
    assert all(contrast(colour, background) >= 3 for background in BACKGROUNDS.values())


@pytest.mark.parametrize(("colour", "scheme"), [("#ffeb3b", "light"), ("#4051b5", "dark")])
def test_a_colour_too_faint_on_one_page_is_an_error_with_both_ratios(colour, scheme):
    problems = Problems()
    check_colour(colour, Position("data/streams.yml", 3, 11), problems)
    [error] = problems.errors
    assert f"on the {scheme} page" in str(error) and "3:1" in str(error)
    assert f"{contrast(colour, BACKGROUNDS[scheme]):.2f}:1 on the {scheme} page" in str(error)
