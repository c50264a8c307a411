"""fragments.relative_path, Podium's fast relative link, agrees with posixpath.relpath."""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.pages.fragments import relative_path

SEGMENTS = st.lists(st.sampled_from(["sessions", "people", "a", "b", "index", "x-1"]), max_size=4)


@settings(max_examples=500)
@given(destination=SEGMENTS, start=SEGMENTS, trailing=st.booleans())
def test_relative_path_equals_relpath(destination, start, trailing):
    to = "/".join(destination) + ("/" if trailing and destination else "")
    here = "/".join(start) + ("/" if start else "")
    assert relative_path(to, here) == posixpath.relpath(to or ".", here or ".")
