"""Every case of the invalid-input corpus gives exactly its committed messages.

After a deliberate change of wording, `make golden` rewrites the expected files;
review them with `git diff tests/invalid`.
"""

from __future__ import annotations

import pytest

from tests.invalid.corpus import CORPUS, case_names, check_output, project_for


def test_corpus_has_at_least_forty_cases():
    assert len(case_names()) >= 40


@pytest.mark.parametrize("case", case_names())
def test_invalid_input_gives_its_expected_messages(case, tmp_path):
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8")
    assert check_output(project_for(case, tmp_path)) == expected


@pytest.mark.parametrize("case", case_names())
def test_invalid_input_names_file_and_line_for_each_problem(case, tmp_path):
    lines = check_output(project_for(case, tmp_path)).splitlines()
    for line in lines[:-2]:  # the last two lines: the count and the exit code
        location = line.split(": ", 1)[0]
        assert location.startswith("data/"), line
        # A whole file or folder (a file that cannot be read, a folder Podium does not
        # read), or a place in a file with its line and column.
        if ":" in location:
            path, line_number, column = location.rsplit(":", 2)
            assert int(line_number) >= 1 and int(column) >= 1, line
