"""Phase two of a build: every file Podium generates from a checked programme, and where it is made.

The pages (`pages/`) and exports (`exports/`) are functions of the programme; here
it is decided what is made again and in which process:

- `generate`: everything, in this process; with `Reuse` (for `serve`), what a save
  did not change is handed back from the last generation instead of made again;
- `render_pages_in_processes`: for a large `build`, the pages shared out among
  forked processes, each writing what it made;
- `render_prose_ahead`: every abstract and bio rendered once, shared out among
  processes, before the pages and exports that show them are made.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from .. import exports, pages
from ..programme.model import Programme
from ..text import markup
from . import forking
from .reuse import Fresh


def generate(programme: Programme, stamp: dt.datetime, reuse: Fresh = Fresh()) -> dict[str, bytes]:
    """Every generated file, keyed by its path in the docs folder.

    `reuse` (for `serve`) hands back what the last generation made from equal inputs.
    """
    renderer = pages.Renderer(programme)
    files = {
        job.page: reuse.made(job.page, (job.template, job.inputs), functools.partial(renderer.page, job))
        for job in pages.jobs(programme)
    }
    for export in exports.each_file(programme, stamp, memo=reuse.made):
        files[export.path] = reuse.made(export.path, export.inputs, export.make)
    reuse.finish()
    return files


def render_pages_in_processes(programme: Programme, processes: int, keep: Callable[[dict[str, bytes]], None]) -> list[str]:
    """For `build`: every page, made in `processes` forked processes (forking.py).

    Each process hands the pages it made to `keep` (which writes them) itself, rather
    than sending megabytes of Markdown back to be written here. Returns their paths.
    """
    renderer = pages.Renderer(programme)

    def make_and_keep(share: list[pages.Job]) -> list[str]:
        keep({job.page: renderer.page(job) for job in share})
        return [job.page for job in share]

    return forking.in_shares(pages.jobs(programme), processes, make_and_keep)


def render_prose_ahead(texts: list[str], processes: int = 1) -> None:
    """Render `texts` as prose and plain text now, shared among `processes` processes.

    A large build makes its pages in processes forked after this, and its exports
    in this one: they all use the results instead of rendering the same abstracts
    again.
    """
    to_render = [text for text in dict.fromkeys(texts) if not markup.is_remembered(text)]
    rendered = forking.in_shares(to_render, processes, lambda share: [(markup.prose(t), markup.plain(t)) for t in share])
    for text, (as_prose, as_plain) in zip(to_render, rendered, strict=True):
        markup.remember(text, as_prose, as_plain)
