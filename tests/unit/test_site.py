"""podium.site: staging files safely, and publishing site/ whole or not at all."""

from __future__ import annotations

import pytest

from podium import site


@pytest.mark.parametrize("path", ["../escaped.md", "sub/../../escaped.md", "/tmp/escaped.md"])
def test_sync_refuses_to_write_outside_its_folder(tmp_path, path):
    with pytest.raises(site.BuildError, match="refusing to write outside"):
        site._sync(tmp_path / "docs", {"kept.md": b"x", path: b"x"})
    assert not (tmp_path / "escaped.md").exists()
    assert not (tmp_path / "docs" / "kept.md").exists(), "nothing is written when one path is refused"


def test_sync_trusts_what_it_wrote_last_time_without_reading_it_back(tmp_path):
    folder = tmp_path / "docs"
    content = "as generated".encode()
    site._sync(folder, {"a.md": content})
    (folder / "a.md").write_bytes(b"changed behind serve's back")
    site._sync(folder, {"a.md": content}, previous={"a.md": content})
    assert (folder / "a.md").read_bytes() == b"changed behind serve's back", "the very same bytes object is not compared"
    equal_copy = "as generated".encode()
    assert equal_copy is not content
    site._sync(folder, {"a.md": equal_copy}, previous={"a.md": content})
    assert (folder / "a.md").read_bytes() == b"as generated", "equal but new bytes are compared with the disk"


def test_sync_keeps_unchanged_files_untouched_and_removes_stale_ones(tmp_path):
    folder = tmp_path / "docs"
    site._sync(folder, {"a.md": b"a", "sub/b.md": b"b", "old/c.md": b"c"})
    before = (folder / "a.md").stat().st_mtime_ns
    site._sync(folder, {"a.md": b"a", "sub/b.md": b"changed"})
    assert (folder / "a.md").stat().st_mtime_ns == before
    assert (folder / "sub" / "b.md").read_bytes() == b"changed"
    assert not (folder / "old").exists()


def test_publish_replaces_site_in_one_step(tmp_path):
    layout = site.Layout(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("old")
    built = tmp_path / "build" / "site.new"
    built.mkdir(parents=True)
    (built / "new.html").write_text("new")
    site.publish(layout, built)
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["new.html"]
    assert not built.exists() and not (tmp_path / "build" / "site.old").exists()


def test_build_stamp_comes_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1567296000")
    assert site.build_stamp().isoformat() == "2019-09-01T00:00:00+00:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(site.BuildError, match="SOURCE_DATE_EPOCH"):
        site.build_stamp()


def test_theme_language_falls_back_to_the_primary_language():
    assert site._theme_language("en-AU") == "en"
    assert site._theme_language("pt-BR") == "pt-BR"
    assert site._theme_language("de-CH") == "de"
    assert site._theme_language("tlh") == "en"


def test_config_keeps_the_projects_own_hooks_before_podiums(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nhooks:\n  - hooks/mine.py\nextra:\n  key: !ENV [HOME, none]\n", encoding="utf-8"
    )
    hooks = site._project_hooks(site.Layout(tmp_path))
    assert hooks == ["../hooks/mine.py"]
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert site._project_hooks(site.Layout(tmp_path)) == []
