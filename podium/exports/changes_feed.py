"""changes.xml: the Changes page as an Atom feed (RFC 4287), one entry a publication.

Feed readers show each publication's changes as the page does, with absolute links
where the site's address is known. Ids are derived from the commits, so an entry keeps
its id from build to build; with no history the feed has no entries, and is valid.
"""

from __future__ import annotations

import datetime as dt
import uuid

from lxml import etree

from ..programme import addresses
from ..programme.changes import Publication
from ..programme.model import Programme
from ..text import changes as words
from ..translations import _

ATOM = "http://www.w3.org/2005/Atom"
# Ids for the feed and its entries: the same conference and commit give the same id.
_NAMESPACE = uuid.UUID("6f0b9a52-6a3c-4c5e-9d8e-2f4c1b7a9e31")


def feed(programme: Programme, stamp: dt.datetime) -> bytes:
    conference = programme.conference
    root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})  # type: ignore[dict-item]  # the default namespace
    root.set("{http://www.w3.org/XML/1998/namespace}lang", conference.language)
    _leaf(root, "id", _urn(conference.name))
    _leaf(root, "title", _("Changes: %(conference)s", conference=conference.name))
    publications = [p for p in programme.history.publications if p.changes]
    # The latest publication's time; without a history, the build's (SOURCE_DATE_EPOCH).
    latest = programme.history.publications[0].time if programme.history.publications else int(stamp.timestamp())
    _leaf(root, "updated", _instant(latest))
    author = etree.SubElement(root, f"{{{ATOM}}}author")
    _leaf(author, "name", conference.name)
    _leaf(root, "generator", "Podium")
    if conference.url:
        etree.SubElement(root, f"{{{ATOM}}}link", rel="self", href=addresses.public_url(programme, addresses.CHANGES_FEED))
        etree.SubElement(root, f"{{{ATOM}}}link", rel="alternate", href=_changes_page(programme))
    for publication in publications:
        _entry(root, programme, publication)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _entry(root, programme: Programme, publication: Publication) -> None:
    conference = programme.conference
    entry = etree.SubElement(root, f"{{{ATOM}}}entry")
    _leaf(entry, "id", _urn(f"{conference.name}\n{publication.commit}"))
    _leaf(entry, "title", words.published_on(conference, publication))
    _leaf(entry, "updated", _instant(publication.time))
    if conference.url:
        anchor = f"#p-{publication.commit[:12]}"
        etree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=_changes_page(programme) + anchor)
    content = _leaf(entry, "content", _list(programme, publication))
    content.set("type", "html")


def _list(programme: Programme, publication: Publication) -> str:
    """The publication's changes as the Changes page lists them, with absolute links where
    the site's address is known."""
    absolute = lambda target: addresses.absolute_url(programme, target)
    return "<ul>" + "".join(words.change_items(programme, publication, absolute)) + "</ul>"


def _changes_page(programme: Programme) -> str:
    return addresses.public_url(programme, addresses.CHANGES)


def _leaf(parent, name: str, text: str):
    element = etree.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = text
    return element


def _urn(seed: str) -> str:
    return uuid.uuid5(_NAMESPACE, seed).urn


def _instant(seconds: int) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat().replace("+00:00", "Z")
