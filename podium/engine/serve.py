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
from typing import Callable

from ..programme.check import DocumentCache
from ..programme.model import Programme
from . import mkdocs_config
from .layout import BuildError, Layout
from .reuse import Reuse
from .staging import stage

# Checks the data with the given cache and reports its problems; returns the programme
# and a one-line summary of it, or None when the data has errors.
Check = Callable[[DocumentCache], tuple[Programme, str] | None]


def serve(layout: Layout, address: str, check: Check) -> bool:
    """Serve until stopped; False when the data has errors to begin with (nothing served)."""
    cache, reuse = DocumentCache(), Reuse()
    checked = check(cache)
    if checked is None:
        return False
    programme, _ = checked
    stage(layout, programme, reuse)
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
    """Check and stage again after a save; the files and pages a save did not change are reused."""
    checked = check(cache)
    if checked is None:
        print("The pages served are still the last good ones.", file=sys.stderr)
        return
    programme, summary = checked
    try:
        stage(layout, programme, reuse)
        print(f"{summary}: pages updated")
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
