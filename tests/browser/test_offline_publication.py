"""A new publication replaces everything a phone saved for offline use: a file planted in
the saved copy (by any script that once ran on the site) does not outlive it."""

from __future__ import annotations

import time

from tests.conftest import SEED_DATA, make_project, run_build_py
from tests.server import SiteServer

CACHES = "caches.keys().then(names => names.filter(name => name.startsWith('podium ')))"


def _until(page, expression: str, timeout: float = 30.0):
    """The value of `expression` (a promise, awaited) once it is truthy."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value or time.monotonic() > deadline:
            assert value, f"still falsy after {timeout} s: {expression}"
            return value
        time.sleep(0.2)


def _saved(cache: str, url: str) -> str:
    return f"caches.open({cache!r}).then(c => c.match({url!r})).then(r => r ? r.text() : null)"


def test_a_poisoned_saved_file_does_not_survive_the_next_publication(browser, tmp_path):
    project = make_project(tmp_path / "project", SEED_DATA)
    assert run_build_py(project, "build").returncode == 0
    (bundle,) = (project / "site" / "assets" / "javascripts").glob("bundle.*.min.js")
    server = SiteServer(project / "site")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url)
        bundle_url = server.url + "assets/javascripts/" + bundle.name
        (first,) = _until(page, CACHES)
        _until(page, _saved(first, bundle_url))
        # A script that ran once on the site plants its own file under the bundle's name.
        page.evaluate(f"caches.open({first!r}).then(c => c.put({bundle_url!r}, new Response('/* planted */')))")
        assert _until(page, _saved(first, bundle_url)) == "/* planted */"
        # The next publication: the same bundle, a new build.
        session = project / "data" / "sessions" / "collective-sharing-poverty-alleviation-china.yml"
        session.write_text(session.read_text(encoding="utf-8") + "subtitle: A new build\n", encoding="utf-8")
        assert run_build_py(project, "build").returncode == 0
        page.reload()
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        # The new build's worker keeps its files in a cache of its own name.
        (second,) = _until(page, f"{CACHES}.then(names => names.filter(name => name !== {first!r}))")
        saved = _until(page, _saved(second, bundle_url))
        assert "planted" not in saved and saved.encode("utf-8") == bundle.read_bytes()
    finally:
        context.close()
        server.close()
