"""`serve`: the site previewed by MkDocs' own server, remade on every save under data/ and docs/.

The data is checked again at each save (`check`, given by the command line, which
reports the problems); with no error the generated files are staged again, and
only what the save changed is remade (reuse.py) or rewritten (staging.py). MkDocs
sees the staged files change and reloads the browser.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import urllib.parse
from typing import Callable, NamedTuple

from ..programme.check import DocumentCache
from ..programme.model import Programme
from . import mkdocs_config
from ..programme.problems import Problem
from . import preview
from .layout import BuildError, Layout
from .reuse import Reuse
from .staging import stage, write_if_changed


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
    cache, reuse = DocumentCache(), Reuse()
    checked = check(cache)
    if checked.programme is None:
        return False
    programme = checked.programme
    stage(layout, programme, reuse, preview=True)
    server = subprocess.Popen(
        mkdocs_config.serve_command(layout, address), cwd=layout.root, env=mkdocs_config.environment()
    )
    # Stopped by a signal (a closed terminal, a supervisor), stop MkDocs too: without
    # this, Python exits without `finally` and MkDocs keeps the port.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _exit_on_signal)
    # MkDocs serves under the path of the site's address (https://example.org/ptc2025/ → /ptc2025/).
    mount = urllib.parse.urlsplit(programme.conference.url or "/").path or "/"
    print(f"Serving on http://{address}{mount} ; watching data/ and docs/ (Ctrl-C stops)")
    try:
        _watch(layout, server, lambda: _refresh(layout, check, cache, reuse))
    finally:
        server.terminate()
        server.wait()
    return True


def _exit_on_signal(number: int, frame) -> None:
    raise SystemExit(0)


def _watch(layout: Layout, server: subprocess.Popen, on_change: Callable[[], None]) -> None:
    from .watching import watch  # watchdog, for serve only (see watching.py)

    watch([layout.data, layout.docs], running=lambda: server.poll() is None, on_change=on_change)


def _refresh(layout: Layout, check: Check, cache: DocumentCache, reuse: Reuse) -> None:
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
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
