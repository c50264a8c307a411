"""exports/calendar_links.py: web calendar links encode every value as urllib would."""

from __future__ import annotations

import urllib.parse

from hypothesis import given
from hypothesis import strategies as st

from podium.exports import calendar_links


@given(st.dictionaries(st.sampled_from(["text", "details", "location", "ctz"]), st.text()))
def test_query_is_what_urlencode_gives_without_empty_values(query):
    expected = urllib.parse.urlencode({k: v for k, v in query.items() if v}, quote_via=urllib.parse.quote)
    assert calendar_links._encode(query) == expected


def test_reserved_characters_are_percent_encoded():
    encoded = calendar_links._encode({"text": 'a&b=c "d" <e> #f /g ü'})
    assert encoded == "text=a%26b%3Dc%20%22d%22%20%3Ce%3E%20%23f%20%2Fg%20%C3%BC"
