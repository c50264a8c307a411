"""The search index as small files, so that a search downloads only what it needs.

- `index.json`, the manifest: how many documents, and the first term of each terms file;
- `t-<hash>.json`, the terms files: every term of the site in order, each with the
  documents it is in and where (title, names, prose), cut into files of about
  2.5 KB gzipped: a search fetches the one file its word is in, three at most for a prefix;
- `d-<hash>.json`, the documents' files: for every 16 documents in the programme's
  order, what a result shows (address, title, day and time, stream, room, excerpt);
- `x-<hash>.json`, a document's whole text where it is longer than its excerpt: for the
  excerpt around the words found in a top result;
- `w-<hash>.json`, `s-<hash>.json` and `r-<hash>.json`: where a word found nowhere as
  typed is looked for, loaded only for such a word: the stems and the endings taken
  off (on a site in a language with a stemmer), and the long words backwards, for
  the ends of compound words (_elsewhere_files).

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
_TERMS_FILE_CHARS = 6_000  # about 2.5 KB gzipped: the numbers of documents compress less than words
_EXCERPT_CHARS = 220
_MOST_ENDINGS = 400  # the endings taken off most often, for the forms' manifest
_LONG_WORD = 8  # words that may end in another word: their ends are found too


def files(documents: Sequence[Document], language: str) -> dict[str, bytes]:
    """{file name in the search folder: its bytes}, for `documents` on a site in `language`."""
    stem = terms.stemmer(language)
    postings = _with_forms_of_each_stem(_postings(documents), stem)
    terms_files = [(first, _hash(content), content) for first, content in _terms_files(postings)]
    texts = {document.path: _json(_whole(document)) for document in documents if len(_whole(document)) > _EXCERPT_CHARS}
    shown = [_shown(document, _hash(texts[document.path]) if document.path in texts else None) for document in documents]
    blocks = [_json(shown[i : i + BLOCK]) for i in range(0, len(shown), BLOCK)]
    pages_files = [(_hash(content), content) for content in blocks]
    manifest: dict[str, object] = {
        "documents": len(documents),
        "block": BLOCK,
        "terms": [[first, hash] for first, hash, _ in terms_files],
        "pages": [hash for hash, _ in pages_files],
    }
    made = {
        **{f"t-{hash}.json": content for _, hash, content in terms_files},
        **{f"d-{hash}.json": content for hash, content in pages_files},
        **{f"x-{_hash(content)}.json": content for content in texts.values()},
    }
    made.update(_elsewhere_files(postings, stem, manifest))
    return {MANIFEST: _json(manifest), **made}


def _elsewhere_files(postings: dict[str, dict[int, int]], stem, manifest: dict[str, object]) -> dict[str, bytes]:
    """What search.js looks in for a word found nowhere as typed, in files of their own,
    named by a manifest (`w-` file, named in the index's) loaded only for such a word:

    - another form of it: the stem of each word of the site with its documents (`s-`
      files), and the endings the stemmer took off the site's words, each with what it
      left in their place ("ying" for "i": studying, studi). The word is tried as a stem
      with an ending of those taken off: "recalling" finds "Recalled" (recall). Only
      endings of two letters or more: a letter more or less is a typo's, and "Welle" is
      not "well". None where the language has no stemmer;
    - the end of a longer word, as German makes words of words ("Landschaft" in
      "Überwachungslandschaft"): the site's words of eight letters or more written
      backwards (`r-` files), where the word typed backwards is a beginning."""
    words = sorted(term for term in postings if not terms.is_cjk(term))
    stems: dict[str, dict[int, int]] = {}
    endings: dict[tuple[str, str], int] = {}
    if stem is not None:
        for word, stemmed in zip(words, stem(words), strict=True):
            stems.setdefault(stemmed, postings[word])
            common = _common_start(word, stemmed)
            ending = (word[common:], stemmed[common:])
            if len(ending[0]) >= 2 and common >= 3:
                endings[ending] = endings.get(ending, 0) + 1
    backwards = {word[::-1]: postings[word] for word in words if len(word) >= _LONG_WORD}
    stems_files = [(first, _hash(content), content) for first, content in _terms_files(stems)]
    tails_files = [(first, _hash(content), content) for first, content in _terms_files(backwards)]
    elsewhere = {
        "endings": sorted(endings, key=lambda e: (-endings[e], e))[:_MOST_ENDINGS],
        "stems": [[first, hash] for first, hash, _ in stems_files],
        "tails": [[first, hash] for first, hash, _ in tails_files],
    }
    content = _json(elsewhere)
    manifest["elsewhere"] = _hash(content)
    return {
        f"w-{_hash(content)}.json": content,
        **{f"s-{hash}.json": content for _, hash, content in stems_files},
        **{f"r-{hash}.json": content for _, hash, content in tails_files},
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


def _common_start(word: str, stem: str) -> int:
    """How many letters `word` and its `stem` begin with alike."""
    length = 0
    while length < min(len(word), len(stem)) and word[length] == stem[length]:
        length += 1
    return length


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
        size += len(term) + (sum(len(str(n)) + 1 for n in encoded) if same == term else len(same)) + 6  # as in the JSON
    if current:
        cut.append((next(iter(current)), _json(current)))
    return cut


def _encode(documents: dict[int, int]) -> list[int]:
    numbers, before = [], 0
    for number in sorted(documents):
        numbers.append((number - before) * 3 + documents[number])
        before = number
    return numbers


def _shown(document: Document, whole: str | None) -> list[str]:
    """[address, title, day and time · stream · room..., excerpt, language, direction, whole]:
    what a result shows; the language and its direction only for a title and text in a
    language of their own, and `whole`, the hash of the file of the whole text (`x-`),
    where the excerpt is its start only: search.js fetches it for a top result whose
    words are further on, to show them in their sentence."""
    shown = [
        document.path,
        document.title,
        " · ".join(filter(None, (document.when, *document.about))),
        _excerpt(document.summary),
    ]
    if document.language or whole:
        shown += [document.language or "", translations.direction(document.language) if document.language else ""]
    if whole:
        shown.append(whole)
    return shown


def _whole(document: Document) -> str:
    """The text a result's excerpt is taken from, spaces made single."""
    return " ".join(document.summary.split())


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
