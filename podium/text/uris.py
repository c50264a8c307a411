"""Web addresses as strict URIs (RFC 3986), for software that checks them.

Browsers follow `https://chat.example/#/room/#main:example` or a query with `[` and
`]`; the c3voc schema's `uri` format, and apps that parse schedule files strictly, do
not. Only characters a URI may not hold where they stand are escaped, so an address
that is already a URI is unchanged, and it still leads to the same place.
"""

from __future__ import annotations

import re
import urllib.parse

# RFC 3986 sub-delims, ":" and "@" (pchar), "/" and the unreserved marks; "%" for escapes already made.
_PATH_SAFE = "!$&'()*+,;=:@/-._~%"
_QUERY_SAFE = _PATH_SAFE + "?"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def as_uri(address: str) -> str:
    """`address` with what a URI may not hold percent-encoded (a second `#`, `[`, a space, `é`)."""
    parts = urllib.parse.urlsplit(address)
    path, query, fragment = (
        _LONE_PERCENT.sub("%25", urllib.parse.quote(part, safe=safe))
        for part, safe in ((parts.path, _PATH_SAFE), (parts.query, _QUERY_SAFE), (parts.fragment, _QUERY_SAFE))
    )
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, query, fragment))
