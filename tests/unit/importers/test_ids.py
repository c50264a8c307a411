"""importers/ids.py: readable, unique and stable file names."""

from __future__ import annotations

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
