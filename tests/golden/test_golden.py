"""Golden trees: everything Podium generates for the seed and the multi fixture.

The expected files are committed under tests/golden/<case>/. After a deliberate
change, regenerate them with `make golden` and review `git diff tests/golden`.
"""

from __future__ import annotations

import pytest

from tests.golden.regenerate import CASES, GOLDEN, generated


@pytest.mark.parametrize("case", sorted(CASES))
def test_generated_files_match_golden_tree(case):
    expected_root = GOLDEN / case
    expected = {
        path.relative_to(expected_root).as_posix(): path.read_bytes()
        for path in sorted(expected_root.rglob("*"))
        if path.is_file()
    }
    actual = generated(case)
    assert sorted(actual) == sorted(expected), "files added or missing: run `make golden` and review the diff"
    for relative in sorted(actual):
        assert actual[relative].decode("utf-8") == expected[relative].decode("utf-8"), relative
