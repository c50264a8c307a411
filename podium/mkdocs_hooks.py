"""Hooks Podium adds to the MkDocs build of every site (site.py names this file in build/mkdocs.yml).

MkDocs loads this file by its path, not as part of the `podium` package, so it
imports nothing from Podium.
"""

from __future__ import annotations

import os

import jinja2


def on_env(env: jinja2.Environment, config, files) -> jinja2.Environment:
    """Keep the theme's compiled templates from one build to the next.

    MkDocs compiles Material's templates anew for every build: after a save in
    `serve` that is a third of MkDocs' rebuild. Jinja's bytecode cache keys each
    template by a checksum of its source, so an edited template is compiled again.
    """
    folder = os.path.join(os.path.dirname(config.config_file_path), "templates-cache")
    os.makedirs(folder, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(folder)
    return env
