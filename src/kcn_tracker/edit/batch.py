"""Several entries written to a plan file in one checked, atomic, locked step.

The path of `record` (edit.record.add_entry) for many entries at once, as
`draft --write` needs: the file is read once under the folder's lock, every
entry inserted, the whole new text checked with the rules of `check`, and it
is written once, or not at all when any entry adds an error.
"""

from __future__ import annotations

import os
from pathlib import Path

from kcn_tracker.check.documents import Documents
from kcn_tracker.check.run import check_file
from kcn_tracker.edit.record import (
    BOM,
    EditRefused,
    EditResult,
    _errors,
    _is_error,
    _key,
    _read,
    _same_as,
    _same_data_plus,
    default_id,
)
from kcn_tracker.plans.entries import insert_entry, render_entry
from kcn_tracker.plans.load import parse_bytes
from kcn_tracker.project import project_root
from kcn_tracker.writes import atomic_write, folder_lock


def add_entries(path: Path, entries: list[tuple[str, dict]], dry_run: bool = False
                ) -> EditResult:
    """Add each (section, fields) of ``entries`` to the plan file at ``path``, in order."""
    shown = path
    path = Path(os.path.realpath(path))
    if not path.parent.is_dir():
        raise EditRefused(f"{shown}: no such folder")
    documents = Documents(project_root(path))
    with folder_lock(path.parent):
        read = _read(path)
        old = read.decode("utf-8")
        plan, old_errors = _errors(parse_bytes(path, read), documents)
        if plan is None:
            raise EditRefused(f"{shown} has problems of its own; fix them first "
                              "(`kcn-tracker check` lists them), then add the entry", old_errors)
        new = old
        newline = "\r\n" if "\r\n" in old else "\n"
        for section, fields in entries:
            if section != "skipped":
                if fields.get("id") is None:
                    fields["id"] = default_id(plan, section)
                if (twin := _same_as(section, fields, plan)) is not None:
                    raise EditRefused(f"{shown}: {section} already holds this entry as "
                                      f"'{twin}'; nothing added")
            entry = render_entry(section, fields)
            before, new = new, insert_entry(new, section, entry, newline)
            _same_data_plus(before.removeprefix(BOM), new.removeprefix(BOM), section, entry)
            parsed = parse_bytes(path, new.encode("utf-8"))
            plan, _ = check_file(parsed, documents)
            if plan is None:
                break
        parsed = parse_bytes(path, new.encode("utf-8"))
        _, everything = check_file(parsed, documents)
        known = {_key(p) for p in old_errors}
        added = [p for p in everything if _is_error(p) and _key(p) not in known]
        if added:
            raise EditRefused(f"{shown}: the new entries are refused; the file is unchanged",
                              added)
        if not dry_run and new != old:
            atomic_write(path, new, unchanged_since=read)
    return EditResult(shown, old.removeprefix(BOM), new.removeprefix(BOM))
