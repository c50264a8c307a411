"""Read the YAML files of a programme into plain values that remember their positions.

PyYAML's own loaders follow YAML 1.1, which reads `start: 10:55` as the integer 655,
`country: NO` as False and `date: 2019-09-10` as a date object, silently. Podium only
composes the node tree with PyYAML and builds the values itself, so that:

- a plain scalar is text unless it is `true`/`false` (a boolean) or `~`/`null`/empty
  (nothing); numbers, times, dates and country codes all stay exactly as written;
- every value and every key keeps its line and column, for messages;
- duplicate keys, unknown tags and alias bombs are reported instead of acted on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, cast

import yaml

from .problems import Position, Problems

_FAST = getattr(yaml, "__with_libyaml__", False)

# Beyond this many values one file is an alias bomb ("billion laughs"), not a programme.
MAX_VALUES_PER_FILE = 100_000
# Beyond this depth of lists in mappings in lists, a file is an attack or an accident.
MAX_DEPTH = 50
_DEEP_INDENT = re.compile(r"^ {" + str(MAX_DEPTH) + r",}\S", re.M)

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Resolver(yaml.resolver.BaseResolver):
    """Implicit types limited to booleans and nulls (YAML 1.2 core spelling)."""


_Resolver.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Resolver.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


# PyYAML's type stubs know neither libyaml's parser as a base nor these loaders as
# loaders: the ignores below say only that.
class _FastComposingLoader(yaml.cyaml.CParser, _Resolver):  # type: ignore[name-defined]
    """The same, parsed by libyaml in C: ten times faster on thousands of files."""

    def __init__(self, stream: str) -> None:
        yaml.cyaml.CParser.__init__(self, stream)  # type: ignore[attr-defined]
        _Resolver.__init__(self)


class _ComposingLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver,
):
    """Parses and composes only: no constructor, so no tag can run code."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)


@dataclass
class Document:
    """One data file: its values and where each value and key was written."""

    path: str  # relative to the project root, with forward slashes
    data: Any
    # (line, column) from 1, by the path of the value in `data`; a Position is made
    # only for a message. Plain tuples are quick to make, small, and quick to send
    # between processes (a large folder is read in several: reading.py).
    value_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def position(self, at: tuple = ()) -> Position:
        """Where the value at `at` was written, or its nearest written parent."""
        while at not in self.value_positions and at:
            at = at[:-1]
        return Position(self.path, *self.value_positions.get(at, (0, 0)))

    def key_position(self, at: tuple) -> Position:
        """Where the key that names the value at `at` was written."""
        where = self.key_positions.get(at)
        return Position(self.path, *where) if where else self.position(at)


def load_bytes(raw: bytes, shown_as: str, problems: Problems) -> Document | None:
    text = _decode(raw, shown_as, problems)
    if text is None:
        return None
    before = len(problems)
    too_deep = _too_deep(text)
    if too_deep is not None:
        problems.error(
            Position(shown_as, too_deep.line + 1, too_deep.column + 1),
            f"the values are nested more than {MAX_DEPTH} deep",
            "a programme's files nest a few levels: look for a stray [ or { or a runaway indentation",
        )
        return None
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as error:
        problems.error(*_syntax_problem(shown_as, error))
        return None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        problems.error(
            Position(shown_as, line, column),
            f"character U+{error.character:04X} is not allowed in YAML",
            "remove it; it may have come with pasted text",
        )
        return None
    if root is None:
        problems.error(Position(shown_as, 1, 1), "the file is empty")
        return None
    document = Document(shown_as, None)
    builder = _ValueBuilder(document, problems, text.split("\n"))
    data = builder.build(root, ())
    if len(problems) - builder.recovered > before:
        return None
    document.data = data
    return document


def _too_deep(text: str) -> Any:  # a mark (PyYAML's or libyaml's) with line and column, or None
    """Where `text` nests lists and mappings more than MAX_DEPTH deep, or None.

    Composing and building are recursive: 500 levels raise RecursionError, and 200,000
    overflow libyaml's C stack (a segfault). YAML's events come without recursion, so
    they are counted first; only a file with many brackets or deep indentation, which
    no programme has, pays for it.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH and not _DEEP_INDENT.search(text):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FastComposingLoader if _FAST else _ComposingLoader):  # type: ignore[arg-type]
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # a syntax error: composing reports it
    return None


def _compose(text: str) -> yaml.Node | None:
    """The node tree of `text`, by libyaml when it is there.

    On a syntax error the pure-Python parser reads the text again: its messages are
    clearer than libyaml's and say where an unfinished construct began.
    """
    if _FAST:
        try:
            return yaml.compose(text, Loader=_FastComposingLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_ComposingLoader)  # type: ignore[arg-type]


def _decode(raw: bytes, shown_as: str, problems: Problems) -> str | None:
    """UTF-8 text with any byte-order mark removed and line ends made LF."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problems.error(
            Position(shown_as, line, column),
            f"not UTF-8 text: byte 0x{raw[error.start]:02x} at byte offset {error.start}",
            "save the file as UTF-8",
        )
        return None
    return text.replace("\r\n", "\n")


def _is_plain(node: yaml.Node) -> bool:
    """Written without quotes (libyaml says '' where PyYAML says None)."""
    return not getattr(node, "style", None)


def _position(path: str, mark: Any) -> Position:
    return Position(path, *_line_and_column(mark))


def _line_and_column(mark: Any) -> tuple[int, int]:
    """From 1; (0, 0) where PyYAML gives no mark (a Position of the whole file)."""
    if mark is None:
        return (0, 0)
    return (mark.line + 1, mark.column + 1)


def _syntax_problem(path: str, error: yaml.MarkedYAMLError) -> tuple[Position, str, str]:
    """PyYAML's own words, at the place it stopped, with where the construct began."""
    mark = error.problem_mark or error.context_mark
    words = [part for part in (error.context, error.problem) if part]
    message = "YAML syntax: " + (", ".join(words) or "not valid YAML")
    hint = _syntax_hint(error.problem or "")
    began = error.context_mark
    if (
        (error.context or "").startswith("while")
        and began is not None
        and mark is not None
        and (began.line, began.column) != (mark.line, mark.column)
    ):
        where = f"it begins at line {began.line + 1}, column {began.column + 1}"
        hint = f"{hint}; {where}" if hint else where
    return _position(path, mark), message, hint


def _syntax_hint(problem: str) -> str:
    if "'\\t'" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return 'a value with ": " in it must be quoted'
    if "found another document" in problem:
        return "a data file holds one document: remove the '---' line"
    return ""


# `:` then spaces then a # with text right after it: a value such as #1976d2 or #1, which
# YAML reads as a comment. (`key:   # a note` is a comment meant as one.)
_COMMENTED_VALUE = re.compile(r"\s*:\s+(#\S.*)$")


class _ValueBuilder:
    """Turns composed nodes into dicts, lists, strings, booleans and None."""

    def __init__(self, document: Document, problems: Problems, lines: list[str]) -> None:
        self.document = document
        self.problems = problems
        self.lines = lines
        self.count = 0
        self.exhausted = False
        # Errors reported with the value meant put in its place: the file is still read,
        # so that nothing else is reported only because of them.
        self.recovered = 0

    def build(self, node: yaml.Node, at: tuple) -> Any:
        self.count += 1
        if self.count > MAX_VALUES_PER_FILE:
            if not self.exhausted:
                self.exhausted = True
                self.problems.error(
                    self._where(node),
                    f"the file expands to more than {MAX_VALUES_PER_FILE:,} values",
                    "anchors and aliases (& and *) repeat too much; write the values out",
                )
            return None
        self.document.value_positions[at] = _line_and_column(node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            self._require_tag(node, _SEQ)
            return [self.build(item, (*at, i)) for i, item in enumerate(node.value)]
        self._require_tag(node, _MAP)
        return self._mapping(cast(yaml.MappingNode, node), at)  # the composer's one other kind

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _BOOL and _is_plain(node):
            return node.value.lower() == "true"
        if node.tag == _NULL and _is_plain(node):
            return None
        self._require_tag(node, _STR, allowed=(_BOOL, _NULL))
        return node.value

    def _mapping(self, node: yaml.MappingNode, at: tuple) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_STR, _BOOL, _NULL):
                self.problems.error(self._where(key_node), "a key must be plain text")
                continue
            key = key_node.value
            if key == "<<" and _is_plain(key_node):
                self.problems.error(self._where(key_node), "merge keys (<<) are not supported", "write the fields out")
                continue
            if key in result:
                first_line, _ = self.document.key_positions[(*at, key)]
                self.problems.error(
                    self._where(key_node),
                    f"duplicate key '{key}' (first at line {first_line})",
                    "keep one of them: YAML would silently drop the first",
                )
                continue
            self.document.key_positions[(*at, key)] = _line_and_column(key_node.start_mark)
            result[key] = self.build(value_node, (*at, key))
            if result[key] is None and (meant := self._commented_out(key_node, value_node, (*at, key))):
                result[key] = meant
        return result

    def _commented_out(self, key_node: yaml.Node, value_node: yaml.Node, at: tuple) -> str | None:
        """The value an organiser meant where YAML read a comment: `colour: #1976d2` is an
        empty colour, since a # after a space starts a comment. Reported at the #, with
        the quoting that fixes it; the value meant is kept, so nothing else is reported."""
        if not (isinstance(value_node, yaml.ScalarNode) and _is_plain(value_node) and value_node.value in ("", "~")):
            return None
        end = key_node.end_mark
        if end.line >= len(self.lines) or value_node.value == "~":
            return None
        rest = self.lines[end.line][end.column :]
        found = _COMMENTED_VALUE.match(rest)
        if found is None:
            return None
        meant = found[1].rstrip()
        key = key_node.value
        self.problems.error(
            Position(self.document.path, end.line + 1, end.column + found.start(1) + 1),
            f"{key} is empty: YAML reads {meant} as a comment, since a # after a space starts one",
            f'put the value in quotes: {key}: "{meant}"',
        )
        self.recovered += 1
        self.document.value_positions[at] = (end.line + 1, end.column + found.start(1) + 1)
        return meant

    def _require_tag(self, node: yaml.Node, tag: str, allowed: tuple = ()) -> None:
        if node.tag != tag and node.tag not in allowed:
            self.problems.error(
                self._where(node),
                f"unsupported YAML tag {node.tag!r}",
                "remove the tag: Podium reads plain text, lists and mappings only",
            )

    def _where(self, node: yaml.Node) -> Position:
        return _position(self.document.path, node.start_mark)
