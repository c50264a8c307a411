"""The corpus of invalid inputs: each folder here is one mistake an organiser can make.

A case folder holds the data files that differ from a minimal valid project (a
`conference.yml` with a name and a time zone), and `expected.txt`: exactly what
`build.py check` prints for it, then its exit code. A case with a file named
`standalone` starts from an empty folder instead.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from podium import cli

CORPUS = Path(__file__).resolve().parent
BASE_CONFERENCE = "name: Test Conference\ntimezone: Australia/Sydney\n"


def case_names() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if (p / "data").is_dir())


def project_for(case: str, destination: Path) -> Path:
    source = CORPUS / case
    (destination / "data").mkdir(parents=True)
    if not (source / "standalone").exists():
        (destination / "data" / "conference.yml").write_text(BASE_CONFERENCE, encoding="utf-8")
    shutil.copytree(source / "data", destination / "data", dirs_exist_ok=True)
    return destination


def check_output(project: Path) -> str:
    """What `build.py check` prints on its error stream, and its exit code."""
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(["check"], root=project)
    return f"{errors.getvalue()}exit code: {code}\n"
