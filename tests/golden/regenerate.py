"""Rewrite the golden files and the invalid corpus's expected messages: `make golden`.

Run it only after a deliberate change to what Podium generates, then read the change
with `git diff tests/golden` before committing it: the diff is the review.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from podium.engine.generate import generate
from podium.programme.check import check_project
from tests.conftest import ASPC_DATA, LANGUAGES_DATA, MULTI_DATA, REPO, SEED_DATA, TEST_SOURCE_DATE_EPOCH, with_language
from tests.invalid.corpus import CORPUS, case_names, check_output, project_for

GOLDEN = Path(__file__).resolve().parent
# Each golden tree: the project folder whose data/ it is generated from, and the
# language it is built in when not the data's own. The languages fixture makes one
# site in German and one right to left, in Arabic.
CASES = {
    "seed": (SEED_DATA.parent, None), "multi": (MULTI_DATA.parent, None), "aspc": (ASPC_DATA.parent, None),
    "de": (LANGUAGES_DATA.parent, None), "ar": (LANGUAGES_DATA.parent, "ar"),
}  # fmt: skip
STAMP = dt.datetime.fromtimestamp(int(TEST_SOURCE_DATE_EPOCH), tz=dt.timezone.utc)


def generated(case: str) -> dict[str, bytes]:
    """The generated text files; not the icons, pictures no diff can review
    (tests/unit/exports/test_web_app.py checks them)."""
    project, language = CASES[case]
    with tempfile.TemporaryDirectory() as folder:
        if language:
            project = Path(folder)
            with_language(CASES[case][0] / "data", project / "data", language)
        result = check_project(project)
    assert result.programme is not None, [str(p) for p in result.problems]
    return {path: content for path, content in generate(result.programme, STAMP).items() if not path.endswith(".png")}


def regenerate_invalid_corpus() -> None:
    """Rewrite tests/invalid/<case>/expected.txt from what `build.py check` prints now."""
    for case in case_names():
        with tempfile.TemporaryDirectory() as folder:
            output = check_output(project_for(case, Path(folder)))
        (CORPUS / case / "expected.txt").write_text(output, encoding="utf-8")
    print(f"wrote {len(case_names())} expected.txt files under {CORPUS.relative_to(REPO)}")


def main() -> None:
    regenerate_invalid_corpus()
    for case in CASES:
        folder = GOLDEN / case
        shutil.rmtree(folder, ignore_errors=True)
        for relative, content in generated(case).items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        print(f"wrote {folder.relative_to(REPO)}")


if __name__ == "__main__":
    main()
