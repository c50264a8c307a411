"""A paper's authors as programmes print them (pages/bylines.py)."""

from __future__ import annotations

from podium.pages.bylines import byline
from podium.programme.model import Appearance, Person


def _author(name: str, affiliation: str | None = None, presenting: bool = True, role: str | None = "Author") -> Appearance:
    return Appearance(
        person=Person(id=name.lower().replace(" ", "-"), name=name, sort_name=name),
        role=role,
        affiliation=affiliation,
        presenting=presenting,
    )


def test_no_authors_no_lines():
    assert byline([]) == []


def test_one_author_with_the_affiliation_beside_the_name():
    assert byline([_author("Wei Zhang", "Peking University")]) == ["Wei Zhang, Peking University"]


def test_authors_of_one_place_name_it_once_under_them():
    authors = [_author("Ada Ng", "UNSW Sydney"), _author("Bo Li", "UNSW Sydney")]
    assert byline(authors) == ["Ada Ng, Bo Li", "UNSW Sydney"]


def test_affiliations_none_shares_stand_beside_each_name():
    authors = [_author("Ada Ng", "UNSW Sydney"), _author("Bo Li", "Monash University"), _author("Cy Wu")]
    assert byline(authors) == ["Ada Ng, UNSW Sydney; Bo Li, Monash University; Cy Wu"]


def test_shared_affiliations_are_numbered_and_written_once():
    authors = [_author("Ada Ng", "UNSW Sydney"), _author("Bo Li", "Monash University"), _author("Cy Wu", "UNSW Sydney")]
    names, places = byline(authors)
    assert names == "Ada Ng<sup>1</sup>, Bo Li<sup>2</sup>, Cy Wu<sup>1</sup>"
    assert places == "<sup>1</sup>\u00a0UNSW Sydney; <sup>2</sup>\u00a0Monash University"
    assert places.count("UNSW Sydney") == 1


def test_the_presenter_is_marked_only_where_some_do_not_present():
    everyone = [_author("Ada Ng", "UNSW Sydney"), _author("Bo Li", "Monash University")]
    assert "presenting" not in " ".join(byline(everyone))
    one = [_author("Ada Ng", "UNSW Sydney"), _author("Bo Li", "Monash University", presenting=False)]
    assert byline(one) == ["Ada Ng (presenting), UNSW Sydney; Bo Li, Monash University"]


def test_roles_are_left_to_the_papers_page():
    assert byline([_author("Ada Ng", role="Co-author")]) == ["Ada Ng"]


def test_a_long_list_names_its_first_three_et_al_with_only_their_affiliations():
    authors = [_author(f"Author {n}", f"Institute {n % 2}") for n in range(22)]
    names, places = byline(authors)
    assert names == "Author 0<sup>1</sup>, Author 1<sup>2</sup>, Author 2<sup>1</sup> et al."
    assert places == "<sup>1</sup>\u00a0Institute 0; <sup>2</sup>\u00a0Institute 1"


def test_names_and_affiliations_are_escaped():
    assert byline([_author("<b>Eve</b>", "A & B")]) == ["&lt;b&gt;Eve&lt;/b&gt;, A &amp; B"]
