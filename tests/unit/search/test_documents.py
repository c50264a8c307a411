"""search/documents.py: what search finds, each text in one document only."""

from __future__ import annotations

from podium.programme.check import check_project
from podium.search import documents
from tests.conftest import ASPC_DATA, MULTI_DATA, SEED_DATA
from tests.helpers import seed_facts


def _texts(document: documents.Document) -> str:
    return " ".join([document.title, *document.about, *document.names, *document.prose])


def test_each_text_is_in_one_document_only():
    programme = check_project(SEED_DATA.parent).programme
    found = {document.path: _texts(document) for document in documents.documents(programme)}
    facts = seed_facts()
    for bio in facts.bios:
        holders = [path for path, text in found.items() if bio[:60] in text]
        assert len(holders) == 1 and holders[0].startswith("people/")
    assert [path for path, text in found.items() if facts.abstract[:60] in text] == [
        "sessions/collective-sharing-poverty-alleviation-china/"
    ]
    assert not [path for path, text in found.items() if "Add to calendar" in text]


def test_a_papers_document_names_its_day_time_stream_and_session():
    programme = check_project(ASPC_DATA.parent).programme
    paper = {document.path: document for document in documents.documents(programme)}["papers/rent-assistance-renters/"]
    assert paper.title == "Rent assistance and the private renters it misses"
    assert paper.when == "Tuesday, 10 September 2019, 11.25 am – 11.55 am AEST"
    assert paper.about == ("Income support and inequality", "Law Theatre G02", "Minimum incomes under pressure")
    assert "Sam Kaur, Monash University" in paper.names


def test_pages_without_anything_of_their_own_are_not_found():
    # Breaks have no page, so nothing to find; lists (the programme, streams) neither.
    programme = check_project(ASPC_DATA.parent).programme
    paths = [document.path for document in documents.documents(programme)]
    assert not [path for path in paths if path.startswith(("sessions/lunch", "programme"))]
    assert len(paths) == len(set(paths))


def test_markup_in_the_data_is_text_in_a_document():
    programme = check_project(MULTI_DATA.parent).programme
    hostile = {document.path: document for document in documents.documents(programme)}["sessions/hostile-text/"]
    assert "<script>alert('title')</script>" in hostile.title  # as text: search.js writes it with textContent
