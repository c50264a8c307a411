"""The mapping file of a spreadsheet import: which column holds what (schemas/import-mapping.schema.json).

Read like every data file, so its mistakes are reported the same way, each with its
line: YAML as Podium reads it, checked against its published schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..programme import schema
from ..programme.load import load_bytes
from ..programme.problems import Problems
from .imported import SourceError


@dataclass(frozen=True)
class Mapping:
    columns: dict
    conference: dict = field(default_factory=dict)
    sheet: str | None = None
    header_rows: int = 1
    header_row: int | None = None
    date_format: str | None = None
    people_separator: str | None = None


def load_mapping(path: Path) -> Mapping:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot read the mapping: {error.strerror}") from None
    problems = Problems()
    document = load_bytes(raw, str(path), problems)
    if document is not None:
        schema.check(document, "import-mapping", problems)
    if problems.errors or document is None:
        raise SourceError("the mapping has mistakes:\n" + "\n".join(str(p) for p in problems.sorted()))
    data = document.data
    conference = data.get("conference") or {}
    if "name" not in conference:
        raise SourceError(f"{path}: the mapping's conference needs a name (a spreadsheet does not say it)")
    return Mapping(
        columns=data["columns"],
        conference=conference,
        sheet=data.get("sheet"),
        header_rows=int(data.get("header_rows", 1)),
        header_row=int(data["header_row"]) if "header_row" in data else None,
        date_format=data.get("date_format"),
        people_separator=data.get("people_separator"),
    )
