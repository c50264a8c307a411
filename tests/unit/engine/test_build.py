"""engine/build.py: site/ published whole or not at all."""

from __future__ import annotations

from podium.engine import build
from podium.engine.layout import Layout


def test_publish_replaces_site_in_one_step(tmp_path):
    layout = Layout(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("old")
    built = tmp_path / "build" / "site.new"
    built.mkdir(parents=True)
    (built / "new.html").write_text("new")
    build.publish(layout, built)
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["new.html"]
    assert not built.exists() and not (tmp_path / "build" / "site.old").exists()
