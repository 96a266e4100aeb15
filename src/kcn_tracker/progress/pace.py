"""What is still needed, and how fast: a board head's first question is not "what
percent" but "how many more, by when".

- A target not yet met has an amount still needed: the plan figure (the lower end of
  a range, the figure itself for "trên" and "ít nhất") less what the figures reach.
- A flow whose period is still open has a pace needed, the amount still needed per
  month that no figure covers yet, beside its pace so far, what its figures reached
  per month they cover.
- An exceeded target says by how much, in its unit: past the upper end of a range.
- A target at most ("tối đa") is never short; a figure with no plan or no actual has
  none of these: missing is not zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from kcn_tracker.plans.figures import combine_qualifiers, flipped
from kcn_tracker.plans.model import Comparator, Qualifier, Target
from kcn_tracker.plans.periods import Period
from kcn_tracker.plans.vocabulary import INDICATORS, UNITS, Aggregation

# The average month of the Gregorian calendar, so that pace is per month whatever the month.
MONTH_DAYS = Decimal("30.436875")


@dataclass(frozen=True)
class Pace:
    remaining: Decimal | None  # still needed, in the target's unit; None when met
    excess: Decimal | None  # past the plan (past the upper end of a range), when exceeded
    pace_needed: Decimal | None  # per month left, for a flow whose period is open
    pace_so_far: Decimal | None  # per month its figures cover
    # How exact remaining or excess is, from the figures it is the difference of: "hơn
    # 12" of a plan of 20 leaves "gần 8" to go; "khoảng 20" leaves "khoảng 8".
    qualifier: Qualifier = Qualifier.EXACT


NO_PACE = Pace(None, None, None, None)


def _months(first: date, last: date) -> Decimal:
    return Decimal((last - first).days + 1) / MONTH_DAYS


def _round(value: Decimal, unit: str) -> Decimal:
    places = max(UNITS[unit].decimals, 1)  # a pace of 0,7 dự án/tháng needs its decimal
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _gaps(period: Period, observed) -> bool:
    """Whether the figures leave a stretch unknown between the period's start and the
    last day they speak for."""
    spanned = (observed.observed_until - period.start).days + 1
    return observed.covered_share * period.days < spanned - 0.5


def pace(target: Target, period: Period, value: Decimal | None, value_qualifier: Qualifier,
         observed, status: str, as_of: date) -> Pace:
    """Remaining, excess and pace of ``target`` at ``as_of`` (``observed`` as evaluated),
    ``value`` being the plan's figure with its qualifier."""
    none = NO_PACE
    if value is None or observed is None or target.comparator is Comparator.AT_MOST:
        return none
    unit = target.unit.value
    top = target.value_max if target.comparator is Comparator.BETWEEN else value
    if status == "exceeded":
        excess = observed.value - top
        if excess <= 0:
            return none  # past the plan by a bound only ("hơn 150" of 150): by how much is unknown
        return Pace(None, excess, None, None,
                    combine_qualifiers([observed.qualifier, flipped(value_qualifier)]))
    if status == "met" or _gaps(period, observed):
        # A sum with a sub-period unknown is only a lower bound: what is still needed,
        # and at what pace, is unknown too, not the plan less the known part.
        return none
    remaining = value - observed.value
    if remaining <= 0:
        return none  # a stock at or past its plan before the period ends: nothing to go
    qualifier = combine_qualifiers([value_qualifier, flipped(observed.qualifier)])
    if INDICATORS[target.indicator.value].aggregation is not Aggregation.FLOW:
        return Pace(remaining, None, None, None, qualifier)
    so_far = None
    if observed.observed_until >= period.start:
        so_far = _round(observed.value / _months(period.start, observed.observed_until), unit)
    needed = None
    # The months left are those no figure covers yet, up to the end of the period.
    first_open = date.fromordinal(observed.observed_until.toordinal() + 1)
    if period.end > as_of and first_open <= period.end:
        needed = _round(remaining / _months(first_open, period.end), unit)
    return Pace(remaining, None, needed, so_far, qualifier)
