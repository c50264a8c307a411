"""What `serve` adds to the pages it previews: a notice of the data's problems on every page.

While the data has errors, the preview keeps showing the last good pages; organisers
look at the browser, not the terminal, so every page says so at its top. The notice
is a script and a list of problems staged beside the pages (never by `build`), which
the script reads when a page loads; MkDocs reloads the pages when the list changes.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..programme.problems import Problem

FOLDER = "podium-preview"
SCRIPT = f"{FOLDER}/preview.js"
PROBLEMS = f"{FOLDER}/problems.json"
_SCRIPT_FILE = Path(__file__).resolve().with_name("preview.js")


def files(problems: list[Problem]) -> dict[str, bytes]:
    """The preview's files, by their path in the staged docs folder."""
    return {SCRIPT: _SCRIPT_FILE.read_bytes(), PROBLEMS: problems_json(problems)}


def problems_json(problems: list[Problem]) -> bytes:
    """The problems as the notice shows them, in file order."""
    return json.dumps(
        [
            {
                "file": p.position.path,
                "line": p.position.line,
                "column": p.position.column,
                "severity": p.severity,
                "message": p.message,
                "hint": p.hint,
            }
            for p in problems
        ],
        ensure_ascii=False,
        indent=1,
    ).encode("utf-8")
