"""Changing plan files the way a careful person would.

Every change is built as the whole new text, checked with the same rules as
`kcn-tracker check` (structure, quote in document, figure in quote,
duplicates) and written only if it adds no error; otherwise the file is left
byte for byte as it was. Writes hold the folder's lock from reading to
renaming, so concurrent writers queue and none loses another's entry.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path

import tomli as tomllib  # the plan parser of plans/load.py

from kcn_tracker.check.documents import Documents
from kcn_tracker.check.run import check_file
from kcn_tracker.errors import EXIT_PLAN_PROBLEMS, KcnError
from kcn_tracker.findings import RULES, Problem, Severity
from kcn_tracker.plans.entries import insert_entry, render_entry
from kcn_tracker.plans.figures import current
from kcn_tracker.plans.ids import Ids
from kcn_tracker.plans.load import Parsed, parse_bytes
from kcn_tracker.plans.model import Plan
from kcn_tracker.plans.periods import parse_period
from kcn_tracker.project import ReadRefused, outside_project, project_root, read_limited
from kcn_tracker.text.i18n import _
from kcn_tracker.text.spelling import fold
from kcn_tracker.writes import atomic_write, folder_lock, unified_diff


class EditRefused(KcnError):
    """The change would make the plan file wrong; nothing was written."""

    exit_code = EXIT_PLAN_PROBLEMS


@dataclass
class EditResult:
    path: Path
    old: str
    new: str
    entry: tuple[str, int] | None = None
    line: int | None = None
    notes: list[Problem] = field(default_factory=list)  # warnings the new entry brings

    @property
    def diff(self) -> str:
        return unified_diff(self.path, self.old, self.new)


def parse_figure(text: str) -> Decimal:
    """A figure typed on the command line: 2150, 225.8 or, as Vietnamese writes it, 225,8
    and 2.150.000; never a guess at "2.150", which the two languages read differently."""
    text = text.strip()
    if re.fullmatch(r"-?\d{1,3}\.\d{3}", text):
        grouped, comma = text.replace(".", ""), text.replace(".", ",")
        raise ValueError(_(
            "{text} is ambiguous: {grouped} as Vietnamese writes it (a dot groups thousands), "
            "{plain} as English writes it (a decimal point); type {grouped}, or {comma} for "
            "the decimal", text=repr(text), grouped=grouped, plain=text, comma=comma))
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+,\d+", text):
        text = text.replace(".", "").replace(",", ".")  # 2.150,5 and 317,021: Vietnamese
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise ValueError(_(
            "{text} is not a figure; type digits with a dot or a comma as the decimal mark "
            "and no thousands separator: 2150, 225.8 or 225,8 (the unit's scale: 1,03 triệu "
            "tỷ đồng is 1030000 vnd_billion)", text=repr(text)))
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(_("{text} is not a figure", text=repr(text))) from None


BOM = "\ufeff"


def _read(path: Path) -> bytes:
    """The file's bytes exactly, a byte-order mark included, so writing it back changes
    nothing; they must be UTF-8."""
    if not os.path.lexists(path):
        raise EditRefused(_(
            "{path}: no such plan file; create it with `kcn-tracker new`",
            path=path))
    try:
        data = read_limited(path)
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise EditRefused(_(
            "{path}: not UTF-8 text; `kcn-tracker check` shows where",
            path=path)) from None
    except ReadRefused as exc:
        raise EditRefused(_("{path}: {reason}", path=path, reason=exc.reason)) from None
    return data


def _is_error(problem: Problem) -> bool:
    return RULES[problem.code].severity is Severity.ERROR


def _errors(parsed: Parsed, documents: Documents) -> tuple[Plan | None, list[Problem]]:
    plan, problems = check_file(parsed, documents)
    return plan, [p for p in problems if _is_error(p)]


def _key(problem: Problem) -> tuple:
    return problem.code, problem.entry, problem.message


# What makes two entries the same thing recorded twice.
DUPLICATE_KEYS = {
    "actuals": ("indicator", "scope", "period", "unit", "value", "project"),
    "targets": ("indicator", "scope", "period", "unit"),
    "revocations": ("name", "status", "reported"),
}


def _comparable(key: str, value: object) -> object:
    """Two spellings of one thing compare equal: "2022" and "2022-01..2022-12", Thụy and Thuỵ."""
    value = value.value if isinstance(value, Enum) else value
    if value is None:
        return None
    if key in ("period", "reported"):
        try:
            period = parse_period(str(value))
        except ValueError:
            return value
        return period.start, period.end
    if key in ("name", "project"):
        return fold(str(value))
    return value


def _same_as(section: str, fields: dict, plan: Plan) -> str | None:
    """The id of an entry the new one would repeat, if any; the entry it revises and those
    already revised are no repetition."""
    for entry in current(getattr(plan, section)):
        if entry.id == fields.get("supersedes"):
            continue
        if all(_comparable(k, getattr(entry, k)) == _comparable(k, fields.get(k))
               for k in DUPLICATE_KEYS[section]):
            return entry.id
    return None


def default_id(plan: Plan, *parts: str) -> str:
    """bac-kan-2022-new-projects; Vietnamese words lose their marks: vinaxuki, dien-thuy."""
    return Ids(plan).allocate(plan.province.id, *parts)


def add_entry(path: Path, section: str, fields: dict, dry_run: bool = False,
              id_parts: tuple[str, ...] = ()) -> EditResult:
    """Add one entry to ``section`` of the plan file at ``path``."""
    return add_entries(path, [(section, fields, id_parts)], dry_run)


def add_entries(path: Path, entries: list[tuple], dry_run: bool = False) -> EditResult:
    """Add each ``(section, fields[, id_parts])`` of ``entries`` to the plan file at
    ``path``, in order, in one step: the file is read once under the folder's lock, every
    entry inserted, the whole new text checked with the rules of `check`, and written
    once, or not at all when any entry adds an error (`record` adds one, `draft --write`
    many)."""
    shown = path
    if outside_project(shown):
        raise EditRefused(_("{path}: a link that leads outside the project; copy the plan "
                            "file into the project instead of linking it", path=shown))
    path = Path(os.path.realpath(path))  # write the file a link points to, not over the link
    if not path.parent.is_dir():
        raise EditRefused(_("{shown}: no such folder", shown=shown))
    documents = Documents(project_root(path))
    with folder_lock(path.parent):
        read = _read(path)
        old = read.decode("utf-8")
        plan, old_errors = _errors(parse_bytes(shown, read), documents)
        if plan is None:
            raise EditRefused(_(
                "{shown} has problems of its own; fix them first (`kcn-tracker check` lists "
                "them), then add the entry",
                shown=shown), old_errors)
        new, newline, index = old, "\r\n" if "\r\n" in old else "\n", None
        for section, fields, *id_parts in entries:
            if section != "skipped":
                if fields.get("id") is None:
                    fields["id"] = default_id(plan, *(id_parts[0] if id_parts else (section,)))
                if (twin := _same_as(section, fields, plan)) is not None:
                    raise EditRefused(_(
                        "{shown}: {section} already holds this entry as '{twin}'; nothing added",
                        shown=shown, section=section, twin=twin))
            index = len(getattr(plan, section))
            entry = render_entry(section, fields)
            before, new = new, insert_entry(new, section, entry, newline)
            _same_data_plus(before, new, section, entry)
            parsed = parse_bytes(shown, new.encode("utf-8"))
            plan, everything = check_file(parsed, documents)
            if plan is None:
                break  # the errors are reported below, with every entry's
        known = {_key(p) for p in old_errors}
        added = [p for p in everything if _is_error(p) and _key(p) not in known]
        if added:
            raise EditRefused(_("{shown}: the new entry is refused; the file is unchanged",
                                shown=shown) if len(entries) == 1 else
                              _("{shown}: the new entries are refused; the file is unchanged",
                                shown=shown), added)
        notes = [p for p in everything if p.entry == (section, index) and not _is_error(p)]
        line = (parsed.locator.find((section, index)) or (None, None))[0]
        if not dry_run:
            atomic_write(path, new, unchanged_since=read)
    return EditResult(shown, old.removeprefix(BOM), new.removeprefix(BOM), (section, index), line,
                      notes)


def _same_data_plus(old: str, new: str, section: str, entry: str) -> None:
    """The new text holds the old data and the one new entry, nothing else changed.

    A guard against an insertion in the wrong place (inside a multi-line string,
    say) that would still leave a valid file.
    """
    before = tomllib.loads(old.removeprefix(BOM), parse_float=Decimal)
    after = tomllib.loads(new.removeprefix(BOM), parse_float=Decimal)
    added = tomllib.loads(entry, parse_float=Decimal)[section]
    before[section] = before.get(section, []) + added
    if after != before:
        raise EditRefused(_(
            "the entry could not be placed without changing other entries; the file is unchanged "
            "(add it by hand, or run `kcn-tracker fmt` first)"))
