"""What schema.is_valid (fastjsonschema) lets through, jsonschema finds no error in.

Podium asks fastjsonschema first and jsonschema only when it says no, for the
messages. The other way round is harmless: fastjsonschema reads `$` as the end of
the text, as JSON Schema means it, where Python's `$` also allows a final line
break; when it refuses what jsonschema accepts, jsonschema decides.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.programme import schema
from tests.properties.test_never_a_traceback import KEYS, SCALARS, VALUES

SCHEMAS = ["conference", "session", "person", "streams", "sessions-json"]

# Documents near the valid ones, so that both answers come up often.
NEAR_VALID = {
    "conference": {"name": "C", "timezone": "Australia/Sydney"},
    "session": {"title": "T", "people": [{"person": "lijie-fang", "role": "Presenter"}]},
    "person": {"name": "Lijie Fang"},
    "streams": [{"id": "housing", "name": "Housing"}],
}


def _agree(name: str, data) -> None:
    if schema.is_valid(name, data):
        assert not list(schema._validator(name).iter_errors(data)), (name, data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(SCHEMAS), data=VALUES)
def test_fast_and_full_validation_agree_on_any_value(name, data):
    _agree(name, data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(NEAR_VALID)), key=KEYS, value=st.one_of(SCALARS, VALUES), drop=st.booleans())
def test_fast_and_full_validation_agree_near_valid_documents(name, key, value, drop):
    document = NEAR_VALID[name]
    if isinstance(document, list):
        item = dict(document[0])
        item.pop(key, None) if drop else item.__setitem__(key, value)
        data = [item]
    else:
        data = dict(document)
        data.pop(key, None) if drop else data.__setitem__(key, value)
    _agree(name, data)
    valid = NEAR_VALID[name]
    assert schema.is_valid(name, valid) and not list(schema._validator(name).iter_errors(valid))
