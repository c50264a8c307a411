"""json_pieces writes, piece by piece, exactly the JSON json.dumps writes for the whole value."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.exports import json_pieces

TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXTS)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXTS, children, max_size=4),
    max_leaves=30,
)
SEPARATORS = st.sampled_from([json_pieces.COMPACT, (", ", ": ")])


@settings(max_examples=300, deadline=None)
@given(VALUES, st.integers(min_value=0, max_value=5), SEPARATORS, st.booleans())
def test_json_written_in_pieces_is_what_json_dumps_writes(value, depth, separators, sort_keys):
    whole = json.dumps(value, ensure_ascii=False, separators=separators, sort_keys=sort_keys).encode("utf-8")
    assert json_pieces.dumps(value, depth, b"\n", separators, sort_keys) == whole + b"\n"


def test_pieces_can_go_straight_into_a_hash():
    value = {"b": [1, {"z": "Zoë", "a": None}], "a": "方丽洁"}
    canonical = hashlib.sha256()
    json_pieces.write(value, canonical.update, depth=3, separators=(", ", ": "), sort_keys=True)
    assert canonical.hexdigest() == hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
