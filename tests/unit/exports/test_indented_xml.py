"""IndentedXML writes, element by element, the bytes ElementTree writes for the whole tree."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.exports.indented_xml import IndentedXML

TAGS = st.sampled_from(["schedule", "day", "room", "event", "title", "persons", "links"])
# Any text a file can hold (no lone surrogates), with what XML must escape made likely.
TEXTS = st.text(alphabet=st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from('&<>"\'\r\n\t ')))
ATTRIBUTES = st.dictionaries(st.sampled_from(["name", "guid", "id", "date"]), TEXTS, max_size=3)
LEAVES = st.tuples(st.just("leaf"), TAGS, ATTRIBUTES, TEXTS)
TREES = st.recursive(
    LEAVES,
    lambda children: st.tuples(st.just("element"), TAGS, ATTRIBUTES, st.lists(children, max_size=4)),
    max_leaves=20,
)
ELEMENTS = st.tuples(st.just("element"), TAGS, ATTRIBUTES, st.lists(TREES, max_size=4))


def written_by_element(node) -> bytes:
    xml = IndentedXML()

    def write(node) -> None:
        kind, tag, attributes, content = node
        if kind == "leaf":
            xml.leaf(tag, content, attributes)
            return
        with xml.element(tag, attributes):
            for child in content:
                write(child)

    write(node)
    return xml.bytes()


def written_by_elementtree(node) -> bytes:
    def build(node) -> ET.Element:
        kind, tag, attributes, content = node
        element = ET.Element(tag, attributes)
        if kind == "leaf":
            element.text = content
        else:
            element.extend(build(child) for child in content)
        return element

    root = build(node)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


@settings(max_examples=300, deadline=None)
@given(ELEMENTS)
def test_a_document_written_by_element_is_what_elementtree_writes_for_the_tree(tree):
    assert written_by_element(tree) == written_by_elementtree(tree)


def test_an_element_without_children_is_written_empty_and_one_with_children_indented():
    tree = ("element", "schedule", {}, [("element", "persons", {}, []), ("leaf", "title", {"name": 'a "b"'}, "x & y")])
    assert written_by_element(tree) == (
        b"<?xml version='1.0' encoding='utf-8'?>\n"
        b"<schedule>\n"
        b"  <persons />\n"
        b'  <title name="a &quot;b&quot;">x &amp; y</title>\n'
        b"</schedule>\n"
    )
