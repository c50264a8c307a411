"""Real programmes for the benchmarks: the import samples beside the checkout, imported as
they are and built, where they are here (Podium's development machines)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import IMPORT_SAMPLES, REPO, run_build_py


def built_import(sample: str, folder: Path) -> Path | None:
    """The site of the import sample `sample` imported into a new project in `folder`
    and built; None where the sample is not here."""
    export = IMPORT_SAMPLES / sample
    if not export.is_file():
        return None
    folder.mkdir(parents=True)
    shutil.copytree(REPO / "docs", folder / "docs")
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    for step in (("import", str(export)), ("build",)):
        result = run_build_py(folder, *step)
        if result.returncode != 0:
            raise RuntimeError(result.stderr[-2000:])
    return folder / "site"
