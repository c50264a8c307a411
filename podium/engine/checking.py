"""Checking data/ as the commands do: a large folder read in one process per core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..programme.check import DocumentCache, Result, check_project
from . import forking

T = TypeVar("T")
R = TypeVar("R")

# Below this many files in a folder, forking costs more than reading in two processes saves.
SHARE_ABOVE_FILES = 200


def check(root: Path, cache: DocumentCache | None = None) -> Result:
    """Every problem of `root/data` and, when there is no error, the programme.

    `cache` (for `serve`) keeps checked files between saves; then everything is read
    here, since a forked process's reads would not reach the cache.
    """
    return check_project(root, cache, share_out=_in_processes_when_large)


def _in_processes_when_large(items: list[T], work: Callable[[list[T]], list[R]]) -> list[R]:
    processes = forking.cores() if len(items) > SHARE_ABOVE_FILES else 1
    return forking.in_shares(items, processes, work)
