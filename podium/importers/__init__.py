"""Bringing a programme in from where organisers keep it: `build.py import SOURCE`.

- `c3voc.py`: c3voc `schedule.json` (pretalx, frab, the c3voc tools; classic and schedule2);
- `frab_xml.py`: frab `schedule.xml`;
- `indico.py`: Indico's event export (`/export/event/<id>.json?detail=sessions`);
- `spreadsheet.py`, `mapping.py`: CSV and XLSX, one row per talk or paper, with a mapping file;
- `imported.py`: what every reader makes; `ids.py`: file names; `files.py`: the YAML files;
- `writing.py`: what changed, hand edits kept, data/ replaced all or nothing.

A source is recognised by its content, not its name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import c3voc, files, writing
from .imported import Imported, SourceError, mark_shared_rooms

__all__ = ["Imported", "Outcome", "SourceError", "import_programme", "read_source"]


@dataclass
class Outcome:
    plan: writing.Plan
    wrote: bool


def read_source(path: Path, timezone: str | None = None, mapping: Path | None = None) -> Imported:
    """The programme in `path`, whatever system wrote it; SourceError when it cannot be read."""
    imported = _read(path, timezone, mapping)
    shared = mark_shared_rooms(imported.sessions)
    if shared:
        imported.notes.append(
            f"{shared} sessions share a room at the same time, as the source published them: each says so"
            " (shares_room_with), and check warns of them instead of refusing them"
        )
    return imported


def _read(path: Path, timezone: str | None, mapping: Path | None) -> Imported:
    """What the reader of the source's format makes of it."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot read it: {error.strerror}") from None
    if raw.startswith(b"PK\x03\x04") or path.suffix.lower() in (".csv", ".tsv") or mapping is not None:
        from . import spreadsheet  # openpyxl, for spreadsheets only

        return spreadsheet.read(path, raw, mapping, timezone)
    text = _text(raw, path)
    stripped = text.lstrip()
    if stripped.startswith("<"):
        from . import frab_xml

        return frab_xml.read(raw, timezone)
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise SourceError(f"{path.name}: line {error.lineno}, column {error.colno}: not valid JSON: {error.msg}") from None
        except RecursionError:
            raise SourceError(f"{path.name}: its values are nested too deep to be a programme") from None
        if c3voc.is_c3voc(data):
            return c3voc.read(data, timezone)
        from . import indico

        if indico.is_indico(data):
            return indico.read(data, timezone)
        raise SourceError(
            f"{path.name}: JSON, but not a format Podium imports: a c3voc schedule.json (pretalx, frab) or an Indico event export"
        )
    raise SourceError(
        f"{path.name}: not a format Podium imports: c3voc schedule.json, frab schedule.xml, an Indico event"
        " export, or a spreadsheet (CSV, XLSX) with --mapping"
    )


def import_programme(
    data: Path, imported: Imported, dry_run: bool = False, force: bool = False, take: frozenset[str] = frozenset()
) -> Outcome:
    """Write `imported` into the data folder `data`; with `dry_run`, only say what would change;
    `force` overwrites every file edited by hand, `take` those it names (paths in data/)."""
    writing.recover(data)
    state = writing.load_state(data)
    made, ids = files.render(imported, state.get("ids", {}))
    plan = writing.plan(data, made, state, force, take)
    if dry_run:
        return Outcome(plan, False)
    new_state = writing.new_state(made, plan, ids, imported.source, state)
    return Outcome(plan, writing.apply(data, made, plan, new_state))


def _text(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"{path.name}: byte {error.start}: not UTF-8 text") from None
