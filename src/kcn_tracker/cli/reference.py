"""What a plan file may hold: its schema, its indicators and units."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kcn_tracker.cli.app import app
from kcn_tracker.cli.options import Lang, LangOpt, choices, console
from kcn_tracker.text.i18n import N_

ListFormat = choices(("table", "json"))


@app.command(short_help=N_("Print the JSON Schema of plan files."), help=N_(
    "Print the JSON Schema of plan files (the committed copy is "
    "schema/plan.schema.json)."))
def schema() -> None:
    from kcn_tracker.plans.schema import schema_text

    sys.stdout.write(schema_text())


@app.command(help=N_(
    "The indicators and units a plan file may use."))
def indicators(
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help=N_("table, or json for other tools."))] = "table",
) -> None:
    from kcn_tracker.report.indicators import render

    render(lang.value, ListFormat(output_format).value, console())
