"""Consistency: where the documents disagree with themselves.

Reports contradict themselves: parts that do not add up to their total, a
growth rate that the two values it links do not give, an attainment that is
not actual / target. Every figure is compared as the range it stands for:
"1,03 triệu tỷ" is 1,025–1,035 triệu tỷ, "hơn 190" is 190 or more, so only
real contradictions are reported, never rounding.
"""

from __future__ import annotations

from decimal import Decimal

from kcn_tracker.plans.figures import (
    HUNDRED,
    Range,
    implied_value,
    matches,
    preferred,
    value_range,
)
from kcn_tracker.plans.model import Actual, Origin, Plan
from kcn_tracker.plans.periods import Period, parse_period
from kcn_tracker.plans.vocabulary import GROWTH, PARTS, UNITS
from kcn_tracker.text.display import format_number
from kcn_tracker.text.i18n import _

# Totals and the parts that make them up, in the same scope, period and unit.


def _range(actual: Actual) -> Range:
    return value_range(actual.value, actual.qualifier, actual.unit.value)


def _pct(value: Decimal) -> str:
    return format_number(value, "vi", 1) + "%"


def check_consistency(plan: Plan) -> list[tuple[str, tuple, str]]:
    """(code, key path, message) for every inconsistency and implied figure."""
    return [*_parts(plan), *_growth(plan), *_attainment(plan), *_implied(plan),
            *_repeated(plan)]


def _repeated(plan: Plan) -> list:
    """The same figure entered twice from one document: one of the entries is a slip."""
    problems = []
    for section in ("targets", "actuals"):
        seen: dict[tuple, int] = {}
        for index, entry in enumerate(getattr(plan, section)):
            # vars(): a target has no project, and pydantic is slow to say so (revisions._what)
            key = (entry.indicator, entry.scope, entry.period, entry.unit, entry.value,
                   vars(entry).get("project"), entry.source.document)
            if entry.value is None:
                continue
            if key in seen:
                problems.append(("KCN305", (section, index), _(
                    "{section}[{index}] repeats {section}[{key}] from the same document; remove "
                    "one, or acknowledge it if the document states the figure twice",
                    section=section, index=index, key=seen[key])))
            seen.setdefault(key, index)
    return problems


def _scope_actuals(plan: Plan) -> dict[tuple, list[tuple[int, Actual]]]:
    found: dict[tuple, list[tuple[int, Actual]]] = {}
    for index, actual in enumerate(plan.actuals):
        if actual.project is None:
            key = (actual.indicator.value, actual.scope, actual.period, actual.unit.value)
            found.setdefault(key, []).append((index, actual))
    return found


def _parts(plan: Plan) -> list:
    found = _scope_actuals(plan)
    problems = []
    for (indicator, scope, period, unit), totals in found.items():
        if indicator not in PARTS:
            continue
        parts = [found.get((p, scope, period, unit)) for p in PARTS[indicator]]
        if not all(parts):
            continue
        for index, total in totals:
            summed = parts[0][0][1], parts[1][0][1]
            if not _range(total).overlaps(_range(summed[0]) + _range(summed[1])):
                text = " + ".join(f"{format_number(a.value, 'vi', 6)} ({a.indicator.value})"
                                  for a in summed)
                problems.append(("KCN302", ("actuals", index, "value"),
                                 _(
                                     "{text} does not make the total {value}; check both figures "
                                     "in the document, then acknowledge the gap here",
                                     text=text, value=format_number(total.value, 'vi', 6))))
    return problems


def _by_period(plan: Plan) -> dict[tuple, list[Actual]]:
    found: dict[tuple, list[Actual]] = {}
    for a in plan.actuals:
        if a.project is None:
            p = parse_period(a.period)
            found.setdefault((a.indicator.value, a.scope, a.unit.value, p.start, p.end),
                             []).append(a)
    return found


def _growth(plan: Plan) -> list:
    """A growth rate "so với cùng kỳ" against its period and the same period a year before."""
    values = _by_period(plan)

    def _base_value(indicator: str, scope: str, period: Period, unit: str) -> Actual | None:
        same = values.get((indicator, scope, unit, period.start, period.end))
        return preferred(same) if same else None

    problems = []
    for index, growth in enumerate(plan.actuals):
        base = GROWTH.get(growth.indicator.value)
        if base is None or growth.project is not None:
            continue
        period = parse_period(growth.period)
        earlier = period.year_before()
        for unit in ("vnd_billion", "usd_million"):
            now = _base_value(base, growth.scope, period, unit)
            then = _base_value(base, growth.scope, earlier, unit)
            if now is None or then is None:
                continue
            a, b = _range(now), _range(then)
            if b.low <= 0 or then.value <= 0:
                continue  # no rate of change from nothing
            computed = Range((a.low / b.high - 1) * HUNDRED, (a.high / b.low - 1) * HUNDRED)
            if not computed.overlaps(_range(growth)):
                mid = (now.value / then.value - 1) * HUNDRED
                problems.append(("KCN303", ("actuals", index, "value"),
                                 _(
                                     "{value} ({period}) to {value2} ({period2}) is {mid}, the "
                                     "text says {value3}; acknowledge it here if the document "
                                     "really says so",
                                     value=format_number(then.value, 'vi', 6), period=then.period,
                                     value2=format_number(now.value, 'vi', 6), period2=now.period,
                                     mid=_pct(mid), value3=_pct(growth.value))))
    return problems


def _attainment(plan: Plan) -> list:
    """A stated target's reported attainment against actual / target."""
    problems = []
    for index, target in enumerate(plan.targets):
        reported = target.reported_attainment
        if target.origin is Origin.IMPLIED or reported is None:
            continue
        same = [a for a in plan.actuals if matches(target, a) and a.period == target.period]
        if not same or target.value <= 0:
            continue
        chosen = preferred(same)
        actual = _range(chosen)
        computed = Range(actual.low * HUNDRED / target.value,
                         actual.high * HUNDRED / target.value)
        if not computed.overlaps(value_range(reported.value, reported.qualifier, "percent")):
            mid = chosen.value * HUNDRED / target.value
            problems.append(("KCN301", ("targets", index, "reported_attainment"),
                             _(
                                 "{value} of {value2} is {mid}, the document says {value3}; "
                                 "check the figures",
                                 value=format_number(chosen.value, 'vi', 6),
                                 value2=format_number(target.value, 'vi', 6), mid=_pct(mid),
                                 value3=_pct(reported.value))))
    return problems


def _implied(plan: Plan) -> list:
    """What an implied plan works out to, when it is not a round figure a plan would set."""
    problems = []
    for index, target in enumerate(plan.targets):
        if target.origin is not Origin.IMPLIED:
            continue
        value, _bounds = implied_value(target, plan.actuals, parse_period(target.period).end)
        if value is None or _round(value):
            continue
        unit = UNITS[target.unit.value]
        problems.append(("KCN304", ("targets", index, "reported_attainment"),
                         _(
                             "the reported {value} implies a plan of {value2} {vi}, not a round "
                             "figure: the plan was probably a rounder one near it",
                             value=_pct(target.reported_attainment.value),
                             value2=format_number(value, 'vi', 6), vi=unit.vi)))
    return problems


def _round(value: Decimal) -> bool:
    """A figure a plan would set: whole, with at most two significant digits (15, 300)."""
    digits = value.normalize().as_tuple()
    return value == value.to_integral_value() and len(digits.digits) <= 2
