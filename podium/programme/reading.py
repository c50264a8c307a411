"""Reading data files: YAML with positions, checked against their schema.

Each file is read and checked on its own; what is wrong in it is reported and taken
out, so that the checks of meaning still run on the rest and one run reports every
problem. `serve` keeps checked files between saves (`DocumentCache`); a large
folder may be read in several processes at once (`ShareOut`, given by the caller).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from . import schema
from .load import Document, load_bytes
from .problems import Position, Problem, Problems

T = TypeVar("T")
R = TypeVar("R")
# How to run `work` over a list: `share_out(items, work)` returns work's results in
# the items' order, however it divides them (the engine may fork processes).
ShareOut = Callable[[list[T], Callable[[list[T]], list[R]]], list[R]]


def in_this_process(items: list[T], work: Callable[[list[T]], list[R]]) -> list[R]:
    return work(items)


class DocumentCache:
    """Files already read and checked against their schema, for `serve` to reuse.

    Reading and schema-checking is most of a check; between two saves only one file
    has usually changed. An entry is reused only when the file's bytes are the same
    as last time, and its problems are reported again each time.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], tuple[bytes, Document | None, list[Problem]]] = {}

    def get(self, shown: str, schema_name: str, raw: bytes) -> tuple[Document | None, list[Problem]] | None:
        entry = self._entries.get((shown, schema_name))
        if entry is None or entry[0] != raw:
            return None
        return entry[1], entry[2]

    def put(self, shown: str, schema_name: str, raw: bytes, document: Document | None, found: list[Problem]) -> None:
        self._entries[(shown, schema_name)] = (raw, document, found)


class Reader:
    """Reads the files of one project's data/ folder, reporting into `problems`."""

    def __init__(
        self,
        root: Path,
        problems: Problems,
        cache: DocumentCache | None = None,
        share_out: ShareOut = in_this_process,
    ) -> None:
        self.root = root
        self.problems = problems
        self.cache = cache
        self.share_out = share_out

    def document(self, file: Path, schema_name: str) -> Document | None:
        """A file read and checked against its schema, with the values at fault taken out.

        None when the file could not be read, or is not even the right kind of container.
        """
        document, found = self._read_and_check(file, schema_name)
        self.problems.items.extend(found)
        if document is None:
            self.problems.unreadable.add(file.relative_to(self.root).as_posix())
        return document

    def folder(self, name: str, schema_name: str) -> list[tuple[str, Document]]:
        """The documents of `data/<name>/` and its subfolders, each with its id (the file's stem).

        Organisers may sort files into subfolders (`sessions/day-2/`); an id is still
        the file's stem, so it must be unique across them.
        """
        folder = self.root / "data" / name
        if not folder.is_dir():
            return []
        named: list[tuple[str, Path]] = []
        seen: dict[str, str] = {}
        for file in _files_below(folder):
            shown = file.relative_to(self.root).as_posix()
            if file.suffix == ".yaml":
                self.problems.error(Position(shown), "data files end in .yml", f"rename it to {file.stem}.yml")
                continue
            if file.suffix != ".yml":
                self.problems.warning(Position(shown), "not read: only .yml files are", f"remove it from data/{name}/")
                continue
            id_ = file.stem
            if len(id_) > schema.ID_MAX_LENGTH:
                self.problems.error(
                    Position(shown),
                    f"the file name '{id_[:20]}…' is {len(id_)} characters long, more than the"
                    f" {schema.ID_MAX_LENGTH} an id may have",
                    "shorten it: the id is part of the page's address and of the site's file names",
                )
                continue
            if not is_id(id_):
                self.problems.error(
                    Position(shown),
                    f"the file name '{id_}' is not a valid id",
                    "use lower-case letters, digits and single hyphens, e.g. lijie-fang.yml",
                )
                continue
            folded = id_.casefold()
            if folded in seen:
                self.problems.error(
                    Position(shown), f"id '{id_}' is used twice (also {seen[folded]})", "an id is the file's name: rename one"
                )
                continue
            seen[folded] = shown
            named.append((id_, file))
        documents = self._documents([file for _, file in named], schema_name)
        for (id_, file), document in zip(named, documents, strict=True):
            if document is None:
                self.problems.unreadable.add(file.relative_to(self.root).as_posix())
                self.problems.mark_at_fault(name, id_)
        return [(id_, document) for (id_, _), document in zip(named, documents, strict=True) if document is not None]

    def report_unknown_entries(self, known_files: set[str], known_folders: set[str]) -> None:
        """What data/ holds that Podium does not read: nothing there may vanish without a word.

        A folder or YAML file of another name would hold sessions or people that no page
        shows (an error, with the name meant where one is close); any other file is a
        warning. Hidden files (.gitkeep) are left alone.
        """
        data = self.root / "data"
        for entry in sorted(data.iterdir()):
            if entry.name.startswith(".") or entry.name in known_files | known_folders:
                continue
            shown = entry.relative_to(self.root).as_posix() + ("/" if entry.is_dir() else "")
            candidates = known_folders if entry.is_dir() else known_files
            close = difflib.get_close_matches(entry.name, sorted(candidates), n=1, cutoff=0.6)
            meant = _OTHER_NAMES.get(entry.name.split(".")[0].casefold())
            if meant:
                hint = f"in Podium these are data/{meant}"
            else:
                hint = f"did you mean data/{close[0]}{'/' if entry.is_dir() else ''}?" if close else ""
            if entry.is_dir() or entry.suffix in (".yml", ".yaml"):
                expected = "folders: " + ", ".join(sorted(known_folders)) + "; files: " + ", ".join(sorted(known_files))
                self.problems.error(Position(shown), f"Podium does not read {shown}", hint or f"data/ holds {expected}")
            else:
                self.problems.warning(Position(shown), f"not read: {shown} is not part of the programme", hint)

    def _documents(self, files: list[Path], schema_name: str) -> list[Document | None]:
        """`document` of each file, in order; the caller's `share_out` may divide the work."""
        share_out = self.share_out if self.cache is None else in_this_process
        outcomes = share_out(files, lambda share: [self._read_and_check(f, schema_name) for f in share])
        for _, found in outcomes:
            self.problems.items.extend(found)
        return [document for document, _ in outcomes]

    def _read_and_check(self, file: Path, schema_name: str) -> tuple[Document | None, list[Problem]]:
        """`document`'s result and the problems found, from the cache when the file is unchanged."""
        shown = file.relative_to(self.root).as_posix()
        if leads_outside(file, self.root):
            outside = Problems()
            outside.error(
                Position(shown),
                "a symbolic link to a file outside the project: Podium reads only files inside it",
                "put the file itself in data/",
            )
            return None, outside.items
        try:
            raw = file.read_bytes()
        except OSError as error:
            unreadable = Problems()
            unreadable.error(Position(shown), f"cannot read file: {error.strerror}")
            return None, unreadable.items
        cached = self.cache.get(shown, schema_name, raw) if self.cache else None
        if cached is None:
            found = Problems()
            cached = _checked_document(raw, shown, schema_name, found), found.items
            if self.cache:
                self.cache.put(shown, schema_name, raw, *cached)
        return cached


def leads_outside(path: Path, root: Path) -> bool:
    """Whether `path`, a file in the project at `root`, is really elsewhere: a symbolic link
    (of the file or a folder on its way) to something outside the project. A data file or
    page that leads there could publish what is not the project's (`docs/x -> ../.git/config`)."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return True  # a broken or looping link: nothing of the project's
    real_root = root.resolve()
    return real != real_root and real_root not in real.parents


# The files that are lists (of streams, of rooms), not mappings.
LIST_FILES = {"streams", "rooms"}

# What other systems call the parts of a programme, and where Podium keeps them.
_OTHER_NAMES = {
    "speakers": "people/<id>.yml", "persons": "people/<id>.yml", "authors": "people/<id>.yml",
    "presenters": "people/<id>.yml", "talks": "sessions/<id>.yml", "events": "sessions/<id>.yml",
    "schedule": "sessions/<id>.yml", "programme": "sessions/<id>.yml", "program": "sessions/<id>.yml",
    "contributions": "papers/<id>.yml", "abstracts": "papers/<id>.yml", "submissions": "papers/<id>.yml",
    "tracks": "streams.yml", "event": "conference.yml", "config": "conference.yml",
    "venues": "rooms.yml", "locations": "rooms.yml", "halls": "rooms.yml",
}  # fmt: skip


def _files_below(folder: Path) -> list[Path]:
    """Every file below `folder`, subfolders included, in a fixed order; hidden ones left out."""
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if path.is_file() and not any(part.startswith(".") for part in relative):
            files.append(path)
    return files


def _checked_document(raw: bytes, shown: str, schema_name: str, problems: Problems) -> Document | None:
    document = load_bytes(raw, shown, problems)
    if document is None:
        return None
    for path in schema.check(document, schema_name, problems):
        if not path:
            if not isinstance(document.data, (dict, list)):
                return None
            if isinstance(document.data, list) != (schema_name in LIST_FILES):
                return None
            continue
        _take_out(document.data, path)
    return document


# The fields every item of streams.yml and rooms.yml needs; a fault in another field of
# an item takes out that field only, so that the stream or room is still known.
_ITEM_IDENTITY = {"id", "name"}


def _take_out(data: dict | list, path: tuple) -> None:
    """Remove the value at fault: the list item that holds it, or else its top-level field
    (a top-level list's item keeps its place with only the faulty field taken out, unless
    that field is its id or name)."""
    first_index = next((i for i, part in enumerate(path) if isinstance(part, int)), None)
    cut = path[: first_index + 1] if first_index is not None else path[:1]
    if first_index == 0 and isinstance(data, list) and len(path) > 1 and path[1] not in _ITEM_IDENTITY:
        cut = path[:2]
    parent = value_at(data, cut[:-1]) if len(cut) > 1 else data
    if isinstance(parent, list) and isinstance(cut[-1], int) and cut[-1] < len(parent):
        parent[cut[-1]] = None  # keep the other items' indexes, which positions use
    elif isinstance(parent, dict):
        parent.pop(cut[-1], None)


def value_at(data: Any, at: tuple) -> Any:
    """The value at a path of keys and indexes, or None where the path leads nowhere."""
    for part in at:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def is_id(text: str) -> bool:
    return bool(schema.ID_PATTERN.fullmatch(text))
