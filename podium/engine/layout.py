"""Where a project keeps its inputs and where the engine writes; what can go wrong there.

Layout of the work folder (`build/`, ignored by git):

    build/docs/        MkDocs' docs_dir: docs/, and for `serve` the generated pages
    build/pages/       for `build`, the generated pages: one bundle per process that
                       made them, which Podium's MkDocs hook reads (mkdocs_hooks.py)
    build/mkdocs.yml   inherits the project's mkdocs.yml, adds what comes from the data
    build/site.new/    MkDocs' output; renamed to site/ only after a clean build
    build/site.shard*/ the other MkDocs processes' pages, merged into site.new/
    build/exports.new/ the exports, written while MkDocs runs, then moved into site.new/
    build/templates-cache/  Material's compiled templates, kept between builds
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path


class BuildError(Exception):
    """MkDocs or the file system failed; the message says how."""


class SetupError(BuildError):
    """The environment is wrong (not the data): a bad SOURCE_DATE_EPOCH, say."""


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its inputs and where a build writes."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def work(self) -> Path:
        return self.root / "build"

    @property
    def staged_docs(self) -> Path:
        return self.work / "docs"

    @property
    def page_bundles(self) -> Path:
        return self.work / "pages"

    @property
    def config(self) -> Path:
        return self.work / "mkdocs.yml"

    @property
    def site(self) -> Path:
        return self.root / "site"


def build_stamp() -> dt.datetime:
    """The build's one timestamp: SOURCE_DATE_EPOCH, so the same input gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "0")
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    except (ValueError, OverflowError, OSError) as error:
        raise SetupError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}") from error
