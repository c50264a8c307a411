"""Phase two of a build: every file Podium generates from a checked programme.

A pure function: the same programme and timestamp give the same bytes. Pages are
Markdown for MkDocs (`pages.py`); exports are served as they are (`exports/`).
"""

from __future__ import annotations

import datetime as dt

from . import exports, pages
from .model import Programme
from .reuse import Fresh


def generate(programme: Programme, stamp: dt.datetime, reuse: Fresh = Fresh()) -> dict[str, bytes]:
    """Every generated file, keyed by its path in the docs folder.

    `reuse` (for `serve`) hands back what the last generation made from equal inputs.
    """
    files = {**pages.render(programme, reuse), **exports.files(programme, stamp, reuse)}
    reuse.finish()
    return files
