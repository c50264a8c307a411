"""The site's service worker (sw.js), written into a built site: what a visitor's phone keeps for offline use.

The worker (service_worker.js) is the same for every site; this module puts before it
the build's VERSION and the FILES to keep at the first visit, found in the built site:

- first: the home page, the programme and its days, the streams and people indexes,
  My programme and its data, the offline page, the web app manifest and icons, and
  the styles and scripts the pages load (not Material's unused search scripts, not
  source maps), and the search index's manifest;
- search: the search index's files, fetched after the pages, so that search works
  offline.

VERSION is a digest of what the build was made from (data/, docs/, mkdocs.yml,
Podium's own files, the installed packages, the build's timestamp), not of the
61 MB a 1,000-paper site weighs (hashing it took 1.1 s): same inputs, same worker,
and any change makes a new worker, which replaces the saved copy at the next visit.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from pathlib import Path

from ..programme import addresses
from ..search import index
from . import search_index
from .layout import Layout

WORKER = "sw.js"
_BODY = Path(__file__).with_name("service_worker.js")
_PODIUM = Path(__file__).parent.parent
_PAGES = [addresses.HOME, addresses.PROGRAMME, addresses.STREAMS, addresses.PEOPLE, addresses.MY_PROGRAMME, addresses.OFFLINE]
_DATA = [addresses.MY_PROGRAMME_DATA, addresses.WEB_APP_MANIFEST]
_UNUSED_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def write(layout: Layout, site: Path, stamp: str) -> None:
    """sw.js into the built `site`."""
    files = {"first": first_files(site), "search": search_files(site)}
    head = f"var VERSION = {json.dumps(version(layout, stamp))};\nvar FILES = {json.dumps(files, separators=(',', ':'))};\n"
    (site / WORKER).write_bytes(head.encode("utf-8") + _BODY.read_bytes())


def first_files(site: Path) -> list[str]:
    """What the first visit keeps, as addresses relative to the site's root."""
    pages = [addresses.published(page) for page in _PAGES]
    days = sorted(p.parent.relative_to(site).as_posix() + "/" for p in (site / "programme").glob("*/index.html"))
    data = [path for path in _DATA if (site / path).is_file()]
    icons = sorted(p.relative_to(site).as_posix() for p in (site / addresses.ICONS).glob("*.png"))
    assets = sorted(
        p.relative_to(site).as_posix()
        for p in (site / "assets").rglob("*")
        if p.is_file()
        and p.suffix != ".map"
        and p.name != "LICENSE"
        and not p.relative_to(site).as_posix().startswith(_UNUSED_ASSETS)
    )
    return pages + days + data + icons + assets + search_engine(site)


def search_engine(site: Path) -> list[str]:
    """The search index's manifest (the script that reads it is one of the assets)."""
    manifest = f"{search_index.FOLDER}/{index.MANIFEST}"
    return [manifest] if (site / manifest).is_file() else []


def search_files(site: Path) -> list[str]:
    """The search index's files of terms and of documents: what a search needs for words as
    typed. Not the files for words found nowhere as typed (other forms, ends of words,
    whole texts for excerpts: five times as much): offline, such a word finds nothing and
    a result shows the start of its text."""
    folder = site / search_index.FOLDER
    return sorted(p.relative_to(site).as_posix() for p in folder.glob("[td]-*.json"))


def version(layout: Layout, stamp: str) -> str:
    """A digest of everything the site is made from."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(stamp.encode("utf-8"))
    folders = {"project": [layout.root / "mkdocs.yml"], "data": layout.data.rglob("*"), "docs": layout.docs.rglob("*")}
    folders["podium"] = (f for f in _PODIUM.rglob("*") if "__pycache__" not in f.parts)
    bases = {"project": layout.root, "data": layout.data, "docs": layout.docs, "podium": _PODIUM}
    for label, files in folders.items():
        for name, file in sorted((f.relative_to(bases[label]).as_posix(), f) for f in files if f.is_file()):
            content = file.read_bytes()
            digest.update(f"{label}/{name} {len(content)}\n".encode())
            digest.update(content)
    packages = sorted(f"{d.metadata['Name']} {d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join(packages).encode("utf-8"))
    return digest.hexdigest()
