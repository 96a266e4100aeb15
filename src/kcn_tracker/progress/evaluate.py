"""The evaluation core: pure functions from a plan and an as-of date to results.

Nothing here reads files or prints. The rules, in the words of the boards:

- an actual counts for a target when indicator, scope and unit agree and its
  period lies inside the target's; figures of single projects never count;
- a figure counts only once it is known: its period has ended by the as-of date;
- flows (new projects, registered capital) add up over the sub-periods of a
  multi-year period; for a stock (valid projects, fill rate) the latest value
  counts; a rate (growth, share) counts only for exactly its own period;
- VND and USD are different units and are never added;
- a target with no actual has no data: it is not 0 % done;
- met, exceeded and missed are verdicts on a whole period; before its end a
  flow is judged pro rata against the share of the period its figures cover,
  and a stock by whether it stands at the target now.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from kcn_tracker.plans.figures import (
    HUNDRED,
    Measures,
    combine_qualifiers,
    current,
    flipped,
    implied_value,
    period_of,
    preferred,
    superseded,
    year_on_year,
)
from kcn_tracker.plans.model import (
    Actual,
    Comparator,
    Origin,
    Plan,
    Qualifier,
    Revocation,
    Target,
)
from kcn_tracker.plans.periods import Period, parse_period
from kcn_tracker.plans.vocabulary import GROWTH, INDICATORS, MONEY, Aggregation
from kcn_tracker.progress.pace import NO_PACE, Pace, pace
from kcn_tracker.text.spelling import fold

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
    # The last day the figure speaks for: the end of the last sub-period of a
    # flow, or the date of a stock's reading.
    observed_until: date
    # The share of the target's period the figure covers: less than 1 when a
    # flow's figures stop early or leave a sub-period out.
    covered_share: float
    complete: bool


@dataclass(frozen=True)
class TargetResult:
    target: Target
    period: Period
    value: Decimal | None  # None: an implied plan figure not known at the as-of date
    value_qualifier: Qualifier
    observed: Observed | None
    attainment_pct: Decimal | None
    overshoot_pct: Decimal | None
    status: Status
    # Every known actual that measures this target within its period, used or not:
    # none of them is a figure with "no target set".
    measured: tuple[Actual, ...] = ()
    pace: Pace = NO_PACE
    # The same target stated again elsewhere (a headline, a caption): shown once, with
    # every source.
    restated: tuple[Target, ...] = ()

    @property
    def complete(self) -> bool:
        return self.observed is not None and self.observed.complete

    @property
    def attainment_qualifier(self) -> Qualifier:
        """How exact the percentage is: "gần 140 %" when the document says "vượt gần 40 %"."""
        if self.attainment_pct is None:
            return Qualifier.EXACT
        if self.target.origin is Origin.IMPLIED:
            return self.target.reported_attainment.qualifier
        return self.observed.qualifier


@dataclass(frozen=True)
class PendingRevocation:
    entry: Revocation  # the latest report, still "pending"
    since: str  # the first report of this pending run


@dataclass(frozen=True)
class ProvinceResult:
    plan: Plan
    targets: list[TargetResult]
    actuals: list[Actual]
    untargeted: list[Actual]
    unrecovered: list[PendingRevocation]
    # Entries a later one revises, by id, with the entry that revises them: evidence
    # kept, used by no computation.
    superseded: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.plan.province.id

    @property
    def name(self) -> str:
        return self.plan.province.name


@dataclass(frozen=True)
class Report:
    as_of: date
    year: int | None
    provinces: list[ProvinceResult]
    by_successor: bool = False  # shown under the provinces that took them over
    # What seeds/index.toml says of each document (title, publisher, date), by file name:
    # the outputs name a cited document by it.
    documents: dict[str, dict] = field(default_factory=dict)


def target_value(target: Target, actuals: list[Actual], as_of: date,
                 measures: Measures | None = None) -> tuple[Decimal | None, Qualifier]:
    if target.origin is Origin.IMPLIED:
        return implied_value(target, actuals, as_of, measures)
    return target.value, Qualifier.EXACT


def _observed(entries: list[Actual], until: date, share: float, complete: bool,
              extra: Qualifier = Qualifier.EXACT) -> Observed:
    return Observed(
        value=sum((a.value for a in entries), Decimal(0)),
        unit=entries[0].unit.value,
        qualifier=combine_qualifiers([a.qualifier for a in entries] + [extra]),
        estimated=any(a.estimated for a in entries),
        entries=tuple(entries),
        observed_until=until,
        covered_share=share,
        complete=complete,
    )


def candidates(target: Target, period: Period, actuals: list[Actual], as_of: date,
               measures: Measures | None = None) -> list[tuple[Period, Actual]]:
    """The actuals that measure ``target`` within its period and are known by ``as_of``;
    ``measures``, the index of ``actuals``, makes it a look-up (built when not given)."""
    measures = Measures(actuals) if measures is None else measures
    return [(p, a) for p, a in measures.within(target, period) if p.end <= as_of]


def observe(target: Target, period: Period,
            found: list[tuple[Period, Actual]]) -> Observed | None:
    """The figure for ``target`` among its candidates (see :func:`candidates`)."""
    exact = [a for p, a in found if p == period]
    if exact:
        return _observed([preferred(exact)], period.end, 1.0, True)
    aggregation = INDICATORS[target.indicator.value].aggregation
    if aggregation is Aggregation.STOCK and found:
        latest = max(p.end for p, _ in found)
        chosen = preferred([a for p, a in found if p.end == latest])
        return _observed([chosen], latest, period.elapsed_share(latest), latest >= period.end)
    if aggregation is Aggregation.FLOW and found:
        return _flow_sum(found, period)
    return None


def _flow_sum(found: list[tuple[Period, Actual]], period: Period) -> Observed:
    """Add up sub-period flows that do not overlap, earliest and longest first.

    A sub-period with no figure is unknown, not zero: the sum of the others is
    then only a lower bound ("at least"), and never a verdict on the period.
    """
    by_period: dict[tuple[date, date], list[Actual]] = {}
    for q, a in found:
        by_period.setdefault((q.start, q.end), []).append(a)
    cursor, chosen, covered = period.start, [], 0
    for p, _ in sorted(found, key=lambda pa: (pa[0].start, -pa[0].days)):
        if p.start < cursor:
            continue
        chosen.append(preferred(by_period[(p.start, p.end)]))
        covered += p.days
        cursor = date.fromordinal(p.end.toordinal() + 1)
    last = cursor.toordinal() - 1
    gaps = covered < last - period.start.toordinal() + 1
    complete = not gaps and last >= period.end.toordinal()
    return _observed(chosen, date.fromordinal(last), covered / period.days, complete,
                     Qualifier.AT_LEAST if gaps else Qualifier.EXACT)


def _compare(actual: Decimal, qualifier: Qualifier, target: Decimal) -> int:
    """-1, 0 or 1: the actual against the target, a bound counting past an equal figure."""
    if actual != target:
        return 1 if actual > target else -1
    if qualifier is Qualifier.OVER:
        return 1
    return -1 if qualifier is Qualifier.NEARLY else 0


def reached(comparator: Comparator, observed: Observed, target: Decimal,
            attainment: Decimal | None, top: Decimal | None = None) -> Status | None:
    """EXCEEDED or MET when the figure satisfies the comparator, else None; a range
    ("từ 120-150") is met within it and exceeded above ``top``."""
    order = _compare(observed.value, observed.qualifier, target)
    if comparator is Comparator.BETWEEN:
        if _compare(observed.value, observed.qualifier, top) > 0:
            return Status.EXCEEDED
        return Status.MET if order >= 0 else None
    if comparator is Comparator.ABOUT and attainment is not None:
        if attainment > HUNDRED + ABOUT_TOLERANCE_PCT:
            return Status.EXCEEDED
        return Status.MET if attainment >= HUNDRED - ABOUT_TOLERANCE_PCT else None
    if comparator is Comparator.AT_MOST:
        return Status.MET if order <= 0 else None
    if order > 0:
        return Status.EXCEEDED
    if order == 0 and comparator is not Comparator.OVER:
        return Status.MET
    return None


def decide(target: Target, value: Decimal | None, observed: Observed | None
           ) -> tuple[Status, Decimal | None]:
    if value is None or observed is None:
        return Status.NO_DATA, None
    attainment = None
    if value != 0:
        attainment = (observed.value * HUNDRED / value).quantize(PCT_PLACES, ROUND_HALF_UP)
    status = reached(target.comparator, observed, value, attainment, target.value_max)
    if observed.complete:
        return status or Status.MISSED, attainment
    comparator = target.comparator
    if INDICATORS[target.indicator.value].aggregation is Aggregation.FLOW:
        # A flow only grows: once past its figure it stays past, whatever comes.
        if status is Status.EXCEEDED or (status is Status.MET and comparator in (
                Comparator.AT_LEAST, Comparator.OVER, Comparator.BETWEEN)):
            return status, attainment
        if comparator is Comparator.AT_MOST:
            return (Status.ON_TRACK if status else Status.MISSED), attainment
        tolerance = ABOUT_TOLERANCE_PCT if comparator is Comparator.ABOUT else 0
        needed = Decimal(str(observed.covered_share)) * (HUNDRED - tolerance)
        on_track = attainment is not None and attainment >= needed
        return (Status.ON_TRACK if on_track else Status.BEHIND), attainment
    # A stock can still move either way before the period ends.
    return (Status.ON_TRACK if status else Status.BEHIND), attainment


def evaluate_target(target: Target, actuals: list[Actual], as_of: date,
                    restated: tuple[Target, ...] = (),
                    measures: Measures | None = None,
                    evidence: list[Actual] | None = None) -> TargetResult:
    """``actuals`` are the current ones: no entry another one revises; ``measures`` is
    their index, shared by the targets of one plan (built when not given); ``evidence``
    all of them, revised ones included, for the figure an implied plan was stated with."""
    measures = Measures(actuals) if measures is None else measures
    period = period_of(target.period)
    if evidence is None:
        value, value_qualifier = target_value(target, actuals, as_of, measures)
    else:
        value, value_qualifier = target_value(target, evidence, as_of)
    found = candidates(target, period, actuals, as_of, measures)
    observed = observe(target, period, found) or derived_growth(target, period, actuals, as_of,
                                                                measures)
    status, attainment = decide(target, value, observed)
    overshoot = attainment - HUNDRED if attainment is not None else None
    measured = tuple(a for _, a in found) + (observed.entries if observed and not found else ())
    return TargetResult(target, period, value, value_qualifier, observed, attainment,
                        overshoot, status, measured,
                        pace(target, period, value, value_qualifier, observed, status.value,
                             as_of), restated)


def derived_growth(target: Target, period: Period, actuals: list[Actual],
                   as_of: date, measures: Measures | None = None) -> Observed | None:
    """A growth target with no stated rate for its period is measured by the rate its
    values give: the period's value against the same period a year earlier."""
    base = GROWTH.get(target.indicator.value)
    if base is None or period.end > as_of:
        return None
    for unit in MONEY:
        pair = year_on_year(actuals, base, target.scope, unit, period, measures)
        if pair is not None:
            now, then = pair
            rate = ((now.value / then.value - 1) * HUNDRED).quantize(PCT_PLACES, ROUND_HALF_UP)
            qualifier = combine_qualifiers([now.qualifier, flipped(then.qualifier)])
            return Observed(rate, "percent", qualifier, now.estimated or then.estimated,
                            (now, then), period.end, 1.0, True)
    return None


def unrecovered(revocations: list[Revocation], as_of: date) -> list[PendingRevocation]:
    """Projects reported pending by ``as_of`` and not reported recovered since.

    Entries of one project (names compared without diacritics, so Thụy and
    Thuỵ are one) are read in date order; ``since`` is the first report of the
    current pending run.
    """
    runs: dict[str, PendingRevocation | None] = {}
    known = [r for r in revocations if parse_period(r.reported).start <= as_of]
    for entry in sorted(known, key=lambda r: parse_period(r.reported).start):
        key = fold(entry.name)
        if entry.status == "recovered":
            runs[key] = None
        else:
            current = runs.get(key)
            runs[key] = PendingRevocation(entry, current.since if current else entry.reported)
    order = {id(r): i for i, r in enumerate(revocations)}
    return sorted((run for run in runs.values() if run is not None),
                  key=lambda run: order[id(run.entry)])


def _restatements(targets: list[Target]) -> list[tuple[Target, tuple[Target, ...]]]:
    """Each target once, with the entries that state the very same plan again."""
    groups: dict[tuple, list[Target]] = {}
    for target in targets:
        key = (target.indicator, target.scope, target.period, target.unit, target.comparator,
               target.origin, target.value, target.value_max, target.reported_attainment)
        groups.setdefault(key, []).append(target)
    return [(group[0], tuple(group[1:])) for group in groups.values()]


def evaluate_plan(plan: Plan, as_of: date, year: int | None = None) -> ProvinceResult:
    """Evaluate every target of ``plan`` at ``as_of``; ``year`` keeps only periods touching it.

    Entries another one revises (``supersedes``) are kept as evidence and used by no
    computation; a target stated several times is evaluated once.
    """
    actuals = current(plan.actuals)
    measures = Measures(actuals)  # one index of the actuals for every target of the plan
    results = [evaluate_target(t, actuals, as_of, again, measures, plan.actuals)
               for t, again in _restatements(current(plan.targets))]
    measured = {id(a) for r in results for a in r.measured}
    if year is not None:
        results = [r for r in results if r.period.overlaps_year(year)]
        actuals = [a for a in actuals if period_of(a.period).overlaps_year(year)]
    untargeted = [a for a in actuals
                  if id(a) not in measured and period_of(a.period).end <= as_of]
    return ProvinceResult(plan, results, actuals, untargeted, unrecovered(plan.revocations, as_of),
                          {**superseded(plan.targets), **superseded(plan.actuals)})


def evaluate_plans(plans: list[Plan], as_of: date, year: int | None = None,
                   by_successor: bool = False, documents: dict[str, dict] | None = None
                   ) -> Report:
    return Report(as_of, year, [evaluate_plan(p, as_of, year) for p in plans], by_successor,
                  documents or {})
