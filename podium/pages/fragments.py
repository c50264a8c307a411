"""Pieces of pages written as HTML rather than Markdown: blocks, links, buttons, filters.

Written as HTML (raw blocks that MkDocs passes through), they cost Markdown's parser
nothing and can carry the data attributes the programme's filters read. Every value
from the data is HTML-escaped here (this is HTML, not Markdown), and links are the
addresses MkDocs gives pages (`sessions/x.md` is published at `sessions/x/`). The
lists of sessions are in lists.py, the facts at the top of a page in facts.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup, escape

from .. import translations
from ..programme import addresses
from ..programme.model import Paper, Programme, Session
from ..programme.timed import programme_days
from ..text import when
from ..translations import _, ngettext, translated_html
from . import labels

# Lines around each block of HTML in a generated page. Podium's MkDocs hook
# (engine/mkdocs_hooks.py) lifts the blocks out before Markdown parses the page and puts
# them back after, verbatim: Python-Markdown would otherwise parse every tag of them
# only to pass them through, a third of its time on a large programme. Without the
# hook the markers are HTML comments, and the blocks raw HTML, which Markdown keeps.
BLOCK_START = "<!--podium-html-->"
BLOCK_END = "<!--/podium-html-->"


def html_block(html: str) -> Markup:
    """`html` (already safe) as a block of a generated page that Markdown leaves alone."""
    if not html:
        return Markup("")
    return Markup(f"{BLOCK_START}\n{html}\n{BLOCK_END}")


def lang_attribute(item) -> str:
    """` lang="zh-Hans" dir="ltr"` for the title of a session or paper in its own
    language, so that screen readers and fonts switch, and its words run their way on
    a page written the other way (Chinese on an Arabic site); "" without one."""
    return language_attributes(item.language) if item.language else ""


def code_mark(item) -> Markup:
    """The programme's own code of a session or paper (`MOP23`) before its title, where it has one."""
    return Markup(f'<span class="podium-code">{escape(item.code)}</span> ') if item.code else Markup("")


def language_attributes(tag: str) -> str:
    """` lang="de" dir="ltr"`: a text's language and the way it runs."""
    return f' lang="{escape(tag)}" dir="{translations.direction(tag)}"'


def href(page: str, target: str) -> str:
    """The relative address from the published `page` to the published `target`.

    Every page is published as a folder (`sessions/x/`, or "" for the home page), so
    a link to another page ends in `/` and a link to a file does not.
    """
    destination = addresses.published(target)
    relative = relative_path(destination, addresses.published(page))
    is_page = destination == "" or destination.endswith("/")
    return relative + "/" if is_page else relative


def relative_path(destination: str, start: str) -> str:
    """posixpath.relpath for the site's own relative paths ("" is the root).

    relpath makes both paths absolute against the working folder first; on the
    programme pages of a large conference that was a tenth of Podium's time.
    """
    to = [part for part in destination.split("/") if part]
    here = [part for part in start.split("/") if part]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def calendar_links(page: str, calendar_file: str, label: str, extra: Sequence[tuple[str, str]] = ()) -> Markup:
    """The "Add to calendar" button, and links to web calendars where given (not searched)."""
    button = f'<a class="md-button" href="{escape(href(page, calendar_file))}">{escape(label)}</a>'
    if not extra:
        return Markup(f'<p class="podium-calendar" data-search-exclude>{button}</p>')
    others = " · ".join(f'<a href="{escape(url)}" rel="nofollow">{escape(name)}</a>' for name, url in extra)
    return (
        Markup('<p class="podium-calendar" data-search-exclude>')
        + translated_html("%(button)s or add it to %(calendars)s", button=Markup(button), calendars=Markup(others))
        + Markup("</p>")
    )


def people_list(programme: Programme, people: list, page: str) -> Markup:
    """`<ul>` of people: name linked to their page, then their affiliation."""
    items = []
    for person in people:
        link = f'<a href="{escape(href(page, addresses.person_page(person)))}">{escape(person.name)}</a>'
        affiliation = f", {escape(person.affiliation)}" if person.affiliation else ""
        items.append(f"<li>{link}{affiliation}</li>")
    return Markup('<ul class="podium-people">\n' + "\n".join(items) + "\n</ul>")


def jump_bar(targets: list[tuple], label: str) -> Markup:
    """A line of links to the page's sections: [(text, anchor id, ...)]."""
    links = " · ".join(f'<a href="#{escape(anchor)}">{escape(text)}</a>' for text, anchor, *_ in targets)
    return Markup(f'<nav class="podium-jump" aria-label="{escape(label)}" data-search-exclude><p>{links}</p></nav>')


def day_switcher(dated: list[tuple], current, page: str, zone: str, day_change: dt.time = dt.time(0)) -> Markup:
    """Links to each day's page, [(date, label, sessions)]: on a day page, short labels,
    the `current` date's marked as the page; on the programme's index of days (no
    current day), full labels with counts of sessions. now.js marks the visitor's today
    while the conference is on (until the day's end, `day_change`, in the night after)."""
    items = []
    for date, label, sessions in dated:
        current_mark = ' aria-current="page"' if date == current else ""
        target = escape(href(page, addresses.programme_day(date)))
        link = f'<a href="{target}"{current_mark} data-podium-date="{date.isoformat()}">{escape(label)}</a>'
        items.append(
            f"<li>{link}</li>"
            if current
            else f"<li>{link}: {escape(ngettext('%(num)s session', '%(num)s sessions', len(sessions)))}</li>"
        )
    kind = "podium-days" if current else "podium-day-index"
    label = escape(_("Days"))
    minutes = day_change.hour * 60 + day_change.minute
    night = f' data-podium-day-change="{minutes}"' if minutes else ""
    return Markup(
        f'<nav class="{kind}" aria-label="{label}" data-podium-zone="{escape(zone)}"{night} data-search-exclude>'
        f"<ul>{''.join(items)}</ul></nav>"
    )


def filters(programme: Programme, sessions: list[Session]) -> Markup:
    """Filters for a list of sessions, behind one control that says how many are on:
    streams and rooms to tick (which of them to show), kind, language and day to pick,
    each where it has two choices or more; shown only when JavaScript runs (filters.js).

    Without JavaScript the panel stays hidden and the full list is there: nothing to
    click that does nothing. The choice is kept on the device: the rooms one follows
    stay chosen on every day's page and the next visit.
    """
    conference = programme.conference
    listed_streams = {s.stream.id for s in sessions if s.stream}
    listed_rooms = {s.room for s in sessions if s.room}
    kinds = {s.kind for s in sessions}
    languages = sorted({s.language or conference.language for s in sessions})
    ticked = {
        "stream": (_("Streams"), [(s.id, s.name) for s in programme.streams if s.id in listed_streams]),
        "room": (_("Rooms"), [(r.name, r.name) for r in programme.rooms if r.name in listed_rooms]),
    }
    picked = {
        "kind": (_("Kind"), _("All kinds"), [(k, labels.kind_label(k)) for k in labels.KIND_LABELS if k in kinds]),
        "language": (_("Language"), _("All languages"), sorted(((tag, labels.language(tag, conference.locale)) for tag in languages), key=lambda o: o[1])),
        "day": (_("Day"), _("All days"), [(d.isoformat(), when.day(conference, d)) for d in programme_days(sessions, conference.day_change)]),
    }  # fmt: skip
    fields = [_ticked_field(name, legend, options) for name, (legend, options) in ticked.items() if len(options) >= 2]
    fields += [_picked_field(name, *choice) for name, choice in picked.items() if len(choice[2]) >= 2]
    if not fields:
        return Markup("")
    control = escape(_("Filters"))
    reset = escape(_("Show all sessions"))
    return Markup(
        '<div class="podium-filter-bar" data-search-exclude><details class="podium-filter-panel" hidden>'
        f'<summary>{control}<span class="podium-filter-active"></span></summary>'
        f'<form class="podium-filters">{"".join(fields)}'
        f'<p><button type="reset" class="md-button">{reset}</button></p></form></details>'
        '<p class="podium-filter-count" aria-live="polite"></p></div>'
    )


def _ticked_field(name: str, legend: str, options: list[tuple[str, str]]) -> str:
    """Boxes to tick, one a stream or room: none ticked shows all."""
    boxes = "".join(
        f'<li><label><input type="checkbox" name="{name}" value="{escape(value)}"> {escape(text)}</label></li>'
        for value, text in options
    )
    return f'<fieldset class="podium-filter-ticks"><legend>{escape(legend)}</legend><ul>{boxes}</ul></fieldset>'


def _picked_field(name: str, label: str, everything: str, options: list[tuple[str, str]]) -> str:
    rendered = "".join(f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options)
    return (
        f'<label>{escape(label)} <select name="{name}"><option value="">{escape(everything)}</option>{rendered}</select></label>'
    )


def cancelled_notice(item: Session | Paper) -> Markup:
    """What a cancelled session's or paper's page says first, under its title."""
    if isinstance(item, Paper):
        text = _("This paper will not be presented.")
    else:
        text = _("This session will not take place.")
    return Markup(f'<p class="podium-cancelled-notice" role="note"><strong>{escape(_("Cancelled"))}</strong> {escape(text)}</p>')


def star_place(key: str) -> Markup:
    """Where starred.js puts the star of the item `key` ("s:<id>", "p:<id>") under its
    title: hidden without JavaScript, and 44 px tall from the first paint with it, so
    nothing moves when the star comes."""
    return Markup(f'<div class="podium-star-place" data-podium-star-place="{escape(key)}" hidden></div>')


def my_programme(data_href: str) -> Markup:
    """The My programme page's frame: what shows without JavaScript, and what my-programme.js fills in."""
    t = {
        "nojs": _(
            "My programme needs JavaScript in your browser. Stars and your selection are kept in this browser,"
            " on this device only: no account, nothing sent anywhere."
        ),
        "shared": _("A selection shared with you"),
        "adopt": _("Add these to mine"),
        "own": _("Show mine"),
        "empty": _(
            "Nothing starred yet. Star a session or a paper with the star button on its page, or beside it on"
            " the programme, stream and people pages, and it appears here, by day and time. Your selection stays"
            " in this browser, on this device: no account, nothing sent anywhere."
        ),
        "calendar": _("Add them all to my calendar"),
        "share": _("Share my programme"),
        "link": _("Link to your selection"),
        "copy": _("Copy link"),
        "whoever": _("Whoever opens it sees your selection and can add it to theirs. It holds only which sessions you chose."),
        "files": _("Calendar files, one by one"),
    }
    t = {key: escape(text) for key, text in t.items()}
    return Markup(
        f'<p class="podium-my-nojs" data-podium-my-nojs>{t["nojs"]}</p>\n'
        f'<div class="podium-my-programme" data-podium-my-programme data-source="{escape(data_href)}" hidden>\n'
        '<section class="podium-my-shared" data-podium-my-shared hidden aria-labelledby="podium-my-shared-title">'
        f'<h2 id="podium-my-shared-title">{t["shared"]}</h2>'
        "<p data-podium-my-shared-count></p>"
        f'<p><button type="button" class="md-button md-button--primary" data-podium-my-adopt>{t["adopt"]}</button>'
        f' <a class="md-button" href="./" data-podium-my-own>{t["own"]}</a></p></section>\n'
        f'<p class="podium-my-empty" data-podium-my-empty hidden>{t["empty"]}</p>\n'
        '<div class="podium-my-actions" data-podium-my-actions hidden>'
        f'<p><button type="button" class="md-button md-button--primary" data-podium-my-calendar>{t["calendar"]}</button>'
        f' <button type="button" class="md-button" data-podium-my-share>{t["share"]}</button></p>'
        f'<div class="podium-my-share" data-podium-my-share-box hidden><p><label for="podium-my-share-link">{t["link"]}</label>'
        ' <input id="podium-my-share-link" type="text" readonly data-podium-my-share-link>'
        f' <button type="button" class="md-button" data-podium-my-copy>{t["copy"]}</button></p>'
        f"<p>{t['whoever']}</p>"
        "<div data-podium-my-qr></div></div>"
        "</div>\n"
        '<p class="podium-my-gone" data-podium-my-gone hidden></p>\n'
        '<p class="podium-my-status" role="status" data-podium-my-status></p>\n'
        '<div data-podium-my-list tabindex="-1"></div>\n'
        f'<details class="podium-my-files" data-podium-my-files hidden><summary>{t["files"]}</summary>'
        "<ul data-podium-my-file-list></ul></details>\n"
        "</div>"
    )
