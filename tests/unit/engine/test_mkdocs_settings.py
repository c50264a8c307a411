"""engine/mkdocs_settings.py: Podium's MkDocs settings and the organiser's mkdocs.yml, met."""

from __future__ import annotations

from podium.engine.mkdocs_settings import merged, navigation, podium_settings

PODIUMS = [{"Home": "index.md"}, {"Programme": "programme.md"}, {"For organisers": "organisers.md"}]


def test_without_settings_of_the_organisers_podiums_are_the_sites():
    settings = merged({})
    base = podium_settings()
    assert settings["nav"] == base["nav"] and settings["plugins"] == [] and settings["theme"]["font"] is False
    assert settings["not_in_nav"] == base["not_in_nav"]


def test_the_organisers_own_pages_come_after_podiums():
    assert navigation(PODIUMS, [{"Getting there": "venue.md"}]) == PODIUMS + [{"Getting there": "venue.md"}]


def test_a_nav_that_lists_podiums_pages_sets_their_order_and_gets_those_it_left_out():
    theirs = [{"Programme": "programme.md"}, {"Venue": [{"Getting there": "venue/index.md"}]}, {"Home": "index.md"}]
    assert navigation(PODIUMS, theirs) == theirs + [{"For organisers": "organisers.md"}]


def test_a_setting_the_organiser_gives_is_left_to_their_file():
    settings = merged({"plugins": ["search"], "markdown_extensions": ["admonition"], "theme": {"font": {"text": "Roboto"}}})
    assert "plugins" not in settings and "markdown_extensions" not in settings
    assert "font" not in settings["theme"] and settings["theme"]["name"] == "material"


def test_not_in_nav_keeps_podiums_lines_and_adds_the_organisers():
    settings = merged({"not_in_nav": "/drafts/\n"})
    assert settings["not_in_nav"].startswith(podium_settings()["not_in_nav"]) and settings["not_in_nav"].endswith("/drafts/\n")
