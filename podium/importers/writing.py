"""Writing an import into data/: only what changed, never over a hand edit, all or nothing.

What the last import wrote is kept in `data/.podium-import.json`: the id given to each
source item (so file names stay put) and a digest of each file as written (so a file
edited by hand since is recognised, and kept unless `--force`). The new data folder
is made beside the old one and swapped in with two renames: an import that fails or
is interrupted leaves data/ as it was (stopped between the renames, the next import
puts the old folder back first).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import upstream

STATE_FILE = ".podium-import.json"


@dataclass
class Plan:
    """What an import would do to data/, file by file."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)  # edited by hand since the last import: not overwritten
    kept_removed: list[str] = field(default_factory=list)  # gone from the source, but edited by hand: not removed
    # Of the files kept: the fields the source changed since the last import, by file.
    upstream: dict[str, list[upstream.FieldChange]] = field(default_factory=dict)
    # Of the files kept: those no import wrote (hand-written), whose source changes are unknown.
    hand_written: list[str] = field(default_factory=list)

    @property
    def writes(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed)


# What the state file may name: the files an import writes, by the ids it gives. The file
# is committed with the data, so anyone who can edit data/ can edit it: a remembered id
# such as `../../outside/x`, or a path outside data/, must never become a file written or
# removed. Whatever does not fit is left out, as if no import had written it, so the file
# it names is kept as hand-written.
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")
_WRITTEN_PATH = re.compile(r"((conference|streams|rooms)|(sessions|papers|people)/[a-z0-9]+(-[a-z0-9]+)*)\.yml\Z")
_DIGEST = re.compile(r"[0-9a-f]{64}\Z")
_FIELD_DIGEST = re.compile(r"[0-9a-f]{16}\Z")
_KINDS = ("streams", "sessions", "papers", "people", "rooms")


def recover(data: Path) -> bool:
    """Put data/ back where an import was stopped between its two renames (data/ gone,
    the folder as it was in data.import-old); whether it had to."""
    old = data.with_name(data.name + ".import-old")
    if data.exists() or not old.is_dir():
        return False
    old.rename(data)
    return True


def load_state(data: Path) -> dict:
    """The last import's state, with only the ids that are ids and the paths an import writes."""
    try:
        state = json.loads((data / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        state = {}
    if not isinstance(state, dict):
        state = {}
    ids, files, fields = state.get("ids"), state.get("files"), state.get("fields")
    ids, files, fields = (value if isinstance(value, dict) else {} for value in (ids, files, fields))
    return {
        "source": state.get("source") if isinstance(state.get("source"), str) else "",
        "ids": {
            kind: {key: id_ for key, id_ in given.items() if isinstance(key, str) and isinstance(id_, str) and _ID.match(id_)}
            for kind, given in ids.items()
            if kind in _KINDS and isinstance(given, dict)
        },
        "files": {
            path: digest
            for path, digest in files.items()
            if isinstance(path, str) and _WRITTEN_PATH.match(path) and isinstance(digest, str) and _DIGEST.match(digest)
        },
        "fields": {
            path: {
                key: digest
                for key, digest in digests.items()
                if isinstance(key, str) and isinstance(digest, str) and _FIELD_DIGEST.match(digest)
            }
            for path, digests in fields.items()
            if isinstance(path, str) and _WRITTEN_PATH.match(path) and isinstance(digests, dict)
        },
    }


def plan(data: Path, files: dict[str, str], state: dict, force: bool = False, take: frozenset[str] = frozenset()) -> Plan:
    """Compare the files an import makes with what data/ holds and what the last import wrote.

    `force` overwrites every file edited by hand; `take`, the files it names (paths in data/).
    """
    written = state.get("files", {})
    result = Plan()
    for path, text in sorted(files.items()):
        target = data / path
        if not target.is_file():
            result.added.append(path)
            continue
        current = target.read_bytes()
        if current == text.encode("utf-8"):
            result.unchanged.append(path)
        elif force or path in take or written.get(path) == _digest(current):
            result.changed.append(path)
        else:
            result.kept_edited.append(path)  # hand-written, or edited since the last import
            last = state.get("fields", {}).get(path)
            if last is None:
                result.hand_written.append(path)
            elif changed := upstream.changes(last, current.decode("utf-8", "replace"), text):
                result.upstream[path] = changed
    for path in sorted(set(written) - set(files)):
        target = data / path
        if not target.is_file():
            continue
        if force or written[path] == _digest(target.read_bytes()):
            result.removed.append(path)
        else:
            result.kept_removed.append(path)
    return result


def new_state(files: dict[str, str], the_plan: Plan, ids: dict, source: str, old_state: dict) -> dict:
    """What the state file says after this import."""
    written, written_fields = old_state.get("files", {}), old_state.get("fields", {})
    digests, fields = {}, {}
    for path in sorted(files):
        if path in the_plan.kept_edited:
            # Still the last import's digests (or none, for a hand-written file), so the
            # file stays recognised as edited by hand, and the source's changes as changes.
            if path in written:
                digests[path] = written[path]
            if path in written_fields:
                fields[path] = written_fields[path]
        else:
            digests[path] = _digest(files[path].encode("utf-8"))
            fields[path] = upstream.field_digests(files[path])
    for path in the_plan.kept_removed:
        digests[path] = written[path]
        if path in written_fields:
            fields[path] = written_fields[path]
    return {"source": source, "ids": ids, "files": digests, "fields": fields}


def apply(data: Path, files: dict[str, str], the_plan: Plan, state: dict) -> bool:
    """Carry out `the_plan`; False when there was nothing to write (not even the state).

    data/ is replaced whole, so no reader ever sees half an import.
    """
    state_text = json.dumps(state, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    state_file = data / STATE_FILE
    if the_plan.writes == 0 and state_file.is_file() and state_file.read_text(encoding="utf-8") == state_text:
        return False
    new = data.with_name(data.name + ".import-new")
    old = data.with_name(data.name + ".import-old")
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    if data.is_dir():
        shutil.copytree(data, new, symlinks=True)
    else:
        new.mkdir(parents=True)
    for path in the_plan.added + the_plan.changed:
        target = new / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(files[path], encoding="utf-8")
    for path in the_plan.removed:
        (new / path).unlink()
        _remove_empty_folders((new / path).parent, new)
    (new / STATE_FILE).write_text(state_text, encoding="utf-8")
    if data.is_dir():
        data.rename(old)
    new.rename(data)
    shutil.rmtree(old, ignore_errors=True)
    return True


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _remove_empty_folders(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
