"""The real exports of other systems the importers are tried on (../shared/import-samples/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.tools import unavailable

SAMPLES = REPO.parent / "shared" / "import-samples"


@pytest.fixture
def sample():
    """The path of a sample; skips (fails under CI=true) where the folder is absent, as in a user's clone."""

    def _sample(name: str) -> Path:
        path = SAMPLES / name
        if not path.is_file():
            unavailable(f"{path} is not here: the import samples come with the development machines")
        return path

    return _sample
