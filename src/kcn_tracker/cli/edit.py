"""The commands that change plan files: record, revocation, new, fmt."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Optional

import typer

from kcn_tracker.cli.app import app
from kcn_tracker.cli.options import (
    LocalTyper,
    PlansArg,
    iso_date,
    one_line,
    plans_or_default,
)
from kcn_tracker.errors import EXIT_PLAN_PROBLEMS, InputError
from kcn_tracker.text.display import printable
from kcn_tracker.text.i18n import N_, _, n_

DryRunOpt = Annotated[bool, typer.Option(
    "--dry-run", help=N_("Print the change as a unified diff and write nothing."))]
DocumentOpt = Annotated[str, typer.Option(
    "--document", metavar="seeds/FILE", help=N_("The source document, inside seeds/."))]
QuoteOpt = Annotated[str, typer.Option(
    "--quote", help=N_("The sentence or clause that states it, word for word."))]
IdOpt = Annotated[Optional[str], typer.Option(
    "--id", help=N_("The entry's id (default: made from the province, period and indicator)."))]
NoteOpt = Annotated[Optional[str], typer.Option(
    "--note", help=N_("Why the figure is read this way."))]
PeriodOpt = Annotated[str, typer.Option(
    "--period", help=N_('"2023", "2021-2025", "2024-01..2024-02", "2024-01-01..2024-04-15" or '
    '"2020-11-30".'))]
IndicatorOpt = Annotated[str, typer.Option(
    "--indicator", help=N_("An indicator key (`kcn-tracker indicators`)."))]
UnitOpt = Annotated[str, typer.Option("--unit", help=N_("A unit code: project, vnd_billion, …"))]
ScopeOpt = Annotated[str, typer.Option(
    "--scope", help=N_('"kcn", "ccn", "province" or a zone key of the plan.'))]
SupersedesOpt = Annotated[Optional[str], typer.Option(
    "--supersedes", metavar="ID", help=N_("The id of the entry this one revises (a final figure "
    "for an estimate, a raised plan); both stay in the file, the report uses this one."))]

record_app = LocalTyper(help=N_("Add an actual figure or a target to a plan file, checked "
                         "against its document first."), no_args_is_help=True)
app.add_typer(record_app, name="record", short_help=N_("Add a figure or a target to a plan file."))


def _figure(text: str, option: str) -> Decimal:
    from kcn_tracker.edit.record import parse_figure

    try:
        return parse_figure(text)
    except ValueError as exc:
        raise InputError(_("{option} {exc}", option=option, exc=exc)) from None


def _source(document: str, quote: str) -> dict:
    return {"document": one_line(document, "--document"), "quote": one_line(quote, "--quote")}


def _apply(change, dry_run: bool) -> None:
    """Run an edit and print what it did."""
    result = change()
    if dry_run:
        sys.stdout.write(result.diff)
        typer.echo(_("(dry run: nothing written)"))
        return
    if result.entry is None:
        typer.echo(_("Created {path}", path=printable(str(result.path))))
        return
    section, index = result.entry
    path = printable(str(result.path))
    typer.echo(_("Added {entry} to {path} at line {line}:", entry=f"{section}[{index}]",
                 path=path, line=result.line) if result.line else
               _("Added {entry} to {path}:", entry=f"{section}[{index}]", path=path))
    for line in result.diff.splitlines():
        if line.startswith("+") and not line.startswith("+++") and line[1:].strip():
            typer.echo("  " + line[1:])
    for note in result.notes:
        typer.echo(_("note: {note}", note=note))


@record_app.command("actual", help=N_(
    "Add an actual figure, after checking its quote is in the document and states it."))
def record_actual(
    plan: Annotated[Path, typer.Argument(
        metavar="PLAN", help=N_("The plan file, e.g. plans/bac-kan.toml."))],
    indicator: IndicatorOpt,
    period: PeriodOpt,
    value: Annotated[str, typer.Option("--value", help=N_("The figure in the unit's scale: "
                                       "2150, 225.8."))],
    unit: UnitOpt,
    document: DocumentOpt,
    quote: QuoteOpt,
    scope: ScopeOpt = "kcn",
    qualifier: Annotated[str, typer.Option(
        "--qualifier", help=N_("exact, about (khoảng), over (hơn), nearly (gần), at_least."))
    ] = "exact",
    estimated: Annotated[bool, typer.Option("--estimated", help=N_("ước đạt: an estimate."))
                         ] = False,
    project: Annotated[Optional[str], typer.Option(
        "--project", help=N_("The project the figure belongs to, if it is one project's."))
    ] = None,
    note: NoteOpt = None,
    entry_id: IdOpt = None,
    supersedes: SupersedesOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    from kcn_tracker.edit.record import add_entry

    fields = {"id": entry_id, "indicator": indicator, "scope": scope, "period": period,
              "value": _figure(value, "--value"), "unit": unit,
              "qualifier": None if qualifier == "exact" else qualifier,
              "estimated": True if estimated else None, "project": one_line(project, "--project"),
              "supersedes": supersedes, "note": one_line(note, "--note"),
              "source": _source(document, quote)}
    _apply(lambda: add_entry(plan, "actuals", fields, dry_run, (period, indicator)), dry_run)


@record_app.command("target", help=N_(
    "Add a target: stated (--value) or implied by a reported attainment "
    "(--attainment)."))
def record_target(
    plan: Annotated[Path, typer.Argument(
        metavar="PLAN", help=N_("The plan file, e.g. plans/bac-kan.toml."))],
    indicator: IndicatorOpt,
    period: PeriodOpt,
    unit: UnitOpt,
    document: DocumentOpt,
    quote: QuoteOpt,
    comparator: Annotated[str, typer.Option(
        "--comparator", help=N_("about (khoảng), at_least (ít nhất), over (trên), at_most, exact, "
        "between (a range: --value and --value-max)."))] = "exact",
    value: Annotated[Optional[str], typer.Option(
        "--value", help=N_("The plan figure, for a target the document states."))] = None,
    value_max: Annotated[Optional[str], typer.Option(
        "--value-max", help=N_("The upper end of a range (từ 120-150 triệu USD: --value 120 "
        "--value-max 150); sets the comparator to between."))] = None,
    attainment: Annotated[Optional[str], typer.Option(
        "--attainment", metavar="PCT", help=N_("For a target implied by a reported attainment: "
        "the percentage of plan ('vượt 40%' is 140)."))] = None,
    attainment_qualifier: Annotated[str, typer.Option(
        "--attainment-qualifier", help=N_("exact, or nearly for 'vượt gần 40%'."))] = "exact",
    attainment_period: Annotated[Optional[str], typer.Option(
        "--attainment-period", metavar="PERIOD", help=N_("The months the attainment is stated "
        "for, when fewer than --period: '6 tháng đầu năm … đạt 63% kế hoạch năm' is "
        "--period 2023 --attainment-period 2023-01..2023-06."))] = None,
    scope: ScopeOpt = "kcn",
    note: NoteOpt = None,
    entry_id: IdOpt = None,
    supersedes: SupersedesOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    from kcn_tracker.edit.record import add_entry

    if (value is None) == (attainment is None):
        raise InputError(_("give --value for a stated target or --attainment for an implied one"))
    if value_max is not None:
        if value is None:
            raise InputError(_("--value-max is the upper end of a range; give --value too"))
        comparator = "between"
    fields = {"id": entry_id, "indicator": indicator, "scope": scope, "period": period,
              "unit": unit, "comparator": comparator, "supersedes": supersedes,
              "note": one_line(note, "--note"), "source": _source(document, quote)}
    if value is not None:
        fields["value"] = _figure(value, "--value")
        if value_max is not None:
            fields["value_max"] = _figure(value_max, "--value-max")
    else:
        reported = {"value": _figure(attainment, "--attainment")}
        if attainment_qualifier != "exact":
            reported["qualifier"] = attainment_qualifier
        if attainment_period is not None:
            reported["period"] = attainment_period
        fields.update(origin="implied", reported_attainment=reported)
    _apply(lambda: add_entry(plan, "targets", fields, dry_run, (period, indicator, "plan")),
           dry_run)


@app.command(short_help=N_("Record a revocation, pending or completed."), help=N_(
    "Record that a project's revocation (thu hồi) is pending, or now completed."))
def revocation(
    plan: Annotated[Path, typer.Argument(
        metavar="PLAN", help=N_("The plan file, e.g. plans/thai-nguyen.toml."))],
    name: Annotated[str, typer.Argument(help=N_("The project whose revocation is tracked."))],
    status: Annotated[str, typer.Option(
        "--status", help=N_("pending (chưa hoàn thành việc thu hồi) or recovered."))],
    document: DocumentOpt,
    quote: QuoteOpt,
    reported: Annotated[Optional[str], typer.Option(
        "--reported", metavar="DATE", help=N_('When the document reported it: "2024", "2024-01" '
        "or \"2024-01-15\", also as the report prints dates: 01/2024, 15/01/2024 (default: "
        "the document's date in seeds/index.toml)."))] = None,
    zone: Annotated[Optional[str], typer.Option("--zone", help=N_("A zone key of the plan."))
                    ] = None,
    entry_id: Annotated[Optional[str], typer.Option(
        "--id", help=N_("The entry's id (default: made from the province, the name and the "
        "status)."))] = None,
    dry_run: DryRunOpt = False,
) -> None:
    from kcn_tracker.edit.record import add_entry
    from kcn_tracker.project import published

    when = iso_date(reported) if reported else published(plan, document)
    if when is None:
        raise InputError(_(
            "{document} has no date in seeds/index.toml; give --reported",
            document=document))
    fields = {"id": entry_id, "name": one_line(name, "NAME"), "zone": zone, "status": status,
              "reported": when, "source": _source(document, quote)}
    _apply(lambda: add_entry(plan, "revocations", fields, dry_run,
                             ("revoke", name, status)), dry_run)


@app.command(short_help=N_("Create a plan file for a province."), help=N_(
    "Create a new plan file with commented examples; never overwrites one."))
def new(
    province_id: Annotated[str, typer.Argument(
        metavar="ID", help=N_("The province id: bac-ninh."))],
    name: Annotated[str, typer.Option("--name", help=N_("The province's name: 'Bắc Ninh'."))],
    folder: Annotated[Optional[Path], typer.Option(
        "--dir", help=N_("Where plan files live (default: plans/ of the project)."))] = None,
    dry_run: DryRunOpt = False,
) -> None:
    from kcn_tracker.edit.new import create_plan
    from kcn_tracker.project import default_plans

    folder = folder or default_plans()
    if not folder.is_dir():
        raise InputError(_("{folder}: no such directory", folder=folder))
    _apply(lambda: create_plan(folder, province_id, one_line(name, "--name") or "", dry_run),
           dry_run)


@app.command(short_help=N_("Rewrite plan files in the canonical layout."), help=N_(
    "Rewrite plan files in the canonical layout, keeping every comment."))
def fmt(
    paths: PlansArg = None,
    check_only: Annotated[bool, typer.Option(
        "--check", help=N_("Change nothing; exit 1 if a file would change (for CI)."))] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help=N_("Show the changes as a unified diff; write nothing."))] = False,
    dry_run: DryRunOpt = False,
) -> None:
    from kcn_tracker.edit.fmt import format_file
    from kcn_tracker.plans.load import plan_files

    files = plan_files(plans_or_default(paths))
    write = not (check_only or dry_run or diff)  # --diff shows, never writes
    changed = failed = 0
    for shown in files:
        outcome = format_file(shown, write)
        changed += outcome.changed
        if outcome.changed and (diff or dry_run):
            sys.stdout.write(outcome.diff)
        if outcome.failed:
            typer.echo(outcome.failed, err=True)
            failed += 1
        elif outcome.changed:
            if write:
                typer.echo(_("reformatted {path}", path=printable(str(shown))))
            else:
                typer.echo(_("would reformat {path}", path=printable(str(shown))), err=True)
    files_text = n_("{n} file", "{n} files", len(files))
    changes = (_("{n} changed", n=changed) if write else _("{n} would change", n=changed))
    failures = _(", {n} could not be formatted", n=failed) if failed else ""
    typer.echo(f"{files_text}: {changes}{failures}", err=True)
    if failed or (check_only and changed):
        raise typer.Exit(EXIT_PLAN_PROBLEMS)
