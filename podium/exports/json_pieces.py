"""JSON written piece by piece, for exports too large to hold as one string.

`json.dumps` of a 5,000-session programme held about 90 MB for a 16 MB file: its
pieces, the whole string (two or four bytes a character once a name is in Chinese),
a copy with the final line break, and the encoded bytes. Here the outer containers
are written item by item and only their small items go through `json.dumps` (which
is written in C), so little more than the bytes is held. The text is exactly
`json.dumps(value, ensure_ascii=False, ...)` with the same options, encoded as UTF-8;
tests compare the two on arbitrary values.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable

COMPACT = (",", ":")


def dumps(value, depth: int, end: bytes = b"", separators: tuple[str, str] = COMPACT, sort_keys: bool = False) -> bytes:
    """`value` as UTF-8 JSON, then `end`; the containers down to `depth` levels are written item by item."""
    # A BytesIO grows in place and hands over its bytes without copying them.
    pieces = io.BytesIO()
    write(value, pieces.write, depth, separators, sort_keys)
    pieces.write(end)  # here, not added after: that would copy the whole
    return pieces.getvalue()


def write(
    value,
    out: Callable[[bytes], object],
    depth: int,
    separators: tuple[str, str] = COMPACT,
    sort_keys: bool = False,
) -> None:
    """Hand `out` the UTF-8 JSON of `value` in pieces (to a list, or a hash's `update`)."""
    if depth <= 0 or not isinstance(value, (dict, list)) or not value:
        text = json.dumps(value, ensure_ascii=False, separators=separators, sort_keys=sort_keys)
        out(text.encode("utf-8"))
        return
    item_separator, key_separator = (s.encode("utf-8") for s in separators)
    if isinstance(value, list):
        out(b"[")
        for index, item in enumerate(value):
            if index:
                out(item_separator)
            write(item, out, depth - 1, separators, sort_keys)
        out(b"]")
        return
    out(b"{")
    items = sorted(value.items()) if sort_keys else value.items()
    for index, (key, item) in enumerate(items):
        if index:
            out(item_separator)
        out(json.dumps(key, ensure_ascii=False).encode("utf-8") + key_separator)
        write(item, out, depth - 1, separators, sort_keys)
    out(b"}")
