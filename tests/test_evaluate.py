"""The evaluation rules, on small plans built in the test."""

from datetime import date
from decimal import Decimal

import pytest

from kcn_tracker.plans.figures import combine_qualifiers
from kcn_tracker.plans.model import Plan, Qualifier
from kcn_tracker.progress.evaluate import Status, evaluate_plan

SRC = {"document": "seeds/x.txt", "quote": "q"}


def plan(targets=(), actuals=(), revocations=()) -> Plan:
    return Plan.model_validate({
        "province": {"id": "test", "name": "Tỉnh Thử"},
        "zones": {"z": "KCN Z"},
        "targets": [{"scope": "kcn", "unit": "project", "indicator": "new_projects",
                     "source": SRC, **t} for t in targets],
        "actuals": [{"scope": "kcn", "unit": "project", "indicator": "new_projects",
                     "source": SRC, **a} for a in actuals],
        "revocations": [{"source": SRC, **r} for r in revocations],
    })


def target(**kw):
    return {"id": "t", "period": "2022", "comparator": "at_least", "value": 3, **kw}


def actual(id_, period, value, **kw):
    return {"id": id_, "period": period, "value": value, **kw}


def one(p: Plan, as_of=date(2026, 1, 1)):
    return evaluate_plan(p, as_of).targets[0]


@pytest.mark.parametrize("comparator,value,status", [
    ("at_least", 3, Status.MET),        # "ít nhất 3 dự án" is met by 3
    ("at_least", 4, Status.EXCEEDED),
    ("at_least", 2, Status.MISSED),
    ("over", 3, Status.MISSED),         # "trên 3" needs more than 3
    ("over", 4, Status.EXCEEDED),
    ("exact", 3, Status.MET),
    ("about", Decimal("2.9"), Status.MET),   # within 5 % of "khoảng 3"
    ("about", Decimal("2.8"), Status.MISSED),
    ("about", Decimal("3.2"), Status.EXCEEDED),
    ("at_most", 3, Status.MET),
    ("at_most", 4, Status.MISSED),
])
def test_comparators_decide_an_ended_period(comparator, value, status):
    r = one(plan([target(comparator=comparator)], [actual("a", "2022", value)]))
    assert r.status is status


def test_a_lower_bound_equal_to_an_over_target_counts_as_over():
    r = one(plan([target(comparator="over", value=500)],
                 [actual("a", "2022", 500, qualifier="over")]))
    assert r.status is Status.EXCEEDED


def test_missing_is_not_zero():
    r = one(plan([target()]))
    assert r.status is Status.NO_DATA
    assert r.attainment_pct is None and r.overshoot_pct is None and r.observed is None


def test_flows_add_up_over_the_years_of_a_period():
    p = plan([target(period="2021-2025", comparator="about", value=20)],
             [actual("a", "2021", 4), actual("b", "2022", 5), actual("c", "2023", 3),
              actual("d", "2024", 4), actual("e", "2025", 4)])
    r = one(p)
    assert r.observed.value == 20
    assert r.attainment_pct == 100
    assert r.status is Status.MET


def test_a_missing_year_makes_the_sum_a_lower_bound_never_a_verdict():
    p = plan([target(period="2021-2025", comparator="at_least", value=40)],
             [actual("a", "2021", 3), actual("c", "2023", 12)])
    r = one(p)
    assert r.observed.value == 15
    assert r.observed.qualifier is Qualifier.AT_LEAST  # 2022 is unknown, not zero
    assert r.observed.covered_share == pytest.approx(0.4, abs=0.001)
    assert not r.complete
    # 15 of 40 is 37.5 %, below the 40 % of the period the figures cover.
    assert r.status is Status.BEHIND


def test_a_missing_first_year_still_counts_the_later_ones():
    p = plan([target(period="2021-2025", comparator="about", value=20)],
             [actual("b", "2022", 9)])
    result = evaluate_plan(p, date(2026, 1, 1))
    r = result.targets[0]
    assert r.observed.value == 9 and r.status is Status.ON_TRACK  # 45 % for 20 % covered
    assert result.untargeted == []  # measured against the target, not "no target set"


def test_open_period_is_judged_pro_rata():
    p = plan([target(period="2021-2025", comparator="at_least", value=20)],
             [actual("a", "2021", 4), actual("b", "2022", 5)])
    mid = one(p, as_of=date(2023, 6, 30))
    assert mid.observed.value == 9
    assert mid.attainment_pct == 45  # 2 of 5 years is 40 %
    assert mid.status is Status.ON_TRACK
    behind = one(plan([target(period="2021-2025", value=20)],
                      [actual("a", "2021", 2), actual("b", "2022", 2)]), as_of=date(2023, 1, 1))
    assert behind.status is Status.BEHIND


def test_figures_reported_after_the_as_of_date_are_not_known_yet():
    p = plan([target(period="2024", value=3)], [actual("a", "2024", 5)])
    assert one(p, as_of=date(2024, 6, 30)).status is Status.NO_DATA
    assert one(p, as_of=date(2025, 1, 1)).status is Status.EXCEEDED


def test_stocks_take_the_latest_value_never_the_sum():
    p = Plan.model_validate({
        "province": {"id": "test", "name": "T"},
        "targets": [{"id": "t", "indicator": "valid_projects", "scope": "kcn",
                     "period": "2021-2025", "unit": "project", "comparator": "at_least",
                     "value": 500, "source": SRC}],
        "actuals": [{"id": f"a{i}", "indicator": "valid_projects", "scope": "kcn",
                     "period": period, "unit": "project", "value": value, "source": SRC}
                    for i, (period, value) in enumerate(
                        [("2023", 487), ("2021", 450), ("2024-04-16", 496)])],
    })
    r = evaluate_plan(p, date(2026, 1, 1)).targets[0]
    assert r.observed.value == 496
    assert r.observed.observed_until == date(2024, 4, 16)
    # A level is not scaled by elapsed time: 496 is below 500, so behind.
    assert r.status is Status.BEHIND


def test_a_usd_year_and_a_vnd_year_are_never_summed():
    def capital(id_, period, value, unit):
        return {"id": id_, "indicator": "new_capital", "scope": "kcn", "period": period,
                "unit": unit, "value": value, "source": SRC}

    p = Plan.model_validate({
        "province": {"id": "test", "name": "T"},
        "targets": [{"id": "t", "indicator": "new_capital", "scope": "kcn",
                     "period": "2021-2025", "unit": "usd_million", "comparator": "over",
                     "value": 500, "source": SRC}],
        "actuals": [capital("usd", "2021", 100, "usd_million"),
                    capital("vnd", "2022", 2000, "vnd_billion")],
    })
    result = evaluate_plan(p, date(2026, 1, 1))
    r = result.targets[0]
    assert r.observed.value == 100 and r.observed.unit == "usd_million"
    assert r.observed.observed_until == date(2021, 12, 31) and not r.complete
    assert [a.id for a in result.untargeted] == ["vnd"]


def test_units_must_agree_vnd_is_never_added_to_usd():
    p = Plan.model_validate({
        "province": {"id": "test", "name": "T"},
        "targets": [{"id": "t", "indicator": "new_capital", "scope": "kcn", "period": "2023",
                     "unit": "vnd_billion", "comparator": "over", "value": 1000,
                     "source": SRC}],
        "actuals": [{"id": "usd", "indicator": "new_capital", "scope": "kcn", "period": "2023",
                     "unit": "usd_million", "value": 225.8, "source": SRC},
                    {"id": "vnd", "indicator": "new_capital", "scope": "kcn", "period": "2023",
                     "unit": "vnd_billion", "value": 997, "source": SRC}],
    })
    result = evaluate_plan(p, date(2026, 1, 1))
    r = result.targets[0]
    assert r.observed.value == 997 and r.observed.unit == "vnd_billion"
    assert [a.id for a in result.untargeted] == ["usd"]


def test_project_figures_never_count_for_a_scope_target():
    p = plan([target(period="2023", value=1)],
             [actual("p", "2023", 1, project="Nhà máy A")])
    assert one(p).status is Status.NO_DATA


def test_implied_target_is_derived_from_actual_and_reported_attainment():
    p = plan([{"id": "t", "period": "2024", "comparator": "exact", "origin": "implied",
               "reported_attainment": {"value": 140}}], [actual("a", "2024", 21)])
    r = one(p)
    assert r.value == 15 and r.attainment_pct == 140 and r.overshoot_pct == 40


def test_sum_of_a_bound_and_exact_figures_keeps_the_bound():
    assert combine_qualifiers([Qualifier.EXACT, Qualifier.OVER]) is Qualifier.OVER
    assert combine_qualifiers([Qualifier.NEARLY, Qualifier.EXACT]) is Qualifier.NEARLY
    assert combine_qualifiers([Qualifier.NEARLY, Qualifier.OVER]) is Qualifier.ABOUT
    assert combine_qualifiers([Qualifier.EXACT, Qualifier.EXACT]) is Qualifier.EXACT


def test_a_revocation_reported_recovered_later_is_no_longer_pending():
    revocations = [
        {"id": "r1", "name": "Dự án KCN Điềm Thụy", "status": "pending", "reported": "2024"},
        {"id": "r2", "name": "Dự án KCN Điềm Thuỵ", "status": "recovered", "reported": "2025-03"},
    ]
    p = plan(revocations=revocations)
    assert [r.entry.id for r in evaluate_plan(p, date(2024, 12, 31)).unrecovered] == ["r1"]
    assert evaluate_plan(p, date(2025, 6, 1)).unrecovered == []


def test_pending_since_is_the_first_report_of_the_run():
    revocations = [
        {"id": "r1", "name": "Dự án A", "status": "pending", "reported": "2023-06"},
        {"id": "r2", "name": "Dự án A", "status": "pending", "reported": "2024"},
        {"id": "r3", "name": "Dự án B", "status": "pending", "reported": "2022"},
        {"id": "r4", "name": "Dự án B", "status": "recovered", "reported": "2023"},
        {"id": "r5", "name": "Dự án B", "status": "pending", "reported": "2025-02-01"},
    ]
    pending = evaluate_plan(plan(revocations=revocations), date(2026, 1, 1)).unrecovered
    assert [(r.entry.id, r.since) for r in pending] == [("r2", "2023-06"), ("r5", "2025-02-01")]


@pytest.mark.parametrize("comparator,values,status", [
    ("at_most", [1], Status.ON_TRACK),      # "tối đa 3" not yet breached
    ("at_most", [2, 2], Status.MISSED),     # a flow past "tối đa 3" cannot come back
    ("about", [2, 2], Status.ON_TRACK),     # 4 of about 10 after two years of five
    ("exact", [5, 6], Status.EXCEEDED),     # a flow past its figure stays past
    ("at_least", [6, 6], Status.EXCEEDED),
    ("at_least", [1, 0], Status.BEHIND),
])
def test_verdicts_wait_for_the_end_of_the_period(comparator, values, status):
    value = 3 if comparator == "at_most" else 10
    p = plan([target(period="2021-2025", comparator=comparator, value=value)],
             [actual(f"a{i}", str(2021 + i), v) for i, v in enumerate(values)])
    assert one(p, as_of=date(2023, 6, 30)).status is status


def test_a_stock_at_its_target_before_the_end_is_on_track_not_met():
    p = Plan.model_validate({
        "province": {"id": "test", "name": "T"},
        "targets": [{"id": "t", "indicator": "fill_rate", "scope": "kcn", "period": "2021-2025",
                     "unit": "percent", "comparator": "at_least", "value": 80, "source": SRC}],
        "actuals": [{"id": "a", "indicator": "fill_rate", "scope": "kcn", "period": "2023",
                     "unit": "percent", "value": 82, "source": SRC}],
    })
    assert evaluate_plan(p, date(2024, 1, 1)).targets[0].status is Status.ON_TRACK
    assert evaluate_plan(p, date(2026, 1, 1)).targets[0].status is Status.ON_TRACK


def test_an_implied_plan_is_unknown_before_its_actual_is():
    p = plan([{"id": "t", "period": "2024", "comparator": "exact", "origin": "implied",
               "reported_attainment": {"value": 140}}], [actual("a", "2024", 21)])
    early = one(p, as_of=date(2024, 6, 30))
    assert early.value is None and early.status is Status.NO_DATA


def test_an_implied_plan_carries_the_bounds_of_its_inputs():
    p = plan([{"id": "t", "period": "2023", "comparator": "exact", "origin": "implied",
               "reported_attainment": {"value": 140, "qualifier": "nearly"}}],
             [actual("a", "2023", 417, qualifier="over")])
    r = one(p)
    # "hơn 417" at "gần 140 %": the plan was more than 417 / 1.40.
    assert r.value == 298 and r.value_qualifier is Qualifier.OVER
    assert r.attainment_qualifier is Qualifier.NEARLY


def test_year_filter_keeps_periods_that_touch_the_year():
    p = plan([target(id="five", period="2021-2025", comparator="about", value=20),
              target(id="one", period="2022"), target(id="other", period="2024")],
             [actual("a", "2022", 3), actual("b", "2024", 1)])
    result = evaluate_plan(p, date(2026, 1, 1), year=2022)
    assert [r.target.id for r in result.targets] == ["five", "one"]
    assert [a.id for a in result.actuals] == ["a"]
