"""MkDocs in several processes at once, each rendering a share of the pages.

MkDocs renders pages one after another on one core, and on a large programme that
is most of a build. Every process here reads the whole staged site (so navigation,
link checks and the sitemap are the same in each), but renders only the pages it
owns; Podium's MkDocs hook (mkdocs_hooks.py, `PODIUM_SHARD=k/n`) turns the others
into empty pages, which MkDocs does not write. The pages in the navigation belong
to the first process; the others are shared out by a hash of their path. After, the
pages of every process are moved into the first one's output. (There is no MkDocs
search index to join: search is Podium's own, made beside MkDocs, search_index.py.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import forking

T = TypeVar("T")

# Below this many pages a second MkDocs costs more (its start) than it saves.
SHARD_ABOVE_PAGES = 300


def process_count(pages: int) -> int:
    """How many MkDocs processes to run for a site of `pages` pages: one per core, at most 4."""
    if pages <= SHARD_ABOVE_PAGES:
        return 1
    return max(1, min(4, forking.cores()))


class MkDocsFailed(Exception):
    """A process exited with an error; the message is its log."""


def run(
    command: Callable[[Path], list[str]],
    outputs: list[Path],
    cwd: Path,
    env: dict[str, str],
    meanwhile: Callable[[], T],
) -> T:
    """Run `command(output)` for each output folder at once (then `merge_all` joins them).

    `meanwhile` runs in this process while MkDocs works; its result is returned once
    every MkDocs process has succeeded. If it raises, the processes are stopped.
    """
    count = len(outputs)
    with tempfile.TemporaryDirectory() as folder:
        logs = [Path(folder) / f"{index}.log" for index in range(count)]
        processes = []
        for index, (output, log) in enumerate(zip(outputs, logs, strict=True)):
            shard = {"PODIUM_SHARD": f"{index}/{count}"} if count > 1 else {}
            with log.open("wb") as stream:
                processes.append(subprocess.Popen(command(output), cwd=cwd, env={**env, **shard}, stdout=stream, stderr=stream))
        try:
            result = meanwhile()
        except BaseException:
            for process in processes:
                process.kill()
            raise
        finally:
            for process in processes:
                process.wait()
        for process, log in zip(processes, logs, strict=True):
            if process.returncode != 0:
                raise MkDocsFailed(log.read_text(encoding="utf-8", errors="replace").strip())
    return result


def merge_all(outputs: list[Path]) -> None:
    """Merge every output folder into `outputs[0]`, removing each once merged."""
    for other in outputs[1:]:
        merge(outputs[0], other)
        shutil.rmtree(other)


def merge(into: Path, other: Path) -> None:
    """Move the pages only `other` rendered into `into`."""
    _move_missing(into, other)


def _move_missing(into: str | Path, other: str | Path) -> None:
    """Move into `into` each file and folder of `other` that `into` lacks.

    A folder `into` lacks moves in one rename with all it holds: every page has a
    folder of its own (sessions/x/index.html), and making and removing a folder per
    page took most of the merge (0.3 to 0.4 s at 1,000 sessions on this disk).
    What both have (the theme's assets, shared folders) stays, to be removed with `other`.
    """
    with os.scandir(other) as entries:
        for entry in entries:
            target = os.path.join(into, entry.name)
            if not os.path.lexists(target):
                os.rename(entry.path, target)
            elif entry.is_dir(follow_symlinks=False) and os.path.isdir(target):
                _move_missing(target, entry.path)
