"""Write the generated pages, run MkDocs, and publish `site/` only when all succeeded.

Layout of the work folder (`build/`, ignored by git):

    build/docs/        MkDocs' docs_dir: docs/, and for `serve` the generated pages
    build/pages/       for `build`, the generated pages: one bundle per process that
                       made them, which Podium's MkDocs hook reads (mkdocs_hooks.py)
    build/mkdocs.yml   inherits the project's mkdocs.yml, adds what comes from the data
    build/site.new/    MkDocs' output; renamed to site/ only after a clean build
    build/site.shard*/ the other MkDocs processes' pages, merged into site.new/
    build/exports.new/ the exports, written while MkDocs runs, then moved into site.new/
    build/templates-cache/  Material's compiled templates, kept between builds

Files in build/docs/ are rewritten only when their bytes change, so their timestamps
say what changed, and `serve` rebuilds cheaply. `build` writes its pages in bundles
instead: on a large programme, creating thousands of files took longer than making
the pages.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import json
import marshal
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import exports, forking, markup, mkdocs_shards, pages
from .generate import generate
from .model import Programme
from .reuse import Fresh

THEME = Path(__file__).resolve().parent / "theme"
HOOKS = Path(__file__).resolve().parent / "mkdocs_hooks.py"


class BuildError(Exception):
    """MkDocs or the file system failed; the message says how."""


class SetupError(BuildError):
    """The environment is wrong (not the data): a bad SOURCE_DATE_EPOCH, say."""


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its inputs and where a build writes."""

    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def work(self) -> Path:
        return self.root / "build"

    @property
    def staged_docs(self) -> Path:
        return self.work / "docs"

    @property
    def page_bundles(self) -> Path:
        return self.work / "pages"

    @property
    def config(self) -> Path:
        return self.work / "mkdocs.yml"

    @property
    def site(self) -> Path:
        return self.root / "site"


def build_stamp() -> dt.datetime:
    """The build's one timestamp: SOURCE_DATE_EPOCH, so the same input gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "0")
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError) as error:
        raise SetupError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}") from error


def stage(layout: Layout, programme: Programme, reuse: Fresh = Fresh()) -> dict[str, bytes]:
    """For `serve`: every generated file and docs/ in build/docs/, and the MkDocs config.

    Returns the generated files. `reuse` keeps what the last generation made.
    """
    generated = generate(programme, build_stamp(), reuse)
    _stage(layout, programme, generated, reuse)
    return generated


def stage_pages(layout: Layout, programme: Programme) -> None:
    """The generated pages as files in build/docs/, beside docs/, and the MkDocs config.

    What another engine can read (plain MkDocs, Zensical: benchmarks/build_speed.py).
    """
    _stage(layout, programme, pages.render(programme))


def build(layout: Layout, programme: Programme, processes: int | None = None) -> dict[str, float]:
    """For `build`: the site into site/, replaced only when everything succeeded.

    On a large site the pages are made, and MkDocs renders them, in as many
    processes as there are cores (pages.py, mkdocs_shards.py); meanwhile this
    process, which would otherwise wait, makes the exports (calendars, schedule
    data), which MkDocs need not see, and moves them into MkDocs' output after.
    Returns the wall time of each phase (`exports` runs within `mkdocs`).
    """
    started = time.perf_counter()
    stamp = build_stamp()
    count = processes or mkdocs_shards.process_count(pages.page_count(programme))
    if count > 1:
        markup.render_ahead(pages.prose_texts(programme), count)  # inherited by what is forked next
    # In processes of their own: what making pages takes (hundreds of MB at 5,000
    # sessions) goes back to the system when each ends, not kept while MkDocs runs.
    forking.in_child(count > 1, _render_into_bundles, layout, programme, count)
    phases = {"generate": time.perf_counter() - started}
    outputs = [layout.work / "site.new"] + [layout.work / f"site.shard{k}" for k in range(1, count)]
    for output in outputs:
        shutil.rmtree(output, ignore_errors=True)
    mkdocs_started = time.perf_counter()

    exports_folder = layout.work / "exports.new"
    shutil.rmtree(exports_folder, ignore_errors=True)

    def make_exports() -> list[str]:
        """The exports, written beside MkDocs' output while it runs; moved in after.

        Here, not in a forked process: one would copy, page by page, the part of the
        programme it reads (a forked process's reference counts are writes), while
        making the exports, written one file at a time, takes little memory. At
        5,000 sessions the build's peak was 450 to 500 MB with a process of their
        own, 460 to 470 MB without.
        """
        written = _write_exports(programme, stamp, exports_folder, layout.docs)
        phases["exports"] = time.perf_counter() - mkdocs_started
        return written

    try:
        command = lambda output: _mkdocs_build_command(layout, output)  # noqa: E731
        exported = mkdocs_shards.run(command, outputs, layout.root, mkdocs_environment(), make_exports)
    except mkdocs_shards.MkDocsFailed as error:
        raise BuildError(f"MkDocs failed:\n{error}") from None
    phases["mkdocs"] = time.perf_counter() - mkdocs_started
    published_at = time.perf_counter()
    mkdocs_shards.merge_all(outputs)
    phases["merge"] = time.perf_counter() - published_at
    for relative in exported:  # renames: the bytes were written while MkDocs ran
        target = outputs[0] / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        (exports_folder / relative).replace(target)
    shutil.rmtree(exports_folder)
    publish(layout, outputs[0])
    phases["publish"] = time.perf_counter() - published_at - phases["merge"]
    return phases


def _render_into_bundles(layout: Layout, programme: Programme, processes: int) -> None:
    """For `build`: the pages in bundles (one per process that renders them), docs/ in build/docs/, the config."""
    hand_written = _hand_written(layout)
    bundles = layout.page_bundles
    shutil.rmtree(bundles, ignore_errors=True)
    bundles.mkdir(parents=True)
    generated = pages.render_each(programme, processes, lambda share: _write_bundle(bundles, share))
    _refuse_clashes(hand_written, generated)
    _sync(layout.staged_docs, hand_written)
    config = _config(layout, programme, page_bundles=True)
    _write_if_changed(layout.config, config.encode("utf-8"))


def _write_bundle(folder: Path, generated: dict[str, bytes]) -> None:
    """One process's pages as one file, named after the process (mkdocs_hooks.on_files reads it)."""
    _write(folder / f"{os.getpid()}.marshal", marshal.dumps(generated))


def _write_exports(programme: Programme, stamp: dt.datetime, folder: Path, docs: Path) -> list[str]:
    """Write every export into `folder`; their paths. A hand-written file in the way is an error."""
    written = []
    for relative, content in exports.each_file(programme, stamp):
        if (docs / relative).is_file():
            raise BuildError(f"docs/{relative} has the same path as a generated file; rename it")
        _write(folder / relative, content)
        written.append(relative)
        del content  # written: not kept while the next export is made
    return written


def _stage(layout: Layout, programme: Programme, generated: dict[str, bytes], reuse: Fresh = Fresh()) -> None:
    """Make build/docs/ hold docs/ and `generated`, and write the MkDocs config."""
    hand_written = _hand_written(layout)
    _refuse_clashes(hand_written, generated)
    wanted = {**generated, **hand_written}
    _sync(layout.staged_docs, wanted, reuse.last_staged())
    reuse.staged(wanted)
    _write_if_changed(layout.config, _config(layout, programme).encode("utf-8"))


def _hand_written(layout: Layout) -> dict[str, bytes]:
    """The files of docs/, by their path in it."""
    if not layout.docs.is_dir():
        return {}
    return {
        file.relative_to(layout.docs).as_posix(): file.read_bytes()
        for file in sorted(layout.docs.rglob("*"))
        if file.is_file()
    }


def _refuse_clashes(hand_written: dict[str, bytes], generated) -> None:
    """A hand-written page at the path of a generated one is an error: no page silently replaces another."""
    for relative in generated:
        if relative in hand_written:
            raise BuildError(f"docs/{relative} has the same path as a generated page; rename it")


def _mkdocs_build_command(layout: Layout, output: Path) -> list[str]:
    """`mkdocs build --strict` of the staged docs into `output`.

    Not `--quiet`: MkDocs counts warnings for `--strict` only when it logs them.
    """
    return [
        sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
        "--config-file", str(layout.config), "--site-dir", str(output),
    ]  # fmt: skip


def mkdocs_environment() -> dict[str, str]:
    """The environment for MkDocs, without Material's end-of-life banner on every run.

    The notice (Material is maintained until 2027; Zensical succeeds it) is in the
    README; organisers need not read it at every build and save.
    """
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def publish(layout: Layout, built: Path) -> None:
    """Replace site/ by `built` in two renames, so site/ is never half written."""
    old = layout.work / "site.old"
    shutil.rmtree(old, ignore_errors=True)
    if layout.site.exists():
        layout.site.rename(old)
    built.rename(layout.site)
    shutil.rmtree(old, ignore_errors=True)


def _config(layout: Layout, programme: Programme, page_bundles: bool = False) -> str:
    """build/mkdocs.yml; with `page_bundles`, the hook adds the pages from build/pages/."""
    conference = programme.conference
    config: dict = {
        "INHERIT": os.path.relpath(layout.root / "mkdocs.yml", layout.work),
        # Material prints site_name into HTML without escaping it: escape it here.
        "site_name": html.escape(conference.name),
        "docs_dir": "docs",
        "theme": {
            "language": _theme_language(conference.language),
            "custom_dir": os.path.relpath(THEME, layout.work),
        },
        # INHERIT replaces lists: the project's own hooks are named again, before Podium's.
        "hooks": _project_hooks(layout) + [os.path.relpath(HOOKS, layout.work)],
        # The exact language tag for <html lang>, which the theme's own list lacks (en-AU).
        "extra": {"podium": {"language": conference.language}},
    }
    if page_bundles:
        config["extra"]["podium"]["pages"] = os.path.relpath(layout.page_bundles, layout.work)
    if conference.url:
        config["site_url"] = conference.url
    # JSON is YAML too, and JSON quoting cannot be misread.
    return json.dumps(config, indent=2, ensure_ascii=False) + "\n"


def _project_hooks(layout: Layout) -> list[str]:
    """The hooks the project's mkdocs.yml names, as paths from build/."""
    try:
        text = (layout.root / "mkdocs.yml").read_text(encoding="utf-8")
        config = yaml.load(text, Loader=_AnyTagLoader)  # noqa: S506 (a SafeLoader that ignores tags)
    except (OSError, yaml.YAMLError):
        return []  # MkDocs reports a broken mkdocs.yml itself
    hooks = config.get("hooks") if isinstance(config, dict) else None
    if not isinstance(hooks, list):
        return []
    return [os.path.relpath(layout.root / hook, layout.work) for hook in hooks if isinstance(hook, str)]


class _AnyTagLoader(yaml.SafeLoader):
    """Reads an mkdocs.yml's plain values; MkDocs' own tags (!ENV, !relative) become nothing."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _theme_language(tag: str) -> str:
    """Material's translation closest to the tag: en-AU → en, pt-BR → pt-BR."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return "en"
    available = Path(spec.origin).parent / "templates" / "partials" / "languages"
    for candidate in (tag, tag.split("-")[0]):
        if (available / f"{candidate}.html").is_file():
            return candidate
    return "en"


def _sync(folder: Path, files: dict[str, bytes], previous: dict[str, bytes] | None = None) -> None:
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
        if existing.is_file() and existing.relative_to(folder).as_posix() not in kept:
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


def _write_if_changed(target: Path, content: bytes) -> None:
    if not _holds(target, content):
        _write(target, content)


def _write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_file(os.fspath(target), content)


def _write_file(target: str, content: bytes) -> None:
    """Write through a temporary file and a rename, so no reader sees half a file."""
    temporary = target + ".tmp"
    with open(temporary, "wb") as file:
        file.write(content)
    os.replace(temporary, target)
