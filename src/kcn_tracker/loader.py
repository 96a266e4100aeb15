"""Load plan files: TOML text -> validated :class:`Plan`, or every problem with its line.

Reading uses the standard library's ``tomllib`` (nothing is written back here);
floats are parsed straight into ``Decimal`` so 225.8 stays 225.8.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from .errors import InputError, PlanError, Problem
from .evaluate import matches
from .locate import Locator
from .model import Origin, Plan
from .periods import FORMS, parse_period
from .vocabulary import INDICATORS, UNITS, Aggregation, UnitKind

BUILTIN_SCOPES = ("kcn", "ccn", "province")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class LoadedPlan:
    path: Path
    plan: Plan
    locator: Locator

    def position(self, *path: str | int) -> tuple[int, int] | None:
        return self.locator.find(path)


def plan_files(paths: Iterable[Path]) -> list[Path]:
    """The plan files named by ``paths``: files as given, directories' ``*.toml`` sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.toml"))
            if not found:
                raise InputError(f"{path}: no plan files (*.toml) in this directory")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return files


def load_plans(paths: Iterable[Path]) -> list[LoadedPlan]:
    """Load every plan file under ``paths``; raise PlanError listing all problems found."""
    loaded: list[LoadedPlan] = []
    problems: list[Problem] = []
    for file in plan_files(paths):
        try:
            loaded.append(load_plan(file))
        except PlanError as exc:
            problems.extend(exc.problems)
    seen: dict[str, Path] = {}
    for item in loaded:
        pid = item.plan.province.id
        if pid in seen:
            line, col = item.position("province", "id") or (None, None)
            problems.append(Problem(item.path, line, col,
                                    f"province id '{pid}' is also used by {seen[pid]}; "
                                    "give each province one plan file"))
        seen.setdefault(pid, item.path)
    if problems:
        raise PlanError(problems)
    return loaded


def load_plan(path: Path) -> LoadedPlan:
    text = _read_text(path)
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_POSITION.search(str(exc))
        message = _TOML_POSITION.sub("", str(exc)).strip()
        raise PlanError([Problem(
            path, int(m[1]) if m else None, int(m[2]) if m else None,
            f"not valid TOML: {message}",
        )]) from None
    locator = Locator(text)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise PlanError([
            _problem(path, locator, tuple(err["loc"]), _describe(err))
            for err in exc.errors(include_url=False)
        ]) from None
    problems = [_problem(path, locator, loc, msg) for loc, msg in consistency_errors(plan)]
    if problems:
        raise PlanError(problems)
    return LoadedPlan(path, plan, locator)


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanError([Problem(path, line, None,
                                 "not UTF-8 text; save the file as UTF-8")]) from None


def _problem(path: Path, locator: Locator, loc: tuple, message: str) -> Problem:
    line, col = locator.find(loc) or (None, None)
    return Problem(path, line, col, message)


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(err: dict) -> str:
    """Turn one pydantic error into a sentence that says what to write instead."""
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    where = _dotted(loc)
    kind, value = err["type"], err.get("input")
    field = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        return f"{where}: unknown key '{field}'; remove it or check its spelling"
    if kind == "missing":
        return f"{where}: required key '{field}' is missing"
    if kind == "enum" and field in ("indicator", "unit"):
        vocabulary = INDICATORS if field == "indicator" else UNITS
        close = difflib.get_close_matches(str(value), list(vocabulary), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        return (f"{where}: unknown {field} '{value}'.{hint} "
                f"`kcn-tracker indicators` lists the indicators and units")
    if kind == "string_pattern_mismatch" and field == "period":
        return f"{where}: period {value!r} is not one of the forms {FORMS}"
    if kind == "string_pattern_mismatch" and field == "reported":
        return f'{where}: {value!r} is not a date of the form "2024", "2024-01" or "2024-01-15"'
    if kind == "value_error":
        return f"{where}: {err['ctx']['error']}"
    return f"{where}: {err['msg']}"


def consistency_errors(plan: Plan) -> list[tuple[tuple, str]]:
    """Rules that span fields or entries, each with the key path it concerns."""
    errors: list[tuple[tuple, str]] = []
    scopes = set(BUILTIN_SCOPES) | set(plan.zones)
    for reserved in BUILTIN_SCOPES:
        if reserved in plan.zones:
            errors.append((("zones", reserved),
                           f"zones.{reserved}: '{reserved}' is a built-in scope; "
                           "choose another key for this zone"))
    seen_ids: dict[str, str] = {}
    for section in ("targets", "actuals", "revocations"):
        for index, entry in enumerate(getattr(plan, section)):
            here = (section, index)
            if entry.id in seen_ids:
                errors.append(((*here, "id"), f"{section}[{index}].id: id '{entry.id}' is "
                               f"already used by {seen_ids[entry.id]}; ids must be unique"))
            seen_ids.setdefault(entry.id, f"{section}[{index}]")
            if section == "revocations":
                if entry.zone is not None and entry.zone not in plan.zones:
                    errors.append(((*here, "zone"), _unknown_zone("zone", entry.zone, here)))
                try:
                    parse_period(entry.reported)
                except ValueError:
                    errors.append(((*here, "reported"), f"{_dotted(here)}.reported: "
                                   f"{entry.reported!r} is not a date that exists"))
                continue
            errors.extend(_entry_errors(entry, here, scopes))
    for index, target in enumerate(plan.targets):
        errors.extend(_target_errors(plan, target, ("targets", index)))
    return errors


def _unknown_zone(key: str, value: str, here: tuple) -> str:
    return (f"{_dotted(here)}.{key}: '{value}' is not a zone of this plan; "
            "add it under [zones] or use \"kcn\", \"ccn\" or \"province\"")


def _entry_errors(entry, here: tuple, scopes: set[str]) -> list[tuple[tuple, str]]:
    errors = []
    if entry.scope not in scopes:
        errors.append(((*here, "scope"), _unknown_zone("scope", entry.scope, here)))
    indicator, unit = INDICATORS[entry.indicator.value], UNITS[entry.unit.value]
    try:
        if parse_period(entry.period).is_instant and indicator.aggregation is Aggregation.FLOW:
            errors.append(((*here, "period"), f"{_dotted(here)}.period: '{indicator.key}' "
                           "adds up over time, so it needs a period, not one day; write "
                           "e.g. \"2024-01-01..2024-04-15\" for 'từ đầu năm đến 15/4'"))
    except ValueError as exc:
        errors.append(((*here, "period"), f"{_dotted(here)}.period: {exc}"))
    if unit.code not in indicator.units:
        allowed = ", ".join(indicator.units)
        errors.append(((*here, "unit"), f"{_dotted(here)}.unit: '{unit.code}' does not measure "
                       f"'{indicator.key}'; use one of: {allowed}"))
    value = getattr(entry, "value", None)
    if value is not None and value < 0 and unit.kind is not UnitKind.PERCENT:
        errors.append(((*here, "value"), f"{_dotted(here)}.value: {value} is negative; "
                       f"a figure in {unit.code} cannot be"))
    if value is not None and unit.decimals == 0 and value != value.to_integral_value():
        errors.append(((*here, "value"), f"{_dotted(here)}.value: {value} {unit.code} is not "
                       "a whole number; counts are whole"))
    return errors


def _target_errors(plan: Plan, target, here: tuple) -> list[tuple[tuple, str]]:
    where = _dotted(here)
    if target.origin is Origin.STATED:
        errors = []
        if target.value is None:
            errors.append((here, f"{where}: a stated target needs a 'value'"))
        if target.reported_attainment is not None:
            errors.append(((*here, "reported_attainment"),
                           f"{where}.reported_attainment: only an implied target has one; "
                           "set origin = \"implied\" and remove 'value', or remove this key"))
        return errors
    errors = []
    if target.value is not None:
        errors.append(((*here, "value"), f"{where}.value: an implied target's figure is "
                       "derived from its actual and reported attainment; remove 'value'"))
    if target.reported_attainment is None:
        errors.append((here, f"{where}: an implied target needs 'reported_attainment', "
                       "the percentage of plan the document reports"))
    if not any(matches(target, a) and a.period == target.period for a in plan.actuals):
        errors.append((here, f"{where}: no actual with indicator '{target.indicator.value}', "
                       f"scope '{target.scope}', period '{target.period}' and unit "
                       f"'{target.unit.value}' to derive this implied target from; add it"))
    return errors

