"""engine/engines.py: which engine builds the site, and how it is run."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.engine import engines


def test_mkdocs_is_the_engine_unless_the_setting_names_another():
    assert engines.chosen({}).name == "mkdocs"
    assert engines.chosen({"PODIUM_ENGINE": ""}).name == "mkdocs"
    assert engines.chosen({"PODIUM_ENGINE": " ProperDocs "}).name == "properdocs"


def test_each_engine_is_run_as_its_own_module_with_the_same_arguments():
    commands = {
        name: engine.build_command(Path("build/mkdocs.yml"), Path("site.new")) for name, engine in engines.ENGINES.items()
    }
    assert commands["mkdocs"][1:3] == ["-m", "mkdocs"] and commands["properdocs"][1:3] == ["-m", "properdocs"]
    assert commands["mkdocs"][3:] == commands["properdocs"][3:]
    assert "--strict" in commands["mkdocs"]


def test_an_engine_that_is_not_installed_is_named_with_what_to_do(monkeypatch):
    monkeypatch.setitem(engines.ENGINES, "missing", engines.Engine("missing", "no_such_engine_module", "Missing"))
    with pytest.raises(engines.EngineError, match="no_such_engine_module is not installed"):
        engines.chosen({"PODIUM_ENGINE": "missing"})


def test_the_engines_notice_about_mkdocs_2_is_kept_out_of_every_run():
    assert engines.chosen({}).environment()["NO_MKDOCS_2_WARNING"] == "1"
