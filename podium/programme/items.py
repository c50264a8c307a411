"""What session and paper files share: references to streams and people, roles, links, languages."""

from __future__ import annotations

import difflib

import babel

from .load import Document
from .model import Appearance, Link, Person, Stream
from .problems import Problems
from .reading import value_at

# The folder or file of each kind of item a session or paper refers to.
_FOLDERS = {"stream": "streams", "person": "people"}


class ItemReader:
    """Reads the fields that sessions and papers have in common, reporting into `problems`."""

    def __init__(self, problems: Problems, streams: dict[str, Stream], people: dict[str, Person]) -> None:
        self.problems = problems
        self.streams = streams
        self.people = people

    def stream(self, document: Document) -> Stream | None:
        return self.reference(document, ("stream",), self.streams, "stream", "data/streams.yml")

    def appearances(self, document: Document) -> tuple[Appearance, ...]:
        """The file's `people`, each with its role, affiliation (the file's, else the person's) and presence."""
        appearances = []
        for i, entry in enumerate(document.data.get("people", [])):
            if entry is None:
                continue  # at fault, and reported by the schema check
            person = self.reference(document, ("people", i, "person"), self.people, "person", "data/people/")
            if person is not None:
                affiliation = entry.get("affiliation", person.affiliation)
                presenting = entry.get("presenting", True)
                appearances.append(Appearance(person, entry.get("role"), affiliation, presenting))
        return tuple(appearances)

    def links(self, document: Document) -> tuple[Link, ...]:
        return tuple(
            Link(entry["url"], entry.get("kind", "other"), entry.get("label"))
            for entry in document.data.get("links", [])
            if entry is not None
        )

    def language(self, document: Document) -> str | None:
        """The item's own language, when Babel knows it (a tag it cannot read is an error)."""
        tag = document.data.get("language")
        if tag is None:
            return None
        try:
            babel.Locale.parse(tag, sep="-")
        except (ValueError, babel.UnknownLocaleError):
            self.problems.error(
                document.position(("language",)), f"unknown language '{tag}'", "use a BCP 47 tag such as de or zh-Hans"
            )
            return None
        return tag

    def reference(self, document: Document, at: tuple, known: dict, kind: str, where: str):
        """The item a file names at `at`, or None (reported, with the closest id) when unknown."""
        value = value_at(document.data, at)
        if value is None:
            return None
        if value in known:
            return known[value]
        if self.problems.is_at_fault(_FOLDERS[kind], value):
            return None  # its own file's error says why; this would only follow from it
        close = difflib.get_close_matches(value, list(known), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"add it to {where}"
        self.problems.error(document.position(at), f"unknown {kind} '{value}'", hint)
        return None
