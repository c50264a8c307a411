"""How an export names what it is made from, so that its caller may keep it.

`memo(key, inputs, make)` returns `make()`, or an earlier result made under the same
`key` from equal `inputs`. The exports say what each part is made from; whether to
keep anything between two generations is the caller's choice (`serve` keeps, a
build does not).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Memo(Protocol):
    def __call__(self, key: str, inputs: Any, make: Callable[[], T]) -> T: ...


def make_now(key: str, inputs: Any, make: Callable[[], T]) -> T:
    """Keeps nothing: makes every time."""
    return make()
