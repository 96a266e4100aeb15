"""The command line: parse options, call the core, pick a renderer, map errors to exit codes.

Exit codes: 0 done; 1 a plan file has problems (each printed with its file and
line); 2 the command cannot run (a path that does not exist, a bad option, an
unknown province).
"""

from __future__ import annotations

import os
import sys
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kcn_tracker import __version__

EXIT_PLAN_PROBLEMS = 1
EXIT_CANNOT_RUN = 2
DEFAULT_PLANS = Path("plans")

app = typer.Typer(
    name="kcn-tracker",
    help="Investment-promotion targets of Vietnamese industrial zones (KCN), and how far "
    "the figures reported in source documents go towards them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Lang(str, Enum):
    vi = "vi"
    en = "en"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ByChoice(str, Enum):
    successor = "successor"


class StatusFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class ListFormat(str, Enum):
    table = "table"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kcn-tracker {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = None,
) -> None:
    """kcn-tracker: plan targets of industrial zones against reported figures."""


PlansArg = Annotated[Optional[list[Path]], typer.Argument(
    metavar="PLANS", help="Plan files, or directories of them (default: plans/).", show_default=False)]
ProvinceOpt = Annotated[Optional[list[str]], typer.Option(
    "--province", "-p", metavar="PROVINCE", help="Only this province: id or name, diacritics optional "
    "(thai-nguyen, 'Thái Nguyên', 'thai nguyen'). Repeatable.")]
AsOfOpt = Annotated[Optional[str], typer.Option(
    "--as-of", metavar="YYYY-MM-DD", help="Judge progress at this date (default: today).")]
def _language(value: str | Lang) -> Lang:
    """vi or en; also as a locale writes it in the environment: EN, en_US.UTF-8, vi_VN."""
    code = str(value.value if isinstance(value, Lang) else value).strip().lower()[:2]
    if code not in Lang.__members__:
        raise typer.BadParameter(f"{value!r}: choose vi or en")
    return Lang(code)


LangOpt = Annotated[Lang, typer.Option(
    "--lang", envvar="KCN_TRACKER_LANG", metavar="vi|en", parser=_language,
    help="Language of labels and numbers (also KCN_TRACKER_LANG).")]


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"kcn-tracker: {message}", err=True)
    return typer.Exit(code)


def _as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _fail(f"--as-of {text!r} is not a date; write it as YYYY-MM-DD, "
                    "e.g. --as-of 2025-12-31", EXIT_CANNOT_RUN) from None


def _load(paths: list[Path] | None, provinces: list[str] | None, by_successor: bool = False,
          lang: str = "vi"):
    """Load and select plans, turning input problems into messages and exit codes.

    When a name also names a province formed by a merger, a note says which is which.
    """
    from kcn_tracker.errors import InputError, PlanError
    from kcn_tracker.plans.load import load_plans
    from kcn_tracker.plans.provinces import select_provinces

    try:
        loaded = [item.plan for item in load_plans(paths or [DEFAULT_PLANS])]
        selected = select_provinces(loaded, provinces or [], by_successor)
        if not by_successor:
            _note_successors(loaded, provinces or [], lang)
        return selected
    except PlanError as exc:
        for problem in exc.problems:
            typer.echo(f"{problem}", err=True)
        count = len(exc.problems)
        raise _fail(f"{count} problem{'s' if count > 1 else ''} in plan files; fix "
                    f"{'them' if count > 1 else 'it'} and run again", EXIT_PLAN_PROBLEMS) from None
    except InputError as exc:
        raise _fail(str(exc), EXIT_CANNOT_RUN) from None


def _note_successors(plans, wanted: list[str], lang: str) -> None:
    """Say when a name the user gave is also the name of a province formed by a merger."""
    from kcn_tracker.report.cells import since_day, word
    from kcn_tracker.plans.provinces import named_successors

    for name in wanted:
        for new in named_successors(plans, [name]):
            typer.echo(word(lang, "also_new", name=name, new=new.successor.name,
                            since=since_day(new.successor, lang),
                            members=", ".join(m.province.name for m in new.members)), err=True)


def _console(record: bool = False):
    from rich.console import Console

    return Console(file=sys.stdout, record=record)


ByOpt = Annotated[Optional[ByChoice], typer.Option(
    "--by", help="successor: show the former provinces under the province that took them "
    "over (Resolution 202/2025/QH15), each with its own name and figures.")]
ExportOpt = Annotated[Optional[Path], typer.Option(
    "--export", metavar="FILE", help="Also write what is shown to FILE: .svg, .html, .md "
    "or .txt, with a title line.")]


def _export_target(path: Path | None, output_format: str = "table") -> None:
    from kcn_tracker.report.export import ExportError, check_target

    if path is None:
        return
    if output_format != "table":
        raise _fail("--export writes what the table shows; leave out --format, or redirect "
                    f"the {output_format} output to a file", EXIT_CANNOT_RUN)
    try:
        check_target(path)
    except ExportError as exc:
        raise _fail(str(exc), EXIT_CANNOT_RUN) from None


def _title(command: str, provinces: list[str] | None, as_of: date, lang: str) -> str:
    from kcn_tracker.report.cells import day, word

    subject = ", ".join(provinces) if provinces else word(lang, "all_provinces")
    return word(lang, "export_title", command=command, subject=subject,
                as_of=day(as_of, lang), made=day(date.today(), lang))


def _finish_export(path: Path | None, console, markdown, title: str) -> None:
    """Write the export; ``markdown`` makes the Markdown text only when it is asked for."""
    from kcn_tracker.report.export import ExportError, write_export

    if path is None:
        return
    try:
        write_export(path, console, markdown() if path.suffix.lower() == ".md" else "", title)
    except ExportError as exc:
        raise _fail(str(exc), EXIT_CANNOT_RUN) from None
    typer.echo(f"exported {path}", err=True)


@app.command(short_help="Targets against reported figures, province by province.")
def report(
    plans: PlansArg = None,
    province: ProvinceOpt = None,
    year: Annotated[Optional[int], typer.Option(
        "--year", min=1900, max=2200, metavar="YEAR",
        help="Only targets and figures whose period includes this year.")] = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help="table for the terminal; json (a documented contract), "
        "csv or markdown for other tools and minutes.")] = ReportFormat.table,
    by: ByOpt = None,
    export: ExportOpt = None,
) -> None:
    """Progress of every target, the other reported figures, and pending revocations."""
    from kcn_tracker.report.formats import renderer

    result, console, title = _evaluated("report", plans, province, as_of, lang, by, export,
                                        output_format.value, year)
    renderer(output_format.value)(result, lang.value, console)
    _finish_export(export, console, lambda: _markdown_report(result, lang.value), title)


def _evaluated(command, plans, province, as_of, lang, by, export, output_format, year=None):
    """What report and status share: check the export, load, evaluate, start the screen."""
    from kcn_tracker.progress.evaluate import evaluate_plans

    when = _as_of(as_of)
    _export_target(export, output_format)
    selected = _load(plans, province, by is not None, lang.value)
    result = evaluate_plans(selected, when, year, by_successor=by is not None)
    console = _console(record=export is not None)
    title = _title(command, province, when, lang.value)
    if export is not None:
        console.print(title, style="bold", highlight=False)
    return result, console, title


def _markdown_report(result, lang: str) -> str:
    import io

    from rich.console import Console

    from kcn_tracker.report.formats import renderer

    buffer = io.StringIO()
    renderer("markdown")(result, lang, Console(file=buffer))
    return buffer.getvalue()


@app.command(short_help="All provinces on one screen.")
def status(
    plans: PlansArg = None,
    province: ProvinceOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[StatusFormat, typer.Option(
        "--format", "-f", help="table, json or markdown.")] = StatusFormat.table,
    by: ByOpt = None,
    export: ExportOpt = None,
) -> None:
    """One screen across provinces: targets by status, the extremes, pending revocations."""
    from kcn_tracker.report.status import render, status_markdown

    result, console, title = _evaluated("status", plans, province, as_of, lang, by, export,
                                        output_format.value)
    render(result, lang.value, output_format.value, console)
    _finish_export(export, console, lambda: status_markdown(result, lang.value), title)


@app.command(short_help="One indicator over the years, as bars.")
def trend(
    indicator: Annotated[str, typer.Argument(
        metavar="INDICATOR", help="An indicator key (`kcn-tracker indicators`), e.g. "
        "new_projects_fdi.", show_default=False)],
    plans: PlansArg = None,
    province: ProvinceOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.vi,
    by: ByOpt = None,
    export: ExportOpt = None,
) -> None:
    """An indicator over the years as bars, with its targets and the change year on year."""
    import difflib

    from kcn_tracker.report.trend import render, trend_markdown
    from kcn_tracker.progress.trend import series
    from kcn_tracker.plans.vocabulary import INDICATORS

    if indicator not in INDICATORS:
        close = difflib.get_close_matches(indicator, list(INDICATORS), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; `kcn-tracker indicators` lists them"
        raise _fail(f"unknown indicator '{indicator}'{hint}", EXIT_CANNOT_RUN)
    when = _as_of(as_of)
    _export_target(export)
    selected = _load(plans, province, by is not None, lang.value)
    found = series(selected, indicator, when)
    console = _console(record=export is not None)
    title = _title(f"trend {indicator}", province, when, lang.value)
    if export is not None:
        console.print(title, style="bold", highlight=False)
    if not found:
        from kcn_tracker.report.cells import word

        from kcn_tracker.report.cells import indicator_label

        console.print(word(lang.value, "no_series", indicator=indicator_label(indicator,
                                                                                lang.value)))
    render(found, lang.value, console)
    _finish_export(export, console, lambda: trend_markdown(found, lang.value), title)


@app.command(short_help="Projects whose revocation is not completed.")
def unrecovered(
    plans: PlansArg = None,
    province: ProvinceOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table, or json for other tools.")] = ListFormat.table,
) -> None:
    """Projects whose revocation (thu hồi) is reported as not completed, across provinces."""
    from kcn_tracker.progress.evaluate import evaluate_plans
    from kcn_tracker.report.unrecovered import render

    when = _as_of(as_of)
    selected = _load(plans, province)
    render(evaluate_plans(selected, when), lang.value, output_format.value, _console())


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"
    sarif = "sarif"


@app.command(short_help="Check plan files (CI): structure, quotes, figures.")
def check(
    paths: PlansArg = None,
    output_format: Annotated[CheckFormat, typer.Option(
        "--format", "-f", help="text for people; json for tools; github for workflow "
        "annotations on a pull request; junit and sarif for CI dashboards.")
    ] = CheckFormat.text,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail on warnings too (unless acknowledged).")] = False,
) -> None:
    """Check plan files: structure, every quote in its document, every figure in its quote,
    and the documents' own consistency. Exit 0 clean, 1 findings, 2 cannot run."""
    from kcn_tracker.check.run import check_paths
    from kcn_tracker.check.formats import renderer
    from kcn_tracker.errors import InputError

    try:
        result = check_paths(paths or [DEFAULT_PLANS])
    except InputError as exc:
        raise _fail(str(exc), EXIT_CANNOT_RUN) from None
    sys.stdout.write(renderer(output_format.value)(result, strict))
    if result.failed(strict):
        raise typer.Exit(EXIT_PLAN_PROBLEMS)


DryRunOpt = Annotated[bool, typer.Option(
    "--dry-run", help="Print the change as a unified diff and write nothing.")]
DocumentOpt = Annotated[str, typer.Option(
    "--document", metavar="seeds/FILE", help="The source document, inside seeds/.")]
QuoteOpt = Annotated[str, typer.Option(
    "--quote", help="The sentence or clause that states it, word for word.")]
IdOpt = Annotated[Optional[str], typer.Option(
    "--id", help="The entry's id (default: made from the province, period and indicator).")]
NoteOpt = Annotated[Optional[str], typer.Option("--note", help="Why the figure is read this way.")]
PeriodOpt = Annotated[str, typer.Option(
    "--period", help='"2023", "2021-2025", "2024-01..2024-02", "2024-01-01..2024-04-15" or '
    '"2020-11-30".')]
IndicatorOpt = Annotated[str, typer.Option(
    "--indicator", help="An indicator key (`kcn-tracker indicators`).")]
UnitOpt = Annotated[str, typer.Option("--unit", help="A unit code: project, vnd_billion, …")]
ScopeOpt = Annotated[str, typer.Option(
    "--scope", help='"kcn", "ccn", "province" or a zone key of the plan.')]

record_app = typer.Typer(help="Add an actual figure or a target to a plan file, checked "
                         "against its document first.", no_args_is_help=True)
app.add_typer(record_app, name="record", short_help="Add a figure or a target to a plan file.")


def _figure(text: str, option: str) -> Decimal:
    from kcn_tracker.edit.record import parse_figure

    try:
        return parse_figure(text)
    except ValueError as exc:
        raise _fail(f"{option} {exc}", EXIT_CANNOT_RUN) from None


def _text(value: str | None, option: str) -> str | None:
    """A text option as it will be written: UTF-8, one line, no control characters."""
    if value is None or value == "":
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _fail(f"{option} is not valid text (a byte that is not UTF-8); type it again",
                    EXIT_CANNOT_RUN) from None
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise _fail(f"{option} holds a control character or a line break; give one line of "
                    "text", EXIT_CANNOT_RUN)
    return value


def _source(document: str, quote: str) -> dict:
    return {"document": _text(document, "--document"), "quote": _text(quote, "--quote")}


def _apply(change, dry_run: bool) -> None:
    """Run an edit, print what it did, map a refusal to exit 1."""
    from kcn_tracker.edit.record import EditRefused
    from kcn_tracker.edit.atomic import WriteError

    try:
        result = change()
    except EditRefused as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        raise _fail(str(exc), EXIT_PLAN_PROBLEMS) from None
    except WriteError as exc:
        raise _fail(str(exc), EXIT_PLAN_PROBLEMS) from None
    if dry_run:
        sys.stdout.write(result.diff)
        typer.echo("(dry run: nothing written)")
        return
    if result.entry is None:
        typer.echo(f"Created {result.path}")
        return
    section, index = result.entry
    where = f" at line {result.line}" if result.line else ""
    typer.echo(f"Added {section}[{index}] to {result.path}{where}:")
    for line in result.diff.splitlines():
        if line.startswith("+") and not line.startswith("+++") and line[1:].strip():
            typer.echo("  " + line[1:])
    for note in result.notes:
        typer.echo(f"note: {note}")


@record_app.command("actual")
def record_actual(
    plan: Annotated[Path, typer.Argument(help="The plan file, e.g. plans/bac-kan.toml.")],
    indicator: IndicatorOpt,
    period: PeriodOpt,
    value: Annotated[str, typer.Option("--value", help="The figure in the unit's scale: "
                                       "2150, 225.8.")],
    unit: UnitOpt,
    document: DocumentOpt,
    quote: QuoteOpt,
    scope: ScopeOpt = "kcn",
    qualifier: Annotated[str, typer.Option(
        "--qualifier", help="exact, about (khoảng), over (hơn), nearly (gần), at_least.")
    ] = "exact",
    estimated: Annotated[bool, typer.Option("--estimated", help="ước đạt: an estimate.")
                         ] = False,
    project: Annotated[Optional[str], typer.Option(
        "--project", help="The project the figure belongs to, if it is one project's.")
    ] = None,
    note: NoteOpt = None,
    entry_id: IdOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Add an actual figure, after checking its quote is in the document and states it."""
    from kcn_tracker.edit.record import add_entry

    fields = {"id": entry_id, "indicator": indicator, "scope": scope, "period": period,
              "value": _figure(value, "--value"), "unit": unit,
              "qualifier": None if qualifier == "exact" else qualifier,
              "estimated": True if estimated else None, "project": _text(project, "--project"),
              "note": _text(note, "--note"), "source": _source(document, quote)}
    _apply(lambda: add_entry(plan, "actuals", fields, dry_run, (period, indicator)), dry_run)


@record_app.command("target")
def record_target(
    plan: Annotated[Path, typer.Argument(help="The plan file, e.g. plans/bac-kan.toml.")],
    indicator: IndicatorOpt,
    period: PeriodOpt,
    unit: UnitOpt,
    document: DocumentOpt,
    quote: QuoteOpt,
    comparator: Annotated[str, typer.Option(
        "--comparator", help="about (khoảng), at_least (ít nhất), over (trên), at_most, exact.")
    ] = "exact",
    value: Annotated[Optional[str], typer.Option(
        "--value", help="The plan figure, for a target the document states.")] = None,
    attainment: Annotated[Optional[str], typer.Option(
        "--attainment", metavar="PCT", help="For a target implied by a reported attainment: "
        "the percentage of plan ('vượt 40%' is 140).")] = None,
    attainment_qualifier: Annotated[str, typer.Option(
        "--attainment-qualifier", help="exact, or nearly for 'vượt gần 40%'.")] = "exact",
    scope: ScopeOpt = "kcn",
    note: NoteOpt = None,
    entry_id: IdOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Add a target: stated (--value) or implied by a reported attainment (--attainment)."""
    from kcn_tracker.edit.record import add_entry

    if (value is None) == (attainment is None):
        raise _fail("give --value for a stated target or --attainment for an implied one",
                    EXIT_CANNOT_RUN)
    fields = {"id": entry_id, "indicator": indicator, "scope": scope, "period": period,
              "unit": unit, "comparator": comparator, "note": _text(note, "--note"),
              "source": _source(document, quote)}
    if value is not None:
        fields["value"] = _figure(value, "--value")
    else:
        reported = {"value": _figure(attainment, "--attainment")}
        if attainment_qualifier != "exact":
            reported["qualifier"] = attainment_qualifier
        fields.update(origin="implied", reported_attainment=reported)
    _apply(lambda: add_entry(plan, "targets", fields, dry_run, (period, indicator, "plan")),
           dry_run)


@app.command(short_help="Record a revocation, pending or completed.")
def revocation(
    plan: Annotated[Path, typer.Argument(help="The plan file, e.g. plans/thai-nguyen.toml.")],
    name: Annotated[str, typer.Argument(help="The project whose revocation is tracked.")],
    status: Annotated[str, typer.Option(
        "--status", help="pending (chưa hoàn thành việc thu hồi) or recovered.")],
    document: DocumentOpt,
    quote: QuoteOpt,
    reported: Annotated[Optional[str], typer.Option(
        "--reported", metavar="DATE", help='When the document reported it: "2024", "2024-01" '
        "or \"2024-01-15\" (default: the document's date in seeds/index.toml).")] = None,
    zone: Annotated[Optional[str], typer.Option("--zone", help="A zone key of the plan.")
                    ] = None,
    entry_id: Annotated[Optional[str], typer.Option(
        "--id", help="The entry's id (default: made from the province, the name and the "
        "status).")] = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Record that a project's revocation (thu hồi) is pending, or now completed."""
    from kcn_tracker.edit.record import add_entry, published

    when = reported or published(plan, document)
    if when is None:
        raise _fail(f"{document} has no date in seeds/index.toml; give --reported",
                    EXIT_CANNOT_RUN)
    fields = {"id": entry_id, "name": _text(name, "NAME"), "zone": zone, "status": status,
              "reported": when, "source": _source(document, quote)}
    _apply(lambda: add_entry(plan, "revocations", fields, dry_run,
                             ("revoke", name, status)), dry_run)


@app.command(short_help="Create a plan file for a province.")
def new(
    province_id: Annotated[str, typer.Argument(metavar="ID", help="The province id: bac-ninh.")],
    name: Annotated[str, typer.Option("--name", help="The province's name: 'Bắc Ninh'.")],
    folder: Annotated[Path, typer.Option("--dir", help="Where plan files live.")] = DEFAULT_PLANS,
    dry_run: DryRunOpt = False,
) -> None:
    """Create a new plan file with commented examples; never overwrites one."""
    from kcn_tracker.edit.record import create_plan

    if not folder.is_dir():
        raise _fail(f"{folder}: no such directory", EXIT_CANNOT_RUN)
    _apply(lambda: create_plan(folder, province_id, _text(name, "--name") or "", dry_run), dry_run)


@app.command(short_help="Rewrite plan files in the canonical layout.")
def fmt(
    paths: PlansArg = None,
    check_only: Annotated[bool, typer.Option(
        "--check", help="Change nothing; exit 1 if a file would change (for CI).")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show the changes as a unified diff.")
                    ] = False,
    dry_run: DryRunOpt = False,
) -> None:
    """Rewrite plan files in the canonical layout, keeping every comment."""
    from kcn_tracker.errors import InputError
    from kcn_tracker.edit.fmt import FormatError, format_text
    from kcn_tracker.plans.load import plan_files
    from kcn_tracker.edit.atomic import WriteError, atomic_write, folder_lock, unified_diff

    try:
        files = plan_files(paths or [DEFAULT_PLANS])
    except InputError as exc:
        raise _fail(str(exc), EXIT_CANNOT_RUN) from None
    changed = failed = 0
    for shown in files:
        path = Path(os.path.realpath(shown))  # format the file a link points to
        with folder_lock(path.parent):
            try:
                old = path.read_bytes().decode("utf-8")
                new = format_text(old)
            except (OSError, UnicodeDecodeError, FormatError) as exc:
                reason = {UnicodeDecodeError: "not UTF-8 text"}.get(type(exc), str(exc))
                if isinstance(exc, OSError):
                    reason = f"cannot be read ({exc.strerror})"
                typer.echo(f"{shown}: {reason}", err=True)
                failed += 1
                continue
            if new == old:
                continue
            changed += 1
            if diff or dry_run:
                sys.stdout.write(unified_diff(shown, old, new))
            if check_only or dry_run:
                typer.echo(f"would reformat {shown}", err=True)
                continue
            try:
                atomic_write(path, new)
            except WriteError as exc:
                typer.echo(str(exc), err=True)
                failed += 1
                continue
            typer.echo(f"reformatted {shown}")
    typer.echo(f"{len(files)} file{'s' * (len(files) != 1)}: {changed} "
               f"{'would change' if check_only or dry_run else 'changed'}"
               + (f", {failed} could not be formatted" if failed else ""), err=True)
    if failed or (check_only and changed):
        raise typer.Exit(EXIT_PLAN_PROBLEMS)


DocumentsArg = Annotated[list[Path], typer.Argument(
    metavar="DOCUMENT", show_default=False,
    help="Text files (UTF-8), such as seeds/001_26b253d91b30fbe2.txt.")]


def _extract(documents: list[Path]):
    from kcn_tracker.extract.document import ExtractError, extract_file

    try:
        return [extract_file(p) for p in documents]
    except ExtractError as exc:
        raise _fail(f"{exc}", EXIT_CANNOT_RUN) from None


@app.command(short_help="List every quantity a document states.")
def extract(
    documents: DocumentsArg,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table, or json for other tools (docs/extraction.md).")
    ] = ListFormat.table,
) -> None:
    """Every quantity each document states: value in a plan-file unit, qualifier, role
    (target, attainment, growth, ratio, actual), period, and where it stands.

    Numbers not written the Vietnamese way ("2.15 tỷ USD") are listed apart, never read.
    """
    from kcn_tracker.report.extraction import render

    pairs = _extract(documents)
    render([e for e, _ in pairs], [t for _, t in pairs], lang.value, output_format.value,
           _console())


@app.command(short_help="Propose plan-file entries from a document, for review.")
def draft(
    document: Annotated[Path, typer.Argument(
        metavar="DOCUMENT", show_default=False,
        help="The document, normally in seeds/ (the entries cite seeds/<its name>).")],
    province: Annotated[str, typer.Option(
        "--province", "-p", metavar="PROVINCE", show_default=False,
        help="The province whose plan file the entries are for: id or name.")],
    plans: Annotated[Optional[list[Path]], typer.Option(
        "--plans", metavar="PATH", show_default=False,
        help="Plan files or directories to find the province in (default: plans/).")] = None,
) -> None:
    """Print plan-file entries for the figures DOCUMENT states, as TOML to review and paste.

    The indicator, scope, period and qualifier are read from the words around each
    number and the quote is the clause that states it, word for word; what the words
    do not settle is marked "check". Figures the plan file already records are listed
    as such, not repeated. Nothing is written.
    """
    from kcn_tracker.draft.drafter import draft_document
    from kcn_tracker.errors import InputError, PlanError
    from kcn_tracker.extract.document import ExtractError
    from kcn_tracker.plans.load import load_plans
    from kcn_tracker.plans.provinces import select_provinces

    try:
        loaded = load_plans(plans or [DEFAULT_PLANS])
        chosen = select_provinces([item.plan for item in loaded], [province])
    except PlanError as exc:
        for problem in exc.problems:
            typer.echo(f"{problem}", err=True)
        raise _fail("the plan files have problems; fix them first (`kcn-tracker check` "
                    "lists them)", EXIT_PLAN_PROBLEMS) from None
    except InputError as exc:
        raise _fail(str(exc), EXIT_CANNOT_RUN) from None
    try:
        drafted = draft_document(document, next(i for i in loaded if i.plan is chosen[0]))
    except ExtractError as exc:
        raise _fail(f"{exc}", EXIT_CANNOT_RUN) from None
    if drafted.outside_seeds:
        typer.echo(f"note: the entries cite {drafted.cited}; copy the document there, "
                   "unchanged, before adding them", err=True)
    sys.stdout.write(drafted.text)


@app.command(short_help="Print the JSON Schema of plan files.")
def schema() -> None:
    """Print the JSON Schema of plan files (the committed copy is schema/plan.schema.json)."""
    from kcn_tracker.plans.schema import schema_text

    sys.stdout.write(schema_text())


@app.command()
def indicators(
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table, or json for other tools.")] = ListFormat.table,
) -> None:
    """The indicators and units a plan file may use."""
    from kcn_tracker.report.indicators import render

    render(lang.value, output_format.value, _console())


def main() -> None:
    app()
