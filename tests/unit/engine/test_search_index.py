"""The hand-written pages in the search index: titled and marked as MkDocs reads their front matter."""

from __future__ import annotations

from podium.engine.search_index import _hand_written


def _found(pages: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    return {d.path: (d.title, d.language) for d in _hand_written({p: t.encode() for p, t in pages.items()})}


def test_a_page_is_titled_by_its_front_matter_else_its_first_heading():
    found = _found({
        "venue.md": '---\ntitle: "Getting there"\n---\n\n# Venue\n',
        "about.md": "# About\n\nText.\n",
        "notes.txt": "# Not a page\n",
    })  # fmt: skip
    assert found == {"venue/": ("Getting there", None), "about/": ("About", None)}


def test_a_page_in_a_language_of_its_own_says_so():
    found = _found({"organisers.md": "---\n# Podium's documentation\nlanguage: en\ndescription: How\n---\n\n# For organisers\n"})
    assert found == {"organisers/": ("For organisers", "en")}


def test_front_matter_that_is_not_yaml_is_passed_over():
    assert _found({"odd.md": "---\n: [unclosed\n---\n\n# Odd\n"}) == {"odd/": ("Odd", None)}
