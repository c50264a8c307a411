"""The site's search index, made by Pagefind: loaded by a visitor's browser only when they search.

Pagefind (its binary comes in the `pagefind[extended]` wheel) indexes the documents
of exports/search.py and the hand-written pages of docs/, in the site's language
(stemming where Pagefind has it; Chinese and Japanese segmented), and writes an index
split into chunks: a search downloads the chunks its words need and the excerpts of
the results it shows. Only what the browser needs is kept (not Pagefind's own UIs).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from .. import pages
from ..exports import search
from ..programme import addresses
from ..programme.model import Programme
from ..text import markup
from .layout import BuildError

FOLDER = "pagefind"  # in the site: pagefind/pagefind.js and the index
# Pagefind's ready-made interfaces: Podium has its own (theme/assets/podium/search.js).
_NOT_NEEDED = re.compile(r"^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def write(programme: Programme, hand_written: dict[str, bytes], output: Path, work: Path) -> None:
    """The index of `programme` and the hand-written pages, into the folder `output`."""
    source = work / "search-source"
    shutil.rmtree(source, ignore_errors=True)
    language = programme.conference.language
    documents = [*search.documents(programme), *_hand_written({**pages.searchable_pages(programme), **hand_written}, language)]
    _write_documents(source, documents)
    shutil.rmtree(output, ignore_errors=True)
    command = [
        sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
        "--force-language", language.split("-")[0].lower(), "--silent",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"Pagefind could not index the site:\n{(result.stdout + result.stderr).strip()}")
    for file in output.iterdir():
        if _NOT_NEEDED.match(file.name):
            file.unlink()
    shutil.rmtree(source, ignore_errors=True)


def _hand_written(files: dict[str, bytes], language: str) -> Iterable[tuple[str, str]]:
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
        yield addresses.published(path), search.document(language, title, {}, [markup.plain(body)])


def _write_documents(folder: Path, documents: Iterable[tuple[str, str]]) -> None:
    for published, document in documents:
        target = folder / published / "index.html" if published else folder / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document, encoding="utf-8")
