"""A real browser: Playwright (from PyPI) driving Debian's Chromium, on a local server.

Playwright's own browser download does not work on these machines; the tests launch
the system Chromium instead. Without one they skip, except under CI=true, where a
missing browser fails the run (a skipped browser test must never pass for green).
"""

from __future__ import annotations

import shutil

import pytest

from benchmarks.synthetic import generate, write
from tests.conftest import REPO, run_build_py

from tests.server import SiteServer
from tests.tools import CHROMIUM_ARGS, chromium, unavailable

LARGE_PAPERS = 1000


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed: run make test")
    executable = chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _served(site, published=None):
    """A built site served as GitHub Pages would: yields its address, then stops."""
    server = SiteServer(site, published)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def seed_url(seed_project):
    yield from _served(seed_project / "site")


@pytest.fixture(scope="session")
def multi_url(multi_project):
    # The multi fixture says it is published at https://example.org/ptc2025/.
    yield from _served(multi_project / "site", "https://example.org/ptc2025/")


@pytest.fixture(scope="session")
def aspc_url(aspc_project):
    yield from _served(aspc_project / "site")


@pytest.fixture(scope="session")
def camp_url(camp_project):
    yield from _served(camp_project / "site")


@pytest.fixture(scope="session")
def large_project(tmp_path_factory):
    """A generated programme of 1,000 papers, built: the project's folder."""
    project = write(LARGE_PAPERS, tmp_path_factory.mktemp("large"))
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    result = run_build_py(project, "build")
    assert result.returncode == 0, result.stderr[-2000:]
    return project


@pytest.fixture(scope="session")
def large_site(large_project):
    """The 1,000-paper programme served: (address, its data files)."""
    server = SiteServer(large_project / "site")
    yield server.url, generate(LARGE_PAPERS)
    server.close()


class PageWatch:
    """Everything a page did that a test may want to forbid."""

    def __init__(self, page) -> None:
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        self._finished = []
        page.on("requestfinished", lambda request: self._finished.append(request))
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("http://127.0.0.1:", "data:", "blob:"))]

    def transferred_bytes(self) -> int:
        """Bytes the page's responses took on the wire (compressed bodies and headers)."""
        return sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in self._finished)


@pytest.fixture
def open_page(browser):
    """Open a URL in a fresh context; returns (page, watch)."""
    contexts = []

    def _open(url: str, wait_until: str = "networkidle", **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        watch = PageWatch(page)
        page.goto(url, wait_until=wait_until)
        return page, watch

    yield _open
    for context in contexts:
        context.close()
