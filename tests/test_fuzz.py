"""A few hundred mutated plan files through check, report and fmt, and mutated documents
through extract and draft (tests/fuzz/ runs thousands)."""

from fuzz.fuzz_cli import fuzz
from fuzz.fuzz_extract import fuzz as fuzz_extract


def test_mutated_plans_never_crash_or_hang():
    assert fuzz(cases=250, seed=7) == []


def test_mutated_documents_never_crash_or_hang():
    assert fuzz_extract(cases=150, seed=7) == []
