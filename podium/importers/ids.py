"""Readable, stable file names for imported items: `Zoë Núñez` → `zoe-nunez`, `方丽洁` → `fang-li-jie`.

Names are made ids by `programme.slugs.slug`. Ids already given to source items are
kept from import to import (state.py); a new item whose id is taken gets -2, -3...
"""

from __future__ import annotations

from ..programme.slugs import slug

__all__ = ["IdMaker", "slug"]


class IdMaker:
    """Gives each source item an id, unique within one kind (sessions, papers, people).

    `known` holds the ids given in earlier imports, by the source item's key: the same
    item keeps its id even when its title changes, so its page's address does too.
    """

    def __init__(self, known: dict[str, str] | None = None) -> None:
        self.known = dict(known or {})
        self.taken = set(self.known.values())
        self.given: dict[str, str] = {}

    def id_for(self, key: str, name: str, fallback: str = "item") -> str:
        if key in self.given:
            return self.given[key]
        made = self.known.get(key)
        if made is None:
            base = slug(name, fallback)
            made, number = base, 2
            while made in self.taken:
                made, number = f"{base}-{number}", number + 1
            self.taken.add(made)
        self.given[key] = made
        return made
