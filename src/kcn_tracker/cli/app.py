"""The Typer application every command module adds itself to."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from kcn_tracker import __version__
from kcn_tracker.cli.options import MappedGroup

app = typer.Typer(
    name="kcn-tracker",
    cls=MappedGroup,
    help="Investment-promotion targets of Vietnamese industrial zones (KCN), and how far "
    "the figures reported in source documents go towards them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


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
