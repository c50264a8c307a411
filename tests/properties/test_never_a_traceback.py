"""Property-based tests (Hypothesis): whatever an organiser's files hold, Podium answers
with a programme or with problems that name a file, and never with an exception.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.programme.load import load_bytes
from podium.engine.generate import generate
from podium.programme.problems import Problems
from podium.programme.check import check_project
from tests.helpers import BASE_CONFERENCE

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Values organisers might plausibly write, and some they should not.
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["10:55", "2019-09-10", "2019-02-30", "25:00", "NO", "1.10", "lijie-fang",
                     "<script>alert(1)</script>", "../../x", "housing", "Australia/Sydney", "en-AU",
                     "23:00", "24:00", "00:30", "1:30", "90", "0", "keynote", "break", "paper-session",
                     "p1", "p2", "10.1080/x", "https://example.org/s.pdf", "slides", "7"]),
)  # fmt: skip
KEYS = st.one_of(
    st.sampled_from(["title", "stream", "date", "start", "end", "room", "abstract", "people", "person",
                     "role", "affiliation", "name", "bio", "url", "orcid", "sort_name", "id", "timezone",
                     "kind", "duration", "papers", "presenting", "board", "doi", "links", "kind", "label",
                     "language", "guid", "subtitle", "source_id"]),
    st.text(max_size=10),
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=6),
    max_leaves=20,
)
SESSION_LIKE = st.dictionaries(KEYS, VALUES, max_size=8)


def dumped(value) -> bytes:
    return yaml.safe_dump(value, allow_unicode=True).encode("utf-8")


def check_files(files: dict[str, bytes]):
    """check_project on a fresh project holding `files` under data/."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "data").mkdir()
        (root / "data" / "conference.yml").write_text(BASE_CONFERENCE, encoding="utf-8")
        for relative, content in files.items():
            target = root / "data" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        return check_project(root)


def assert_programme_or_located_problems(result) -> None:
    if result.programme is None:
        assert result.problems.errors, "no programme, yet no error to say why"
    else:
        assert not result.problems.errors
        # A valid programme must also render: a title or name must never break a template.
        generate(result.programme, dt.datetime(2019, 9, 1, tzinfo=dt.timezone.utc))
    for problem in result.problems:
        assert problem.position.path.startswith("data/"), problem
        assert problem.message, problem


@SETTINGS
@given(st.binary(max_size=400))
def test_load_bytes_never_raises_on_any_bytes(raw):
    problems = Problems()
    document = load_bytes(raw, "data/sessions/x.yml", problems)
    assert (document is None) == bool(problems.errors)
    for problem in problems:
        assert problem.position.path == "data/sessions/x.yml"


@SETTINGS
@given(st.text(max_size=400))
def test_check_project_never_raises_on_any_session_text(text):
    assert_programme_or_located_problems(check_files({"sessions/x.yml": text.encode("utf-8")}))


@SETTINGS
@given(SESSION_LIKE, SESSION_LIKE)
def test_check_project_never_raises_on_any_session_structure(session, person):
    result = check_files({
        "streams.yml": b"- id: housing\n  name: Housing\n",
        "people/lijie-fang.yml": dumped(person),
        "sessions/x.yml": dumped(session),
    })  # fmt: skip
    assert_programme_or_located_problems(result)


PAPER_IDS = st.lists(st.sampled_from(["p1", "p2", "p3"]), max_size=4)
SCHEDULED_SESSION = st.fixed_dictionaries(
    {"title": st.just("S"), "date": st.just("2019-09-10"), "papers": PAPER_IDS},
    optional={
        "start": st.sampled_from(["10:00", "23:00", "00:00"]),
        "end": st.sampled_from(["11:00", "24:00", "09:00"]),
        "duration": st.sampled_from(["1:30", "90", "24:00", "25:00"]),
        "kind": st.sampled_from(["posters", "break", "keynote", "talk"]),
        "room": st.sampled_from(["G04", "G02"]),
    },
)
PAPER = st.fixed_dictionaries(
    {"title": st.just("P")},
    optional={
        "start": st.sampled_from(["10:00", "10:30", "23:30", "00:15"]),
        "end": st.sampled_from(["10:30", "11:00", "24:00"]),
        "duration": st.sampled_from(["30", "1:00"]),
        "board": st.sampled_from(["1", "2"]),
        "people": st.just([{"person": "lijie-fang", "presenting": False}, {"person": "lijie-fang"}]),
    },
)


@SETTINGS
@given(st.lists(SCHEDULED_SESSION, min_size=1, max_size=3), st.lists(PAPER, min_size=3, max_size=3), SESSION_LIKE)
def test_check_project_never_raises_on_sessions_of_papers(sessions, papers, paper_like):
    """Sessions sharing, nesting and timing papers every way, and a paper of any structure."""
    files = {"people/lijie-fang.yml": b"name: Lijie Fang\n", "papers/p4.yml": dumped(paper_like)}
    files |= {f"sessions/s{i}.yml": dumped(session) for i, session in enumerate(sessions)}
    files |= {f"papers/p{i + 1}.yml": dumped(paper) for i, paper in enumerate(papers)}
    assert_programme_or_located_problems(check_files(files))


@SETTINGS
@given(VALUES, VALUES)
def test_check_project_never_raises_on_any_conference_or_streams(conference, streams):
    result = check_files({"conference.yml": dumped(conference), "streams.yml": dumped(streams)})
    assert_programme_or_located_problems(result)


@SETTINGS
@given(
    title=st.text(min_size=1, max_size=80).filter(lambda t: t.strip() and "\n" not in t and "\r" not in t),
    abstract=st.text(max_size=200),
)
def test_any_printable_title_and_abstract_build_pages(title, abstract):
    session = {"title": title, "date": "2019-09-10", "start": "10:55", "end": "12:35"}
    if abstract.strip():
        session["abstract"] = abstract
    result = check_files({"sessions/x.yml": dumped(session)})
    assert_programme_or_located_problems(result)
