"""exports/folding.py gives byte for byte what icalendar's own folding gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.exports import folding

TEXT = st.text(alphabet=st.sampled_from(list("ab ,;\\^:\nxyzé方")), max_size=400)


@settings(max_examples=300, deadline=None)
@given(TEXT.map(lambda t: t.replace("\n", " ")))
def test_fast_folding_equals_the_librarys(line):
    assert folding.foldline(line) == folding._LIBRARY_FOLDLINE(line)


def test_fast_folding_is_installed_and_used_for_ascii():
    from icalendar.parser import content_line

    assert content_line._foldline is folding.foldline
    line = "x" * 73 + "\\" + "y" * 10
    assert folding.foldline(line) == "x" * 73 + "\r\n \\" + "y" * 10
