"""Small pieces of wording shared by the command line and the pages."""

from __future__ import annotations

from collections.abc import Sized


def count(items: Sized, singular: str, plural: str | None = None) -> str:
    """`1 session`, `2 sessions`, `3 people`."""
    n = len(items)
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
