"""The command line: parse options, call the core, pick a renderer, map errors to exit codes.

Exit codes: 0 done; 1 a plan file has problems (each printed with its file and
line); 2 the command cannot run (a path that does not exist, a bad option, an
unknown province).
"""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__

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
LangOpt = Annotated[Lang, typer.Option(
    "--lang", envvar="KCN_TRACKER_LANG", metavar="vi|en", help="Language of labels and numbers.")]


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


def _load(paths: list[Path] | None, provinces: list[str] | None):
    """Load and select plans, turning input problems into messages and exit codes."""
    from .errors import InputError, PlanError
    from .loader import load_plans
    from .select import select_provinces

    try:
        loaded = load_plans(paths or [DEFAULT_PLANS])
        return select_provinces([item.plan for item in loaded], provinces or [])
    except PlanError as exc:
        for problem in exc.problems:
            typer.echo(f"{problem}", err=True)
        count = len(exc.problems)
        raise _fail(f"{count} problem{'s' if count > 1 else ''} in plan files; fix "
                    f"{'them' if count > 1 else 'it'} and run again", EXIT_PLAN_PROBLEMS) from None
    except InputError as exc:
        raise _fail(str(exc), EXIT_CANNOT_RUN) from None


def _console():
    from rich.console import Console

    return Console(file=sys.stdout)


@app.command()
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
) -> None:
    """Progress of every target, the other reported figures, and pending revocations."""
    from .evaluate import evaluate_plans
    from .render import renderer

    when = _as_of(as_of)
    selected = _load(plans, province)
    renderer(output_format.value)(evaluate_plans(selected, when, year), lang.value, _console())


@app.command()
def unrecovered(
    plans: PlansArg = None,
    province: ProvinceOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table, or json for other tools.")] = ListFormat.table,
) -> None:
    """Projects whose revocation (thu hồi) is reported as not completed, across provinces."""
    from .evaluate import evaluate_plans
    from .render.unrecovered import render

    when = _as_of(as_of)
    selected = _load(plans, province)
    render(evaluate_plans(selected, when), lang.value, output_format.value, _console())


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"
    sarif = "sarif"


@app.command()
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        metavar="PATHS", help="Plan files, or directories of them (default: plans/).",
        show_default=False)] = None,
    output_format: Annotated[CheckFormat, typer.Option(
        "--format", "-f", help="text for people; json for tools; github for workflow "
        "annotations on a pull request; junit and sarif for CI dashboards.")
    ] = CheckFormat.text,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail on warnings too (unless acknowledged).")] = False,
) -> None:
    """Check plan files: structure, every quote in its document, every figure in its quote,
    and the documents' own consistency. Exit 0 clean, 1 findings, 2 cannot run."""
    from .check import check_paths
    from .check_formats import renderer
    from .errors import InputError

    try:
        result = check_paths(paths or [DEFAULT_PLANS])
    except InputError as exc:
        raise _fail(str(exc), EXIT_CANNOT_RUN) from None
    sys.stdout.write(renderer(output_format.value)(result, strict))
    if result.failed(strict):
        raise typer.Exit(EXIT_PLAN_PROBLEMS)


@app.command()
def schema() -> None:
    """Print the JSON Schema of plan files (the committed copy is schema/plan.schema.json)."""
    from .schema import schema_text

    sys.stdout.write(schema_text())


@app.command()
def indicators(
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table, or json for other tools.")] = ListFormat.table,
) -> None:
    """The indicators and units a plan file may use."""
    from .render.vocabulary import render

    render(lang.value, output_format.value, _console())


def main() -> None:
    app()
