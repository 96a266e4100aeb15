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
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path

from pydantic import ValidationError

from .check import check_file, project_root
from .documents import Documents
from .entries import insert_entry, render_entry, value_text
from .errors import Problem
from .loader import Parsed, parse_bytes, validate
from .model import Plan, Province
from .rules import RULES, Severity
from .text import fold
from .writing import atomic_write, folder_lock, unified_diff


class EditRefused(Exception):
    """The change would make the plan file wrong; nothing was written."""

    def __init__(self, message: str, problems: list[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


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
    """A figure typed on the command line: 2150 or 225.8, never a guess at "2.150"."""
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
        raise ValueError(f"{text!r} is ambiguous: Vietnamese writes 2.150 for two thousand one "
                         "hundred and fifty; type 2150, or 2.15 if you mean two point one five")
    if "," in text or not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise ValueError(f"{text!r} is not a figure; type digits with a dot as the decimal "
                         "mark: 2150 or 225.8 (the unit's scale: 1,03 triệu tỷ đồng is "
                         "1030000 vnd_billion)")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a figure") from None


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise EditRefused(f"{path}: no such plan file; create it with `kcn-tracker new`") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EditRefused(f"{path}: cannot be read ({exc})") from None


def _errors(parsed: Parsed, documents: Documents) -> tuple[Plan | None, list[Problem]]:
    plan, problems = check_file(parsed, documents)
    return plan, [p for p in problems if RULES[p.code].severity is Severity.ERROR]


def _key(problem: Problem) -> tuple:
    return problem.code, problem.entry, problem.message


# What makes two entries the same thing recorded twice.
DUPLICATE_KEYS = {
    "actuals": ("indicator", "scope", "period", "unit", "value", "project"),
    "targets": ("indicator", "scope", "period", "unit"),
    "revocations": ("name", "status", "reported"),
}


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def _same_as(section: str, fields: dict, plan: Plan) -> str | None:
    """The id of an entry the new one would repeat, if any."""
    for entry in getattr(plan, section):
        if all(_plain(getattr(entry, k)) == fields.get(k) for k in DUPLICATE_KEYS[section]):
            return entry.id
    return None


def _unique_id(plan: Plan, wanted: str) -> str:
    taken = {e.id for s in ("targets", "actuals", "revocations") for e in getattr(plan, s)}
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def default_id(plan: Plan, *parts: str) -> str:
    """bac-kan-2022-new-projects; Vietnamese words lose their marks: vinaxuki, dien-thuy."""
    return _unique_id(plan, fold("-".join((plan.province.id, *parts))))


def add_entry(path: Path, section: str, fields: dict, dry_run: bool = False,
              id_parts: tuple[str, ...] = ()) -> EditResult:
    """Add one entry to ``section`` of the plan file at ``path``."""
    documents = Documents(project_root(path))
    with folder_lock(path.parent):
        old = _read(path)
        plan, old_errors = _errors(parse_bytes(path, old.encode("utf-8")), documents)
        if plan is None:
            raise EditRefused(f"{path} has problems of its own; fix them first "
                              "(`kcn-tracker check` lists them), then add the entry", old_errors)
        if fields.get("id") is None:
            fields["id"] = default_id(plan, *id_parts)
        if (twin := _same_as(section, fields, plan)) is not None:
            raise EditRefused(f"{path}: {section} already holds this entry as '{twin}'; "
                              "nothing added")
        index = len(getattr(plan, section))
        new = insert_entry(old, section, render_entry(section, fields))
        parsed = parse_bytes(path, new.encode("utf-8"))
        _, new_errors = _errors(parsed, documents)
        known = {_key(p) for p in old_errors}
        added = [p for p in new_errors if _key(p) not in known]
        if added:
            raise EditRefused(f"{path}: the new entry is refused; the file is unchanged", added)
        _, everything = check_file(parse_bytes(path, new.encode("utf-8")), documents)
        notes = [p for p in everything if p.entry == (section, index)
                 and RULES[p.code].severity is not Severity.ERROR]
        line = (parsed.locator.find((section, index)) or (None, None))[0]
        if not dry_run:
            atomic_write(path, new)
    return EditResult(path, old, new, (section, index), line, notes)


def published(plan_path: Path, document: str) -> str | None:
    """The publication date seeds/index.toml gives for ``document``, if any."""
    index = project_root(plan_path) / "seeds" / "index.toml"
    try:
        entries = tomllib.loads(index.read_text(encoding="utf-8")).get("documents", [])
    except (OSError, tomllib.TOMLDecodeError):
        return None
    name = Path(document).name
    return next((d.get("published") for d in entries if d.get("file") == name), None)


def new_plan_text(province_id: str, name: str, folder: Path) -> str:
    try:
        Province(id=province_id, name=name)  # the same rules as in a plan file
    except ValidationError:
        raise EditRefused(f"'{province_id}' / '{name}' cannot name a province: the id is "
                          "lower-case ASCII letters, digits and hyphens (bac-ninh), the name "
                          "is not empty") from None
    schema = os.path.relpath(Path.cwd() / "schema" / "plan.schema.json", folder.resolve())
    return TEMPLATE.format(schema=Path(schema).as_posix(), name=name,
                           id=value_text(province_id), quoted_name=value_text(name))


def create_plan(folder: Path, province_id: str, name: str, dry_run: bool = False) -> EditResult:
    """A new plan file ``folder/<id>.toml``; an existing file is never overwritten."""
    path = folder / f"{province_id}.toml"
    text = new_plan_text(province_id, name, folder)
    parsed = parse_bytes(path, text.encode("utf-8"))
    if validate(parsed) is None:
        raise EditRefused(f"{path}: the new plan would not be valid", parsed.problems)
    with folder_lock(folder):
        if path.exists():
            raise EditRefused(f"{path} already exists; it is left as it is")
        if not dry_run:
            atomic_write(path, text)
    return EditResult(path, "", text)


TEMPLATE = """#:schema {schema}
# {name}: targets of the industrial-zone management board and the figures reported
# against them. Format: docs/plan-format.md. Every figure cites a verbatim quote
# from a document in seeds/.
#
# Add entries with `kcn-tracker record actual`, `kcn-tracker record target` and
# `kcn-tracker revocation`, which check each quote against its document, or by hand
# like these (then run `kcn-tracker check`):
#
# [[targets]]
# id = "2021-2025-new-projects"
# indicator = "new_projects"       # `kcn-tracker indicators` lists them
# scope = "kcn"                    # "kcn", "ccn", "province" or a key of [zones]
# period = "2021-2025"
# value = 20
# unit = "project"
# comparator = "about"             # khoảng; or at_least, over, at_most, exact
# source = {{ document = "seeds/<file>.txt", quote = "<the sentence, word for word>" }}
#
# [[actuals]]
# id = "2022-new-projects"
# indicator = "new_projects"
# scope = "kcn"
# period = "2022"
# value = 4
# unit = "project"
# qualifier = "exact"              # or about, over, nearly, at_least
# source = {{ document = "seeds/<file>.txt", quote = "<the sentence, word for word>" }}

[province]
id = {id}
name = {quoted_name}
"""
