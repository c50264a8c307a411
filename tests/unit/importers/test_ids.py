"""importers/ids.py: readable, unique and stable file names."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from podium.importers.ids import IdMaker, slug


def test_slug_transliterates_names_and_titles():
    assert slug("Zoë Núñez") == "zoe-nunez"
    assert slug("方丽洁") == "fang-li-jie"
    assert slug("Łukasz Wójcik") == "lukasz-wojcik"
    assert slug("38C3: Opening Ceremony") == "38c3-opening-ceremony"
    assert slug("!!!", "person") == "person"


def test_slug_is_at_most_sixty_characters_and_ends_on_a_word():
    made = slug("Targeted poverty alleviation in forty villages of three provinces of western China")
    assert len(made) <= 60 and not made.endswith("-") and made.startswith("targeted-poverty")


def test_id_maker_keeps_known_ids_and_numbers_clashes():
    maker = IdMaker({"person:1": "mo"})
    assert maker.id_for("person:2", "Mo") == "mo-2"  # "mo" belongs to person 1 already
    assert maker.id_for("person:1", "Renamed") == "mo"  # a known item keeps its id
    assert maker.id_for("person:3", "mo") == "mo-3"
    assert maker.id_for("person:2", "Mo") == "mo-2"  # asked again, the same


# The one pattern every id in the data must match (schemas/common.schema.json).
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@given(names=st.lists(st.text(max_size=80), min_size=1, max_size=6))
def test_every_id_made_from_any_names_is_a_valid_id(names):
    # A spreadsheet's stream cells can hold anything: "-2", "—", "  ", an emoji, one name many times.
    maker = IdMaker()
    made = [maker.id_for(f"stream:{number}", name, "stream") for number, name in enumerate(names)]
    assert all(_ID.fullmatch(item) and len(item) <= 100 for item in made), made
    assert len(set(made)) == len(made)


def test_names_of_signs_and_numbers_become_ids_not_suffixes():
    maker = IdMaker()
    assert [maker.id_for(f"s:{n}", name, "stream") for n, name in enumerate(["-2", "—", "-2", "2"])] == [
        "2", "stream", "2-2", "2-3"]
