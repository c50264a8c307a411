"""Podium's MkDocs settings and the organiser's, met in build/mkdocs.yml.

Podium's own settings (mkdocs_base.yml: the theme, the navigation of Podium's pages,
what MkDocs checks) are Podium's files, which `build.py upgrade` updates. The
organiser's mkdocs.yml at the repository's root holds theirs, and upgrades never touch
it. The generated configuration inherits the organiser's file (so MkDocs reads its tags,
`!ENV` and the like, itself) and adds Podium's settings where the organiser set none:

- a setting the organiser gives wins, whole (`plugins`, `markdown_extensions`, a
  `theme` key such as `palette`);
- `nav`: the organiser's pages come after Podium's; a nav that lists Podium's pages
  too sets their order, and any Podium page it leaves out (one a newer Podium added)
  comes at its end, so that an upgrade never fails a build for a page missing from nav;
- `not_in_nav`: Podium's lines and the organiser's.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

BASE = Path(__file__).with_name("mkdocs_base.yml")


@lru_cache(maxsize=1)
def podium_settings() -> dict:
    return yaml.safe_load(BASE.read_text(encoding="utf-8"))


def merged(organisers: dict) -> dict:
    """What build/mkdocs.yml sets besides the organiser's file, which it inherits."""
    base = podium_settings()
    settings = {key: value for key, value in base.items() if key not in organisers and key not in ("nav", "theme")}
    settings["nav"] = navigation(base["nav"], organisers.get("nav"))
    theirs = organisers.get("theme")
    theirs = theirs if isinstance(theirs, dict) else {}
    settings["theme"] = {key: value for key, value in base["theme"].items() if key not in theirs}
    if isinstance(theirs.get("palette"), list):
        settings["theme"]["palette"] = theirs["palette"]  # given again, to be translated
    if isinstance(organisers.get("not_in_nav"), str):
        settings["not_in_nav"] = base["not_in_nav"] + organisers["not_in_nav"]
    return settings


def navigation(podiums: list, organisers) -> list:
    """The site's nav: Podium's pages and the organiser's, as the module says."""
    if not isinstance(organisers, list):
        return podiums
    listed = _pages(organisers)
    if not listed & _pages(podiums):
        return podiums + organisers
    return organisers + [entry for entry in podiums if not _pages([entry]) & listed]


def _pages(nav: list) -> set[str]:
    """The Markdown files a nav (or part of it) names."""
    found: set[str] = set()
    for entry in nav:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            if isinstance(value, str):
                found.add(value)
            elif isinstance(value, list):
                found |= _pages(value)
    return found
