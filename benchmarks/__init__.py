"""Benchmarks run by `make bench`; each writes its figures to benchmarks/results/."""

from __future__ import annotations

import json
from pathlib import Path


def save_results(path: Path, figures) -> None:
    """`figures` as indented JSON at `path`, its folder made if need be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
