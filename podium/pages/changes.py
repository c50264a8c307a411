"""The programme's changes, as attendees read them: the Changes page, a moved item's note,
and the mark on what changed in the last days (programme/changes.py holds the values).

A change names its item with a link to its page while it has one (a removed item's
title stays plain text), and its old and new values in the site's words.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from ..programme.changes import Publication
from ..programme.model import Paper, Programme, Session
from ..text import changes as words
from ..translations import _
from .fragments import href

# Changes made this long before the latest publication are marked in lists and timetables.
RECENT = dt.timedelta(days=3)


def changes_page(programme: Programme, page: str, feed: str) -> Markup:
    """Every publication's changes, newest first, each under when it was published."""
    publications = [p for p in programme.history.publications if p.changes]
    follow = _("Follow the changes in a feed reader")
    intro = escape(_("What changed in the programme since it was first published, newest first."))
    feed_link = f'<a href="{escape(href(page, feed))}" type="application/atom+xml">{escape(follow)}</a>'
    parts = [f"<p>{intro} {feed_link}</p>"]
    if not publications:
        none = _("No changes have been published yet.")
        parts.append(f"<p>{escape(none)}</p>")
    for publication in publications:
        anchor = f"p-{publication.commit[:12]}"
        parts.append(f'<h2 id="{anchor}">{escape(words.published_on(programme.conference, publication))}</h2>')
        parts.append(change_list(programme, publication, page))
    return Markup("\n".join(parts))


def change_list(programme: Programme, publication: Publication, page: str) -> str:
    """A publication's changes as a list, linked from `page`."""
    items = words.change_items(programme, publication, lambda target: href(page, target))
    return '<ul class="podium-changes">\n' + "\n".join(items) + "\n</ul>"


def change_note(programme: Programme, item: Session | Paper) -> Markup:
    """On a moved item's page: where and when it was before, and since when it is not."""
    found = programme.history.latest("paper" if isinstance(item, Paper) else "session", item.id, {"moved", "room"})
    if found is None:
        return Markup("")
    publication, change = found
    before = words.shown(programme.conference, change.old)
    text = _("Changed on %(day)s: before, %(before)s.", day=words.published_on(programme.conference, publication), before=before)
    return Markup(f'<p class="podium-change-note">{escape(text)}</p>')


def recent_kinds(programme: Programme) -> dict[tuple[str, str], str]:
    """{(item, id): the kind of its latest change} for changes of the last days."""
    publications = programme.history.publications
    if len(publications) < 2:
        return {}
    since = publications[0].time - RECENT.total_seconds()
    marked: dict[tuple[str, str], str] = {}
    for publication in publications:
        if publication.time < since:
            break
        for change in publication.changes:
            marked.setdefault((change.item, change.id), change.kind)
    return marked
