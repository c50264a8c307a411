"""Ids made from names: `Zoë Núñez` → `zoe-nunez`, `方丽洁` → `fang-li-jie`.

Names are transliterated to ASCII with anyascii (a syllable of Chinese, Japanese or
Korean becomes a word of its own), then made an id: lower-case letters, digits and
single hyphens, at most 60 characters. For imported items' file names, and the
addresses of rooms named only in sessions.
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
