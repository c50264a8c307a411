"""An XML document written element by element, for exports too large to hold as a tree.

At 5,000 sessions `schedule.xml` built as an ElementTree took about 100 MB while it
was serialised; written as it is described, it takes little more than its bytes. The
bytes are those ElementTree writes for the same tree after `ElementTree.indent`
(two spaces a level, `<tag />` for an element without content, ElementTree's
escaping), so apps see the same file; tests compare the two on arbitrary trees.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from xml.sax.saxutils import escape

SPACE = "  "
# ElementTree escapes these in attribute values, besides & < > (which `escape` does).
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


class IndentedXML:
    """Write elements with `element` (one that holds elements) and `leaf` (one that holds text); then `bytes()`."""

    def __init__(self) -> None:
        self._bytes = io.BytesIO()
        # Encoded as it is written, so that no string of the whole document is held.
        self._out = io.TextIOWrapper(self._bytes, encoding="utf-8", newline="")
        self._out.write("<?xml version='1.0' encoding='utf-8'?>\n")
        self._depth = 0
        # Whether the innermost open element has a child yet: its start tag stays
        # open until then, to become `<tag />` if it never gets one.
        self._has_child = True

    @contextlib.contextmanager
    def element(self, tag: str, attributes: dict[str, str] | None = None) -> Iterator[None]:
        self._start_child()
        self._out.write(f"<{tag}{_attributes(attributes)}")
        self._depth += 1
        self._has_child = False
        yield
        self._depth -= 1
        if self._has_child:
            self._out.write(f"\n{SPACE * self._depth}</{tag}>")
        else:
            self._out.write(" />")
        self._has_child = True

    def leaf(self, tag: str, text: str = "", attributes: dict[str, str] | None = None) -> None:
        self._start_child()
        if text:
            self._out.write(f"<{tag}{_attributes(attributes)}>{escape(text)}</{tag}>")
        else:
            self._out.write(f"<{tag}{_attributes(attributes)} />")

    def bytes(self) -> bytes:
        """The document, ending with a line break."""
        self._out.write("\n")
        self._out.flush()
        return self._bytes.getvalue()

    def _start_child(self) -> None:
        if not self._has_child:
            self._out.write(">")
            self._has_child = True
        if self._depth:
            self._out.write(f"\n{SPACE * self._depth}")


def _attributes(attributes: dict[str, str] | None) -> str:
    if not attributes:
        return ""
    return "".join(f' {name}="{escape(value, _ATTRIBUTE_ENTITIES)}"' for name, value in attributes.items())
