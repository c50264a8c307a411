"""Small readers for the tests: the seed's facts, every text of a data folder, and the visible text of a page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

from tests.conftest import FIXTURES


@dataclass(frozen=True)
class SeedFacts:
    title: str
    stream: str
    date: str
    time: str
    abstract: str
    people_lines: list[str]  # "Chienchung Huang (Presenter), Rutgers University"
    names: list[str]
    affiliations: list[str]
    bios: list[str]


def seed_facts() -> SeedFacts:
    """Every fact of the seed page, read from the page's text itself."""
    lines = (FIXTURES / "seed" / "seed-page.txt").read_text(encoding="utf-8").split("\n")
    labelled = dict(line.split(": ", 1) for line in lines[2:5])
    body = [line for line in lines[5:] if line.strip()]
    abstract, rest = body[0], body[1:]
    people_lines, bios = rest[0::2], rest[1::2]
    names, affiliations = [], []
    for line in people_lines:
        match = re.fullmatch(r"(.+) \((.+)\), (.+)", line)
        assert match, line
        names.append(match[1])
        affiliations.append(match[3])
    return SeedFacts(
        title=lines[0],
        stream=labelled["Stream"],
        date=labelled["Date"],
        time=labelled["Time"],
        abstract=abstract,
        people_lines=people_lines,
        names=names,
        affiliations=affiliations,
        bios=bios,
    )


class _TextExtractor(HTMLParser):
    """The text a reader sees: no scripts, styles, or hidden templates."""

    _SKIPPED = {"script", "style", "template", "head"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIPPED:
            self._skipping += 1

    def handle_endtag(self, tag):
        if tag in self._SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def visible_text(html_file: Path) -> str:
    """The page's text with runs of white space made single spaces."""
    extractor = _TextExtractor()
    extractor.feed(html_file.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", "".join(extractor.parts)).strip()


BASE_CONFERENCE = "name: Test Conference\ntimezone: Australia/Sydney\n"


def write_data(root: Path, files: dict[str, str]) -> Path:
    """A project whose data/ holds `files` (paths under data/), plus a conference.yml."""
    files = {"conference.yml": BASE_CONFERENCE, **files}
    for relative, text in files.items():
        target = root / "data" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def data_texts(data: Path) -> list[str]:
    """Every text of the data (titles, names, roles, places...), longest first."""
    texts: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif value is not None:
            texts.add(" ".join(str(value).split()))

    for file in data.rglob("*.yml"):
        walk(yaml.safe_load(file.read_text(encoding="utf-8")))
    return sorted(texts, key=len, reverse=True)
