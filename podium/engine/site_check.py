"""`build.py verify`: the built site/ checked as GitHub Pages will serve it, whatever the programme.

The publishing workflow runs it between the build and the deployment: every link and
asset inside the site resolves to a file (also under a project site's sub-path), nothing
is loaded from another host, and no page is heavier for a phone than the budget. It reads
only site/, so it holds for any programme, and takes seconds where the development suite
takes minutes.
"""

from __future__ import annotations

import gzip
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

# What one page may cost a phone on its first visit: its HTML and everything it loads
# (styles, scripts, pictures), gzipped as GitHub Pages serves text. The day page of
# 1,000 talks in 8 rooms is held to the same figure by the tests.
PAGE_BUDGET = 250 * 1024
# Elements whose address the browser fetches by itself when the page loads.
LOADED = {("script", "src"), ("img", "src"), ("link", "href"), ("iframe", "src"), ("source", "src"),
          ("audio", "src"), ("video", "src"), ("track", "src"), ("embed", "src"), ("object", "data")}  # fmt: skip
# <link> relations that only name an address (search engines, feeds) and load nothing.
NAMING_RELATIONS = {"canonical", "alternate", "prev", "next", "author", "license", "me"}
LINKING = {("a", "href"), ("area", "href"), ("form", "action")}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".webmanifest", ".bib"}


@dataclass
class SiteReport:
    pages: int = 0
    links: int = 0
    heaviest: tuple[str, int] = ("", 0)
    problems: list[str] = field(default_factory=list)
    # Links written by organisers (rel="nofollow": text/markup.py and the links of the data)
    # that lead nowhere, such as `[Mici](github.com/x)` without https://: the organiser's
    # to mend, and no reason to hold back the rest of the programme.
    warnings: list[str] = field(default_factory=list)


def verify(site: Path) -> SiteReport:
    """Every problem of the built site at `site`, and what was counted."""
    site = site.resolve()
    checker = _Checker(site)
    for page in sorted(site.rglob("*.html")):
        checker.check_page(page)
    for stylesheet in sorted(site.rglob("*.css")):
        checker.check_stylesheet(stylesheet)
    return checker.report


class _Checker:
    def __init__(self, site: Path) -> None:
        self.site = site
        self.report = SiteReport()
        self.base = _base(site)
        self._sizes: dict[Path, int] = {}

    def check_page(self, page: Path) -> None:
        relative = page.relative_to(self.site).as_posix()
        self.report.pages += 1
        try:
            tree = lxml.html.fromstring(page.read_bytes())
        except (lxml.etree.ParserError, ValueError):
            self.report.problems.append(f"site/{relative}: not readable as HTML")
            return
        weight = self._served_size(page)
        for element, attribute, address, _position in tree.iterlinks():  # type: ignore[attr-defined]  # lxml.html's, not in lxml-stubs
            kind = (element.tag, attribute)
            if kind not in LOADED and kind not in LINKING:
                continue
            if element.tag == "link" and set((element.get("rel") or "").split()) & NAMING_RELATIONS:
                kind = ("a", "href")  # named, not loaded
            self.report.links += 1
            target = self._resolve(relative, address, loaded=kind in LOADED)
            if isinstance(target, str):
                organisers = kind == ("a", "href") and "nofollow" in (element.get("rel") or "").split()
                (self.report.warnings if organisers else self.report.problems).append(f"site/{relative}: {target}")
            elif target is not None and kind in LOADED:
                weight += self._served_size(target)
        if weight > self.report.heaviest[1]:
            self.report.heaviest = (relative, weight)
        if weight > PAGE_BUDGET:
            self.report.problems.append(
                f"site/{relative}: {weight / 1024:.0f} KB on a first visit, over the budget of {PAGE_BUDGET // 1024} KB"
            )

    def check_stylesheet(self, stylesheet: Path) -> None:
        relative = stylesheet.relative_to(self.site).as_posix()
        for address in CSS_URL.findall(stylesheet.read_text(encoding="utf-8", errors="replace")):
            self.report.links += 1
            target = self._resolve(relative, address.strip(), loaded=True)
            if isinstance(target, str):
                self.report.problems.append(f"site/{relative}: {target}")

    def _resolve(self, page: str, address: str, loaded: bool) -> Path | str | None:
        """The file `address` on `page` names (None: outside the site, or nothing to fetch),
        or what is wrong with it."""
        parts = urlsplit(address.strip())
        if parts.scheme in ("data", "mailto", "tel", "webcal", "javascript", "blob") or address.startswith("#"):
            return None
        if parts.scheme or parts.netloc:
            if self.base is None or not _same_site(parts.scheme, parts.netloc, parts.path, self.base):
                if loaded:
                    return f"loads {address} from another site (a phone at the venue would ask another host)"
                return None  # a link to another site: the visitor chooses to follow it
        if parts.scheme or parts.path.startswith("/"):
            prefix = self.base.path if self.base is not None else "/"
            if not parts.path.startswith(prefix):
                return f"{address} is outside the site's address {prefix} (it breaks under a project site's /REPO/)"
            path = parts.path[len(prefix) :]
        else:
            path = posixpath.join(posixpath.dirname(page), parts.path) if parts.path else page
        return self._file(unquote(path), address)

    def _file(self, path: str, address: str) -> Path | str:
        """The file at `path`, relative to the site's root, as a static server finds it."""
        inside = posixpath.normpath("/" + path).lstrip("/")
        candidate = (self.site / inside).resolve() if inside else self.site
        if candidate != self.site and self.site not in candidate.parents:
            return f"{address} leads outside the site"
        if path.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        if not candidate.is_file():
            return f"{address} leads to no file (site/{candidate.relative_to(self.site).as_posix()})"
        return candidate

    def _served_size(self, file: Path) -> int:
        """Bytes sent for `file`: gzipped where GitHub Pages compresses it."""
        if file not in self._sizes:
            data = file.read_bytes()
            self._sizes[file] = len(gzip.compress(data, 6, mtime=0)) if file.suffix in TEXT_SUFFIXES else len(data)
        return self._sizes[file]


@dataclass(frozen=True)
class _Base:
    scheme_host: str  # "https://user.github.io"
    path: str  # "/conf/"


def _base(site: Path) -> _Base | None:
    """The site's own address, from its home page's canonical link (None where the build had none)."""
    home = site / "index.html"
    if not home.is_file():
        return None
    for link in lxml.html.fromstring(home.read_bytes()).iter("link"):
        href = link.get("href")
        if link.get("rel") == "canonical" and isinstance(href, str) and href:
            parts = urlsplit(href)
            path = parts.path if parts.path.endswith("/") else parts.path + "/"
            return _Base(f"{parts.scheme}://{parts.netloc}", path)
    return None


def _same_site(scheme: str, host: str, path: str, base: _Base) -> bool:
    return f"{scheme}://{host}" == base.scheme_host and (path + "/").startswith(base.path)
