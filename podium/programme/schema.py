"""Check documents against the published JSON Schemas in `schemas/`.

The same files an organiser's editor uses for autocompletion are the ones Podium
enforces, so the two can never disagree. This module turns jsonschema's findings into
messages an organiser can act on, each at the line of the value or key at fault.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
    import jsonschema

from .load import Document
from .problems import Problems

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"

# The id rule of file names, from the same schema that checks ids inside files.
_ID = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))["definitions"]["id"]
ID_PATTERN = re.compile(_ID["pattern"][:-1] + r"\Z")
# An id names files and folders of the site (`papers/<id>.csl.json`): it must fit a file name.
ID_MAX_LENGTH = _ID["maxLength"]

_TYPE_NAMES = {
    "string": "text",
    "object": "a mapping of fields",
    "array": "a list",
    "boolean": "true or false",
    "null": "empty",
}


@cache
def _schema(name: str) -> dict:
    """One schema, with the shared definitions written into it.

    The published files refer to common.schema.json (editors follow the references);
    resolving them once here, instead of at every value, makes checking thousands of
    files several times faster.
    """
    schemas = {file.name: json.loads(file.read_text(encoding="utf-8")) for file in SCHEMA_DIR.glob("*.schema.json")}
    root = schemas[f"{name}.schema.json"]
    return _strict_ends(_inline_references(root, {**schemas, "": root}))


def _strict_ends(node: Any) -> Any:
    """Patterns whose `$` ends the text, not a line: in Python `$` also matches before a
    final newline, so `"chinese-social-policy\n"` would pass as an id (JavaScript, which
    editors use, reads the published files' `$` as the end already)."""
    if isinstance(node, list):
        return [_strict_ends(item) for item in node]
    if not isinstance(node, dict):
        return node
    strict = {key: _strict_ends(value) for key, value in node.items()}
    pattern = strict.get("pattern")
    if isinstance(pattern, str) and pattern.endswith("$") and not pattern.endswith("\\$"):
        strict["pattern"] = pattern[:-1] + "\\Z"
    return strict


@cache
def _validator(name: str) -> jsonschema.Draft7Validator:
    """jsonschema's validator for one schema: it explains what is wrong, for the messages."""
    # Imported only when a document has problems: importing jsonschema takes about
    # 0.15 s, a sixth of checking 1,000 sessions.
    import jsonschema

    return jsonschema.Draft7Validator(_schema(name))


@cache
def _fast_validator(name: str) -> Callable[[Any], Any]:
    """The same schema compiled to Python code by fastjsonschema: many times faster.

    It only says whether a document is valid; the messages come from jsonschema,
    which runs only on the few documents that are not. Formats are not checked,
    as jsonschema here does not check them either. A property test holds that what
    it passes, jsonschema passes; what it refuses, jsonschema decides.
    """
    return fastjsonschema.compile(_schema(name), use_formats=False)


def is_web_address(text: str) -> bool:
    """Whether `text` is an address as data files may give one (the site's own, from the
    publishing workflow, is held to the same rule)."""
    return bool(re.search(_schema("common")["definitions"]["url"]["pattern"], text))


def is_valid(name: str, data: Any) -> bool:
    try:
        _fast_validator(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _inline_references(node: Any, schemas: dict[str, Any]) -> Any:
    """`{"$ref": "common.schema.json#/definitions/line", ...}` replaced by that definition.

    `schemas` maps file names to schemas, and "" to the schema itself (local references).
    """
    if isinstance(node, list):
        return [_inline_references(item, schemas) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        file, pointer = node["$ref"].split("#", 1)
        target: Any = schemas[file]
        for part in pointer.strip("/").split("/"):
            target = target[part]
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        return {**_inline_references(target, schemas), **siblings}
    return {key: _inline_references(value, schemas) for key, value in node.items()}


def check(document: Document, schema_name: str, problems: Problems) -> set[tuple]:
    """Report every way `document` breaks its schema.

    Returns the paths of the values at fault (() for the document as a whole), so
    that later checks can still look at the fields that are fine.
    """
    at_fault: set[tuple] = set()
    if is_valid(schema_name, document.data):
        return at_fault
    errors = _validator(schema_name).iter_errors(document.data)
    required = set(_schema(schema_name).get("required", []))
    for error in sorted(errors, key=lambda e: (list(map(str, e.absolute_path)), e.validator)):
        at = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            # The unknown fields are at fault, not the item that holds them.
            allowed = error.schema.get("properties", {})
            at_fault.update((*at, key) for key in error.instance if key not in allowed)
        else:
            at_fault.add(at)
        _report(document, error, problems, required)
    return at_fault


def _report(document: Document, error: jsonschema.ValidationError, problems: Problems, required: set[str]) -> None:
    # jsonschema's stubs allow "unset" for these; a reported error always has them.
    schema: Any = error.schema
    instance: Any = error.instance
    expected_value: Any = error.validator_value
    at = tuple(error.absolute_path)
    # Items of a file that is a list (streams.yml) are named after the file: streams[0].id
    field = _field_name((document.path.rsplit("/", 1)[-1].removesuffix(".yml"), *at) if at and isinstance(at[0], int) else at)
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(set(instance) - set(allowed)):
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "known fields: " + ", ".join(allowed)
            problems.error(document.key_position((*at, key)), f"unknown field '{key}'", hint)
    elif kind == "required":
        missing = error.message.split("'")[1]
        where = f" in {field}" if field else ""
        problems.error(document.position(at), f"missing required field '{missing}'{where}")
    elif kind == "type":
        expected = _TYPE_NAMES.get(expected_value, expected_value)
        got = _describe(instance)
        hint = _quote_hint(document, at, error)
        problems.error(document.position(at), f"{field or 'the file'} must be {expected}, not {got}", hint)
    elif kind == "enum":
        allowed = [str(value) for value in expected_value]
        close = difflib.get_close_matches(str(instance), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else ""
        problems.error(document.position(at), f"{field} must be one of {', '.join(allowed)}, not {_shown(instance)}", hint)
    elif kind == "pattern" and not instance.strip():
        hint = "write a value" if at and at[0] in required and len(at) == 1 else "write a value, or leave the field out"
        problems.error(document.position(at), f"{field} is empty", hint)
    elif kind == "pattern":
        rule = schema.get("patternErrorMessage", f"must match {expected_value}")
        problems.error(document.position(at), f"{field} {rule}, not {_shown(instance)}")
    elif kind == "maxLength":
        problems.error(
            document.position(at),
            f"{field} is {len(instance)} characters long, more than the {expected_value} it may have",
            "shorten it",
        )
    else:
        problems.error(document.position(at), f"{field or 'the file'}: {error.message}")


def _field_name(at: tuple) -> str:
    """`people[1].role` for the path ('people', 1, 'role'); '' for the whole file."""
    name = ""
    for part in at:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true or false)"
    if isinstance(value, dict):
        return "a mapping of fields"
    if isinstance(value, list):
        return "a list"
    return _shown(value)


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _quote_hint(document: Document, at: tuple, error: jsonschema.ValidationError) -> str:
    """YAML read an unquoted true/false/null where text was wanted: say how to keep it."""
    if error.validator_value != "string" or isinstance(error.instance, (dict, list)):
        return ""
    if error.instance is None:
        return "write a value, or leave the field out"
    return f'quote it: "{str(error.instance).lower()}"'
