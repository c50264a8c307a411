"""Work shared out among forked processes, for large builds on Linux.

Forked processes inherit this one's memory (the programme, rendered prose) instead
of receiving it pickled, and what they allocate goes back to the system when they
end. Elsewhere Python does not fork by default, so the work runs here instead; the
results are the same either way.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import sys
from typing import Callable, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def available() -> bool:
    return sys.platform.startswith("linux")


def in_shares(items: list[T], processes: int, work: Callable[[list[T]], list[R]]) -> list[R]:
    """`work` over interleaved shares of `items` (every n-th), one share per process.

    This process takes the first share; the results come back in the items' order.
    `work` and `items` reach the other processes by inheritance, so `work` may be
    a closure.
    """
    global _pending
    if processes < 2 or len(items) < 2 or not available():
        return work(items)
    _pending = (items, processes, work)
    try:
        with multiprocessing.get_context("fork").Pool(processes - 1) as pool:
            others = [pool.apply_async(_share, (index,)) for index in range(1, processes)]
            shares = [_share(0)] + [share.get() for share in others]
    finally:
        _pending = None
    results: list = [None] * len(items)
    for index, share in enumerate(shares):
        results[index::processes] = share
    return results


def in_child(fork: bool, function: Callable[..., T], *arguments) -> T:
    """`function(*arguments)` in a forked process when `fork` (arguments and result travel pickled)."""
    if not (fork and available()):
        return function(*arguments)
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        return pool.submit(function, *arguments).result()


# What `in_shares` hands to the processes it forks: set just before they are forked.
_pending: tuple[list, int, Callable] | None = None


def _share(index: int) -> list:
    assert _pending is not None
    items, count, work = _pending
    return work(items[index::count])
