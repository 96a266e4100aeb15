"""The plan parser: tomli below 2.4 reads plan files as tomllib does, and TOML 1.0 only."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from kcn_tracker.plans.load import parse_bytes

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "plans").glob("*.toml"))
         + sorted((ROOT / "tests" / "check_cases").glob("*.toml"))]


@pytest.mark.parametrize("text", ['a = {x = 1,\n y = 2}\n', 'a = "\\e"\n', 'a = "\\x41"\n',
                                  'a = 12:30\n', 'a = {x = 1,}\n'])
def test_toml_1_1_is_refused_on_every_python(text):
    (problem,) = parse_bytes(Path("x.toml"), text.encode()).problems
    assert problem.code == "KCN001" and problem.line == 1


def _outcome(module, text):
    def typed(value):
        if isinstance(value, dict):
            return {k: typed(v) for k, v in value.items()}
        if isinstance(value, list):
            return [typed(v) for v in value]
        return type(value).__name__, value
    try:
        return typed(module.loads(text, parse_float=Decimal))
    except module.TOMLDecodeError as exc:
        return str(exc)


@pytest.mark.skipif(sys.version_info >= (3, 15), reason="tomllib reads TOML 1.1 from 3.15")
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TEXTS), st.integers(0, 10**6), st.integers(0, 2),
       st.sampled_from("[]{}=\"',.#\n\\ 0a"))
def test_tomli_reads_plans_and_their_mutants_as_tomllib_does(text, at, kind, char):
    import tomllib

    at %= len(text)
    mutant = (text[:at] + text[at + 1:], text[:at] + text[at] + text[at:],
              text[:at] + char + text[at + 1:])[kind]
    assert _outcome(tomli, mutant) == _outcome(tomllib, mutant)
    assert _outcome(tomli, text) == _outcome(tomllib, text)
