"""What one generation made, kept for the next: `serve` remakes only what a save changed.

Every generated file is a function of a few values of the programme: a session's page
of the conference and the session (its papers inside it); a paper's page of the
conference, the paper and its session; a person's calendar of the conference, the
person and their sessions. Model objects are frozen dataclasses that compare by
value, so when those values equal last time's, last time's bytes are the right bytes.
The generators name each file's inputs next to the code that makes it (`pages.jobs`,
`exports.each_file`); a test edits a programme in many ways and checks that what is
reused equals what a full generation makes.

`build` uses `Fresh`, which keeps nothing: a published site is always made whole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Fresh:
    """Makes everything every time."""

    def made(self, key: str, inputs: Any, make: Callable[[], T]) -> T:
        return make()

    def finish(self) -> None:
        pass

    def last_staged(self) -> dict[str, bytes]:
        """What the last staging wrote, by path: nothing is known without reuse."""
        return {}

    def staged(self, files: dict[str, bytes]) -> None:
        pass


class Reuse(Fresh):
    """Keeps what was made in the last generation, keyed by name and compared by inputs."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[Any, Any]] = {}
        self._now: dict[str, tuple[Any, Any]] = {}
        self.made_count = 0  # in the generation under way
        self.remade = 0  # in the last finished generation
        self._staged: dict[str, bytes] = {}

    def made(self, key: str, inputs: Any, make: Callable[[], T]) -> T:
        """`make()`, unless this generation or the last made `key` from equal inputs."""
        for store in (self._now, self._last):
            entry = store.get(key)
            if entry is not None and entry[0] == inputs:
                self._now[key] = entry
                return entry[1]
        result = make()
        self.made_count += 1
        self._now[key] = (inputs, result)
        return result

    def finish(self) -> None:
        """End a generation, forgetting what it did not use."""
        self.remade, self.made_count = self.made_count, 0
        self._last, self._now = self._now, {}

    def last_staged(self) -> dict[str, bytes]:
        """What the last staging wrote, by path (see site.stage).

        Reused bytes are the same objects as last time's, so staging need not read
        unchanged files back from the disk to compare them.
        """
        return self._staged

    def staged(self, files: dict[str, bytes]) -> None:
        self._staged = files
