"""The docs folder MkDocs reads: docs/ and the generated files, written only where they changed.

Files in build/docs/ are rewritten only when their bytes change, so their timestamps
say what changed, and `serve` rebuilds cheaply. `build` hands MkDocs its pages in
bundles instead (build.py): on a large programme, creating thousands of files took
longer than making the pages.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import pages
from ..programme.model import Programme
from ..programme.reading import leads_outside
from . import mkdocs_config, search_index
from . import preview as preview_files
from .generate import generate
from .layout import BuildError, Layout, build_stamp
from .reuse import Fresh


def stage(layout: Layout, programme: Programme, reuse: Fresh = Fresh(), preview: bool = False) -> dict[str, bytes]:
    """For `serve`: every generated file and docs/ in build/docs/, and the MkDocs config.

    Returns the generated files. `reuse` keeps what the last generation made. With
    `preview`, the pages also carry the notice of the data's problems (preview.py),
    none now.
    """
    generated = generate(programme, build_stamp(), reuse)
    _stage(layout, programme, generated, reuse, preview)
    return generated


def stage_pages(layout: Layout, programme: Programme) -> None:
    """The generated pages as files in build/docs/, beside docs/, and the MkDocs config.

    What another engine can read (plain MkDocs, Zensical: benchmarks/build_speed.py).
    """
    _stage(layout, programme, pages.render(programme))


def _stage(
    layout: Layout, programme: Programme, generated: dict[str, bytes], reuse: Fresh = Fresh(), preview: bool = False
) -> None:
    """Make build/docs/ hold docs/ and `generated`, and write the MkDocs config."""
    hand_written = hand_written_files(layout)
    refuse_clashes(hand_written, generated)
    wanted = {**generated, **hand_written, **(preview_files.files([]) if preview else {})}
    sync(layout.staged_docs, wanted, reuse.last_staged())
    reuse.staged(wanted)
    write_if_changed(layout.config, mkdocs_config.config(layout, programme, preview=preview).encode("utf-8"))


def hand_written_files(layout: Layout) -> dict[str, bytes]:
    """The files of docs/, by their path in it; a symbolic link that leads outside the
    project is an error, since everything in docs/ is published as it is."""
    if not layout.docs.is_dir():
        return {}
    files = {}
    for file in sorted(layout.docs.rglob("*")):
        if not (file.is_file() or file.is_symlink()):
            continue
        if leads_outside(file, layout.root):
            raise BuildError(
                f"{file.relative_to(layout.root).as_posix()} is a symbolic link to a file outside the project:"
                " everything in docs/ is published, so Podium takes only files inside it"
            )
        if file.is_file():
            files[file.relative_to(layout.docs).as_posix()] = file.read_bytes()
    return files


def refuse_clashes(hand_written: dict[str, bytes], generated) -> None:
    """A hand-written page at the path of a generated one is an error: no page silently replaces another.

    So is a hand-written file in the search index's folder, which the index replaces whole."""
    for relative in generated:
        if relative in hand_written:
            raise BuildError(f"docs/{relative} has the same path as a generated page; rename it")
    folder = f"{search_index.FOLDER}/"
    in_the_way = sorted(path for path in hand_written if path.startswith(folder))
    if in_the_way:
        raise BuildError(f"docs/{in_the_way[0]} is in docs/{folder}, where Podium puts the search index; move it")


def sync(folder: Path, files: dict[str, bytes], previous: dict[str, bytes] | None = None) -> None:
    """Make `folder` hold exactly `files`, touching only what differs.

    `previous` is what the last call wrote (`serve` keeps it): a file whose bytes are
    the very object written then is not read back. What differs is found first and
    written after, in one short burst: `serve`'s MkDocs watches the folder, and a save
    spread out in time could make it rebuild twice.
    """
    _write_changed(folder, files, previous)
    if not (previous and previous.keys() == files.keys()):  # else the same files as last time
        _remove_others(folder, files.keys())


def _write_changed(folder: Path, files: dict[str, bytes], previous: dict[str, bytes] | None = None) -> None:
    """Write the `files` whose bytes differ from what `folder` holds (or `previous` says it holds).

    With `os` and plain strings, and each folder made once: thousands of files
    through pathlib took three times as long.
    """
    previous = previous or {}
    base = os.fspath(folder)
    for relative in files:
        # Plain string checks: resolving thousands of paths on the disk is slow.
        if relative.startswith("/") or ".." in relative.split("/"):
            raise BuildError(f"refusing to write outside the build folder: {relative}")
    changed = [
        (os.path.join(base, relative), content)
        for relative, content in files.items()
        if previous.get(relative) is not content and not _holds(os.path.join(base, relative), content)
    ]
    made: set[str] = set()
    for target, content in changed:
        folder_of_target = os.path.dirname(target)
        if folder_of_target not in made:
            os.makedirs(folder_of_target, exist_ok=True)
            made.add(folder_of_target)
        _write_file(target, content)


def _remove_others(folder: Path, kept) -> None:
    """Delete the files of `folder` not named in `kept`, and the folders left empty."""
    for existing in sorted(folder.rglob("*"), reverse=True):
        relative = existing.relative_to(folder).as_posix()
        if existing.is_file() and relative not in kept:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()


def _holds(target: str | Path, content: bytes) -> bool:
    try:
        if os.stat(target).st_size != len(content):
            return False
        with open(target, "rb") as file:
            return file.read() == content
    except OSError:
        return False


def write_if_changed(target: Path, content: bytes) -> None:
    if not _holds(target, content):
        write(target, content)


def write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_file(os.fspath(target), content)


def _write_file(target: str, content: bytes) -> None:
    """Write through a temporary file and a rename, so no reader sees half a file."""
    temporary = target + ".tmp"
    with open(temporary, "wb") as file:
        file.write(content)
    os.replace(temporary, target)
