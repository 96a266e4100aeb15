"""What a plan's entries mean together: which figure measures which target, which of
two figures for one thing counts, and the plan a reported attainment implies."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from kcn_tracker.plans.model import Actual, Qualifier, Target
from kcn_tracker.plans.periods import parse_period
from kcn_tracker.plans.vocabulary import UNITS

HUNDRED = Decimal(100)


def matches(target: Target, actual: Actual) -> bool:
    """Whether an actual measures the same thing as a target (period aside)."""
    return (actual.project is None and actual.indicator == target.indicator
            and actual.scope == target.scope and actual.unit == target.unit)


def preferred(entries: list[Actual]) -> Actual:
    # A final figure beats an estimate; among equals the later entry in the file wins.
    return max(enumerate(entries), key=lambda p: (not p[1].estimated, p[0]))[1]


_FLIPPED = {Qualifier.OVER: Qualifier.NEARLY, Qualifier.AT_LEAST: Qualifier.NEARLY,
            Qualifier.NEARLY: Qualifier.OVER}


def combine_qualifiers(qualifiers: list[Qualifier]) -> Qualifier:
    """The qualifier of a sum: a lower bound plus an exact figure is still a lower bound."""
    kinds = set(qualifiers) - {Qualifier.EXACT}
    lower = kinds & {Qualifier.OVER, Qualifier.AT_LEAST}
    if Qualifier.ABOUT in kinds or (lower and Qualifier.NEARLY in kinds):
        return Qualifier.ABOUT
    if Qualifier.OVER in kinds:
        return Qualifier.OVER
    if lower:
        return Qualifier.AT_LEAST
    return Qualifier.NEARLY if kinds else Qualifier.EXACT


def implied_value(target: Target, actuals: list[Actual],
                  as_of: date) -> tuple[Decimal | None, Qualifier]:
    """The plan figure a reported attainment implies: 21 projects at 140 % -> 15.

    The figure is rounded to the unit (whole projects, 0.01 for money) and is
    unknown before the actual it comes from is. Its qualifier follows from the
    inputs': "hơn 417" at "gần 140 %" means a plan of more than 417 / 1.40.
    """
    same = [a for a in actuals if matches(target, a) and a.period == target.period]
    actual = preferred(same)
    if parse_period(actual.period).end > as_of:
        return None, Qualifier.EXACT
    attainment = target.reported_attainment
    raw = actual.value * HUNDRED / attainment.value
    places = UNITS[target.unit.value].decimals
    value = raw.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    flipped = _FLIPPED.get(attainment.qualifier, attainment.qualifier)
    qualifier = combine_qualifiers([actual.qualifier, flipped])
    if actual.estimated and qualifier is Qualifier.EXACT:
        qualifier = Qualifier.ABOUT
    return value, qualifier
