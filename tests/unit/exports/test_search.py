"""exports/search.py: what search finds, each text in one document only."""

from __future__ import annotations

from html.parser import HTMLParser

from podium.exports import search
from podium.programme.check import check_project
from tests.conftest import ASPC_DATA, MULTI_DATA, SEED_DATA
from tests.helpers import seed_facts


class _Read(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text, self.meta, self.title, self._in, self._meta = [], {}, "", None, None

    def handle_starttag(self, tag, attrs):
        self._in = tag
        self._meta = dict(attrs).get("data-pagefind-meta")

    def handle_endtag(self, tag):
        self._in, self._meta = None, None

    def handle_data(self, data):
        if self._in == "title":
            return
        if self._in == "h1":
            self.title = data
        if self._meta:
            self.meta[self._meta] = data
        self.text.append(data)


def read(document: str) -> _Read:
    reader = _Read()
    reader.feed(document)
    return reader


def test_each_text_is_in_one_document_only():
    programme = check_project(SEED_DATA.parent).programme
    documents = {path: " ".join(read(doc).text) for path, doc in search.documents(programme)}
    facts = seed_facts()
    for bio in facts.bios:
        assert [p for p, text in documents.items() if bio[:60] in text] == [
            p for p in documents if p.startswith("people/") and bio[:60] in documents[p]
        ]
        assert sum(bio[:60] in text for text in documents.values()) == 1
    assert [p for p, text in documents.items() if facts.abstract[:60] in text] == [
        "sessions/collective-sharing-poverty-alleviation-china/"
    ]
    assert not [p for p, text in documents.items() if "Add to calendar" in text]


def test_a_papers_document_names_its_day_time_stream_and_session():
    programme = check_project(ASPC_DATA.parent).programme
    documents = dict(search.documents(programme))
    paper = read(documents["papers/rent-assistance-renters/"])
    assert paper.title == "Rent assistance and the private renters it misses"
    assert paper.meta == {
        "when": "Tuesday, 10 September 2019, 11.25 am – 11.55 am AEST",
        "stream": "Income support and inequality",
        "room": "Law Theatre G02",
        "session": "Minimum incomes under pressure",
    }
    assert "Sam Kaur, Monash University" in " ".join(paper.text)
    # Breaks have no page, so nothing to find; lists (programme, streams) neither.
    assert not [p for p in documents if p.startswith(("sessions/lunch", "programme"))]


def test_text_in_a_document_stays_text():
    programme = check_project(MULTI_DATA.parent).programme
    document = dict(search.documents(programme))["sessions/hostile-text/"]
    assert "<script>" not in document and "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in document
