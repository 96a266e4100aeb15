"""What the commands share: the options, their parsing, and the one place where an
error becomes a message and an exit code.

Exit codes: 0 done; 1 a plan file has problems (each printed with its file and
line) or a change was refused; 2 the command cannot run (a path that does not
exist, a bad option, an unknown province).
"""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from kcn_tracker.errors import InputError, KcnError
from kcn_tracker.text.display import hidden, printable


class MappedGroup(TyperGroup):
    """Runs a command and turns a ``KcnError`` into its problems, one message and its
    exit code; the commands themselves catch nothing."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KcnError as exc:
            for problem in exc.problems:
                typer.echo(str(problem), err=True)
            # A path or a name in the message may come from a pull request.
            typer.echo(f"kcn-tracker: {printable(str(exc))}", err=True)
            raise typer.Exit(exc.exit_code) from None


class Lang(str, Enum):
    vi = "vi"
    en = "en"


def choices(keys) -> type[Enum]:
    """An option's choices from a registry's keys, so the CLI never repeats the list."""
    return Enum("Choice", {key: key for key in keys}, type=str)


PlansArg = Annotated[Optional[list[Path]], typer.Argument(
    metavar="PLANS", help="Plan files, or directories of them (default: plans/).", show_default=False)]
ProvinceOpt = Annotated[Optional[list[str]], typer.Option(
    "--province", "-p", metavar="PROVINCE", help="Only this province: id or name, diacritics optional "
    "(thai-nguyen, 'Thái Nguyên', 'thai nguyen'). Repeatable.")]
AsOfOpt = Annotated[Optional[str], typer.Option(
    "--as-of", metavar="DATE", help="Judge progress at this date: 2025-12-31 or 31/12/2025 "
    "(default: today).")]


def _language(value: str | Lang) -> Lang:
    """vi or en; also as a locale writes it in the environment: EN, en_US.UTF-8, vi_VN."""
    code = str(value.value if isinstance(value, Lang) else value).strip().lower()[:2]
    if code not in Lang.__members__:
        raise typer.BadParameter(f"{value!r}: choose vi or en")
    return Lang(code)


LangOpt = Annotated[Lang, typer.Option(
    "--lang", envvar="KCN_TRACKER_LANG", metavar="vi|en", parser=_language,
    help="Language of labels and numbers (also KCN_TRACKER_LANG).")]


def plans_or_default(paths: list[Path] | None) -> list[Path]:
    """The plans named, or plans/ of the project: the one --project names, else the
    nearest folder from here upwards that holds plans/."""
    from kcn_tracker.project import default_plans

    return paths or [default_plans()]


def iso_date(text: str) -> str:
    """A date as the tool prints it in either language, as ISO: 31/12/2025 (or 31-12-2025,
    31.12.2025) -> 2025-12-31, 12/2025 -> 2025-12; anything else is left as typed."""
    import re

    text = text.strip()
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    if m := re.fullmatch(r"(\d{1,2})/(\d{4})", text):
        return f"{m[2]}-{int(m[1]):02d}"
    return text


def as_of_date(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(iso_date(text))
    except ValueError:
        raise InputError(f"--as-of {text!r} is not a date; write it as 2025-12-31 or "
                         "31/12/2025") from None


def one_line(value: str | None, option: str) -> str | None:
    """A text option as it will be written: UTF-8, one line, no control characters."""
    if value is None or value == "":
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{option} is not valid text (a byte that is not UTF-8); type it "
                         "again") from None
    if hidden(value):
        raise InputError(f"{option} holds a control character or a line break; give one line "
                         "of text")
    return value


WidthOpt = Annotated[Optional[int], typer.Option(
    "--width", min=20, max=1000, metavar="N", help="Columns of the table and of an export "
    "(default: the terminal's width, or 150 for an export when not in a terminal).")]
EXPORT_WIDTH = 150


def console(record: bool = False, width: int | None = None, export: bool = False):
    """The screen: ``width`` when given; for an export written from a script or a pipe
    (no terminal, no COLUMNS), 150 columns rather than Rich's 80."""
    import os

    from rich.console import Console

    screen = Console(file=sys.stdout, record=record, width=width)
    if width is None and export and not screen.is_terminal and not os.environ.get("COLUMNS"):
        screen.width = EXPORT_WIDTH
    return screen
