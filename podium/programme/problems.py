"""Problems found in the data: what is wrong, where, and how to fix it.

Every stage reports into one `Problems` list instead of raising, so that one run
shows the organiser every mistake at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Position:
    """A place in a data file; line and column count from 1."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path


@dataclass(frozen=True, order=True)
class Problem:
    position: Position
    severity: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.position}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def as_annotation(self) -> str:
        """The GitHub Actions workflow command that marks this problem on its line."""
        # Workflow commands end at a newline, and a property at a comma or colon: each is
        # escaped as GitHub documents, so that a file's name cannot end the command and
        # start another (`::stop-commands::`, a forged annotation).
        props = f"file={_escape_property(self.position.path)}"
        if self.position.line:
            props += f",line={self.position.line},col={self.position.column}"
        text = f"{self.message} ({self.hint})" if self.hint else self.message
        return f"::{self.severity} {props}::{_escape_data(text)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Problems:
    """An ordered collection of problems, filled by every stage of a check."""

    items: list[Problem] = field(default_factory=list)
    # Files that could not be read at all (a YAML syntax error, not UTF-8): their problems
    # come first in the report, since what follows may only be their consequence.
    unreadable: set[str] = field(default_factory=set)
    # Items whose own file already has an error that stops them, by folder ("papers",
    # "people", "streams"; "*" for all of a kind when its one file is unreadable):
    # references to them are not reported again, so the organiser sees the cause only.
    at_fault: dict[str, set[str]] = field(default_factory=dict)

    def error(self, position: Position, message: str, hint: str = "") -> None:
        self.items.append(Problem(position, ERROR, message, hint))

    def warning(self, position: Position, message: str, hint: str = "") -> None:
        self.items.append(Problem(position, WARNING, message, hint))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    def mark_at_fault(self, kind: str, id_: str) -> None:
        self.at_fault.setdefault(kind, set()).add(id_)

    def is_at_fault(self, kind: str, id_: str) -> bool:
        faulty = self.at_fault.get(kind, ())
        return id_ in faulty or "*" in faulty

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        """Problems in file order, so the report reads top to bottom; the files that could
        not be read first, since other problems may follow from them."""
        return sorted(set(self.items), key=lambda problem: (problem.position.path not in self.unreadable, problem))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)
