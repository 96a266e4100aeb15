"""The evaluation core: pure functions from a plan and an as-of date to results.

Nothing here reads files or prints. The rules, in the words of the boards:

- an actual counts for a target when indicator, scope and unit agree and its
  period lies inside the target's; figures of single projects never count;
- flows (new projects, registered capital) add up over the sub-periods of a
  multi-year period; for a stock (valid projects, fill rate) the latest value
  counts; a rate (growth, share) counts only for exactly its own period;
- VND and USD are different units and are never added;
- a target with no actual has no data: it is not 0 % done;
- a period not yet over is judged pro rata against its elapsed share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from .model import Actual, Comparator, Origin, Plan, Qualifier, Revocation, Target
from .periods import Period, parse_period
from .text import fold
from .vocabulary import INDICATORS, UNITS, Aggregation

HUNDRED = Decimal(100)
# "khoảng 20 dự án" is met by 19 or 21: within this many percent of the figure.
ABOUT_TOLERANCE_PCT = Decimal(5)
PCT_PLACES = Decimal("0.01")


class Status(str, Enum):
    EXCEEDED = "exceeded"
    MET = "met"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    MISSED = "missed"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Observed:
    """The actual figure a target is measured against, and what it was made of."""

    value: Decimal
    unit: str
    qualifier: Qualifier
    estimated: bool
    entries: tuple[Actual, ...]
    # The last day the figure speaks for: the end of the covered sub-periods
    # of a flow, or the date of a stock's reading.
    observed_until: date


@dataclass(frozen=True)
class TargetResult:
    target: Target
    period: Period
    value: Decimal
    observed: Observed | None
    attainment_pct: Decimal | None
    overshoot_pct: Decimal | None
    status: Status

    @property
    def complete(self) -> bool:
        return self.observed is not None and self.observed.observed_until >= self.period.end


@dataclass(frozen=True)
class ProvinceResult:
    plan: Plan
    targets: list[TargetResult]
    actuals: list[Actual]
    untargeted: list[Actual]
    unrecovered: list[Revocation] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.plan.province.id

    @property
    def name(self) -> str:
        return self.plan.province.name


def matches(target: Target, actual: Actual) -> bool:
    """Whether an actual measures the same thing as a target (period aside)."""
    return (actual.project is None and actual.indicator == target.indicator
            and actual.scope == target.scope and actual.unit == target.unit)


def _preferred(entries: list[Actual]) -> Actual:
    # A final figure beats an estimate; among equals the later entry in the file wins.
    return max(enumerate(entries), key=lambda p: (not p[1].estimated, p[0]))[1]


def implied_value(target: Target, actuals: list[Actual]) -> Decimal:
    """The plan figure a reported attainment implies: 21 projects at 140 % -> 15."""
    same = [a for a in actuals if matches(target, a) and a.period == target.period]
    actual = _preferred(same)
    raw = actual.value * HUNDRED / target.reported_attainment.value
    places = UNITS[target.unit.value].decimals
    return raw.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def target_value(target: Target, actuals: list[Actual]) -> Decimal:
    if target.origin is Origin.IMPLIED:
        return implied_value(target, actuals)
    return target.value


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


def _observed(entries: list[Actual], until: date) -> Observed:
    return Observed(
        value=sum((a.value for a in entries), Decimal(0)),
        unit=entries[0].unit.value,
        qualifier=combine_qualifiers([a.qualifier for a in entries]),
        estimated=any(a.estimated for a in entries),
        entries=tuple(entries),
        observed_until=until,
    )


def observe(target: Target, period: Period, actuals: list[Actual], as_of: date) -> Observed | None:
    """Find the figure for ``target`` among ``actuals`` known by ``as_of``."""
    candidates = []
    for actual in actuals:
        if not matches(target, actual):
            continue
        p = parse_period(actual.period)
        if period.contains(p) and p.end <= as_of:
            candidates.append((p, actual))
    exact = [a for p, a in candidates if p == period]
    if exact:
        return _observed([_preferred(exact)], period.end)
    aggregation = INDICATORS[target.indicator.value].aggregation
    if aggregation is Aggregation.STOCK and candidates:
        latest = max(p.end for p, _ in candidates)
        chosen = _preferred([a for p, a in candidates if p.end == latest])
        return _observed([chosen], latest)
    if aggregation is Aggregation.FLOW and candidates:
        return _chain(candidates, period)
    return None


def _chain(candidates: list[tuple[Period, Actual]], period: Period) -> Observed | None:
    """Add up sub-period flows that follow each other from the start of ``period``.

    A gap stops the chain: what comes after a missing year is not added, since
    the missing year is unknown, not zero.
    """
    cursor, entries = period.start, []
    while cursor <= period.end:
        starting = [(p, a) for p, a in candidates if p.start == cursor]
        if not starting:
            break
        longest = max(p.end for p, _ in starting)
        entries.append(_preferred([a for p, a in starting if p.end == longest]))
        cursor = date.fromordinal(longest.toordinal() + 1)
    if not entries:
        return None
    return _observed(entries, date.fromordinal(cursor.toordinal() - 1))


def _beyond(actual: Decimal, qualifier: Qualifier, target: Decimal) -> int:
    """-1, 0 or 1: the actual compared with the target, a bound counting past an equal figure."""
    if actual != target:
        return 1 if actual > target else -1
    if qualifier in (Qualifier.OVER,):
        return 1
    if qualifier is Qualifier.NEARLY:
        return -1
    return 0


def reached(comparator: Comparator, observed: Observed, target: Decimal,
            attainment: Decimal) -> Status | None:
    """EXCEEDED or MET when the comparator is satisfied, else None."""
    order = _beyond(observed.value, observed.qualifier, target)
    if comparator is Comparator.ABOUT:
        if attainment > HUNDRED + ABOUT_TOLERANCE_PCT:
            return Status.EXCEEDED
        return Status.MET if attainment >= HUNDRED - ABOUT_TOLERANCE_PCT else None
    if comparator is Comparator.AT_MOST:
        return Status.MET if order <= 0 else None
    if order > 0:
        return Status.EXCEEDED
    if order == 0 and comparator in (Comparator.AT_LEAST, Comparator.EXACT):
        return Status.MET
    return None


def decide(target: Target, period: Period, value: Decimal, observed: Observed | None,
           as_of: date) -> tuple[Status, Decimal | None]:
    if observed is None:
        return Status.NO_DATA, None
    if value == 0:
        # No percentage of a zero plan; only whether it was kept.
        return reached(target.comparator, observed, value, HUNDRED) or Status.MISSED, None
    attainment = (observed.value * HUNDRED / value).quantize(PCT_PLACES, ROUND_HALF_UP)
    if status := reached(target.comparator, observed, value, attainment):
        return status, attainment
    if observed.observed_until >= period.end:
        return Status.MISSED, attainment
    if target.comparator is Comparator.AT_MOST:
        return Status.BEHIND, attainment
    share = Decimal(str(period.elapsed_share(min(as_of, observed.observed_until))))
    needed = share * (HUNDRED - (ABOUT_TOLERANCE_PCT if target.comparator is Comparator.ABOUT
                                 else 0))
    return (Status.ON_TRACK if attainment >= needed else Status.BEHIND), attainment


def evaluate_target(target: Target, actuals: list[Actual], as_of: date) -> TargetResult:
    period = parse_period(target.period)
    value = target_value(target, actuals)
    observed = observe(target, period, actuals, as_of)
    status, attainment = decide(target, period, value, observed, as_of)
    overshoot = attainment - HUNDRED if attainment is not None else None
    return TargetResult(target, period, value, observed, attainment, overshoot, status)


def unrecovered(revocations: list[Revocation], as_of: date) -> list[Revocation]:
    """Revocations reported pending by ``as_of`` and not reported recovered since."""
    latest: dict[str, Revocation] = {}
    for entry in revocations:
        if parse_period(entry.reported).start > as_of:
            continue
        key = fold(entry.name)
        known = latest.get(key)
        if known is None or entry.reported >= known.reported:
            latest[key] = entry
    return [r for r in latest.values() if r.status == "pending"]


def evaluate_plan(plan: Plan, as_of: date, year: int | None = None) -> ProvinceResult:
    """Evaluate every target of ``plan`` at ``as_of``; ``year`` keeps only periods touching it."""
    results = [evaluate_target(t, plan.actuals, as_of) for t in plan.targets]
    used = {id(a) for r in results if r.observed for a in r.observed.entries}
    actuals = list(plan.actuals)
    if year is not None:
        results = [r for r in results if r.period.overlaps_year(year)]
        actuals = [a for a in actuals if parse_period(a.period).overlaps_year(year)]
    untargeted = [a for a in actuals if id(a) not in used]
    return ProvinceResult(plan, results, actuals, untargeted,
                          unrecovered(plan.revocations, as_of))


@dataclass(frozen=True)
class Report:
    as_of: date
    provinces: list[ProvinceResult]


def evaluate_plans(plans: list[Plan], as_of: date, year: int | None = None) -> Report:
    return Report(as_of, [evaluate_plan(p, as_of, year) for p in plans])
