"""The report's JSON is written by the C encoder, byte for byte as json.dumps(indent=2)."""

from __future__ import annotations

import json
import math
from datetime import date

from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from kcn_tracker.report.formats.json_report import dumps_indented, province_dict

TEXT = st.text(alphabet=st.sampled_from(list('{}[],:" \\\n\t\x00\x1f\x7f\x85\u2028\u202e'
                                             "aá\u0301ệ0.5-") + ["\ud800", "😀"]), max_size=8)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), TEXT,
                   st.floats(allow_nan=True, allow_infinity=True))
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.tuples(inner, inner),
    st.dictionaries(TEXT, inner, max_size=5)), max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(VALUE)
def test_the_c_encoder_writes_what_json_dumps_writes(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(st.dictionaries(st.one_of(st.integers(), st.booleans(), st.none(), st.floats()),
                       SCALAR, max_size=4))
def test_keys_that_are_not_strings_are_written_as_json_dumps_writes_them(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_a_value_json_cannot_write_is_refused_the_same():
    for value in ({"a": date(2024, 1, 1)}, [1, {2}], math):
        try:
            json.dumps(value, ensure_ascii=False, indent=2)
        except TypeError as exc:
            expected = str(exc)
        try:
            dumps_indented(value)
        except TypeError as exc:
            assert str(exc) == expected
        else:
            raise AssertionError("not refused")


def test_every_province_of_a_national_set_is_written_the_same(national_set):
    from kcn_tracker.plans.load import load_plans
    from kcn_tracker.progress.evaluate import evaluate_plan

    out = national_set
    for loaded in [*load_plans([out / "plans"]), *load_plans([ROOT / "plans"])]:
        for lang in ("vi", "en"):
            value = province_dict(evaluate_plan(loaded.plan, date(2026, 11, 22)), lang)
            assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
