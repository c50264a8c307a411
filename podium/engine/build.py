"""`build`: the site into site/, published only when everything succeeded.

On a large site the pages are made, and MkDocs renders them, in as many processes
as there are cores (generate.py, mkdocs_shards.py); meanwhile this process, which
would otherwise wait, makes the exports (calendars, schedule data) and the search
index, which MkDocs need not see, and moves them into MkDocs' output after.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import shutil
import time
from pathlib import Path

from .. import exports, pages
from ..programme.model import Programme
from . import engines, forking, mkdocs_config, mkdocs_shards, offline, search_index
from .generate import render_pages_in_processes, render_prose_ahead
from .layout import BuildError, Layout, build_stamp
from .staging import hand_written_files, refuse_clashes, sync, write, write_if_changed


def build(layout: Layout, programme: Programme, processes: int | None = None) -> dict[str, float]:
    """The site into site/, replaced only when everything succeeded.

    Returns the wall time of each phase (`exports` runs within `engine`).
    """
    started = time.perf_counter()
    stamp = build_stamp()
    engine = engines.chosen()
    count = processes or mkdocs_shards.process_count(pages.page_count(programme))
    if count > 1:
        render_prose_ahead(pages.prose_texts(programme), count)  # inherited by what is forked next
    # In processes of their own: what making pages takes (hundreds of MB at 5,000
    # sessions) goes back to the system when each ends, not kept while MkDocs runs.
    forking.in_child(count > 1, _render_into_bundles, layout, programme, count)
    phases = {"generate": time.perf_counter() - started}
    outputs = [layout.work / "site.new"] + [layout.work / f"site.shard{k}" for k in range(1, count)]
    for output in outputs:
        shutil.rmtree(output, ignore_errors=True)
    engine_started = time.perf_counter()

    exports_folder = layout.work / "exports.new"
    shutil.rmtree(exports_folder, ignore_errors=True)

    def make_exports() -> list[str]:
        """The exports, written beside MkDocs' output while it runs; moved in after.

        Here, not in a forked process: one would copy, page by page, the part of the
        programme it reads (a forked process's reference counts are writes), while
        making the exports, written one file at a time, takes little memory. At
        5,000 sessions the build's peak was 450 to 500 MB with a process of their
        own, 460 to 470 MB without.
        """
        written = _write_exports(programme, stamp, exports_folder, layout.docs)
        search_index.write(programme, hand_written_files(layout), exports_folder / search_index.FOLDER)
        phases["exports"] = time.perf_counter() - engine_started
        return [*written, search_index.FOLDER]  # a folder, moved in whole

    try:
        command = lambda output: engine.build_command(layout.config, output)
        exported = mkdocs_shards.run(command, outputs, layout.root, engine.environment(), make_exports)
    except mkdocs_shards.MkDocsFailed as error:
        raise BuildError(f"{engine.label} failed:\n{error}") from None
    phases["engine"] = time.perf_counter() - engine_started
    published_at = time.perf_counter()
    mkdocs_shards.merge_all(outputs)
    phases["merge"] = time.perf_counter() - published_at
    for relative in exported:  # renames: the bytes were written while MkDocs ran
        target = outputs[0] / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        (exports_folder / relative).replace(target)
    shutil.rmtree(exports_folder)
    offline.write(layout, outputs[0], stamp.isoformat())
    publish(layout, outputs[0])
    phases["publish"] = time.perf_counter() - published_at - phases["merge"]
    return phases


def _render_into_bundles(layout: Layout, programme: Programme, processes: int) -> None:
    """The pages in bundles (one per process that renders them), docs/ in build/docs/, the config."""
    hand_written = hand_written_files(layout)
    bundles = layout.page_bundles
    shutil.rmtree(bundles, ignore_errors=True)
    bundles.mkdir(parents=True)
    generated = render_pages_in_processes(programme, processes, lambda share: _write_bundle(bundles, share))
    refuse_clashes(hand_written, generated)
    sync(layout.staged_docs, hand_written)
    config = mkdocs_config.config(layout, programme, page_bundles=True)
    write_if_changed(layout.config, config.encode("utf-8"))


def _write_bundle(folder: Path, generated: dict[str, bytes]) -> None:
    """One process's pages as one file, named after the process (mkdocs_hooks.on_files reads it)."""
    write(folder / f"{os.getpid()}.marshal", marshal.dumps(generated))


def _write_exports(programme: Programme, stamp: dt.datetime, folder: Path, docs: Path) -> list[str]:
    """Write every export into `folder`; their paths. A hand-written file in the way is an error."""
    written = []
    for export in exports.each_file(programme, stamp):
        if (docs / export.path).is_file():
            raise BuildError(f"docs/{export.path} has the same path as a generated file; rename it")
        write(folder / export.path, export.make())  # made, written, and let go before the next
        written.append(export.path)
    return written


def recover_publication(layout: Layout) -> bool:
    """Put the published site back where a build was stopped between publish()'s two
    renames (site/ gone, the previous site in build/site.old); whether it had to."""
    old = layout.work / "site.old"
    if layout.site.exists() or not old.is_dir():
        return False
    old.rename(layout.site)
    return True


def publish(layout: Layout, built: Path) -> None:
    """Replace site/ by `built` in two renames, so site/ is never half written
    (a stop between them is mended by the next build: recover_publication)."""
    old = layout.work / "site.old"
    shutil.rmtree(old, ignore_errors=True)
    if layout.site.exists():
        layout.site.rename(old)
    built.rename(layout.site)
    shutil.rmtree(old, ignore_errors=True)
