"""The site's search index (search/index.py), written into the site: loaded by a visitor's browser only when they search.

It holds the documents of search/documents.py and the hand-written pages of docs/
and the About page, in the site's language.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from .. import pages
from ..programme import addresses
from ..programme.model import Programme
from ..search import documents, index
from ..text import markup

FOLDER = index.FOLDER  # in the site: search/index.json and the files it names
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def write(programme: Programme, hand_written: dict[str, bytes], output: Path) -> None:
    """The index of `programme` and the hand-written pages, into the folder `output`."""
    found = [*documents.documents(programme), *_hand_written({**pages.searchable_pages(programme), **hand_written})]
    files = index.files(found, programme.conference.language)
    shutil.rmtree(output, ignore_errors=True)
    output.mkdir(parents=True)
    for name, content in files.items():
        (output / name).write_bytes(content)


def _hand_written(files: dict[str, bytes]) -> Iterable[documents.Document]:
    """docs/'s pages (For organisers...) and the About page, titled by their front matter or first heading."""
    for path, content in sorted(files.items()):
        if not path.endswith(".md"):
            continue
        text = content.decode("utf-8", errors="replace")
        front = _FRONT_MATTER.match(text)
        body = text[front.end() :] if front else text
        title_match = re.search(r"^title:\s*(.+)$", front[1], re.M) if front else None
        heading = re.search(r"^#\s+(.+)$", body, re.M)
        title = (title_match[1].strip("'\" ") if title_match else None) or (heading[1].strip() if heading else path)
        # A page in a language of its own (For organisers is English on every site) says so.
        language_match = re.search(r"^language:\s*(\S+)\s*$", front[1], re.M) if front else None
        language = language_match[1].strip("'\"") if language_match else None
        yield documents.Document(addresses.published(path), title, prose=(markup.plain(body),), language=language)
