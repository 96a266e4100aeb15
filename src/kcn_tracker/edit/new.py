"""`kcn-tracker new`: a plan file for a province, with commented examples."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from kcn_tracker.edit.record import EditRefused, EditResult
from kcn_tracker.plans.entries import value_text
from kcn_tracker.plans.load import parse_bytes
from kcn_tracker.plans.merger import successor_of
from kcn_tracker.plans.model import Province
from kcn_tracker.plans.validate import validate
from kcn_tracker.project import project_root
from kcn_tracker.text.i18n import _
from kcn_tracker.writes import atomic_write, folder_lock


def new_plan_text(province_id: str, name: str, folder: Path) -> str:
    """The text of a new plan file; its #:schema line points at the project's schema."""
    try:
        Province(id=province_id, name=name)  # the same rules as in a plan file
    except ValidationError:
        raise EditRefused(_(
            "'{province_id}' / '{name}' cannot name a province: the id is lower-case ASCII "
            "letters, digits and hyphens (bac-ninh), the name is not empty",
            province_id=province_id, name=name)) from None
    root = project_root(folder.resolve() / f"{province_id}.toml")
    schema = os.path.relpath(root / "schema" / "plan.schema.json", folder.resolve())
    text = TEMPLATE.format(schema=Path(schema).as_posix(), name=name,
                           id=value_text(province_id), quoted_name=value_text(name))
    if (successor := successor_of(province_id)) is not None:  # the 2025 merger's table
        text += (f"# Since {successor.since} part of the new {successor.name} "
                 f"({successor.basis}).\nsuccessor = {{ id = {value_text(successor.id)}, "
                 f"name = {value_text(successor.name)}, since = {value_text(successor.since)}, "
                 f"basis = {value_text(successor.basis)} }}\n")
    return text


def create_plan(folder: Path, province_id: str, name: str, dry_run: bool = False) -> EditResult:
    """A new plan file ``folder/<id>.toml``; an existing file is never overwritten."""
    path = folder / f"{province_id}.toml"
    text = new_plan_text(province_id, name, folder)
    parsed = parse_bytes(path, text.encode("utf-8"))
    if validate(parsed) is None:
        raise EditRefused(_("{path}: the new plan would not be valid", path=path), parsed.problems)
    with folder_lock(folder):
        if os.path.lexists(path):  # a link, even a broken one, is never replaced
            raise EditRefused(_("{path} already exists; it is left as it is", path=path))
        if not dry_run:
            atomic_write(path, text, new_file=True)
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
