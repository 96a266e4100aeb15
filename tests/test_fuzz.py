"""A few hundred mutated plan files through check, report and fmt (tests/fuzz/fuzz_cli.py
runs ten thousand)."""

from fuzz.fuzz_cli import fuzz


def test_mutated_plans_never_crash_or_hang():
    assert fuzz(cases=250, seed=7) == []
