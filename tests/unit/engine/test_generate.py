"""engine/generate.py: where pages are made changes nothing in what they say."""

from __future__ import annotations

import pytest

from benchmarks.synthetic import write
from podium import pages
from podium.engine.generate import render_pages_in_processes, render_prose_ahead
from podium.programme.check import check_project
from podium.text import markup


@pytest.mark.parametrize("processes", [2, 3])
def test_pages_rendered_in_several_processes_are_the_same_pages(tmp_path, processes):
    programme = check_project(write(50, tmp_path)).programme
    alone = pages.render(programme)
    kept = tmp_path / "kept"
    paths = render_pages_in_processes(programme, processes, lambda share: _keep_as_files(kept, share))
    assert paths == list(alone)
    assert {path: (kept / path).read_bytes() for path in paths} == alone


def _keep_as_files(folder, share: dict[str, bytes]) -> None:
    """Files, so that what a forked process keeps can be seen from here."""
    for path, content in share.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(content)


@pytest.mark.parametrize("processes", [1, 2])
def test_prose_rendered_ahead_is_what_rendering_on_demand_gives(monkeypatch, processes):
    texts = ["Some *emphasis*.", "- one\n- two", "[x](javascript:alert(1)) <script>x</script>", "A\n\nB", "Some *emphasis*."]
    on_demand = {text: (markup.prose(text), markup.plain(text)) for text in texts}
    monkeypatch.setattr(markup, "_PROSE", {})
    monkeypatch.setattr(markup, "_PLAIN", {})
    render_prose_ahead(texts, processes)
    assert {text: (markup._PROSE[text], markup._PLAIN[text]) for text in texts} == on_demand
    assert set(markup._PROSE) == set(texts) and set(markup._PLAIN) == set(texts)
