"""engine/layout.py: the build's one timestamp."""

from __future__ import annotations

import pytest

from podium.engine.layout import BuildError, build_stamp


def test_build_stamp_comes_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1567296000")
    assert build_stamp().isoformat() == "2019-09-01T00:00:00+00:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(BuildError, match="SOURCE_DATE_EPOCH"):
        build_stamp()
