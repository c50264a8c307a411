"""`check` imports only what checking valid data needs.

jsonschema (for the messages about invalid data), icalendar (exports) and watchdog
(serve) took about 0.3 s to import: a third of checking 1,000 sessions.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import MULTI_DATA, REPO, make_project

CHECK_THEN_LIST_MODULES = """
import sys
from pathlib import Path
from podium import cli
status = cli.main(["check"], Path(sys.argv[1]))
print("status", status)
print("modules", " ".join(sorted(sys.modules)))
"""


def _check_in_fresh_interpreter(project) -> tuple[str, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", CHECK_THEN_LIST_MODULES, str(project)], cwd=REPO, capture_output=True, text=True
    )
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if line.startswith(("status ", "modules ")))
    return lines["status"], set(lines["modules"].split())


def test_checking_valid_data_imports_no_library_for_messages_exports_or_serving(tmp_path):
    status, modules = _check_in_fresh_interpreter(make_project(tmp_path / "project", MULTI_DATA))
    assert status == "0"
    assert {"podium.programme.check", "fastjsonschema", "yaml"} <= modules  # the listing is the real one
    assert not {"jsonschema", "icalendar", "watchdog"} & modules


def test_checking_invalid_data_imports_jsonschema_for_its_messages(tmp_path):
    project = make_project(tmp_path / "project", MULTI_DATA)
    conference = project / "data" / "conference.yml"
    conference.write_text(conference.read_text(encoding="utf-8") + "\nunknown_field: 1\n", encoding="utf-8")
    status, modules = _check_in_fresh_interpreter(project)
    assert status == "1"
    assert "jsonschema" in modules
