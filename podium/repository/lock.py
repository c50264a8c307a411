"""One Podium command that writes at a time in a project folder.

Two builds at once in one folder each swap their output into site/, and either may
publish the other's half: `build`, `serve`, `import`, `new`, `upgrade` and `verify` hold
an exclusive lock on build/podium.lock while they run, and a second one says which is
running instead of starting. The operating system drops the lock when its process ends,
however it ends, so a killed build never leaves the folder locked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks of this kind; commands run unguarded
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = Path("build") / "podium.lock"


class Busy(Exception):
    """Another Podium command holds the folder."""


@contextmanager
def exclusive(root: Path, command: str) -> Iterator[None]:
    """Hold the project at `root` for `command`, or raise Busy naming the command that holds it."""
    if fcntl is None:
        yield
        return
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(descriptor, 200).decode("utf-8", "replace").strip() or "another command"
            raise Busy(f"{holder} is running in this folder: wait until it has finished") from None
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"build.py {command} (process {os.getpid()})".encode())
        yield
    finally:
        os.close(descriptor)  # closing drops the lock
