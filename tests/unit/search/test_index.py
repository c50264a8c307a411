"""search/index.py: the index cut into small files, and what they say of each term and document."""

from __future__ import annotations

import json

from podium.search import index
from podium.search.documents import Document


def _load(files: dict[str, bytes]) -> tuple[dict, dict[str, dict]]:
    return json.loads(files[index.MANIFEST]), {name: json.loads(content) for name, content in files.items()}


def _documents_of(files: dict[str, bytes], term: str) -> dict[int, int]:
    """{document: where} of `term`, read as search.js reads it."""
    manifest, loaded = _load(files)
    firsts = [first for first, _ in manifest["terms"]]
    position = max(i for i, first in enumerate(firsts) if first.encode("utf-16-be") <= term.encode("utf-16-be"))
    terms = loaded[f"t-{manifest['terms'][position][1]}.json"]
    numbers = terms.get(term, [])
    numbers = terms[numbers] if isinstance(numbers, str) else numbers
    found, document = {}, 0
    for number in numbers:
        document += number // 3
        found[document] = number % 3
    return found


def _many(count: int) -> list[Document]:
    return [
        Document(f"papers/p{n}/", f"Paper {n} word{n}", when="Monday", about=("Stream A",), names=(f"Person {n}",),
                 prose=(f"abstract text {n} " + " ".join(f"w{n}x{k}" for k in range(40)),))
        for n in range(count)
    ]  # fmt: skip


def test_a_term_names_its_documents_and_its_heaviest_place_in_each():
    documents = [
        Document("a/", "Housing policy", prose=("About rent.",)),
        Document("b/", "Rent", names=("Ann Lee, Housing Institute",), prose=("Housing and rent.",)),
        Document("c/", "Other", prose=("Nothing of it.",)),
    ]
    files = index.files(documents, "en")
    assert _documents_of(files, "housing") == {0: index.TITLE, 1: index.NAMES}
    assert _documents_of(files, "rent") == {0: index.PROSE, 1: index.TITLE}
    assert _documents_of(files, "nothing") == {2: index.PROSE}
    assert _documents_of(files, "absent") == {}


def test_every_form_of_a_stem_finds_the_documents_of_the_others():
    documents = [Document("a/", "Housing policy"), Document("b/", "Two policies"), Document("c/", "Politics")]
    files = index.files(documents, "en")
    assert _documents_of(files, "policy") == _documents_of(files, "policies") == {0: index.TITLE, 1: index.TITLE}
    assert _documents_of(files, "politics") == {2: index.TITLE}
    _, loaded = _load(files)
    (terms,) = [content for name, content in loaded.items() if name.startswith("t-")]
    assert terms["policy"] == "policies"  # named, not repeated


def test_without_a_stemmer_words_are_matched_as_they_are():
    files = index.files([Document("a/", "policy"), Document("b/", "policies")], "zh-Hans")
    assert _documents_of(files, "policy") == {0: index.TITLE}


def test_a_large_index_is_cut_into_files_of_terms_in_the_browsers_order():
    documents = _many(300)
    files = index.files(documents, "en")
    manifest, loaded = _load(files)
    assert len(manifest["terms"]) > 5
    assert max(len(content) for name, content in files.items() if name.startswith("t-")) < 40_000
    order = lambda term: term.encode("utf-16-be")  # noqa: E731  JavaScript compares strings by UTF-16 code units
    for position, (first, hash) in enumerate(manifest["terms"]):
        terms = list(loaded[f"t-{hash}.json"])
        assert terms[0] == first and terms == sorted(terms, key=order)
        if position + 1 < len(manifest["terms"]):
            assert order(terms[-1]) < order(manifest["terms"][position + 1][0])
    assert _documents_of(files, "word123") == {123: index.TITLE}
    assert _documents_of(files, "w250x39") == {250: index.PROSE}
    assert _documents_of(files, "stream") == {n: index.NAMES for n in range(300)}


def test_what_a_result_shows_comes_in_files_of_sixteen_documents():
    documents = [*_many(20), Document("sessions/z/", "中国的扶贫", when="Tuesday", about=("Room 1",), language="zh-Hans")]
    manifest, loaded = _load(index.files(documents, "en"))
    assert manifest["documents"] == 21 and manifest["block"] == 16 and len(manifest["pages"]) == 2
    first, second = (loaded[f"d-{hash}.json"] for hash in manifest["pages"])
    assert len(first) == 16 and len(second) == 5
    assert first[3][:3] == ["papers/p3/", "Paper 3 word3", "Monday · Stream A"]
    assert first[3][3].startswith("Person 3 · abstract text 3 w3x0") and first[3][3].endswith(" …") and len(first[3][3]) <= 222
    assert second[4] == ["sessions/z/", "中国的扶贫", "Tuesday · Room 1", "", "zh-Hans", "ltr"]
    # The whole text, for an excerpt around the words found, where the excerpt is its start only.
    assert first[3][4:6] == ["", ""] and loaded[f"x-{first[3][6]}.json"] == " ".join(documents[3].summary.split())


def test_the_same_documents_give_the_same_bytes():
    assert index.files(_many(50), "en") == index.files(_many(50), "en")


def _forms(files: dict[str, bytes]) -> tuple[list, dict]:
    """The forms' manifest's endings, and every stem with its documents' numbers."""
    manifest, loaded = _load(files)
    forms = loaded[f"w-{manifest['elsewhere']}.json"]
    stems: dict = {}
    for _, hash in forms["stems"]:
        file = loaded[f"s-{hash}.json"]
        stems.update({stem: file[numbers] if isinstance(numbers, str) else numbers for stem, numbers in file.items()})
    return [tuple(ending) for ending in forms["endings"]], stems


def test_the_stems_and_the_endings_taken_off_are_there_for_forms_the_site_never_uses():
    documents = [Document("a/", "Recalled devices"), Document("b/", "Studying the unemployed"), Document("c/", "Housing")]
    endings, stems = _forms(index.files(documents, "en"))
    assert stems["recal"] == [0] and stems["unemploy"] == [3]  # document 1, in its title (1 * 3 + 0)
    assert ("led", "") in endings and ("ying", "i") in endings  # recal-led; stud-ying, studi
    assert all(len(taken) >= 2 for taken, _ in endings)  # one letter more or less is a typo's


def test_a_site_in_a_language_without_a_stemmer_has_no_forms():
    endings, stems = _forms(index.files([Document("a/", "扶贫与低保 Grundsicherung")], "zh-Hans"))
    assert endings == [] and stems == {}


def test_the_ends_of_long_words_are_found_as_beginnings_of_them_backwards():
    documents = [Document("a/", "Überwachungslandschaft"), Document("b/", "Landkarte and short words")]
    manifest, loaded = _load(index.files(documents, "de"))
    elsewhere = loaded[f"w-{manifest['elsewhere']}.json"]
    backwards = {}
    for _, hash in elsewhere["tails"]:
        backwards.update(loaded[f"r-{hash}.json"])
    assert backwards == {"tfahcsdnalsgnuhcawrebu": [0], "etrakdnal": [3]}  # words of eight letters or more only
