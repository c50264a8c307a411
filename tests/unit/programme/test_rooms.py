"""Rooms: rooms.yml's order and ids, or the rooms sessions name."""

from __future__ import annotations

from podium.programme.model import Room, Session
from podium.programme.rooms import named_rooms


def test_rooms_named_only_by_sessions_keep_their_order_and_get_distinct_ids():
    sessions = [Session("a", "A", room="Hörsaal 1"), Session("b", "B", room="Hörsaal 1!"), Session("c", "C", room="Hörsaal 1"),
                Session("d", "D", room="礼堂"), Session("e", "E")]  # fmt: skip
    assert named_rooms(sessions) == [Room("horsaal-1", "Hörsaal 1"), Room("horsaal-1-2", "Hörsaal 1!"), Room("li-tang", "礼堂")]


def test_with_rooms_yml_a_session_may_give_a_rooms_id_and_the_timetable_follows_its_order(tmp_path):
    import shutil
    from pathlib import Path

    from podium import pages
    from podium.programme.check import check_project

    shutil.copytree(Path(__file__).resolve().parents[2] / "fixtures" / "aspc" / "data", tmp_path / "data")
    (tmp_path / "data" / "rooms.yml").write_text(
        "- id: g02\n  name: Law Theatre G02\n  capacity: 120\n  accessibility: Hearing loop.\n"
        "- id: g04\n  name: Law Theatre G04\n- id: hall\n  name: Leighton Hall\n- id: foyer\n  name: Foyer\n"
        "- id: roundhouse\n  name: The Roundhouse\n"
    )
    session = tmp_path / "data" / "sessions" / "minimum-incomes.yml"
    session.write_text(session.read_text().replace("room: Law Theatre G02", "room: g02"))
    programme = check_project(tmp_path).programme
    assert [room.id for room in programme.rooms] == ["g02", "g04", "hall", "foyer", "roundhouse"]
    assert next(s for s in programme.sessions if s.id == "minimum-incomes").room == "Law Theatre G02"
    made = {path: content.decode("utf-8") for path, content in pages.render(programme).items()}
    room_page = made["rooms/g02.md"]
    assert "**Seats:** 120" in room_page and "Hearing loop." in room_page and "Minimum incomes under pressure" in room_page
    columns = made["programme.md"].split('class="podium-tt-columns"')[1].split("</ol>")[0]
    assert columns.index("Law Theatre G02") < columns.index("Law Theatre G04") < columns.index("Foyer")
    assert '<a href="../../rooms/g02/">Law Theatre G02</a>' in made["sessions/minimum-incomes.md"]


def test_a_room_given_by_its_id_is_shown_by_its_name_on_its_papers_too(tmp_path):
    """Papers take their session's room: by name on their pages, in My programme's data,
    search results and JSON-LD, as on the session's page."""
    import datetime as dt
    import shutil
    from pathlib import Path

    from podium import pages
    from podium.engine.generate import generate
    from podium.programme.check import check_project

    shutil.copytree(Path(__file__).resolve().parents[2] / "fixtures" / "aspc" / "data", tmp_path / "data")
    (tmp_path / "data" / "rooms.yml").write_text(
        "- id: belle-van-zuylen\n  name: Belle van Zuylen\n- id: g04\n  name: Law Theatre G04\n"
        "- id: hall\n  name: Leighton Hall\n- id: foyer\n  name: Foyer\n- id: roundhouse\n  name: The Roundhouse\n"
    )
    session = tmp_path / "data" / "sessions" / "minimum-incomes.yml"
    session.write_text(session.read_text().replace("room: Law Theatre G02", "room: belle-van-zuylen"))
    programme = check_project(tmp_path).programme
    (held,) = [s for s in programme.sessions if s.id == "minimum-incomes"]
    assert held.papers and {paper.room for paper in held.papers} == {"Belle van Zuylen"}
    made = {path: content for path, content in pages.render(programme).items()}
    made |= generate(programme.published_at("https://example.org/"), dt.datetime(2019, 9, 1, tzinfo=dt.timezone.utc))
    for paper in held.papers:
        assert "Belle van Zuylen" in made[f"papers/{paper.id}.md"].decode("utf-8")
    # The id is the room page's address (linked to, and in the rooms' own pages), and nothing else.
    leaks = sorted(
        path for path, content in made.items()
        if not path.startswith("rooms/") and b"belle-van-zuylen" in content.replace(b"rooms/belle-van-zuylen/", b"")
    )  # fmt: skip
    assert leaks == []
