"""The Typer application every command module adds itself to."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kcn_tracker import __version__
from kcn_tracker.cli.options import LocalTyper, MappedGroup
from kcn_tracker.text.i18n import N_

app = LocalTyper(
    name="kcn-tracker",
    cls=MappedGroup,
    help=N_("Investment-promotion targets of Vietnamese industrial zones (KCN), and how far "
    "the figures reported in source documents go towards them."),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kcn-tracker {__version__}")
        raise typer.Exit()


def _known_language(value: str | None) -> str | None:
    # Only refuses a language the tool does not speak: the language of messages was
    # chosen from the command line before any option was read (MappedGroup).
    if value is not None:
        from kcn_tracker.cli.options import _language

        _language(value)
    return value


@app.callback(help=N_(
    "kcn-tracker: plan targets of industrial zones against reported figures."))
def _root(
    version: Annotated[Optional[bool], typer.Option(
        "--version", callback=_version, is_eager=True,
        help=N_("Print the version and exit."))] = None,
    project: Annotated[Optional[Path], typer.Option(
        "--project", envvar="KCN_TRACKER_PROJECT", metavar="DIR", file_okay=False,
        help=N_("The project folder (the one holding plans/ and seeds/), from anywhere; by "
        "default the nearest folder from here upwards that holds plans/ "
        "(also KCN_TRACKER_PROJECT)."))] = None,
    lang: Annotated[Optional[str], typer.Option(
        "--lang", metavar="vi|en", callback=_known_language,
        help=N_("Language of messages, for every command (also KCN_TRACKER_LANG); a "
                "command's own --lang sets its labels too."))] = None,
) -> None:
    from kcn_tracker.project import choose_project

    choose_project(project)
