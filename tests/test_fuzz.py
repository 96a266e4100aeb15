"""A few hundred mutated plan files through check, report and fmt, and mutated documents
through extract and draft (tests/fuzz/ runs thousands).

Each runs in five parts of its own seed, so that parallel workers share them out."""

import pytest
from fuzz.fuzz_cli import fuzz
from fuzz.fuzz_extract import fuzz as fuzz_extract


@pytest.mark.parametrize("seed", range(7, 12))
def test_mutated_plans_never_crash_or_hang(seed):
    assert fuzz(cases=50, seed=seed) == []


@pytest.mark.parametrize("seed", range(7, 12))
def test_mutated_documents_never_crash_or_hang(seed):
    assert fuzz_extract(cases=30, seed=seed) == []
