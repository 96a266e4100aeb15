"""The figures of one indicator over the years, for `kcn-tracker trend`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kcn_tracker.plans.figures import HUNDRED, preferred
from kcn_tracker.plans.model import Actual, Plan
from kcn_tracker.plans.periods import Period, parse_period
from kcn_tracker.plans.vocabulary import GROWTH
from kcn_tracker.progress.evaluate import TargetResult, evaluate_target

RATE_OF = {value: rate for rate, value in GROWTH.items()}


@dataclass(frozen=True)
class Point:
    period: Period
    actual: Actual
    change_pct: Decimal | None  # against the same period a year earlier, when known
    stated_growth: Actual | None  # the growth rate the document gives for it, if any
    target: TargetResult | None  # a target for exactly this period


@dataclass(frozen=True)
class Series:
    plan: Plan
    scope: str
    unit: str
    points: list[Point]
    other_targets: list[TargetResult]  # targets over other periods (2021-2025, say)


def series(plans: list[Plan], indicator: str, as_of: date) -> list[Series]:
    """One series per province, scope and unit: VND and USD are never one series."""
    found: list[Series] = []
    for plan in plans:
        keys: dict[tuple[str, str], list[Actual]] = {}
        for actual in plan.actuals:
            if (actual.indicator.value == indicator and actual.project is None
                    and parse_period(actual.period).end <= as_of):
                keys.setdefault((actual.scope, actual.unit.value), []).append(actual)
        for target in plan.targets:
            if target.indicator.value == indicator:
                keys.setdefault((target.scope, target.unit.value), [])
        for (scope, unit), actuals in keys.items():
            found.append(_series(plan, indicator, scope, unit, actuals, as_of))
    return found


def _series(plan: Plan, indicator: str, scope: str, unit: str, actuals: list[Actual],
            as_of: date) -> Series:
    by_period: dict[Period, list[Actual]] = {}
    for actual in actuals:
        by_period.setdefault(parse_period(actual.period), []).append(actual)
    targets = [evaluate_target(t, plan.actuals, as_of) for t in plan.targets
               if t.indicator.value == indicator and t.scope == scope and t.unit.value == unit]
    rate = RATE_OF.get(indicator)
    points = []
    for period in sorted(by_period, key=lambda p: (p.start, p.end)):
        chosen = preferred(by_period[period])
        earlier = next((preferred(v) for p, v in by_period.items()
                        if p == period.year_before()), None)
        change = None
        if earlier is not None and earlier.value > 0:
            change = (chosen.value / earlier.value - 1) * HUNDRED
        stated = next((a for a in plan.actuals if rate and a.indicator.value == rate
                       and a.scope == scope and parse_period(a.period) == period), None)
        target = next((t for t in targets if t.period == period), None)
        points.append(Point(period, chosen, change, stated, target))
    used = {id(p.target) for p in points if p.target}
    return Series(plan, scope, unit, points, [t for t in targets if id(t) not in used])
