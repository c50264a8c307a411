"""What the source changed in a file that was edited here since the last import.

An import never overwrites a hand edit (unless told to). But a title the source changed
since must not be dropped without a word: the state keeps a digest of each top-level
field as the last import wrote it, so a re-import can name the fields the source changed,
with the value the file holds and the source's new one, and say which of them were
edited here too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import yaml

# libyaml's loader where PyYAML has it: a re-import reads every file it writes, and the
# pure-Python one took longer than the rest of a 1,000-event import. Both read the same.
_TEXT_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str  # as the file holds it now
    new: str  # as the source has it now
    edited_here: bool  # the file's value is not the last import's either


def field_digests(text: str) -> dict[str, str]:
    """A digest of each top-level field of a file an import writes."""
    return {key: _digest(value) for key, value in _fields(text).items()}


def changes(last: dict[str, str], current_text: str, new_text: str) -> list[FieldChange]:
    """The fields whose value the source changed since the last import wrote `last`."""
    current, new = _fields(current_text), _fields(new_text)
    found = []
    for key in sorted(set(new) | set(last)):
        if _digest(new.get(key)) == last.get(key, _digest(None)):
            continue
        edited_here = _digest(current.get(key)) != last.get(key, _digest(None))
        found.append(FieldChange(key, shown(current.get(key)), shown(new.get(key)), edited_here))
    return found


def shown(value) -> str:
    """A value on one line, as short as a message allows."""
    if value is None:
        return "(none)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _fields(text: str) -> dict:
    """The file's top-level fields as text (a file edited into something else: none)."""
    try:
        value = yaml.load(text, Loader=_TEXT_LOADER)  # every scalar as written: 10:55 stays "10:55"
    except yaml.YAMLError:
        return {}
    return value if isinstance(value, dict) else {}


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
