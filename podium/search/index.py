"""The search index as small files, so that a search downloads only what it needs.

- `index.json`, the manifest: how many documents, and the first term of each terms file;
- `t-<hash>.json`, the terms files: every term of the site in order, each with the
  documents it is in and where (title, names, prose), cut into files of about
  2 KB gzipped: a search fetches the one file its word is in, three at most for a prefix;
- `d-<hash>.json`, the documents' files: for every 16 documents in the programme's
  order, what a result shows (address, title, day and time, stream, room, excerpt).

A search for a title word downloaded 4.6 KB at 100 papers and 11.3 KB at 5,000
(`make bench`): the manifest grows with the site (5 KB gzipped at 5,000), the rest
not. File names carry their content's hash, so the browser's own cache can keep them
across builds (the service worker fetches each build's copy afresh: it trusts nothing
an older build's saved copy holds). Same documents, same bytes.

A term's documents are numbers in the programme's order, as differences from the one
before, each times 3 plus where the term is: 0 title, 1 names, 2 prose. A term that
shares its documents with a term before it in the same file (two forms of one stem)
names that term instead of repeating them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from .. import translations
from . import terms
from .documents import Document

FOLDER = "search"  # in the site
MANIFEST = "index.json"
TITLE, NAMES, PROSE = 0, 1, 2  # where a term is; search.js weighs them 8, 3, 1
BLOCK = 16  # documents to a documents' file
_TERMS_FILE_CHARS = 24_000  # about 2 KB gzipped
_EXCERPT_CHARS = 220


def files(documents: Sequence[Document], language: str) -> dict[str, bytes]:
    """{file name in the search folder: its bytes}, for `documents` on a site in `language`."""
    postings = _with_forms_of_each_stem(_postings(documents), terms.stemmer(language))
    terms_files = [(first, _hash(content), content) for first, content in _terms_files(postings)]
    blocks = [_json([_shown(document) for document in documents[i : i + BLOCK]]) for i in range(0, len(documents), BLOCK)]
    pages_files = [(_hash(content), content) for content in blocks]
    manifest: dict[str, object] = {
        "documents": len(documents),
        "block": BLOCK,
        "terms": [[first, hash] for first, hash, _ in terms_files],
        "pages": [hash for hash, _ in pages_files],
    }
    return {
        MANIFEST: _json(manifest),
        **{f"t-{hash}.json": content for _, hash, content in terms_files},
        **{f"d-{hash}.json": content for hash, content in pages_files},
    }


def _postings(documents: Sequence[Document]) -> dict[str, dict[int, int]]:
    """{term: {document's number: where in it the term weighs most}}."""
    found: dict[str, dict[int, int]] = {}
    for number, document in enumerate(documents):
        fields = ((PROSE, document.prose), (NAMES, (*document.about, *document.names)), (TITLE, (document.title,)))
        for field, texts in fields:  # lightest first: a heavier place overwrites
            for term in {term for text in texts for term in terms.split(text)}:
                found.setdefault(term, {})[number] = field
    return found


def _with_forms_of_each_stem(postings: dict[str, dict[int, int]], stem) -> dict[str, dict[int, int]]:
    """Each term's documents joined with those of the other words of its stem."""
    if stem is None:
        return postings
    plain = sorted(term for term in postings if not terms.is_cjk(term))
    classes: dict[str, list[str]] = {}
    for term, stemmed in zip(plain, stem(plain), strict=True):
        classes.setdefault(stemmed, []).append(term)
    joined = dict(postings)
    for forms in classes.values():
        if len(forms) > 1:
            union: dict[int, int] = {}
            for form in forms:
                for number, field in postings[form].items():
                    union[number] = min(field, union.get(number, field))
            for form in forms:
                joined[form] = union
    return joined


def _terms_files(postings: dict[str, dict[int, int]]) -> list[tuple[str, bytes]]:
    """[(first term, file)], the terms in the browser's order (UTF-16 code units) cut into files."""
    cut: list[tuple[str, bytes]] = []
    current: dict[str, list[int] | str] = {}
    seen: dict[tuple[int, ...], str] = {}
    size = 0
    for term in sorted(postings, key=lambda t: t.encode("utf-16-be")):
        encoded = _encode(postings[term])
        if size >= _TERMS_FILE_CHARS:
            cut.append((next(iter(current)), _json(current)))
            current, seen, size = {}, {}, 0
        same = seen.setdefault(tuple(encoded), term)
        current[term] = encoded if same == term else same
        size += len(term) + (4 * len(encoded) if same == term else len(same)) + 6
    if current:
        cut.append((next(iter(current)), _json(current)))
    return cut


def _encode(documents: dict[int, int]) -> list[int]:
    numbers, before = [], 0
    for number in sorted(documents):
        numbers.append((number - before) * 3 + documents[number])
        before = number
    return numbers


def _shown(document: Document) -> list[str]:
    """[address, title, day and time · stream · room..., excerpt, language, direction]: what a result
    shows; the language and its direction only for a title and text in a language of their own."""
    shown = [
        document.path,
        document.title,
        " · ".join(filter(None, (document.when, *document.about))),
        _excerpt(document.summary),
    ]
    if document.language:
        shown += [document.language, translations.direction(document.language)]
    return shown


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _EXCERPT_CHARS:
        return text
    cut = text[:_EXCERPT_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:·") + " …"


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _hash(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=5).hexdigest()
