"""importers/writing.py: imports that are safe to run again and again."""

from __future__ import annotations

import json

import pytest

from podium.importers import import_programme, read_source, writing
from tests.conftest import REPO

SOURCE = REPO / "tests" / "golden" / "multi" / "schedule.json"


def _tree(data):
    return {p.relative_to(data).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in data.rglob("*") if p.is_file()}


def _changed_source(tmp_path, change) -> object:
    data = json.loads(SOURCE.read_text(encoding="utf-8"))
    change(data["schedule"]["conference"]["days"])
    source = tmp_path / "changed.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    return source


def _events(days):
    return [event for day in days for room in day["rooms"].values() for event in room]


def test_a_second_import_of_the_same_source_writes_nothing(tmp_path):
    data = tmp_path / "data"
    assert import_programme(data, read_source(SOURCE)).wrote
    before = _tree(data)
    outcome = import_programme(data, read_source(SOURCE))
    assert not outcome.wrote and outcome.plan.writes == 0 and _tree(data) == before


def test_a_changed_source_updates_only_what_changed(tmp_path):
    data = tmp_path / "data"
    import_programme(data, read_source(SOURCE))
    before = _tree(data)

    def retitle(days):
        _events(days)[0]["title"] = "Closing plenary, moved"

    outcome = import_programme(data, read_source(_changed_source(tmp_path, retitle)))
    after = _tree(data)
    (changed,) = outcome.plan.changed
    # The session keeps its file name (its page its address) though its title changed.
    assert "Closing plenary, moved" in after[changed][0].decode() and set(after) == set(before)
    assert all(after[p] == before[p] for p in after if p not in (changed, writing.STATE_FILE))


def test_a_hand_edit_survives_a_reimport_and_force_overwrites_it(tmp_path):
    data = tmp_path / "data"
    import_programme(data, read_source(SOURCE))
    edited = data / "sessions" / "closing-plenary.yml"
    edited.write_text(edited.read_text().replace("room: Main hall", "room: Great hall"))

    def retitle_all(days):
        for event in _events(days):
            event["abstract"] = "New abstract."

    changed_source = _changed_source(tmp_path, retitle_all)
    outcome = import_programme(data, read_source(changed_source))
    assert outcome.plan.kept_edited == ["sessions/closing-plenary.yml"]
    assert "Great hall" in edited.read_text() and "New abstract." not in edited.read_text()
    # Still recognised as edited on the next import.
    assert import_programme(data, read_source(changed_source)).plan.kept_edited == ["sessions/closing-plenary.yml"]
    forced = import_programme(data, read_source(changed_source), force=True)
    assert "sessions/closing-plenary.yml" in forced.plan.changed and "New abstract." in edited.read_text()


def test_items_gone_from_the_source_are_removed_unless_edited(tmp_path):
    data = tmp_path / "data"
    import_programme(data, read_source(SOURCE))
    kept = data / "sessions" / "pension-reform-after-the-clocks-go-forward.yml"
    kept.write_text(kept.read_text() + "# checked with the speaker\n")

    def drop_two(days):
        for day in days:
            for room, events in day["rooms"].items():
                day["rooms"][room] = [e for e in events if e["title"] not in ("Closing plenary",) and not e["title"].startswith("Pension")]

    outcome = import_programme(data, read_source(_changed_source(tmp_path, drop_two)))
    assert outcome.plan.removed == ["sessions/closing-plenary.yml"]
    assert outcome.plan.kept_removed == ["sessions/pension-reform-after-the-clocks-go-forward.yml"]
    assert not (data / "sessions" / "closing-plenary.yml").exists() and kept.exists()


def test_a_dry_run_writes_nothing(tmp_path):
    data = tmp_path / "data"
    outcome = import_programme(data, read_source(SOURCE), dry_run=True)
    assert outcome.plan.added and not outcome.wrote and not data.exists()


def test_an_interrupted_import_leaves_data_as_it_was(tmp_path, monkeypatch):
    data = tmp_path / "data"
    import_programme(data, read_source(SOURCE))
    before = _tree(data)
    calls = []
    real_write = type(data).write_text

    def failing_write(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(type(data), "write_text", failing_write)
    with pytest.raises(OSError, match="disk full"):
        import_programme(data, read_source(_changed_source(tmp_path, lambda days: [e.update(abstract="x") for e in _events(days)])))
    monkeypatch.undo()
    assert _tree(data) == before


def test_a_poisoned_state_file_writes_and_removes_nothing_outside_data(tmp_path):
    """The state file is committed with the data: a pull request may have edited it."""
    data = tmp_path / "project" / "data"
    import_programme(data, read_source(SOURCE))
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "x.yml"
    victim.write_text("mine")
    state = json.loads((data / writing.STATE_FILE).read_text())
    key = next(iter(state["ids"]["sessions"]))
    state["ids"]["sessions"][key] = "../../../outside/x"
    state["files"]["../../outside/x.yml"] = writing._digest(b"mine")
    state["files"]["sessions/../../../outside/x.yml"] = writing._digest(b"mine")
    (data / writing.STATE_FILE).write_text(json.dumps(state))
    import_programme(data, read_source(SOURCE), force=True)
    assert victim.read_text() == "mine"
    assert sorted(p.name for p in outside.iterdir()) == ["x.yml"]
    assert not any(p.resolve().parent == outside.resolve() for p in (tmp_path / "project").rglob("*"))
    written = writing.load_state(data)
    assert all(not path.startswith(".") and ".." not in path for path in written["files"])


def test_an_import_stopped_between_its_renames_is_mended_by_the_next(tmp_path):
    data = tmp_path / "data"
    import_programme(data, read_source(SOURCE))
    edited = data / "sessions" / "closing-plenary.yml"
    edited.write_text(edited.read_text() + "subtitle: Edited by hand\n")
    data.rename(tmp_path / "data.import-old")  # stopped after the first rename
    import_programme(data, read_source(SOURCE))
    assert "subtitle: Edited by hand" in (data / "sessions" / "closing-plenary.yml").read_text()
    assert not (tmp_path / "data.import-old").exists()


def test_an_upstream_change_over_a_hand_edit_is_named_with_its_field_and_take_takes_it(tmp_path):
    """The room edited here; the source then retitles the session and changes its abstract:
    the re-import keeps the file and names both fields with old and new values."""
    data = tmp_path / "data"
    import_programme(data, read_source(SOURCE))
    edited = data / "sessions" / "closing-plenary.yml"
    edited.write_text(edited.read_text().replace("room: Main hall", "room: Great hall"))
    untouched = import_programme(data, read_source(SOURCE))
    assert untouched.plan.kept_edited == ["sessions/closing-plenary.yml"] and untouched.plan.upstream == {}

    def retitle(days):
        for event in _events(days):
            if event["title"] == "Closing plenary":
                event["title"], event["room"] = "Closing plenary, moved", "Great hall"

    changed_source = _changed_source(tmp_path, retitle)
    outcome = import_programme(data, read_source(changed_source))
    changes = {c.field: c for c in outcome.plan.upstream["sessions/closing-plenary.yml"]}
    assert (changes["title"].old, changes["title"].new, changes["title"].edited_here) == (
        "'Closing plenary'", "'Closing plenary, moved'", False
    )
    assert changes["room"].edited_here and changes["room"].old == "'Great hall'"
    assert "Closing plenary, moved" not in edited.read_text()
    taken = import_programme(data, read_source(changed_source), take=frozenset({"sessions/closing-plenary.yml"}))
    assert "sessions/closing-plenary.yml" in taken.plan.changed and "Closing plenary, moved" in edited.read_text()
