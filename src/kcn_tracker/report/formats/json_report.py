"""The JSON report: a contract for other tools (docs/report-json.md).

Figures are JSON numbers. Whole figures are written as integers; the others
have at most 15 significant digits (the plan model's limit), which a float's
shortest repr keeps exactly: 225.8 prints as 225.8.
"""

from __future__ import annotations

import json
from decimal import Decimal
from json.encoder import c_make_encoder, encode_basestring

from rich.console import Console

from kcn_tracker.plans.figures import period_of
from kcn_tracker.plans.model import Actual, Plan, Source
from kcn_tracker.plans.periods import Period
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
        # Parsed once per run (validation and evaluation ask for the same periods).
        "period": _period(period_of(actual.period)),
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
        "remaining": _bounded(result.pace.remaining, t.unit.value, result.pace.qualifier),
        "excess": _bounded(result.pace.excess, t.unit.value, result.pace.qualifier),
        "pace_needed": _amount(result.pace.pace_needed, t.unit.value, "month"),
        "pace_so_far": _amount(result.pace.pace_so_far, t.unit.value, "month"),
    }


def _amount(value, unit: str, per: str | None = None) -> dict | None:
    if value is None:
        return None
    return {"value": number(value), "unit": unit, **({"per": per} if per else {})}


def _bounded(value, unit: str, qualifier) -> dict | None:
    amount = _amount(value, unit)
    return None if amount is None else {**amount, "qualifier": qualifier.value}


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
        "period": _period(period_of(old.period)), "value": number(old.value),
        "value_max": number(old.value_max), "unit": old.unit.value,
        "comparator": old.comparator.value, "source": _source(old.source)}
    return {"section": section, "superseded_by": new.id, "entry": entry}


def _indented(value, level: int) -> str:
    # The names stay as the plan writes them; json_printable only changes how the
    # bidirectional and C1 characters are spelled, so no terminal obeys them.
    text = json_printable(dumps_indented(value))
    return text.replace("\n", "\n" + "  " * level)


# json.dumps(indent=2) runs the pure-Python encoder (the C one has no indent before
# Python 3.14). The same text, byte for byte, from the C encoder: each container is one C
# call whose item separator carries the newline and the indentation, its nested
# containers standing in as a marker string that is then replaced by their own text.
# A marker is only trusted when it occurs exactly as often as it was put in (a report
# string equal to it is written the slow way); values of any other type than JSON's own
# go to json.dumps. (Compact C output re-indented afterwards would need a JSON
# tokenizer: brackets stand in strings too.)
_CONTAINERS = frozenset((dict, list, tuple))
_JSON_TYPES = _CONTAINERS | {str, int, float, bool, type(None)}
_MARK = "\x00kcn-tracker nested value\x00"
_MARK_TEXT = encode_basestring(_MARK)
_ENCODERS: list = []  # by depth: the C encoder of a container whose items stand there


class _Slow(Exception):
    """A value the C path does not write exactly as json.dumps would."""


def _not_serializable(value):
    raise _Slow


def dumps_indented(value) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, written by the C encoder."""
    if c_make_encoder is not None:
        out: list[str] = []
        try:
            _encode(value, 0, out)
            return "".join(out)
        except _Slow:
            pass
    return json.dumps(value, ensure_ascii=False, indent=2)


def _encode(value, depth: int, out: list[str]) -> None:
    """The text of ``value`` standing at ``depth``, onto ``out``. Only JSON's own types,
    exactly: the C encoder reads a subclass's items otherwise than the Python one does.
    Keys that are not strings are converted by both alike."""
    while len(_ENCODERS) <= depth + 1:
        _ENCODERS.append(c_make_encoder(None, _not_serializable, encode_basestring, None,
                                        ": ", ",\n" + "  " * len(_ENCODERS), False, False,
                                        True))
    kind = type(value)
    if kind is dict:
        items = value.values()
    elif kind is list or kind is tuple:
        items = value
    elif kind in _JSON_TYPES:
        out += _ENCODERS[depth](value, 0)
        return
    else:
        raise _Slow
    if not value:
        out.append("{}" if kind is dict else "[]")
        return
    types = set(map(type, items))
    if not types <= _JSON_TYPES:
        raise _Slow
    nested = None
    if not types.isdisjoint(_CONTAINERS):
        nested = [v for v in items if type(v) in _CONTAINERS]
        if kind is dict:
            value = {k: _MARK if type(v) in _CONTAINERS else v for k, v in value.items()}
        else:
            value = [_MARK if type(v) in _CONTAINERS else v for v in value]
    text = "".join(_ENCODERS[depth + 1](value, 0))
    text = f"{text[0]}\n{'  ' * (depth + 1)}{text[1:-1]}\n{'  ' * depth}{text[-1]}"
    if nested is None:
        out.append(text)
        return
    parts = text.split(_MARK_TEXT)
    if len(parts) != len(nested) + 1:
        raise _Slow
    out.append(parts[0])
    for child, after in zip(nested, parts[1:]):
        _encode(child, depth + 1, out)
        out.append(after)


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
