"""A paper as scholarly tools read it: Google Scholar's `citation_*` tags, BibTeX and CSL-JSON.

BibTeX is written by bibtexparser, its text fields encoded by pylatexenc, which
escapes what LaTeX would read as markup (`&`, `%`, `$`, `_`, braces); CSL-JSON is
what Zotero, Pandoc and citeproc read. A paper is cited as presented at the conference, on the day of
its session (`@inproceedings`, CSL `paper-conference`).
"""

from __future__ import annotations

import functools
import json

from ..programme.model import Appearance, Paper, Programme
from ..text import markup


def citation_meta(programme: Programme, paper: Paper) -> list[tuple[str, str]]:
    """The `<meta name content>` pairs Google Scholar reads, in its order: title, authors, conference, date."""
    tags = [("citation_title", paper.title)]
    for appearance in paper.people:
        tags.append(("citation_author", _inverted_name(appearance)))
        if appearance.affiliation:
            tags.append(("citation_author_institution", appearance.affiliation))
    tags.append(("citation_conference_title", programme.conference.name))
    if paper.date:
        tags.append(("citation_publication_date", f"{paper.date:%Y/%m/%d}"))
    if paper.doi:
        tags.append(("citation_doi", paper.doi))
    pdf = pdf_url(paper)
    if pdf:
        tags.append(("citation_pdf_url", pdf))
    return tags


def pdf_url(paper: Paper) -> str | None:
    """The paper's full text as PDF: a link of kind `paper` whose address ends in .pdf."""
    for link in paper.links:
        if link.kind == "paper" and link.url.split("?")[0].split("#")[0].lower().endswith(".pdf"):
            return link.url
    return None


def bibtex(programme: Programme, paper: Paper, url: str | None) -> bytes:
    """The paper's `@inproceedings` entry."""
    # Imported here: only builds that have papers need bibtexparser.
    import bibtexparser
    from bibtexparser.middlewares import MergeCoAuthors
    from bibtexparser.middlewares.parsestack import default_unparse_stack
    from bibtexparser.model import Entry, Field

    latex = _latex_encoder().unicode_to_latex
    fields = [Field("title", latex(paper.title))]
    if paper.people:
        fields.append(Field("author", [latex(_inverted_name(a)) for a in paper.people]))
    fields.append(Field("booktitle", latex(programme.conference.name)))
    if paper.date:
        fields += [Field("year", str(paper.date.year)), Field("month", str(paper.date.month))]
    venue = programme.conference.venue
    place = ", ".join(p for p in (venue.city, venue.country) if p) or venue.name
    if place:
        fields.append(Field("address", latex(place)))
    # A DOI and an address are read as they are (biblatex, and \url in BibTeX styles).
    if paper.doi:
        fields.append(Field("doi", paper.doi))
    if url:
        fields.append(Field("url", url))
    library = bibtexparser.Library([Entry("inproceedings", cite_key(programme, paper), fields)])
    # The library is made for this one entry, so the middlewares may change it in place:
    # their default deep copy of it was half of the time of a build's BibTeX.
    stack = [MergeCoAuthors(allow_inplace_modification=True), *default_unparse_stack(allow_inplace_modification=True)]
    text = bibtexparser.write_string(library, unparse_stack=stack)
    return text.strip().encode("utf-8") + b"\n"


@functools.lru_cache(maxsize=1)
def _latex_encoder():
    """pylatexenc's encoder, made once (it compiles its rules): LaTeX's special characters
    escaped (`&`, `%`, `$`, `_`, `#`, braces), accented letters as LaTeX accents, and
    characters LaTeX has no macro for (Chinese, say) kept as they are, for biber and
    XeLaTeX, without a warning for each."""
    from pylatexenc.latexencode import UnicodeToLatexEncoder

    return UnicodeToLatexEncoder(unknown_char_policy="keep", unknown_char_warning=False)


def csl_json(programme: Programme, paper: Paper, url: str | None) -> bytes:
    """The paper as a one-item CSL-JSON list."""
    item: dict = {"id": cite_key(programme, paper), "type": "paper-conference", "title": paper.title}
    if paper.people:
        item["author"] = [_csl_name(a) for a in paper.people]
    item["event-title"] = programme.conference.name
    item["container-title"] = programme.conference.name
    venue = programme.conference.venue
    place = ", ".join(p for p in (venue.city, venue.country) if p)
    if place:
        item["event-place"] = place
    if paper.date:
        item["issued"] = {"date-parts": [[paper.date.year, paper.date.month, paper.date.day]]}
    if paper.doi:
        item["DOI"] = paper.doi
    if url:
        item["URL"] = url
    if paper.abstract:
        item["abstract"] = markup.plain(paper.abstract)
    if paper.language:
        item["language"] = paper.language
    return json.dumps([item], ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def cite_key(programme: Programme, paper: Paper) -> str:
    """`fang2019dibao`-like keys are guesses that collide; the paper's id is unique and stable."""
    return paper.id


def _inverted_name(appearance: Appearance) -> str:
    """`Huang, Chienchung`: the person's sort name when it is inverted, else their name."""
    person = appearance.person
    return person.sort_name if "," in person.sort_name else person.name


def _csl_name(appearance: Appearance) -> dict:
    person = appearance.person
    if "," in person.sort_name:
        family, given = (part.strip() for part in person.sort_name.split(",", 1))
        return {"family": family, "given": given}
    return {"literal": person.name}
