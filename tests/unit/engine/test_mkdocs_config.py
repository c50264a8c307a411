"""engine/mkdocs_config.py: what MkDocs is told."""

from __future__ import annotations

from podium.engine import mkdocs_config
from podium.engine.layout import Layout


def test_theme_language_falls_back_to_the_primary_language():
    assert mkdocs_config._theme_language("en-AU") == "en"
    assert mkdocs_config._theme_language("pt-BR") == "pt-BR"
    assert mkdocs_config._theme_language("de-CH") == "de"
    assert mkdocs_config._theme_language("tlh") == "en"


def test_config_keeps_the_projects_own_hooks_before_podiums(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nhooks:\n  - hooks/mine.py\nextra:\n  key: !ENV [HOME, none]\n", encoding="utf-8"
    )
    hooks = mkdocs_config._project_hooks(Layout(tmp_path))
    assert hooks == ["../hooks/mine.py"]
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert mkdocs_config._project_hooks(Layout(tmp_path)) == []
