"""Lists of sessions and papers, as HTML: the programme, stream, day and person pages.

A programme of a thousand sessions is mostly lists of links; written as HTML (raw
blocks MkDocs passes through) they cost Markdown's parser nothing, and carry the
data attributes the programme's filters read. A session of papers is one entry with
its room and roles ("Chair: ..."), its papers in order beneath it; a break is an
entry without a link. Every value from the data is HTML-escaped here.

Each entry is made once per programme and kept, but for its links' addresses, which
depend on the page it is on: an entry is kept as text parts and the pages it links
to, joined with the addresses for each page.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..programme import addresses
from ..programme.model import Conference, Paper, Programme, Session
from ..text import when
from ..translations import _, ngettext
from . import changes, labels
from .fragments import code_mark, href, lang_attribute

# A session of papers in a timetable's narrow column lists this many titles, then how
# many more (a poster session may have forty); its page has them all.
PAPERS_IN_A_NARROW_BLOCK = 5

# (text parts, link targets): parts[0] + address of targets[0] + parts[1] + ...
_Entry = tuple[tuple[str, ...], tuple[str, ...]]


class SessionLists:
    """`<ul>`s of sessions and papers for the pages of one programme."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self._entries: dict[tuple, _Entry] = {}
        # What changed in the last days before the latest publication: marked where listed.
        self._recent = changes.recent_kinds(programme)

    def sessions(self, sessions: list[Session], page: str, show_stream: bool = True, show_time: bool = False) -> Markup:
        """The list for `page`: title linked, then kind, time, stream, room and roles where asked, then papers."""
        return _list(self.items(sessions, page, show_stream, "day" if show_time else ""))

    def items(
        self, sessions: list[Session], page: str, show_stream: bool = True, show_time: str = "", in_room_column: bool = False
    ) -> list[str]:
        """Each session's `<li>` for `page`; `show_time` "day" (day and time), "clock" (time only) or "".

        With "clock" (a timetable), the time and, `in_room_column`, the room are marked as
        what the block's place says already: a wide screen's timetable leaves them out
        (podium.css), a phone's list by time keeps them."""
        key = (show_stream, show_time, in_room_column)
        return [
            _joined(
                self._kept(("session", s.id, *key), lambda s=s: self._session(s, show_stream, show_time, in_room_column)), page
            )
            for s in sessions
        ]

    def papers(self, papers: list[Paper], page: str) -> Markup:
        """Papers with their day, time and session, for a person's page."""
        items = [_joined(self._kept(("paper", p.id), lambda p=p: self._paper(p)), page) for p in papers]
        return _list(items)

    def _kept(self, key: tuple, make) -> _Entry:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = make()
        return entry

    def _session(self, session: Session, show_stream: bool, show_time: str, in_room_column: bool = False) -> _Entry:
        conference = self.programme.conference
        said: set[int] = set()  # the details a timetable's place says already
        details = [_("Cancelled")] if session.cancelled else []
        recent = self._recent.get(("session", session.id))
        if recent and not session.cancelled:
            details.append(_("New") if recent == "added" else _("Changed"))
        if labels.shows_kind(session):
            details.append(labels.kind(session))
        if show_time == "day":
            details.append(_when(self.programme, session))
        elif show_time == "clock" and session.start is not None:
            said.add(len(details))
            details.append(when.time_range(conference, session))
        if show_stream and session.stream:
            details.append(session.stream.name)
        if session.room:
            if in_room_column and show_time == "clock":
                said.add(len(details))
            details.append(session.room)
        if session.papers or session.kind != "talk":
            details += [
                _("%(role)s: %(names)s", role=role, names=labels.first_authors([a.person.name for a in group]))
                for role, group in labels.roles(session.people)
            ]
        elif session.people:
            details.append(labels.first_authors([a.person.name for a in session.people]))
        day = session.programme_day(conference.day_change)  # a night's session files under the day before
        # f-strings with escape() rather than Markup.format(): this runs for every
        # session on every list page, and format() is ten times slower.
        attributes = (
            f' data-stream="{escape(session.stream.id) if session.stream else ""}"'
            f' data-room="{escape(session.room or "")}"'
            f' data-day="{day.isoformat() if day else ""}"'
            f' data-kind="{session.kind}" data-language="{escape(session.language or conference.language)}"'
            + (" data-everyone" if session.is_for_everyone else "")
            + (" data-cancelled" if session.cancelled else "")
            + (' class="podium-break"' if session.is_break else "")
        )
        if session.language and session.language != conference.language:
            details.append(labels.language(session.language, conference.locale))  # the language, named in the site's
        first_shown = next((i for i in range(len(details)) if i not in said), None)
        rest = "".join(_detail(detail, i in said, show_time == "clock" and i == first_shown) for i, detail in enumerate(details))
        lang = lang_attribute(session)
        shown = _struck(escape(session.title), session.cancelled)
        if not session.has_page:
            title = f"<span{lang}>{shown}</span>"  # an element, which a timetable's block sets on a line of its own
            parts: list[str] = [f"<li{attributes}>{title}{rest}"]
            targets: list[str] = []
        else:
            parts = [f'<li{attributes}><a href="', f'"{lang}>{code_mark(session)}{shown}</a>{rest}']
            targets = [addresses.session_page(session)]
        if session.papers:
            parts[-1] += '\n<ol class="podium-papers">'
            for paper in session.papers:
                parts[-1] += '\n<li><a href="'
                targets.append(addresses.paper_page(paper))
                title = _struck(escape(paper.title), paper.cancelled)
                parts.append(f'"{lang_attribute(paper)}>{code_mark(paper)}{title}</a>{_paper_details(paper, conference)}</li>')
            more = len(session.papers) - PAPERS_IN_A_NARROW_BLOCK
            if more > 0:
                # What a narrow column shows instead of the rest (podium.css); its page has them all.
                text = ngettext("and %(num)s more paper", "and %(num)s more papers", more)
                parts[-1] += f'\n<li class="podium-papers-more">{escape(text)}</li>'
            parts[-1] += "\n</ol>"
        parts[-1] += "</li>"
        return tuple(parts), tuple(targets)

    def _paper(self, paper: Paper) -> _Entry:
        session = self.programme.session_of(paper)
        details = [_when(self.programme, paper)]
        if paper.cancelled:
            details.insert(0, _("Cancelled"))
        title = _struck(escape(paper.title), paper.cancelled)
        rest = " · ".join(escape(detail) for detail in details)
        parts = ['<li><a href="', f'"{lang_attribute(paper)}>{code_mark(paper)}{title}</a> · {rest}']
        targets = [addresses.paper_page(paper)]
        if session is not None:
            # "in <a>title</a>": the message's words around the link, in the language's order.
            before, after = _("in %(session)s", session="\0").split("\0")
            parts[-1] += f' · {escape(before)}<a href="'
            targets.append(addresses.session_page(session))
            parts.append(f'"{lang_attribute(session)}>{escape(session.title)}</a>{escape(after)}')
        if session is not None and session.room:
            parts[-1] += f" · {escape(session.room)}"
        parts[-1] += "</li>"
        return tuple(parts), tuple(targets)


def _detail(text: str, said: bool, lead: bool) -> str:
    """` · detail`. What a timetable's place says already is marked to be left out there;
    the separator before the first detail a block shows is marked too, so that on a
    wide screen, where the title stands on a line of its own, the details' line does
    not begin with " · "."""
    if said:
        return f'<span class="podium-tt-said"> · {escape(text)}</span>'
    if lead:
        return f'<span class="podium-tt-lead"> · </span>{escape(text)}'
    return f" · {escape(text)}"


def _struck(title: str, cancelled: bool) -> str:
    """A cancelled item's title struck through; the word "Cancelled" beside it says so to
    everyone who cannot see the line."""
    return f"<s>{title}</s>" if cancelled else title


def _paper_details(paper: Paper, conference: Conference) -> str:
    """` · 10.55 am – 11.25 am · Board 1 · Lijie Fang, Anna Becker` for a paper in a session's
    entry, marked to be left out of a timetable's narrow column, which lists titles only."""
    details = [_("Cancelled")] if paper.cancelled else []
    if paper.own_time:
        details.append(when.time_range(conference, paper))
    if paper.board:
        details.append(_("Board %(board)s", board=paper.board))
    if paper.people:
        details.append(labels.first_authors([a.person.name for a in paper.people]))
    if not details:
        return ""
    return '<span class="podium-paper-details">' + "".join(f" · {escape(detail)}" for detail in details) + "</span>"


def _when(programme: Programme, timed) -> str:
    conference = programme.conference
    if timed.date is None:
        return _("to be announced")
    day = when.day(conference, timed.date)
    time = when.time_range_with_zone(conference, timed)
    return _("%(day)s, %(time)s", day=day, time=time) if time else day


def _joined(entry: _Entry, page: str) -> str:
    parts, targets = entry
    pieces = [parts[0]]
    for target, part in zip(targets, parts[1:], strict=True):
        pieces.append(escape(href(page, target)))
        pieces.append(part)
    return "".join(pieces)


def _list(items: list[str]) -> Markup:
    # Left out of search: a search for a title should find the session's own page
    # once, not every list that names it.
    return Markup('<ul class="podium-sessions" data-search-exclude>\n' + "\n".join(items) + "\n</ul>")
