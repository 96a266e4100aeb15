"""What a plan file may hold: its schema, its indicators and units."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kcn_tracker.cli.app import app
from kcn_tracker.cli.options import Lang, LangOpt, choices, console

ListFormat = choices(("table", "json"))


@app.command(short_help="Print the JSON Schema of plan files.")
def schema() -> None:
    """Print the JSON Schema of plan files (the committed copy is schema/plan.schema.json)."""
    from kcn_tracker.plans.schema import schema_text

    sys.stdout.write(schema_text())


@app.command()
def indicators(
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table, or json for other tools.")] = "table",
) -> None:
    """The indicators and units a plan file may use."""
    from kcn_tracker.report.indicators import render

    render(lang.value, ListFormat(output_format).value, console())
