"""Readable, stable file names for imported items: `Zoë Núñez` → `zoe-nunez`, `方丽洁` → `fang-li-jie`.

Names are transliterated to ASCII with anyascii (a syllable of Chinese, Japanese or
Korean becomes a word of its own), then made an id: lower-case letters, digits and
single hyphens, at most 60 characters. Ids already given to source items are kept
from import to import (state.py); a new item whose id is taken gets -2, -3...
"""

from __future__ import annotations

import re

from anyascii import anyascii

MAX_LENGTH = 60
_NOT_ID = re.compile(r"[^a-z0-9]+")
# From CJK radicals on: scripts whose characters are each a syllable or a word.
_SYLLABIC_FROM = 0x2E80


def slug(text: str, fallback: str = "item") -> str:
    """`text` as an id; `fallback` when nothing of it is left (only punctuation, say)."""
    words = "".join(f" {anyascii(c)} " if ord(c) >= _SYLLABIC_FROM else anyascii(c) for c in text)
    made = _NOT_ID.sub("-", words.casefold()).strip("-")
    if len(made) > MAX_LENGTH:
        made = made[:MAX_LENGTH].rsplit("-", 1)[0] or made[:MAX_LENGTH]
    return made or fallback


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
