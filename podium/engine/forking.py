"""Work shared out among forked processes, for large builds on Linux.

Forked processes inherit this one's memory (the programme, rendered prose) instead
of receiving it pickled, and what they allocate goes back to the system when they
end. Elsewhere Python does not fork by default, so the work runs here instead; the
results are the same either way.

Each process is a bare `os.fork` with a pipe for its result: multiprocessing's pools
take a tenth of a second to start and stop (their helper threads wake every 0.1 s),
as long as rendering a few hundred pages.
"""

from __future__ import annotations

import functools
import gc
import os
import pickle
import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def available() -> bool:
    return sys.platform.startswith("linux")


def cores() -> int:
    """The cores this process may use (a container or CI runner may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def in_shares(items: list[T], processes: int, work: Callable[[list[T]], list[R]]) -> list[R]:
    """`work` over interleaved shares of `items` (every n-th), one share per process.

    This process takes the first share; the results come back in the items' order.
    `work` and `items` reach the other processes by inheritance, so `work` may be
    a closure.
    """
    if processes < 2 or len(items) < 2 or not available():
        return work(items)
    others = [_start(functools.partial(_share, work, items, index, processes)) for index in range(1, processes)]
    try:
        shares = [work(items[0::processes])]
    finally:
        # Every process is waited for, even when this one's share failed.
        outcomes = [_outcome(*other) for other in others]
    shares += [_value(outcome) for outcome in outcomes]
    results: list = [None] * len(items)
    for index, share in enumerate(shares):
        results[index::processes] = share
    return results


def in_child(fork: bool, function: Callable[..., T], *arguments) -> T:
    """`function(*arguments)` in a forked process when `fork` (its result travels pickled)."""
    if not (fork and available()):
        return function(*arguments)
    return _value(_outcome(*_start(lambda: function(*arguments))))


class ForkedProcessDied(Exception):
    """A forked process ended without sending its result (killed, say)."""


def _share(work: Callable[[list[T]], list[R]], items: list[T], index: int, processes: int) -> list[R]:
    return work(items[index::processes])


def _start(work: Callable[[], R]) -> tuple[int, int]:
    """Fork a process that runs `work` and sends back its outcome; its pid and the pipe to read."""
    read_end, write_end = os.pipe()
    # The child's garbage collector would otherwise walk every object it inherited,
    # writing to each, and so copy the whole inherited heap (a hundred MB and more at
    # 5,000 sessions): frozen, they are left alone. This process thaws them at once.
    gc.freeze()
    pid = os.fork()
    if pid != 0:
        gc.unfreeze()
    if pid == 0:
        os.close(read_end)
        status = 0
        try:
            try:
                payload = pickle.dumps((True, work()))
            except BaseException as error:  # noqa: BLE001 (it is sent back to be raised there)
                status = 1
                payload = _pickled_error(error)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(status)  # no atexit handlers, no flushing of buffers copied from the parent
    os.close(write_end)
    return pid, read_end


def _pickled_error(error: BaseException) -> bytes:
    try:
        return pickle.dumps((False, error))
    except Exception:  # noqa: BLE001 (an exception that cannot be pickled is sent as its text)
        return pickle.dumps((False, RuntimeError(f"{type(error).__name__}: {error}")))


def _outcome(pid: int, read_end: int) -> tuple[bool, object]:
    """Read what the process sent (before waiting: it may be blocked writing), then reap it."""
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not payload:
        return False, ForkedProcessDied(f"a forked process ended without a result (status {status})")
    return pickle.loads(payload)


def _value(outcome: tuple[bool, object]):
    succeeded, value = outcome
    if not succeeded:
        raise value  # type: ignore[misc]
    return value
