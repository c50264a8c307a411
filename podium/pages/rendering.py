"""The site's Markdown pages, rendered from a `Programme` with Jinja2.

A pure function from the programme to pages: `jobs()` lists every page with the
values it is made from, and `Renderer.page()` makes one. Whoever runs them decides
what to reuse and in which process (the engine). Nothing here touches the disk.
Templates are Jinja2 with StrictUndefined (a missing value fails loudly) and a
finalizer that escapes every value for Markdown unless it is already safe `Markup`.
In templates, never join data with `~`: autoescape would HTML-escape the result
without the Markdown escaping; print each value on its own instead.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup, escape

from .. import translations
from ..exports import calendar_links, jsonld, scholarly
from ..programme import addresses
from ..programme.model import Paper, Programme, Roles, Session, in_calendars
from ..text import markup, when
from ..translations import _
from . import changes, facts, fragments, labels, print_code
from .fragments import html_block
from .grouping import days, has_day_pages, people_by_initial
from .lists import SessionLists
from .timetable import room_order
from .timetable_html import timetable

TEMPLATES = Path(__file__).resolve().parent / "templates"
# libyaml's emitter where PyYAML has it: the pure-Python one is slow on thousands of pages.
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Job:
    """One page to render: its template, path, the values it is made from, and its context.

    Equal `inputs` (and template) make equal bytes: `serve` reuses a page while they
    stay equal. Index pages are made from the whole programme.
    """

    template: str
    page: str
    inputs: object
    context: dict


def render(programme: Programme) -> dict[str, bytes]:
    """Every generated Markdown page, keyed by its path in the docs folder."""
    renderer = Renderer(programme)
    return {job.page: renderer.page(job) for job in jobs(programme)}


def prose_texts(programme: Programme) -> list[str]:
    """Every text the pages show as prose: abstracts, bios, stream descriptions."""
    texts = [s.abstract for s in programme.sessions if s.abstract]
    texts += [s.description for s in programme.sessions if s.description]
    texts += [p.abstract for p in programme.papers if p.abstract]
    texts += [p.description for p in programme.papers if p.description]
    texts += [p.bio for p in programme.people if p.bio]
    texts += [s.description for s in programme.streams if s.description]
    texts += [text for r in programme.rooms for text in (r.description, r.accessibility) if text]
    return texts


# The pages made from the whole programme: (template, page).
_INDEX_PAGES = (
    ("home.md.j2", addresses.HOME),
    ("programme.md.j2", addresses.PROGRAMME),
    ("streams.md.j2", addresses.STREAMS),
    ("people.md.j2", addresses.PEOPLE),
    ("rooms.md.j2", addresses.ROOMS),
    ("my_programme.md.j2", addresses.MY_PROGRAMME),
    ("changes.md.j2", addresses.CHANGES),
    ("offline.md.j2", addresses.OFFLINE),
    ("about.md.j2", addresses.ABOUT),
)


def searchable_pages(programme: Programme) -> dict[str, bytes]:
    """The generated pages that search indexes as they are, like docs/'s: the About page
    (made alone, not with every job of the programme)."""
    return {addresses.ABOUT: Renderer(programme).page(Job("about.md.j2", addresses.ABOUT, programme, {}))}


def page_count(programme: Programme) -> int:
    """How many pages `render` makes, without making them."""
    return len(jobs(programme))


def jobs(programme: Programme) -> list[Job]:
    """Every page of the site, in a fixed order, with what each is made from."""
    conference = programme.conference
    jobs = []
    inputs: object  # what a page is made from, to know when it must be made again
    if has_day_pages(programme):
        dated = [(day.date, day) for day in days(programme, list(programme.sessions)) if day.date is not None]
        # Each day page links to every day, and sets out its rooms in the programme's order.
        shared = ([date for date, _day in dated], room_order(programme))
        for date, day in dated:
            inputs = (conference, programme.streams, day, shared)
            jobs.append(Job("programme_day.md.j2", addresses.programme_day(date), inputs, {"day": day}))
    for session in programme.sessions:
        if session.has_page:
            jobs.append(Job("session.md.j2", addresses.session_page(session), (conference, session), {"session": session}))
    for paper in programme.papers:
        inputs = (conference, paper, programme.session_of(paper))
        jobs.append(Job("paper.md.j2", addresses.paper_page(paper), inputs, {"paper": paper}))
    for stream in programme.streams:
        inputs = (conference, stream, programme.sessions_of_stream(stream), programme.papers_of_stream(stream))
        jobs.append(Job("stream.md.j2", addresses.stream_page(stream), inputs, {"stream": stream}))
    for room in programme.rooms:
        inputs = (conference, room, programme.sessions_in_room(room))
        jobs.append(Job("room.md.j2", addresses.room_page(room), inputs, {"room": room}))
    for person in programme.people:
        roles = programme.roles_of(person)
        # Their papers are listed with their sessions' titles.
        sessions_of_papers = [programme.session_of(paper) for paper in roles.papers]
        inputs = (conference, person, roles, programme.sessions_of_person(person), sessions_of_papers)
        jobs.append(Job("person.md.j2", addresses.person_page(person), inputs, {"person": person}))
    for template, page in _INDEX_PAGES:
        jobs.append(Job(template, page, programme, {}))
    return jobs


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The templates' environment, made once: `serve` then compiles each template once."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        finalize=_escape_unless_safe,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # the templates are part of Podium: no need to look at their files again
    )
    env.filters.update(
        prose_block=_prose_block,
        summary=markup.summary,
        front_matter=_front_matter,
        link_target=_external_link,
    )
    return env


class Renderer:
    """Renders the pages of one programme; what is shared between pages is made once."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self.env = _environment()
        conference = programme.conference
        translations.use(conference.language)
        self.lists = SessionLists(programme)
        # What every template may use; given at each render, since the environment
        # outlives one programme.
        self.names = {
            "programme": programme,
            "conference": conference,
            "addresses": addresses,
            "days": lambda sessions: days(programme, sessions),
            "day": lambda date: when.day(conference, date),
            "has_calendar": lambda sessions: bool(in_calendars(sessions)),
            "has_schedule": bool(in_calendars(programme.sessions)),
            "sessions_by_role": _sessions_by_role,
            "day_pages": has_day_pages(programme),
            "google_calendar": lambda item: calendar_links.google(programme, item, _absolute(programme, item)),
            "outlook_calendar": lambda item: calendar_links.outlook(programme, item, _absolute(programme, item)),
            "jsonld": lambda item: html_block(_jsonld_script(programme, item)),
            "citation_meta": lambda paper: scholarly.citation_meta(programme, paper),
            "kind_label": labels.kind,
            "shows_kind": labels.shows_kind,
            "role_groups": labels.roles,
            "subscribe_url": _subscription(programme),
            "heading": _heading,
            "initials": people_by_initial,
            "jump_bar": lambda targets, label: html_block(fragments.jump_bar(targets, label)),
            "filters": lambda sessions: html_block(fragments.filters(programme, sessions)),
            "my_programme": lambda data_href: html_block(fragments.my_programme(data_href)),
            "cancelled_notice": lambda item: html_block(fragments.cancelled_notice(item)),
            "change_note": lambda item: html_block(note) if (note := changes.change_note(programme, item)) else "",
            "changes_page": lambda page, feed: html_block(changes.changes_page(programme, page, feed)),
            "star_place": lambda item: html_block(fragments.star_place(("p:" if isinstance(item, Paper) else "s:") + item.id)),
            "lang_mark": _lang_mark,
            "lang_line": _lang_line,
            "code_mark": fragments.code_mark,
            "print_code": lambda item: html_block(print_code.address_code(_absolute(programme, item))),
            "_": translations._,
            "ngettext": translations.ngettext,
        }

    @functools.cached_property
    def _dated_days(self) -> list[tuple]:
        """[(date, short label, full label, sessions)] of the programme's days: made once,
        for the switcher on every day page."""
        conference = self.programme.conference
        return [
            (day.date, when.short_day(conference, day.date), day.label, [s for slot in day.slots for s in slot.sessions])
            for day in days(self.programme, list(self.programme.sessions)) if day.date is not None
        ]  # fmt: skip

    def page(self, job: Job) -> bytes:
        page = job.page

        def link(target: str) -> Markup:
            """A Markdown link target from this page to `target` (MkDocs checks it exists)."""
            return Markup(fragments.relative_path(target, posixpath.dirname(page)))

        def file_href(target: str) -> Markup:
            """An HTML link target from this page to a generated file (not checked by MkDocs)."""
            return escape(fragments.href(page, target))

        def session_list(sessions, show_stream=True, show_time=False) -> Markup:
            return html_block(self.lists.sessions(sessions, page, show_stream, show_time))

        def paper_list(papers) -> Markup:
            return html_block(self.lists.papers(papers, page))

        def session_facts(session) -> Markup:
            return html_block(facts.session_facts(self.programme, session, page))

        def paper_facts(paper) -> Markup:
            return html_block(facts.paper_facts(self.programme, paper, page))

        def papers_of(session) -> Markup:
            return html_block(facts.papers_of(self.programme, session, page))

        def neighbours(paper) -> Markup:
            return html_block(facts.neighbours(self.programme, paper, page))

        def link_buttons(links) -> Markup:
            return html_block(facts.links(links))

        def cite_links(paper) -> Markup:
            return html_block(facts.cite(paper, page))

        def calendar_links(calendar_file, label, extra=()) -> Markup:
            return html_block(fragments.calendar_links(page, calendar_file, label, extra))

        def people_list(people) -> Markup:
            return html_block(fragments.people_list(self.programme, people, page))

        def day_timetable(sessions, level) -> Markup:
            return html_block(timetable(self.programme, self.lists, sessions, page, level))

        def day_switcher(current) -> Markup:
            dated = [(date, short if current else label, sessions) for date, short, label, sessions in self._dated_days]
            conference = self.programme.conference
            return html_block(fragments.day_switcher(dated, current, page, conference.zone.key, conference.day_change))

        helpers = {
            "page": page, "link": link, "file_href": file_href, "session_list": session_list, "paper_list": paper_list,
            "session_facts": session_facts, "paper_facts": paper_facts, "papers_of": papers_of, "neighbours": neighbours,
            "link_buttons": link_buttons, "cite_links": cite_links, "calendar_links": calendar_links, "people_list": people_list,
            "timetable": day_timetable, "day_switcher": day_switcher,
        }  # fmt: skip
        # The page's own context wins over the shared names (a day page's `day`).
        text = self.env.get_template(job.template).render({**self.names, **helpers, **job.context})
        return text.encode("utf-8")


def _escape_unless_safe(value: object) -> Markup:
    """Every `{{ value }}` is organisers' text unless marked safe: show it literally.

    Autoescape is on as well, so what this returns (Markup) is not HTML-escaped a
    second time, and macros return Markup that passes through unchanged.
    """
    if isinstance(value, Markup):
        return value
    if value is None or isinstance(value, jinja2.Undefined):
        raise ValueError("a template printed a missing value; guard it with {% if %}")
    return markup.inline(str(value))


def _prose_block(text: str, searchable: bool = True, language: str | None = None) -> Markup:
    """Organisers' prose (Markdown, sanitised to HTML) as a block of the page, marked
    with its `language` where it is not the site's.

    Not `searchable`: left out of the search index, where the same text is indexed
    on another page (a bio on the person's page, not on each of their sessions').
    """
    exclude = "" if searchable else " data-search-exclude"
    lang = fragments.language_attributes(language) if language else ""
    return html_block(f'<div class="podium-prose"{lang}{exclude}>\n{markup.prose(text)}\n</div>')


def _lang_mark(item) -> Markup:
    """` { lang="de" dir="ltr" }` at the end of a heading or paragraph (Markdown's
    attr_list) of an item in its own language, so that screen readers and fonts switch
    and its words run their way; the tag is a checked BCP 47 tag (letters, digits, hyphens)."""
    return Markup(f" {{{fragments.language_attributes(item.language)} }}") if item.language else Markup("")


def _lang_line(item) -> Markup:
    """The same for a paragraph (a subtitle), where attr_list reads the attributes only on
    a line of their own under it: at its end they would show as text."""
    return Markup(f"\n{{:{fragments.language_attributes(item.language)} }}") if item.language else Markup("")


def _jsonld_script(programme: Programme, item: Session | Paper) -> str:
    """The schema.org markup of a session (an Event with its papers) or a paper (the work presented)."""
    url = _absolute(programme, item)
    if isinstance(item, Paper):
        data = jsonld.paper_event(programme, item, url)
    else:
        data = jsonld.session_event(programme, item, url)
    return f'<script type="application/ld+json">{jsonld.script_text(data)}</script>'


def _absolute(programme: Programme, item: Session | Paper) -> str | None:
    page = addresses.paper_page(item) if isinstance(item, Paper) else addresses.session_page(item)
    return addresses.absolute_url(programme, page)


def _sessions_by_role(roles: Roles) -> list[tuple[str, list[Session]]]:
    """A person's sessions grouped by their role in each, in order of first mention ("Sessions" without one)."""
    groups: dict[str, list[Session]] = {}
    for session, appearance in roles.sessions:
        sessions = groups.setdefault(appearance.role or _("Sessions"), [])
        if session not in sessions:
            sessions.append(session)
    return list(groups.items())


def _subscription(programme: Programme) -> Markup | None:
    """A webcal:// address for subscribing to the programme, when the site's address is known."""
    url = addresses.absolute_url(programme, addresses.PROGRAMME_CALENDAR)
    if url is None:
        return None
    return Markup("webcal://" + url.split("://", 1)[1])


def _external_link(url: str) -> Markup:
    """A web address (already checked to be http or https) made safe as a Markdown link target."""
    return Markup(urllib.parse.quote(url, safe=":/?#[]@!$&'*+,;=%~"))


def _heading(level: int) -> Markup:
    return Markup("#" * level)


def _front_matter(meta: dict) -> Markup:
    """A page's YAML front matter.

    Material prints `title` and `description` into <title> and an attribute without
    escaping them, so they are HTML-escaped here, quotes included. Text that YAML
    reads as it stands between single quotes is written so; anything else (a line
    break, a control character, a mapping) goes through PyYAML, which quotes what it
    must. Writing the common case directly keeps PyYAML's emitter, set up anew for
    each call, off thousands of pages.
    """
    lines = []
    for key, value in meta.items():
        if value is None:
            continue
        if key == "description":
            value = html.escape(markup.without_tags(value), quote=True)
        elif key == "title":
            value = html.escape(value, quote=True)
        elif key == "citation":
            value = [[name, html.escape(content, quote=True)] for name, content in value]
        if isinstance(value, str) and _SINGLE_QUOTABLE.fullmatch(value):
            quoted = value.replace("'", "''")
            lines.append(f"{key}: '{quoted}'\n")
        else:
            lines.append(yaml.dump({key: value}, Dumper=_YAML_DUMPER, allow_unicode=True, width=1_000_000))
    return Markup("---\n" + "".join(lines) + "---\n")


# Characters YAML keeps as they are in a single-quoted scalar on one line: printable,
# and neither a line break (\x85, \u2028 and \u2029 are ones), a tab nor a BOM.
_SINGLE_QUOTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*")
