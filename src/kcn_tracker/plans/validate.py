"""Validate a parsed plan file: the model's rules, then what one entry says of another
(KCN1xx), each problem at its key's line and column."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from pydantic import ValidationError

from kcn_tracker.findings import ACKNOWLEDGEABLE
from kcn_tracker.plans.figures import (
    attained_period,
    matches,
    period_of,
)
from kcn_tracker.plans.model import (
    SECTIONS,
    Actual,
    Comparator,
    Origin,
    Plan,
    Revocation,
    Target,
)
from kcn_tracker.plans.periods import (
    FIRST_YEAR,
    FORMS,
    LAST_YEAR,
    YearOutOfRange,
    parse_period,
)
from kcn_tracker.plans.revisions import conflicts, revision_errors
from kcn_tracker.plans.vocabulary import INDICATORS, UNITS, Aggregation, UnitKind
from kcn_tracker.text.i18n import _

if TYPE_CHECKING:
    from kcn_tracker.plans.load import Parsed

BUILTIN_SCOPES = ("kcn", "ccn", "province")

Entries = dict[str, list[tuple[int, object]]]

# Strings in a plan are visible text, one line but for notes. A control character can hide
# text from a reviewer or break a report; a bidirectional control makes a name or
# a quote display in another order than it is stored (Trojan Source). NEL (U+0085)
# is the one C1 control let through: the check has accepted it in notes as a line
# break copied from a document (test_line_numbers_survive_unicode_line_separators),
# and printable() still escapes it in every output.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x84\x86-\x9f]")
# A note is free prose and may be a multi-line TOML string: its line breaks are text.
_NOTE_CONTROLS = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What a parsed string can hold such a character through: TOML 1.0 lets a string hold a
# tab, a C1 control or a bidi control as it is, an escape (a backslash), or a line break
# in a multi-line string; it refuses the other controls. A file whose text has none of
# these has no string to walk for them (the walk over every string of a national set
# cost 0.4 s of check; substring tests and one character class cost a fifth of that).
_AS_IS = re.compile("[\t\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _may_hide(text: str | None) -> bool:
    return (text is None or "\\" in text or '"""' in text or "'''" in text
            or _AS_IS.search(text) is not None)


def validate(parsed: "Parsed") -> Plan | None:
    """The plan of a parsed file, or None; its problems are added to ``parsed``."""
    if parsed.data is None:
        return None
    hidden = dict(_hidden_characters(parsed.data)) if _may_hide(parsed.text) else {}
    for loc, message in hidden.items():
        parsed.problems.append(parsed.problem("KCN117", loc, message))
    try:
        plan = Plan.model_validate(parsed.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            if err["type"] == "string_pattern_mismatch" and _loc(err) in hidden:
                continue  # the character is the reason, and KCN117 names it
            code, message = _describe(err)
            parsed.problems.append(parsed.problem(code, _loc(err), message))
        entries, zones = _valid_parts(parsed.data)
        for code, loc, message in entry_errors(entries, zones, complete=False):
            parsed.problems.append(parsed.problem(code, loc, message))
        return None
    entries = {s: list(enumerate(getattr(plan, s))) for s in SECTIONS}
    for code, loc, message in entry_errors(entries, plan.zones, complete=True):
        parsed.problems.append(parsed.problem(code, loc, message))
    successor = plan.province.successor
    if successor is not None:
        problem = _date_problem("province.successor.since", successor.since)
        if problem:
            parsed.problems.append(parsed.problem(
                "KCN115", ("province", "successor", "since"), problem))
    return None if parsed.problems else plan


def _hidden_characters(data: object):
    """(key path, message) for each string of the plan holding a control character.

    Walked with a stack, each node knowing its parent, so that a deep plan costs time
    linear in its size and never the interpreter's recursion limit."""
    stack: list[tuple[object, tuple | None]] = [(data, None)]
    while stack:
        node, trail = stack.pop()
        if isinstance(node, dict):
            stack.extend((value, (trail, key)) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((value, (trail, i)) for i, value in reversed(list(enumerate(node))))
        # The path is rebuilt only for a string that holds such a character: most hold none.
        elif isinstance(node, str) and (_CONTROLS.search(node) or _BIDI.search(node)):
            loc = _unwind(trail)
            if found := _hidden_in(node, loc):
                yield loc, found


def _unwind(trail: tuple | None) -> tuple:
    loc = []
    while trail is not None:
        trail, key = trail
        loc.append(key)
    return tuple(reversed(loc))


def _hidden_in(text: str, loc: tuple) -> str | None:
    # A document path has rules of its own (KCN201, KCN202): it must name a file in seeds/.
    if loc[-2:] == ("source", "document"):
        return None
    if m := (_NOTE_CONTROLS if loc[-1] == "note" else _CONTROLS).search(text):
        return _("{loc}: control character U+{value} in the text; remove it: plan strings "
                 "hold visible text only", loc=_dotted(loc), value=format(ord(m[0]), "04X"))
    if m := _BIDI.search(text):
        return _("{loc}: bidirectional control U+{value} in the text; remove it: it makes "
                 "the text display in another order than it reads", loc=_dotted(loc),
                 value=format(ord(m[0]), "04X"))
    return None


def _valid_parts(data: dict) -> tuple[Entries, dict]:
    """The entries of a broken file that are valid on their own."""
    entries: Entries = {}
    for section, model in SECTIONS.items():
        entries[section] = []
        raw = data.get(section)
        for index, item in enumerate(raw if isinstance(raw, list) else []):
            try:
                entries[section].append((index, model.model_validate(item)))
            except ValidationError:
                continue
    zones = data.get("zones")
    zones = {k: v for k, v in zones.items() if isinstance(v, str)} if isinstance(
        zones, dict) else {}
    return entries, zones


def _loc(err: dict) -> tuple:
    return tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(err: dict) -> tuple[str, str]:
    """Turn one pydantic error into a rule code and a sentence that says what to write."""
    loc = _loc(err)
    where = _dotted(loc)
    kind, value = err["type"], err.get("input")
    field = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        return "KCN101", _(
            "{where}: unknown key '{field}'; remove it or check its spelling",
            where=where, field=field)
    if kind == "missing":
        return "KCN102", _("{where}: required key '{field}' is missing", where=where, field=field)
    if kind == "enum" and field in ("indicator", "unit"):
        vocabulary = INDICATORS if field == "indicator" else UNITS
        close = difflib.get_close_matches(str(value), list(vocabulary), n=1)
        code = "KCN104" if field == "indicator" else "KCN105"
        if close:
            return code, _(
                "{where}: unknown {field} '{value}'. Did you mean '{close}'? `kcn-tracker "
                "indicators` lists the indicators and units",
                where=where, field=field, value=value, close=close[0])
        return code, _(
            "{where}: unknown {field} '{value}'. `kcn-tracker indicators` lists the "
            "indicators and units", where=where, field=field, value=value)
    if field == "period" and kind == "string_type":
        return "KCN109", _('{where}: write the period as a string, e.g. period = "2024"',
                           where=where)
    if field == "period" and kind == "string_pattern_mismatch":
        return "KCN109", _(
            "{where}: period {value} is not one of the forms {FORMS}",
            where=where, value=repr(value), FORMS=FORMS)
    if field == "reported" and kind in ("string_pattern_mismatch", "string_type"):
        return "KCN115", _('{where}: {value} is not a date of the form "2024", "2024-01" or '
                           '"2024-01-15"', where=where, value=repr(value))
    if field == "rule" and kind == "enum":
        return "KCN103", (_(
            "{where}: {value} cannot be acknowledged; only findings of the documents themselves "
            "can ({ACKNOWLEDGEABLE}): fix the plan file instead",
            where=where, value=repr(value), ACKNOWLEDGEABLE=', '.join(ACKNOWLEDGEABLE)))
    if kind == "value_error":
        return "KCN103", f"{where}: {err['ctx']['error']}"
    return "KCN103", f"{where}: {err['msg']}"


def entry_errors(entries: Entries, zones: dict, complete: bool) -> list[tuple[str, tuple, str]]:
    """Rules that span fields or entries: (code, key path, message) for each problem.

    ``complete`` is False when some entries are broken: the rules that need all
    of them (an implied target's actual) are then left for the next run.
    """
    errors: list[tuple[str, tuple, str]] = []
    scopes = set(BUILTIN_SCOPES) | set(zones)
    for reserved in BUILTIN_SCOPES:
        if reserved in zones:
            errors.append(("KCN111", ("zones", reserved),
                           _(
                               "zones.{reserved}: '{reserved}' is a built-in scope; choose "
                               "another key for this zone",
                               reserved=reserved)))
    seen_ids: dict[str, str] = {}
    for section in SECTIONS:
        for index, entry in entries[section]:
            here = (section, index)
            if entry.id in seen_ids:
                errors.append(("KCN110", (*here, "id"), _(
                    "{section}[{index}].id: id '{id}' is already used by {id2}; ids must be "
                    "unique",
                    section=section, index=index, id=entry.id, id2=seen_ids[entry.id])))
            seen_ids.setdefault(entry.id, f"{section}[{index}]")
            if section == "revocations":
                errors.extend(_revocation_errors(entry, here, zones))
            else:
                errors.extend(_figure_errors(entry, here, scopes))
    actuals = [a for _, a in entries["actuals"]]
    for index, target in entries["targets"]:
        errors.extend(_target_errors(target, ("targets", index), actuals, complete))
    if complete:
        for section in ("targets", "actuals"):
            errors.extend(revision_errors(section, entries[section]))
            errors.extend(conflicts(section, entries[section]))
    return errors


def _unknown_zone(key: str, value: str, here: tuple) -> str:
    return (_(
        "{here}.{key}: '{value}' is not a zone of this plan; add it under [zones] or use "
        "\"kcn\", \"ccn\" or \"province\"",
        here=_dotted(here), key=key, value=value))


def _revocation_errors(entry: Revocation, here: tuple, zones: dict) -> list:
    errors = []
    if entry.zone is not None and entry.zone not in zones:
        errors.append(("KCN111", (*here, "zone"), _unknown_zone("zone", entry.zone, here)))
    problem = _date_problem(f"{_dotted(here)}.reported", entry.reported)
    if problem:
        errors.append(("KCN115", (*here, "reported"), problem))
    return errors


def _date_problem(where: str, text: str) -> str | None:
    """What is wrong with the well-formed date ``text``, or None."""
    try:
        parse_period(text)
    except YearOutOfRange:
        return (_(
            "{where}: {text} has a year outside {FIRST_YEAR}-{LAST_YEAR}; check it for a typo",
            where=where, text=repr(text), FIRST_YEAR=FIRST_YEAR, LAST_YEAR=LAST_YEAR))
    except ValueError:
        return _("{where}: {text} is not a date that exists", where=where, text=repr(text))
    return None


def _figure_errors(entry, here: tuple, scopes: set[str]) -> list:
    errors = []
    if entry.scope not in scopes:
        errors.append(("KCN111", (*here, "scope"), _unknown_zone("scope", entry.scope, here)))
    indicator, unit = INDICATORS[entry.indicator.value], UNITS[entry.unit.value]
    try:
        # Cached: evaluation parses the same periods again.
        if period_of(entry.period).is_instant and indicator.aggregation is Aggregation.FLOW:
            errors.append(("KCN109", (*here, "period"), _(
                "{here}.period: '{key}' adds up over time, so it needs a period, not one day; "
                "write e.g. \"2024-01-01..2024-04-15\" for 'từ đầu năm đến 15/4'",
                here=_dotted(here), key=indicator.key)))
    except ValueError as exc:
        errors.append(("KCN109", (*here, "period"), f"{_dotted(here)}.period: {exc}"))
    if unit.code not in indicator.units:
        errors.append(("KCN106", (*here, "unit"), _(
            "{here}.unit: '{code}' does not measure '{key}'; use one of: {units}",
            here=_dotted(here), code=unit.code, key=indicator.key,
            units=', '.join(indicator.units))))
    value = entry.value
    if value is not None and value < 0 and unit.kind is not UnitKind.PERCENT:
        errors.append(("KCN107", (*here, "value"), _(
            "{here}.value: {value} is negative; a figure in {code} cannot be",
            here=_dotted(here), value=value, code=unit.code)))
    if value is not None and unit.decimals == 0 and value != value.to_integral_value():
        errors.append(("KCN108", (*here, "value"), _(
            "{here}.value: {value} {code} is not a whole number; counts are whole",
            here=_dotted(here), value=value, code=unit.code)))
    return errors


def _range_errors(target: Target, here: tuple) -> list:
    where = _dotted(here)
    between = target.comparator is Comparator.BETWEEN
    if between and (target.value_max is None or target.origin is Origin.IMPLIED):
        return [("KCN112", here, _(
            "{where}: comparator 'between' needs 'value' and 'value_max', the two ends of the "
            "range: 120 and 150 of \"từ 120-150\"",
            where=where))]
    if not between and target.value_max is not None:
        return [("KCN112", (*here, "value_max"), _(
            "{where}.value_max: only a range has an upper end; set comparator = \"between\" or "
            "remove value_max",
            where=where))]
    if between and target.value is not None and target.value_max <= target.value:
        return [("KCN112", (*here, "value_max"), _(
            "{where}.value_max: {value_max} is not above value {value}; write the lower end as "
            "value",
            where=where, value_max=target.value_max, value=target.value))]
    return []


def _attainment_period_errors(target: Target, here: tuple) -> list:
    attained = target.reported_attainment
    if attained is None or attained.period is None:
        return []
    where = f"{_dotted(here)}.reported_attainment.period"
    try:
        inside = parse_period(target.period).contains(parse_period(attained.period))
    except ValueError as exc:
        return [("KCN109", (*here, "reported_attainment", "period"), f"{where}: {exc}")]
    if not inside:
        return [("KCN109", (*here, "reported_attainment", "period"), _(
            "{where}: '{period}' is not within the target's period '{period2}'; the attainment "
            "is stated for part of the plan's period",
            where=where, period=attained.period, period2=target.period))]
    return []


def _target_errors(target: Target, here: tuple, actuals: list[Actual], complete: bool) -> list:
    where = _dotted(here)
    errors = _range_errors(target, here) + _attainment_period_errors(target, here)
    if target.origin is Origin.STATED:
        if target.value is None:
            return errors + [("KCN112", here, _(
                "{where}: a stated target needs a 'value'; or set origin = \"implied\" with a "
                "reported_attainment",
                where=where))]
        return errors
    if target.value is not None:
        errors.append(("KCN112", (*here, "value"), _(
            "{where}.value: an implied target's figure is derived from its actual and reported "
            "attainment; remove 'value'",
            where=where)))
    if target.reported_attainment is None:
        errors.append(("KCN112", here, _(
            "{where}: an implied target needs 'reported_attainment', the percentage of plan the "
            "document reports",
            where=where)))
    period = attained_period(target)
    if complete and not any(matches(target, a) and a.period == period for a in actuals):
        errors.append(("KCN113", here, _(
            "{where}: no actual with indicator '{value}', scope '{scope}', period '{period}' and "
            "unit '{value2}' to derive this implied target from; add it",
            where=where, value=target.indicator.value, scope=target.scope, period=period,
            value2=target.unit.value)))
    return errors
