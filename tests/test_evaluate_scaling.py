"""Evaluating a province takes time linear in its entries (issue 17: 240x at 16x before)."""

from __future__ import annotations

import sys
from datetime import date

from conftest import ROOT
from linearity import assert_linear

from kcn_tracker.progress.evaluate import evaluate_plan

sys.path.insert(0, str(ROOT / "benchmarks"))
from one_province import AS_OF, plan_of  # noqa: E402


def _first_years(plan, years: int):
    """The plan's entries of its first ``years`` years (1900 on): a smaller valid plan."""
    def early(entry):
        return int(entry.period[:4]) < 1900 + years
    return plan.model_copy(update={"targets": [t for t in plan.targets if early(t)],
                                   "actuals": [a for a in plan.actuals if early(a)]})


def test_one_province_is_evaluated_in_time_linear_in_its_entries():
    # 40 and 80 years of the national set's 30 indicators: 1 680 and 3 360 entries.
    large = plan_of(80, checked=False)
    small = _first_years(large, 40)
    assert 2 * len(small.actuals) == len(large.actuals)
    assert_linear(lambda plan: evaluate_plan(plan, AS_OF), small, large, rounds=5)


def test_a_larger_province_is_evaluated_the_same_as_with_a_scan():
    """The index finds what comparing every target with every actual found."""
    from kcn_tracker.plans.figures import matches
    from kcn_tracker.plans.periods import parse_period
    from kcn_tracker.progress.evaluate import candidates

    plan = plan_of(12, checked=False)
    for as_of in (date(1905, 6, 30), date(1911, 12, 31), AS_OF):
        for target in plan.targets:
            period = parse_period(target.period)
            scanned = [(parse_period(a.period), a) for a in plan.actuals if matches(target, a)
                       and period.contains(parse_period(a.period))
                       and parse_period(a.period).end <= as_of]
            assert candidates(target, period, plan.actuals, as_of) == scanned
