"""exports/scholarly.py: a paper's citation, read back by the tools that read it."""

from __future__ import annotations

import json

import bibtexparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors

from tests.golden.regenerate import generated


@pytest.fixture(scope="module")
def aspc():
    return generated("aspc")


def read_bibtex(content: bytes):
    library = bibtexparser.parse_string(
        content.decode("utf-8"), append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()]
    )
    assert not library.failed_blocks
    (entry,) = library.entries
    return entry


def test_bibtex_reads_back_as_the_paper_with_latex_specials_escaped(aspc):
    content = aspc["papers/cashless-debit-card.bib"]
    assert b"\\&" in content  # LaTeX would read a bare & as a table column
    entry = read_bibtex(content)
    assert entry.entry_type == "inproceedings" and entry.key == "cashless-debit-card"
    assert entry["title"] == "The cashless debit card & its critics"
    assert entry["author"] == ["Kaur, Sam", "Saunders, Peter"]
    assert entry["booktitle"] == "Australian Social Policy Conference 2019"
    assert (entry["year"], entry["month"]) == ("2019", "9")


def test_bibtex_carries_the_doi(aspc):
    entry = read_bibtex(aspc["papers/targeted-poverty-alleviation-villages.bib"])
    assert entry["doi"] == "10.1080/0312407X.2019.1660000"


def test_csl_json_is_a_conference_paper_with_names_split(aspc):
    (item,) = json.loads(aspc["papers/dibao-rural-urban-gap.csl.json"])
    assert item["type"] == "paper-conference" and item["title"] == "Dibao and the rural–urban gap"
    assert item["author"] == [{"family": "Fang", "given": "Lijie"}, {"family": "Becker", "given": "Anna"}]
    assert item["issued"] == {"date-parts": [[2019, 9, 10]]}
    assert item["event-title"] == "Australian Social Policy Conference 2019"


def test_a_paper_in_no_session_is_cited_without_a_date(aspc):
    (item,) = json.loads(aspc["papers/older-women-homelessness.csl.json"])
    assert "issued" not in item
    assert "year" not in read_bibtex(aspc["papers/older-women-homelessness.bib"]).fields_dict


def test_bibtex_escapes_every_latex_special_and_keeps_addresses_as_they_are():
    import dataclasses
    from pathlib import Path

    from podium.exports import scholarly
    from podium.programme.check import check_project
    from tests.conftest import ASPC_DATA

    programme = check_project(Path(ASPC_DATA).parent).programme
    title = "Costs of $5 & 10% {x} for_all #1 ~ \\ Ørsted 方丽洁"
    paper = dataclasses.replace(programme.papers[0], title=title)
    url = "https://example.org/papers/a_b%20c/"
    content = scholarly.bibtex(programme, paper, url)
    assert b"url = {https://example.org/papers/a_b%20c/}" in content  # not \\url{}, not escaped
    entry = read_bibtex(content)
    assert entry["title"] == title
