"""Sessions: read from data/sessions/, each with its kind, times, roles and papers in order.

A paper is listed by exactly one session: an unknown id, or a paper listed twice,
is an error; a paper listed by none is a warning (it is shown as not yet scheduled).
"""

from __future__ import annotations

import dataclasses
import difflib

from .items import ItemReader
from .load import Document
from .model import Conference, Paper, Session
from .papers import PaperFile, place
from .problems import Problems
from .times import check_session_times, read_date, read_span


class SessionReader:
    """Reads every session file, placing the papers each lists; remembers who listed which paper."""

    def __init__(self, items: ItemReader, conference: Conference | None, papers: dict[str, PaperFile]) -> None:
        self.items = items
        self.problems: Problems = items.problems
        self.conference = conference
        self.papers = papers
        self.listed_by: dict[str, str] = {}  # paper id → the file of the session that lists it
        self.documents: dict[str, Document] = {}  # session id → its file

    def session(self, id_: str, document: Document) -> Session | None:
        self.documents[id_] = document
        data = document.data
        before = len(self.problems.errors)
        stream = self.items.stream(document)
        people = self.items.appearances(document)
        links = self.items.links(document)
        language = self.items.language(document)
        date = read_date(document, ("date",), self.problems)
        span = read_span(document, self.problems)
        check_session_times(document, date, span, self.conference, self.problems)
        paper_files = self._listed_papers(document)
        kind = data.get("kind") or ("paper-session" if data.get("papers") else "talk")
        if kind == "break" and paper_files:
            self.problems.error(document.position(("papers",)), "a break has no papers", "give the session another kind")
        if len(self.problems.errors) > before:
            self.problems.mark_at_fault("sessions", id_)
            return None
        session = Session(
            id=id_,
            title=data.get("title", ""),
            kind=kind,
            stream=stream,
            date=date,
            start=span.start,
            end=span.end,
            ends_next_day=span.ends_next_day,
            room=data.get("room"),
            abstract=data.get("abstract"),
            description=data.get("description"),
            people=people,
            subtitle=data.get("subtitle"),
            language=language,
            links=links,
            guid=data.get("guid", "").lower() or None,
            source_id=data.get("source_id"),
            recording=data.get("recording", True),
            cancelled=data.get("status") == "cancelled",
            shares_room_with=tuple(other for other in data.get("shares_room_with", []) if other),
            code=data.get("code"),
        )
        zone = self.conference.zone if self.conference else None
        before = len(self.problems.errors)
        papers = place(session, paper_files, zone, self.problems)
        if len(self.problems.errors) > before:
            self.problems.mark_at_fault("sessions", id_)
            return None
        return dataclasses.replace(session, papers=papers)

    def unlisted_papers(self, unread_sessions: str = "") -> list[Paper]:
        """The papers no session lists, each reported once as not yet scheduled; not those
        named in `unread_sessions`, the text of session files that could not be read."""
        unlisted = []
        for id_, file in self.papers.items():
            if id_ not in self.listed_by and id_ not in unread_sessions:
                self.problems.warning(
                    file.document.position(("title",)),
                    "no session lists this paper: it is shown as not yet scheduled",
                    f"add {id_} to the papers of its session",
                )
                unlisted.append(file.paper)
        return unlisted

    def _listed_papers(self, document: Document) -> list[PaperFile]:
        """The papers the session lists, in order; unknown ids and papers listed elsewhere reported."""
        files = []
        seen: set[str] = set()
        for i, paper_id in enumerate(document.data.get("papers", [])):
            if paper_id is None:
                continue  # at fault, and reported by the schema check
            at = document.position(("papers", i))
            if paper_id in seen:
                self.problems.error(at, f"papers lists '{paper_id}' twice")
                continue
            seen.add(paper_id)
            if paper_id not in self.papers:
                if self.problems.is_at_fault("papers", paper_id):
                    continue  # the paper's own file has the error
                close = difflib.get_close_matches(paper_id, list(self.papers), n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"add data/papers/{paper_id}.yml"
                self.problems.error(at, f"unknown paper '{paper_id}'", hint)
                continue
            if paper_id in self.listed_by:
                self.problems.error(
                    at,
                    f"paper '{paper_id}' is already listed by {self.listed_by[paper_id]}",
                    "a paper is presented in one session: remove it from one of them",
                )
                continue
            self.listed_by[paper_id] = document.path
            files.append(self.papers[paper_id])
        return files
