"""`kcn-tracker check`: the CI check of plan files."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kcn_tracker.check.formats import FORMATS
from kcn_tracker.cli.app import app
from kcn_tracker.cli.options import PlansArg, choices, plans_or_default
from kcn_tracker.errors import EXIT_PLAN_PROBLEMS
from kcn_tracker.text.i18n import N_

CheckFormat = choices(FORMATS)


@app.command(short_help=N_("Check plan files (CI): structure, quotes, figures."), help=N_(
    "Check plan files: structure, every quote in its document, every figure in its "
    "quote, and the documents' own consistency. Exit 0 clean, 1 findings, 2 cannot "
    "run."))
def check(
    paths: PlansArg = None,
    output_format: Annotated[CheckFormat, typer.Option(
        "--format", "-f", help=N_("text for people; json for tools; github for workflow "
        "annotations on a pull request; junit and sarif for CI dashboards."))
    ] = "text",
    strict: Annotated[bool, typer.Option(
        "--strict", help=N_("Fail on warnings too (unless acknowledged)."))] = False,
) -> None:
    from kcn_tracker.check.formats import renderer
    from kcn_tracker.check.run import check_paths

    result = check_paths(plans_or_default(paths))
    sys.stdout.write(renderer(CheckFormat(output_format).value)(result, strict))
    if result.failed(strict):
        raise typer.Exit(EXIT_PLAN_PROBLEMS)
