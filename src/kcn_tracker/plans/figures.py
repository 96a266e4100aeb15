"""What a plan's entries mean together: which figure measures which target, which of
two figures for one thing counts, and the plan a reported attainment implies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from kcn_tracker.plans.model import Actual, Qualifier, Target
from kcn_tracker.plans.periods import Period, parse_period
from kcn_tracker.plans.vocabulary import UNITS

HUNDRED = Decimal(100)
INFINITY = Decimal("Infinity")


def matches(target: Target, actual: Actual) -> bool:
    """Whether an actual measures the same thing as a target (period aside)."""
    return (actual.project is None and actual.indicator == target.indicator
            and actual.scope == target.scope and actual.unit == target.unit)


def preferred(entries: list[Actual]) -> Actual:
    # A final figure beats an estimate; among equals the later entry in the file wins.
    return max(enumerate(entries), key=lambda p: (not p[1].estimated, p[0]))[1]


_FLIPPED = {Qualifier.OVER: Qualifier.NEARLY, Qualifier.AT_LEAST: Qualifier.NEARLY,
            Qualifier.NEARLY: Qualifier.OVER}


def flipped(qualifier: Qualifier) -> Qualifier:
    """The bound a divisor's qualifier gives a quotient: dividing by "hơn 100" gives less."""
    return _FLIPPED.get(qualifier, qualifier)


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


def attained_period(target: Target) -> str:
    """The period of the figure a reported attainment is stated for: the target's own, or
    the months so far ("6 tháng đầu năm … đạt 63% kế hoạch năm")."""
    attained = target.reported_attainment
    return attained.period if attained and attained.period else target.period


def implied_value(target: Target, actuals: list[Actual],
                  as_of: date) -> tuple[Decimal | None, Qualifier]:
    """The plan figure a reported attainment implies: 21 projects at 140 % -> 15.

    The figure is rounded to the unit (whole projects, 0.01 for money) and is
    unknown before the actual it comes from is. Its qualifier follows from the
    inputs': "hơn 417" at "gần 140 %" means a plan of more than 417 / 1.40.
    """
    period = attained_period(target)
    same = [a for a in actuals if matches(target, a) and a.period == period]
    # The percentage was stated with the figure of its own document; a later revision of
    # that figure does not change the plan it implied.
    if not same:
        return None, Qualifier.EXACT
    stated = [a for a in same if a.source.document == target.source.document]
    ids = {a.id for a in stated}
    first = [a for a in stated if a.supersedes not in ids]  # not a revision of another
    actual = preferred(first or stated or current(same) or same)
    if parse_period(actual.period).end > as_of:
        return None, Qualifier.EXACT
    attainment = target.reported_attainment
    raw = actual.value * HUNDRED / attainment.value
    places = UNITS[target.unit.value].decimals
    value = raw.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    qualifier = combine_qualifiers([actual.qualifier, flipped(attainment.qualifier)])
    if actual.estimated and qualifier is Qualifier.EXACT:
        qualifier = Qualifier.ABOUT
    return value, qualifier


@dataclass(frozen=True)
class Range:
    low: Decimal
    high: Decimal

    def __add__(self, other: Range) -> Range:
        return Range(self.low + other.low, self.high + other.high)

    def overlaps(self, other: Range) -> bool:
        return self.low <= other.high and other.low <= self.high


def value_range(value: Decimal, qualifier: Qualifier, unit: str) -> Range:
    """The values a written figure stands for, its last written digit's rounding included.

    Trailing zeros are not read as rounding: a reported 100 % is 99,5-100,5 %,
    not anything from 50 to 150. A count is exact.
    """
    half = Decimal(0)
    if UNITS[unit].decimals or value != value.to_integral_value():
        half = Decimal(5).scaleb(min(value.as_tuple().exponent, 0) - 1)
    if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
        return Range(value - half, INFINITY)
    if qualifier is Qualifier.NEARLY:
        return Range(value * Decimal("0.9") - half, value + half)
    if qualifier is Qualifier.ABOUT:
        return Range(value * Decimal("0.95") - half, value * Decimal("1.05") + half)
    return Range(value - half, value + half)


def superseded(entries) -> dict[str, object]:
    """The entries another one revises, by id, each with the entry that revises it."""
    ids = {e.id: e for e in entries}
    return {e.supersedes: e for e in entries if getattr(e, "supersedes", None) in ids}


def current(entries: list) -> list:
    """The entries no other one revises: what the report and every computation use."""
    old = superseded(entries)
    return [e for e in entries if e.id not in old]


def year_on_year(actuals: list[Actual], indicator: str, scope: str, unit: str,
                 period: Period) -> tuple[Actual, Actual] | None:
    """The figures of ``indicator`` for ``period`` and for the same period a year earlier,
    when both are known and the earlier one is not zero: what a growth rate links."""
    earlier = period.year_before()

    def value_for(p: Period) -> Actual | None:
        same = [a for a in actuals if a.indicator.value == indicator and a.scope == scope
                and a.unit.value == unit and a.project is None and parse_period(a.period) == p]
        return preferred(same) if same else None

    now, then = value_for(period), value_for(earlier)
    if now is None or then is None or then.value <= 0:
        return None
    return now, then
