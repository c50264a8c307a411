"""An imported programme as the files of data/: ids given, references resolved, YAML written.

Every file starts with the line that names its schema for editors, as hand-written
ones do. Text with line breaks is written as a literal block (`abstract: |`), so that
an organiser reading the file sees the text as it is.
"""

from __future__ import annotations

import yaml

from .ids import IdMaker
from .imported import Imported, Ref

KINDS = ("streams", "sessions", "papers", "people", "rooms")
_SCHEMAS = {"sessions": "session", "papers": "paper", "people": "person"}


def render(imported: Imported, known_ids: dict[str, dict[str, str]]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """({path under data/: text}, {kind: {source key: id}}) for `imported`.

    `known_ids` are the ids earlier imports gave, so that an item keeps its file name
    (and its page its address) from one import to the next.
    """
    makers = {kind: IdMaker(known_ids.get(kind)) for kind in KINDS}
    fallbacks = {"streams": "stream", "sessions": "session", "papers": "paper", "people": "person", "rooms": "room"}
    ids = {
        kind: {item.key: makers[kind].id_for(item.key, item.name, fallbacks[kind]) for item in getattr(imported, kind)}
        for kind in KINDS
    }
    files = {"conference.yml": _document("../schemas/conference.schema.json", imported.conference)}
    if imported.streams:
        streams = [{"id": ids["streams"][item.key], **_resolved(item.fields, ids)} for item in imported.streams]
        files["streams.yml"] = _document("../schemas/streams.schema.json", streams)
    if imported.rooms:
        rooms = [{"id": ids["rooms"][item.key], **item.fields} for item in imported.rooms]
        files["rooms.yml"] = _document("../schemas/rooms.schema.json", rooms)
    for kind in ("sessions", "papers", "people"):
        for item in getattr(imported, kind):
            path = f"{kind}/{ids[kind][item.key]}.yml"
            files[path] = _document(f"../../schemas/{_SCHEMAS[kind]}.schema.json", _resolved(item.fields, ids))
    return files, {kind: dict(makers[kind].given) for kind in KINDS}


def _resolved(value, ids: dict[str, dict[str, str]]):
    """`value` with every Ref replaced by the id of what it names."""
    if isinstance(value, Ref):
        return ids[value.kind][value.key]
    if isinstance(value, dict):
        return {key: _resolved(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolved(item, ids) for item in value]
    return value


def _document(schema: str, value) -> str:
    body = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return f"# yaml-language-server: $schema={schema}\n{body}"


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]  # a base known at run time only
    """PyYAML's safe dumper (libyaml's emitter where there is one: ten times faster on a
    thousand files), with text over several lines as literal blocks."""


def _text(dumper, text: str) -> yaml.ScalarNode:
    # A literal block cannot hold trailing spaces or some control characters; PyYAML
    # falls back to a quoted scalar for those by itself.
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)
