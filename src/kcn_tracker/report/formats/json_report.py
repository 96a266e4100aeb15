"""The JSON report: a contract for other tools (docs/report-json.md).

Figures are JSON numbers. Whole figures are written as integers; the others
have at most 15 significant digits (the plan model's limit), which a float's
shortest repr keeps exactly: 225.8 prints as 225.8.
"""

from __future__ import annotations

import json
from decimal import Decimal

from rich.console import Console

from kcn_tracker.plans.model import Actual, Plan, Source
from kcn_tracker.plans.periods import Period, parse_period
from kcn_tracker.progress.evaluate import (
    PendingRevocation,
    ProvinceResult,
    Report,
    TargetResult,
)
from kcn_tracker.report.cells import indicator_label, scope_label
from kcn_tracker.report.groups import grouped
from kcn_tracker.text.display import json_printable


def number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _period(period: Period) -> dict:
    return {"start": period.start.isoformat(), "end": period.end.isoformat(),
            "text": period.text}


def _source(source: Source) -> dict:
    return {"document": source.document, "quote": source.quote}


def actual_dict(actual: Actual, plan: Plan, lang: str) -> dict:
    return {
        "id": actual.id,
        "indicator": actual.indicator.value,
        "label": indicator_label(actual.indicator.value, lang),
        "scope": actual.scope,
        "scope_label": scope_label(plan, actual.scope, lang),
        "period": _period(parse_period(actual.period)),
        "value": number(actual.value),
        "unit": actual.unit.value,
        "qualifier": actual.qualifier.value,
        "estimated": actual.estimated,
        "project": actual.project,
        "supersedes": actual.supersedes,
        "note": actual.note,
        "source": _source(actual.source),
    }


def _target(result: TargetResult, plan: Plan, lang: str) -> dict:
    t, observed = result.target, result.observed
    target = {"value": number(result.value), "value_max": number(t.value_max),
              "qualifier": result.value_qualifier.value, "unit": t.unit.value,
              "comparator": t.comparator.value, "origin": t.origin.value,
              "supersedes": t.supersedes, "note": t.note, "source": _source(t.source),
              "sources": [_source(x.source) for x in (t, *result.restated)]}
    if t.reported_attainment is not None:
        target["reported_attainment_pct"] = number(t.reported_attainment.value)
        target["reported_attainment_qualifier"] = t.reported_attainment.qualifier.value
        target["reported_attainment_period"] = t.reported_attainment.period
    actual = None
    if observed is not None:
        sources = [_source(a.source) for a in observed.entries]
        actual = {"value": number(observed.value), "unit": observed.unit,
                  "qualifier": observed.qualifier.value, "estimated": observed.estimated,
                  "observed_until": observed.observed_until.isoformat(),
                  "covered_share": round(observed.covered_share, 4),
                  "complete": result.complete, "source": sources[0], "sources": sources}
    return {
        "id": t.id,
        "indicator": t.indicator.value,
        "label": indicator_label(t.indicator.value, lang),
        "scope": t.scope,
        "scope_label": scope_label(plan, t.scope, lang),
        "period": _period(result.period),
        "target": target,
        "actual": actual,
        "attainment_pct": number(result.attainment_pct),
        "attainment_qualifier": result.attainment_qualifier.value,
        "overshoot_pct": number(result.overshoot_pct),
        "status": result.status.value,
        "remaining": _amount(result.pace.remaining, t.unit.value),
        "excess": _amount(result.pace.excess, t.unit.value),
        "pace_needed": _amount(result.pace.pace_needed, t.unit.value, "month"),
        "pace_so_far": _amount(result.pace.pace_so_far, t.unit.value, "month"),
    }


def _amount(value, unit: str, per: str | None = None) -> dict | None:
    if value is None:
        return None
    return {"value": number(value), "unit": unit, **({"per": per} if per else {})}


def revocation_dict(pending: PendingRevocation, plan: Plan) -> dict:
    entry = pending.entry
    return {"id": entry.id, "name": entry.name,
            "zone": plan.zones.get(entry.zone) if entry.zone else None,
            "reported": entry.reported, "since": pending.since, "source": _source(entry.source)}


def successor_dict(successor) -> dict | None:
    if successor is None:
        return None
    return {"id": successor.id, "name": successor.name, "since": successor.since,
            "basis": successor.basis}


def province_dict(result: ProvinceResult, lang: str) -> dict:
    plan = result.plan
    return {
        "id": result.id,
        "name": result.name,
        "successor": successor_dict(plan.province.successor),
        "targets": [_target(r, plan, lang) for r in result.targets],
        "actuals": [actual_dict(a, plan, lang) for a in result.actuals],
        "unrecovered": [revocation_dict(r, plan) for r in result.unrecovered],
        "superseded": [_superseded(old_id, new, plan, lang)
                       for old_id, new in result.superseded.items()],
    }


def _superseded(old_id: str, new, plan: Plan, lang: str) -> dict:
    """An entry a later one replaces: kept as evidence, with the id that replaces it."""
    old = next(e for s in ("targets", "actuals") for e in getattr(plan, s) if e.id == old_id)
    section = "actuals" if isinstance(old, Actual) else "targets"
    entry = actual_dict(old, plan, lang) if section == "actuals" else {
        "id": old.id, "indicator": old.indicator.value, "scope": old.scope,
        "period": _period(parse_period(old.period)), "value": number(old.value),
        "value_max": number(old.value_max), "unit": old.unit.value,
        "comparator": old.comparator.value, "source": _source(old.source)}
    return {"section": section, "superseded_by": new.id, "entry": entry}


def _indented(value, level: int) -> str:
    # The names stay as the plan writes them; json_printable only changes how the
    # bidirectional and C1 characters are spelled, so no terminal obeys them.
    text = json_printable(json.dumps(value, ensure_ascii=False, indent=2))
    return text.replace("\n", "\n" + "  " * level)


def render(report: Report, lang: str, console: Console) -> None:
    """The same JSON as one json.dumps would write, but one province at a time, so that
    a national set never holds the whole text, nor the whole tree, in memory."""
    out = console.file
    head = {"as_of": report.as_of.isoformat(), "year": report.year, "lang": lang}
    out.write("{\n")
    for key, value in head.items():
        out.write(f'  {json.dumps(key)}: {_indented(value, 1)},\n')
    out.write('  "provinces": [')
    for index, province in enumerate(report.provinces):
        out.write(("," if index else "") + "\n    " + _indented(province_dict(province, lang), 2))
    out.write("\n  ]" if report.provinces else "]")
    if report.by_successor:
        successors = [
            {**successor_dict(heading.successor), "members": [m.id for m in members]}
            for heading, members in grouped(report) if heading is not None]
        out.write(f',\n  "successors": {_indented(successors, 1)}')
    out.write("\n}\n")
