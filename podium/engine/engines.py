"""The engine that turns Podium's staged pages into the site: MkDocs, or ProperDocs.

MkDocs 1.6.1 (August 2024) has had no release since, and its maintainers' 2.0 runs no
plugins or hooks. ProperDocs is a maintained fork of MkDocs 1.x: it reads the same
mkdocs.yml, runs the same hooks and Material theme, and builds the same site. What
differs between engines is here, and nowhere else: the command, its environment, and
whether it is installed. `PODIUM_ENGINE` chooses one (MkDocs by default); the
configuration (mkdocs_config.py) and the hooks (mkdocs_hooks.py) serve both.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .layout import SetupError

SETTING = "PODIUM_ENGINE"


class EngineError(SetupError):
    """The chosen engine is unknown or not installed."""


@dataclass(frozen=True)
class Engine:
    name: str  # as PODIUM_ENGINE names it
    module: str  # run as `python -m <module>`
    label: str  # as messages name it
    # Notices the engine prints at every run that organisers need not read each time
    # (Material's word on MkDocs 2.0: the README says what it means for Podium).
    quiet: Mapping[str, str] = field(default_factory=dict)

    def build_command(self, config: Path, output: Path) -> list[str]:
        """A strict build of `config` into `output`.

        Not `--quiet`: the engine counts warnings for `--strict` only when it logs them.
        """
        return [
            sys.executable, "-m", self.module, "build", "--strict", "--clean",
            "--config-file", str(config), "--site-dir", str(output),
        ]  # fmt: skip

    def serve_command(self, config: Path, address: str) -> list[str]:
        """A preview of `config` at `address` that reloads browsers on every change.

        --dirty: only the pages whose files changed are made again, and staging rewrites
        only what changed, so a save is cheap even with thousands of pages.
        """
        return [
            sys.executable, "-m", self.module, "serve", "--livereload", "--dirty",
            "--config-file", str(config), "--dev-addr", address,
        ]  # fmt: skip

    def environment(self) -> dict[str, str]:
        return {**os.environ, **self.quiet}

    def installed(self) -> bool:
        return importlib.util.find_spec(self.module) is not None


_QUIET = {"NO_MKDOCS_2_WARNING": "1"}
ENGINES = {
    "mkdocs": Engine("mkdocs", "mkdocs", "MkDocs", _QUIET),
    "properdocs": Engine("properdocs", "properdocs", "ProperDocs", _QUIET),
}
DEFAULT = "mkdocs"


def chosen(environ: Mapping[str, str] = os.environ) -> Engine:
    """The engine `PODIUM_ENGINE` names, installed; MkDocs when it names none."""
    name = (environ.get(SETTING) or DEFAULT).strip().lower()
    engine = ENGINES.get(name)
    if engine is None:
        raise EngineError(f"{SETTING}={name!r} is not an engine Podium builds with: use one of {', '.join(ENGINES)}")
    if not engine.installed():
        raise EngineError(f"{SETTING}={name}: {engine.module} is not installed (make installs requirements.txt, which has it)")
    return engine
