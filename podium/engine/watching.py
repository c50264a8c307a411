"""For `serve`: act on every change under some folders, as the operating system reports it.

watchdog uses inotify on Linux (and the like elsewhere), so a save is seen at once,
without scanning the folders. Only `serve` imports this module: importing watchdog
takes about 0.07 s that `check` and `build` need not spend.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import watchdog.events
import watchdog.observers


def watch(folders: list[Path], running: Callable[[], bool], on_change: Callable[[], None]) -> None:
    """Call `on_change` after each change under `folders`, for as long as `running()`."""
    changes = _Changes()
    observer = watchdog.observers.Observer()
    for folder in folders:
        if folder.is_dir():
            observer.schedule(changes, str(folder), recursive=True)
    observer.start()
    try:
        while running():
            if not changes.happened.wait(timeout=0.5):
                continue
            time.sleep(0.05)  # one save can be several events (write, rename): take them as one
            changes.happened.clear()
            on_change()
    finally:
        observer.stop()
        observer.join()


class _Changes(watchdog.events.FileSystemEventHandler):
    """Notes that something under a watched folder changed."""

    def __init__(self) -> None:
        self.happened = threading.Event()

    def on_any_event(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.event_type not in ("opened", "closed_no_write"):  # reading a file changes nothing
            self.happened.set()
