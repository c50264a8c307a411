"""text/uris.py: addresses browsers follow, made URIs that strict parsers accept."""

from __future__ import annotations

import pytest
from rfc3986_validator import validate_rfc3986

from podium.text.uris import as_uri


@pytest.mark.parametrize(
    ("address", "uri"),
    [
        ("https://chat.fosdem.org/#/room/#2026-main:fosdem.org", "https://chat.fosdem.org/#/room/%232026-main:fosdem.org"),
        ("https://matrix.to/#/#x:f.org?web-instance[element.io]=chat", "https://matrix.to/#/%23x:f.org?web-instance%5Belement.io%5D=chat"),
        ("https://example.org/a b/café?q=1 2", "https://example.org/a%20b/caf%C3%A9?q=1%202"),
        ("https://example.org/100%", "https://example.org/100%25"),
    ],
)
def test_what_a_uri_may_not_hold_is_escaped(address, uri):
    assert as_uri(address) == uri
    assert validate_rfc3986(uri)
    assert not validate_rfc3986(address)


@pytest.mark.parametrize(
    "address",
    ["https://example.org/", "https://example.org/a%20b?x=1&y=(2)#top", "http://[::1]:8000/p;q=1", "https://ex.org/~me/@x:y!$'*+,="],
)
def test_an_address_that_is_a_uri_already_is_unchanged(address):
    assert validate_rfc3986(address)
    assert as_uri(address) == address
