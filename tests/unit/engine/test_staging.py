"""engine/staging.py: the docs folder MkDocs reads, written only where it changed, never outside it."""

from __future__ import annotations

import pytest

from podium.engine import staging
from podium.engine.layout import BuildError


@pytest.mark.parametrize("path", ["../escaped.md", "sub/../../escaped.md", "/tmp/escaped.md"])
def test_sync_refuses_to_write_outside_its_folder(tmp_path, path):
    with pytest.raises(BuildError, match="refusing to write outside"):
        staging.sync(tmp_path / "docs", {"kept.md": b"x", path: b"x"})
    assert not (tmp_path / "escaped.md").exists()
    assert not (tmp_path / "docs" / "kept.md").exists(), "nothing is written when one path is refused"


def test_sync_trusts_what_it_wrote_last_time_without_reading_it_back(tmp_path):
    folder = tmp_path / "docs"
    content = "as generated".encode()
    staging.sync(folder, {"a.md": content})
    (folder / "a.md").write_bytes(b"changed behind serve's back")
    staging.sync(folder, {"a.md": content}, previous={"a.md": content})
    assert (folder / "a.md").read_bytes() == b"changed behind serve's back", "the very same bytes object is not compared"
    equal_copy = "as generated".encode()
    assert equal_copy is not content
    staging.sync(folder, {"a.md": equal_copy}, previous={"a.md": content})
    assert (folder / "a.md").read_bytes() == b"as generated", "equal but new bytes are compared with the disk"


def test_sync_keeps_unchanged_files_untouched_and_removes_stale_ones(tmp_path):
    folder = tmp_path / "docs"
    staging.sync(folder, {"a.md": b"a", "sub/b.md": b"b", "old/c.md": b"c"})
    before = (folder / "a.md").stat().st_mtime_ns
    staging.sync(folder, {"a.md": b"a", "sub/b.md": b"changed"})
    assert (folder / "a.md").stat().st_mtime_ns == before
    assert (folder / "sub" / "b.md").read_bytes() == b"changed"
    assert not (folder / "old").exists()
