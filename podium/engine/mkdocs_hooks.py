"""Hooks Podium adds to the MkDocs build of every site (engine/mkdocs_config.py names this file in build/mkdocs.yml).

- `on_config`: the site's name marked as HTML-escaped already;
- `on_files`: in `build`, the generated pages, read from the few files Podium's
  processes wrote them into rather than from thousands of files;
- `on_page_markdown`, `on_page_content`: Podium's blocks of HTML kept out of
  Markdown's parser; with PODIUM_SHARD, only this process's share of the pages;
  a hand-written page in a language of its own (front matter `language`) marked so;
- `on_post_page`: each page's Markdown and HTML let go once written;
- `on_env`: Material's compiled templates kept between builds;
- `on_serve`: `serve` told of staged pages by the operating system, not by polling;
- `on_post_build`: in `serve`, the search index linked into the served site.

MkDocs loads this file by its path, not as part of the `podium` package, so it
imports nothing from Podium.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import shutil
import zlib

import jinja2
import markupsafe
import watchdog.events
import watchdog.observers
from babel import Locale, UnknownLocaleError
from mkdocs.structure.files import File, Files, set_exclusions

# The lines Podium writes around each block of HTML in a generated page; the same
# as fragments.BLOCK_START and BLOCK_END (a test checks that they agree).
BLOCK_START = "<!--podium-html-->"
BLOCK_END = "<!--/podium-html-->"
_BLOCK = re.compile(f"^{re.escape(BLOCK_START)}\n(.*?)\n{re.escape(BLOCK_END)}$", re.S | re.M)

# Blocks lifted out of each page, by the page's source path, until its HTML is made.
_lifted: dict[str, tuple[str, list[str]]] = {}
# The generated pages' paths, whose Markdown this process holds until it reads them.
_bundled: set[str] = set()
# Where Markdown left a lifted block's token: one pattern for every page (a pattern
# made per page, with its token in it, was compiled again for each of them).
_TOKEN_PARAGRAPH = re.compile(r"<p>(podium-html-[0-9a-f]{24}-)(\d+)</p>")


def on_config(config):
    """The site's name is HTML-escaped already (engine/mkdocs_config.py: Material prints it
    unescaped in most places); marked so, the templates that escape it too (`| e`, the
    logo's tooltip) do not escape it twice (`R&amp;amp;D`)."""
    config["site_name"] = markupsafe.Markup(config["site_name"])
    return config


def on_files(files: Files, config) -> Files:
    """In `build`: add the generated pages, from the bundles named by `extra.podium.pages`.

    Each process that rendered pages wrote them into one bundle (build.py): a
    `marshal`led {path: Markdown bytes}. Creating and reading thousands of files
    cost more than making the pages. `serve` stages real files instead, which MkDocs
    watches. The files are put in the order MkDocs walks a docs folder, so the
    sitemap and search index list pages as they would from files.
    """
    podium = config.extra.get("podium") or {}
    if not podium.get("pages"):
        return files
    folder = os.path.join(os.path.dirname(config.config_file_path), podium["pages"])
    every = list(files)
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as bundle:
            pages: dict[str, bytes] = marshal.load(bundle)
        generated = [File.generated(config, path, content=content) for path, content in pages.items()]
        # MkDocs sets which pages are in the navigation after this hook; set here, the
        # same way, it says which pages another process renders. Those are only names
        # here (on_page_markdown empties them anyway): each process holds the Markdown
        # of its own share only.
        set_exclusions(generated, config)
        for file in generated:
            if not _is_rendered_here(file):
                file.content_bytes = b""
        every += generated
        _bundled.update(pages)
    return Files(sorted(every, key=_walk_order))


def _walk_order(file: File) -> tuple:
    """Where MkDocs' get_files would list `file`: by folder, then index first, then by name."""
    *folders, name = file.src_uri.split("/")
    return (tuple(folders), (os.path.splitext(name)[0] not in ("index", "README"), name))


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Lift Podium's blocks of HTML out of a page before Markdown parses it.

    Python-Markdown parses raw HTML tag by tag only to pass it through unchanged:
    on a large programme that is a third of its time. Each block becomes a line
    holding a token no text of the page can hold (it names a digest of the page),
    and `on_page_content` puts the block back where Markdown wrapped that line in <p>.
    """
    if page.file.src_uri in _bundled:
        page.file.content_bytes = b""  # read: let go of the generated page's bytes
    if not _is_rendered_here(page.file):
        # Another MkDocs process renders this page (mkdocs_shards.py): an empty
        # template makes empty output, which MkDocs does not write.
        page.meta["template"] = "podium/elsewhere.html"
        page.meta["search"] = {"exclude": True}
        return ""
    blocks: list[str] = []
    token = "podium-html-" + hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:24] + "-"

    def lift(match: re.Match) -> str:
        blocks.append(match[1])
        return f"{token}{len(blocks) - 1}"

    lifted = _BLOCK.sub(lift, markdown)
    if blocks:
        _lifted[page.file.src_uri] = (token, blocks)
    return lifted


def _is_rendered_here(file: File) -> bool:
    """Whether this process renders `file`'s page: with PODIUM_SHARD=k/n, only its share.

    Pages in the navigation belong to the first process (their titles and order
    show on other pages); the rest by a hash of their path, the same in every process.
    """
    index, count = (int(part) for part in os.environ.get("PODIUM_SHARD", "0/1").split("/"))
    if count == 1:
        return True
    if not file.inclusion.is_not_in_nav():
        return index == 0
    return zlib.crc32(file.src_uri.encode("utf-8")) % count == index


def on_page_content(html: str, page, config, files) -> str:
    token, blocks = _lifted.pop(page.file.src_uri, ("", []))
    if blocks:
        html = _TOKEN_PARAGRAPH.sub(lambda match: blocks[int(match[2])] if match[1] == token else match[0], html)
    return in_own_language(html, page.meta.get("language"), config["extra"]["podium"]["language"])


def in_own_language(html: str, language, site_language: str) -> str:
    """A hand-written page whose front matter gives a language other than the site's
    (Podium's For organisers page is English on every site) wrapped in its `lang` and
    `dir`, so that screen readers read it in its own language."""
    if not isinstance(language, str) or not language.strip():
        return html
    tag = language.strip()
    if site_language.lower() == tag.lower() or site_language.lower().startswith(tag.lower() + "-"):
        return html  # the site's language, or the site's with a region (en on an en-AU site)
    return f'<div lang="{markupsafe.escape(tag)}" dir="{_direction(tag)}">{html}</div>'


def _direction(tag: str) -> str:
    """As translations.direction, which this file cannot import."""
    try:
        order = Locale.parse(tag, sep="-").character_order
    except (ValueError, TypeError, UnknownLocaleError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def on_post_page(output: str, page, config) -> str:
    """Let go of a page's Markdown and HTML once it is written.

    MkDocs keeps both for every page until the build ends, though nothing reads
    them after this (anchor checks use the ids found while rendering): on a
    programme of 5,000 sessions that is a hundred megabytes or more per process.
    """
    page.markdown = None
    page.content = None
    return output


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


class _ChangesObserver(watchdog.observers.Observer):  # type: ignore[valid-type,misc]  # the platform's observer, chosen at import
    """The operating system's file watcher (inotify on Linux), told only of changes.

    Reading a file is an event too (opened, closed without writing); MkDocs reads
    every page while it builds, and would otherwise rebuild for ever.
    """

    CHANGES = (
        watchdog.events.FileCreatedEvent,
        watchdog.events.FileModifiedEvent,
        watchdog.events.FileMovedEvent,
        watchdog.events.FileDeletedEvent,
        watchdog.events.FileClosedEvent,
        watchdog.events.DirCreatedEvent,
        watchdog.events.DirMovedEvent,
        watchdog.events.DirDeletedEvent,
    )

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(
            event_handler, path, recursive=recursive, event_filter=self.CHANGES, follow_symlink=follow_symlink
        )


def on_post_build(config) -> None:
    """In `serve`: link the search index (made aside after each save, engine/serve.py) into the site served.

    Staged with the docs, each new index would be a change MkDocs rebuilds for, and
    MkDocs holds every request until a rebuild is done: a save took 2.2 s to show
    instead of 1.5 s at 1,000 papers. Linked, a new index is served as soon as it is
    swapped in, and MkDocs never copies it.
    """
    index = os.environ.get("PODIUM_SEARCH_INDEX")
    if not index:
        return
    link = os.path.join(config.site_dir, os.path.basename(index))
    if os.path.islink(link):
        return
    if os.path.isdir(link):
        shutil.rmtree(link)
    os.symlink(index, link, target_is_directory=True)


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
