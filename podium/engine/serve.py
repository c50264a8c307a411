"""`serve`: the site previewed by MkDocs' own server, remade on every save under data/ and docs/.

The data is checked again at each save (`check`, given by the command line, which
reports the problems); with no error the generated files are staged again, and
only what the save changed is remade (reuse.py) or rewritten (staging.py). MkDocs
sees the staged files change and reloads the browser.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Callable
from typing import NamedTuple

from ..programme.check import DocumentCache
from ..programme.model import Programme
from ..programme.problems import Problem
from . import engines, preview, search_index
from .layout import BuildError, Layout
from .reuse import Reuse
from .staging import hand_written_files, stage, write_if_changed


class Checked(NamedTuple):
    """What a check of the data found: the programme (None when the data fails), its
    problems, and a one-line summary of the programme."""

    programme: Programme | None
    problems: list[Problem]
    summary: str


# Checks the data with the given cache and reports its problems in the terminal.
Check = Callable[[DocumentCache], Checked]


def serve(layout: Layout, address: str, check: Check) -> bool:
    """Serve until stopped; False when the data has errors to begin with (nothing served)."""
    engine = engines.chosen()
    cache, reuse = DocumentCache(), Reuse()
    checked = check(cache)
    if checked.programme is None:
        return False
    programme = checked.programme
    stage(layout, programme, reuse, preview=True)
    search = _SearchIndex(layout)
    search.make(programme)  # once before serving, then again after each save, aside
    # The index is linked into the served site by Podium's MkDocs hook, not staged with
    # the docs: MkDocs would rebuild for it, and hold every request until done.
    environment = {**engine.environment(), "PODIUM_SEARCH_INDEX": str(search.target.resolve())}
    server = subprocess.Popen(engine.serve_command(layout.config, address), cwd=layout.root, env=environment)
    # Stopped by a signal (a closed terminal, a supervisor), stop MkDocs too: without
    # this, Python exits without `finally` and MkDocs keeps the port.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _exit_on_signal)
    # MkDocs serves under the path of the site's address (https://example.org/ptc2025/ → /ptc2025/).
    mount = urllib.parse.urlsplit(programme.conference.url or "/").path or "/"
    print(f"Serving on http://{address}{mount} ; watching data/ and docs/ (Ctrl-C stops)")
    try:
        _watch(layout, server, lambda: _refresh(layout, check, cache, reuse, search))
    finally:
        server.terminate()
        server.wait()
    return True


def _exit_on_signal(number: int, frame) -> None:
    raise SystemExit(0)


def _watch(layout: Layout, server: subprocess.Popen, on_change: Callable[[], None]) -> None:
    from .watching import watch  # watchdog, for serve only (see watching.py)

    watch([layout.data, layout.docs], running=lambda: server.poll() is None, on_change=on_change)


def _refresh(layout: Layout, check: Check, cache: DocumentCache, reuse: Reuse, search: _SearchIndex) -> None:
    """Check and stage again after a save; the files and pages a save did not change are reused.

    When the data fails, the pages stay the last good ones, and every page says why.
    """
    checked = check(cache)
    if checked.programme is None:
        write_if_changed(layout.staged_docs / preview.PROBLEMS, preview.problems_json(checked.problems))
        print("The pages served are still the last good ones; every page lists the problems.", file=sys.stderr)
        return
    try:
        stage(layout, checked.programme, reuse, preview=True)
        print(f"{checked.summary}: pages updated")
        search.make_aside(checked.programme)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)


class _SearchIndex:
    """The preview's search index, made again after each save in a thread of its own.

    Indexing takes half a second at 1,000 papers: the pages a save changed are served
    at once, and search catches up. A newer save's index replaces an older one still
    being made; each is written aside and swapped in with two renames. It lives in the
    work folder, beside the staged docs: MkDocs never sees it change.
    """

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.target = layout.work / search_index.FOLDER
        self.lock = threading.Lock()
        self.wanted: Programme | None = None

    def make(self, programme: Programme) -> None:
        aside = self.layout.work / "search.new"
        try:
            search_index.write(programme, hand_written_files(self.layout), aside)
        except OSError as error:
            print(f"error: the search index could not be written: {error}", file=sys.stderr)
            return
        old = self.layout.work / "search.old"
        shutil.rmtree(old, ignore_errors=True)
        if self.target.exists():
            self.target.rename(old)
        aside.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)

    def make_aside(self, programme: Programme) -> None:
        with self.lock:
            running = self.wanted is not None
            self.wanted = programme
        if not running:
            threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            with self.lock:
                programme = self.wanted
            if programme is None:  # only make_aside starts this, with a programme wanted
                return
            self.make(programme)
            with self.lock:
                if self.wanted is programme:  # no save came meanwhile
                    self.wanted = None
                    return
