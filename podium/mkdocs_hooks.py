"""Hooks Podium adds to the MkDocs build of every site (site.py names this file in build/mkdocs.yml).

MkDocs loads this file by its path, not as part of the `podium` package, so it
imports nothing from Podium.
"""

from __future__ import annotations

import os

import jinja2
import watchdog.events
import watchdog.observers


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


class _ChangesObserver(watchdog.observers.Observer):
    """The operating system's file watcher (inotify on Linux), told only of changes.

    Reading a file is an event too (opened, closed without writing); MkDocs reads
    every page while it builds, and would otherwise rebuild for ever.
    """

    CHANGES = [
        watchdog.events.FileCreatedEvent,
        watchdog.events.FileModifiedEvent,
        watchdog.events.FileMovedEvent,
        watchdog.events.FileDeletedEvent,
        watchdog.events.FileClosedEvent,
        watchdog.events.DirCreatedEvent,
        watchdog.events.DirMovedEvent,
        watchdog.events.DirDeletedEvent,
    ]

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(
            event_handler, path, recursive=recursive, event_filter=self.CHANGES, follow_symlink=follow_symlink
        )


def on_serve(server, config, builder):
    """Let `serve` hear of staged pages as they are written, not at its next look.

    MkDocs looks for changes every half second, in thousands of files; Podium writes
    the pages a save changed in one burst, and the operating system can say so at once.
    """
    watched = [config.docs_dir, config.config_file_path]
    for path in watched:
        server.unwatch(path)
    server.observer = _ChangesObserver()
    for path in watched:
        server.watch(path)
    return server
