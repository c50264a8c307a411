"""engine/forking.py: work in forked processes gives what the same work gives here."""

from __future__ import annotations

import os
import signal

import pytest

from podium.engine import forking

pytestmark = pytest.mark.skipif(not forking.available(), reason="forks on Linux only")


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_shares_come_back_in_the_items_order(processes):
    offset = 100  # reaches the processes by inheritance, in the closure
    assert forking.in_shares(list(range(10)), processes, lambda share: [i + offset for i in share]) == [
        i + 100 for i in range(10)
    ]


def test_each_share_runs_in_a_process_of_its_own():
    pids = forking.in_shares(list(range(6)), 3, lambda share: [os.getpid()] * len(share))
    assert pids[0] == os.getpid() and len(set(pids)) == 3


def test_an_error_in_another_process_is_raised_here():
    def work(share):
        if 1 in share:
            raise ValueError("bad item 1")
        return share

    with pytest.raises(ValueError, match="bad item 1"):
        forking.in_shares([0, 1, 2, 3], 2, work)


def test_an_error_that_cannot_be_pickled_arrives_as_its_text():
    class Local(Exception):  # a local class cannot be pickled
        pass

    def fail():
        raise Local("not picklable")

    with pytest.raises(RuntimeError, match="Local: not picklable"):
        forking.in_child(True, fail)


def test_a_process_that_dies_is_reported():
    with pytest.raises(forking.ForkedProcessDied):
        forking.in_child(True, lambda: os.kill(os.getpid(), signal.SIGKILL))


def test_in_child_returns_the_function_result_from_another_process():
    assert forking.in_child(True, os.getpid) != os.getpid()
    assert forking.in_child(False, os.getpid) == os.getpid()
