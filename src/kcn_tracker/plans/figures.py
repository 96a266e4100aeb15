"""What a plan's entries mean together: which figure measures which target, which of
two figures for one thing counts, and the plan a reported attainment implies."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from kcn_tracker.plans.model import Actual, IndicatorKey, Qualifier, Target, UnitCode
from kcn_tracker.plans.periods import Period, parse_period
from kcn_tracker.plans.vocabulary import UNITS

HUNDRED = Decimal(100)
INFINITY = Decimal("Infinity")


def matches(target: Target, actual: Actual) -> bool:
    """Whether an actual measures the same thing as a target (period aside)."""
    return (actual.project is None and actual.indicator == target.indicator
            and actual.scope == target.scope and actual.unit == target.unit)


# A plan writes the same few period strings again and again: each is parsed once.
period_of = lru_cache(maxsize=1 << 16)(parse_period)


class Measures:
    """The actuals of one plan by what they measure (indicator, scope, unit), each with its
    period parsed once, so that finding the actuals of a target is a look-up, not a scan
    of every actual: evaluation stays linear in a province's entries. Every list it gives
    keeps the order of ``actuals`` (the later entry in the file wins a tie)."""

    def __init__(self, actuals: list[Actual]) -> None:
        self.actuals = actuals
        self._by_key: dict[tuple, list[tuple[int, Period, Actual]]] = {}
        for i, actual in enumerate(actuals):
            if actual.project is None:  # figures of single projects never count
                key = (actual.indicator, actual.scope, actual.unit)  # members: no .value
                self._by_key.setdefault(key, []).append((i, period_of(actual.period), actual))
        self._starts: dict[tuple, tuple[list[date], list]] = {}
        self._by_period: dict[tuple, dict] = {}

    def within(self, target: Target, period: Period) -> list[tuple[Period, Actual]]:
        """(period, actual) for the actuals that measure ``target`` within ``period``."""
        key = (target.indicator, target.scope, target.unit)
        if key not in self._starts:
            ordered = sorted(self._by_key.get(key, ()), key=lambda e: (e[1].start, e[0]))
            self._starts[key] = ([e[1].start for e in ordered], ordered)
        starts, ordered = self._starts[key]
        found = []
        for at in range(bisect_left(starts, period.start), len(starts)):
            i, p, actual = ordered[at]
            if p.start > period.end:
                break
            if p.end <= period.end:
                found.append((i, p, actual))
        return [(p, actual) for _, p, actual in sorted(found, key=lambda e: e[0])]

    def written(self, indicator: str | IndicatorKey, scope: str, unit: str | UnitCode,
                text: str | None = None,
                period: Period | None = None) -> list[Actual]:
        """The actuals of (indicator, scope, unit) whose period is written ``text``, or
        is ``period`` however written."""
        key = (IndicatorKey(indicator), scope, UnitCode(unit))
        if key not in self._by_period:
            table: dict = {}
            for _, p, actual in self._by_key.get(key, ()):
                table.setdefault(actual.period, []).append(actual)
                table.setdefault((p.start, p.end), []).append(actual)
            self._by_period[key] = table
        return list(self._by_period[key].get(text if period is None else (period.start,
                                                                          period.end), ()))


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


def implied_value(target: Target, actuals: list[Actual], as_of: date,
                  measures: Measures | None = None) -> tuple[Decimal | None, Qualifier]:
    """The plan figure a reported attainment implies: 21 projects at 140 % -> 15.

    The figure is rounded to the unit (whole projects, 0.01 for money) and is
    unknown before the actual it comes from is. Its qualifier follows from the
    inputs': "hơn 417" at "gần 140 %" means a plan of more than 417 / 1.40.
    """
    period = attained_period(target)
    if measures is None:
        same = [a for a in actuals if matches(target, a) and a.period == period]
    else:
        same = measures.written(target.indicator, target.scope, target.unit, period)
    if not same:
        return None, Qualifier.EXACT
    # The percentage was stated with the figure of its own document; a later revision of
    # that figure does not change the plan it implied.
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
                 period: Period, measures: Measures | None = None
                 ) -> tuple[Actual, Actual] | None:
    """The figures of ``indicator`` for ``period`` and for the same period a year earlier,
    when both are known and the earlier one is not zero: what a growth rate links."""
    earlier = period.year_before()

    def value_for(p: Period) -> Actual | None:
        if measures is not None:
            same = measures.written(indicator, scope, unit, period=p)
            return preferred(same) if same else None
        same = [a for a in actuals if a.indicator.value == indicator and a.scope == scope
                and a.unit.value == unit and a.project is None and parse_period(a.period) == p]
        return preferred(same) if same else None

    now, then = value_for(period), value_for(earlier)
    if now is None or then is None or then.value <= 0:
        return None
    return now, then
