"""Property (Hypothesis): Podium's own schedule.json and schedule.xml import back to the same programme."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.exports import files as export_files
from podium.importers import import_programme, read_source
from podium.programme.check import check_project

STAMP = dt.datetime(2019, 9, 1, tzinfo=dt.timezone.utc)
TITLE = st.text(min_size=1, max_size=30).map(lambda t: " ".join(t.split())).filter(
    lambda t: t and t.isprintable() and not t.startswith(("-", "?", ":"))
)
NAME = st.sampled_from(["Ana Silva", "Jin Park", "方丽洁", "Zoë Núñez", "Mo", "mo"])
TALK = st.fixed_dictionaries(
    {
        "title": TITLE,
        "day": st.integers(0, 1),
        "start": st.integers(8 * 4, 23 * 4).map(lambda q: f"{q // 4:02d}:{q % 4 * 15:02d}"),
        "minutes": st.sampled_from([None, 15, 45, 90, 150]),
        "room": st.sampled_from([None, "G04", "Saal 1", "Hörsaal & Bar"]),
        "stream": st.sampled_from([None, "policy", "care"]),
        "people": st.lists(NAME, max_size=2, unique=True),
    }
)


def _write(root: Path, talks: list[dict]) -> None:
    data = root / "data"
    (data / "sessions").mkdir(parents=True)
    (data / "people").mkdir()
    (data / "conference.yml").write_text("name: Round Trip\nshort_name: RT 2019\ntimezone: Europe/Berlin\n")
    (data / "streams.yml").write_text("- id: policy\n  name: Policy\n- id: care\n  name: 'Care: ageing'\n")
    for index, name in enumerate(["Ana Silva", "Jin Park", "方丽洁", "Zoë Núñez", "Mo", "mo"]):
        (data / "people" / f"p{index}.yml").write_text(yaml.safe_dump({"name": name}, allow_unicode=True))
    ids = {name: f"p{index}" for index, name in enumerate(["Ana Silva", "Jin Park", "方丽洁", "Zoë Núñez", "Mo", "mo"])}
    for index, talk in enumerate(talks):
        fields = {"title": talk["title"], "date": f"2019-09-{10 + talk['day']}", "start": talk["start"]}
        if talk["minutes"]:
            fields["duration"] = str(talk["minutes"])
        if talk["stream"]:
            fields["stream"] = talk["stream"]
        if talk["people"]:
            fields["people"] = [{"person": ids[name], "role": "Speaker"} for name in talk["people"]]
        # A room each, so that no two talks clash.
        fields["room"] = f"{talk['room'] or 'Room'} {index}"
        (data / "sessions" / f"t{index}.yml").write_text(yaml.safe_dump(fields, allow_unicode=True))


def _shown(programme) -> list[tuple]:
    conference = programme.conference
    return sorted(
        (s.title, s.starts_at(conference.zone), s.ends_at_or_default(conference), s.room,
         s.stream.name if s.stream else None, tuple(a.person.name for a in s.people))
        for s in programme.sessions
    )  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TALK, min_size=1, max_size=6), st.sampled_from(["schedule.json", "schedule.xml"]))
def test_an_exported_programme_imports_back_to_the_same_programme(talks, export):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root / "original", talks)
        original = check_project(root / "original")
        assert original.programme is not None, [str(p) for p in original.problems]
        source = root / export
        source.write_bytes(export_files(original.programme, STAMP)[export])
        import_programme(root / "copy" / "data", read_source(source))
        copy = check_project(root / "copy")
        assert copy.programme is not None, [str(p) for p in copy.problems]
        assert _shown(copy.programme) == _shown(original.programme)
        assert copy.programme.conference.zone == original.programme.conference.zone
