"""The site's search index (search/index.py), written into the site: loaded by a visitor's browser only when they search.

It holds the documents of search/documents.py and the hand-written pages of docs/
and the About page, in the site's language.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import yaml

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
        meta = _meta(front[1]) if front else {}
        heading = re.search(r"^#\s+(.+)$", body, re.M)
        title = _text(meta.get("title")) or (heading[1].strip() if heading else path)
        # A page in a language of its own (For organisers is English on every site) says so,
        # as the page does (mkdocs_hooks.in_own_language).
        language = _text(meta.get("language"))
        yield documents.Document(addresses.published(path), title, prose=(markup.plain(body),), language=language)


def _meta(front_matter: str) -> dict:
    """A page's front matter, read as MkDocs reads it (YAML); nothing where it is not a mapping."""
    try:
        meta = yaml.safe_load(front_matter)
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _text(value) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
