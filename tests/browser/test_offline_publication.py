"""A new publication replaces everything a phone saved for offline use: a file planted in
the saved copy (by any script that once ran on the site) does not outlive it."""

from __future__ import annotations

from tests.conftest import SEED_DATA, make_project, run_build_py
from tests.server import SiteServer

CACHES = "caches.keys().then(names => names.filter(name => name.startsWith('podium ')))"


def test_a_poisoned_saved_file_does_not_survive_the_next_publication(browser, tmp_path):
    project = make_project(tmp_path / "project", SEED_DATA)
    assert run_build_py(project, "build").returncode == 0
    (bundle,) = (project / "site" / "assets" / "javascripts").glob("bundle.*.min.js")
    server = SiteServer(project / "site")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        bundle_url = server.url + "assets/javascripts/" + bundle.name
        page.wait_for_function(f"{CACHES}.then(n => n.length === 1 && caches.open(n[0])).then(c => c && c.match('{bundle_url}')).then(Boolean)")
        (first,) = page.evaluate(CACHES)
        # A script that ran once on the site plants its own file under the bundle's name.
        page.evaluate(f"caches.open({first!r}).then(c => c.put('{bundle_url}', new Response('/* planted */')))")
        # The next publication: the same bundle, a new build.
        session = project / "data" / "sessions" / "collective-sharing-poverty-alleviation-china.yml"
        session.write_text(session.read_text(encoding="utf-8") + "subtitle: A new build\n", encoding="utf-8")
        assert run_build_py(project, "build").returncode == 0
        page.reload()
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        # The new build's worker keeps its files in a cache of its own name.
        page.wait_for_function(f"{CACHES}.then(n => n.some(name => name !== {first!r}))", timeout=30_000)
        (second,) = [name for name in page.evaluate(CACHES) if name != first]
        saved = page.wait_for_function(
            f"caches.open({second!r}).then(c => c.match('{bundle_url}')).then(r => r ? r.text() : null)"
        ).json_value()
        assert "planted" not in saved and saved.encode("utf-8") == bundle.read_bytes()
    finally:
        context.close()
        server.close()
