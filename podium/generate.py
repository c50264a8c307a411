"""Phase two of a build: every file Podium generates from a checked programme.

A pure function: the same programme and timestamp give the same bytes. Pages are
Markdown for MkDocs (`pages.py`); exports are served as they are (`exports/`).
"""

from __future__ import annotations

import datetime as dt

from . import exports, pages
from .model import Programme


def generate(programme: Programme, stamp: dt.datetime) -> dict[str, bytes]:
    """Every generated file, keyed by its path in the docs folder."""
    return {**pages.render(programme), **exports.files(programme, stamp)}
