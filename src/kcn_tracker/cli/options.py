"""What the commands share: the options, their parsing, and the one place where an
error becomes a message and an exit code.

Exit codes: 0 done; 1 a plan file has problems (each printed with its file and
line) or a change was refused; 2 the command cannot run (a path that does not
exist, a bad option, an unknown province).
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperCommand, TyperGroup

try:  # typer 0.2x carries its own copy of click
    from typer._click.core import ParameterSource
    from typer._click.exceptions import UsageError
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - older typer, on click itself
    from click import UsageError, get_current_context
    from click.core import ParameterSource

from kcn_tracker.errors import InputError, KcnError
from kcn_tracker.text.display import hidden, printable
from kcn_tracker.text.i18n import N_, _, set_language
from kcn_tracker.text.i18n import language as get_language


@contextmanager
def _usage_in_language():
    """A bad command line said in the language of messages: click composes its message
    when it is shown ("Invalid value for …"), so it is composed here, translated."""
    try:
        yield
    except UsageError as exc:
        if get_language() == "en":
            raise
        raise UsageError(usage_message(exc.format_message()), exc.ctx) from None


# The help of click's and typer's own options, so that it is translated with ours.
_LIBRARY_HELP = (N_("Show this message and exit."),
                 N_("Install completion for the current shell."),
                 N_("Show completion for the current shell, to copy it or customize the "
                    "installation."))


@contextmanager
def _in_language(ctx, commands):
    """The help of ``commands`` and their parameters in the language of messages while
    it is shown. The texts are marked N_ where they are written; a command's help is
    composed when asked for, after --lang or KCN_TRACKER_LANG has been read."""
    saved = []
    for command in commands:
        for item in (command, *command.get_params(ctx)):
            for attr in ("help", "short_help"):
                if text := getattr(item, attr, None):
                    saved.append((item, attr, text))
                    setattr(item, attr, _(text))
    try:
        yield
    finally:
        for item, attr, text in saved:
            setattr(item, attr, text)


class LocalCommand(TyperCommand):
    """A command whose --help speaks the language of messages."""

    def format_help(self, ctx, formatter) -> None:
        with _in_language(ctx, [self]):
            super().format_help(ctx, formatter)


class LocalGroup(TyperGroup):
    """A group whose --help (its own and its commands' summaries) speaks the language
    of messages."""

    def format_help(self, ctx, formatter) -> None:
        commands = [self.get_command(ctx, name) for name in self.list_commands(ctx)]
        with _in_language(ctx, [self, *(c for c in commands if c is not None)]):
            super().format_help(ctx, formatter)


class LocalTyper(typer.Typer):
    """A Typer application whose commands' help speaks the language of messages."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("cls", LocalGroup)
        super().__init__(*args, **kwargs)

    def command(self, *args, **kwargs):
        kwargs.setdefault("cls", LocalCommand)
        return super().command(*args, **kwargs)


def _typed_language(args: list[str]) -> str | None:
    """The language a --lang on the command line names, wherever it stands: --help and a
    bad option are answered while the arguments are read, before --lang's own turn."""
    typed = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else (
            args[i + 1] if arg == "--lang" and i + 1 < len(args) else None)
        if value is not None and value.strip().lower()[:2] in ("vi", "en"):
            typed = value.strip().lower()[:2]
    return typed


class MappedGroup(LocalGroup):
    """Runs a command and turns a ``KcnError`` into its problems, one message and its
    exit code; the commands themselves catch nothing."""

    def make_context(self, info_name, args, parent=None, **extra):
        import os

        # Messages are English unless KCN_TRACKER_LANG or --lang says vi; chosen afresh
        # for every run, so that one run in a process never sets the next one's language,
        # and before the arguments are read, so that --help speaks it too.
        set_language(_typed_language(args) or os.environ.get("KCN_TRACKER_LANG"))
        with _usage_in_language():  # a bad option before the command (--project FILE)
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx):
        try:
            with _usage_in_language():
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
    metavar="PLANS", help=N_("Plan files, or directories of them (default: plans/)."),
    show_default=False)]
ProvinceOpt = Annotated[Optional[list[str]], typer.Option(
    "--province", "-p", metavar="PROVINCE", help=N_(
        "Only this province: id or name, diacritics optional (thai-nguyen, 'Thái Nguyên', "
        "'thai nguyen'). Repeatable."))]
AsOfOpt = Annotated[Optional[str], typer.Option(
    "--as-of", metavar="DATE", help=N_("Judge progress at this date: 2025-12-31 or 31/12/2025 "
    "(default: today)."))]


def _language(value: str | Lang) -> Lang:
    """vi or en; also as a locale writes it in the environment: EN, en_US.UTF-8, vi_VN.
    The language of messages is not set here: MappedGroup.make_context has chosen it
    from the typed --lang or the environment before any option is read."""
    code = str(value.value if isinstance(value, Lang) else value).strip().lower()[:2]
    context = get_current_context(silent=True)
    if code not in Lang.__members__:
        if context is not None and \
                context.get_parameter_source("lang") is ParameterSource.ENVIRONMENT:
            return Lang.vi  # a locale of the environment (C.UTF-8): the labels' default
        raise typer.BadParameter(_("{value}: choose vi or en", value=repr(value)))
    return Lang(code)


# What click and typer say about a bad command line, in the language of messages;
# click fills in the option's name and value, so each is matched by its pattern.
_USAGE = (
    (r"Invalid value for ('[^']*'(?: / '[^']*')*(?: \(env var: '[^']*'\))?): (.*)",
     N_("Invalid value for {option}: {reason}")),
    (r"No such option: (\S+) \(Possible options: (.+)\)",
     N_("No such option: {option} (did you mean {reason}?)")),
    (r"No such option: (.+)", N_("No such option: {option}")),
    (r"Missing command\.", N_("Missing command.")),
    (r"No such command (.+)\. Did you mean (.+)\?",
     N_("No such command {option}. Did you mean {reason}?")),
    (r"No such command (.+)\.", N_("No such command {option}.")),
    (r"(?:[Dd]ir|[Dd]irectory) ('.+') is a file\.", N_("{option} is a file, not a folder.")),
    (r"(?:[Ff]ile|[Dd]ir|[Dd]irectory|[Pp]ath) ('.+') does not exist\.",
     N_("{option} does not exist.")),
    (r"Input should be a valid integer, unable to parse string as an integer(.*)",
     N_("a whole number is needed{option}")),
    (r"Missing argument (.+)\.", N_("Missing argument {option}.")),
    (r"Missing option (.+)\.", N_("Missing option {option}.")),
    (r"Option (.+) requires an argument\.", N_("Option {option} requires an argument.")),
    (r"Got unexpected extra arguments? \((.+)\)", N_("Got unexpected extra arguments ({option})")),
    (r"('[^']*'|-?[0-9.]+) is not in the range (.+)\.",
     N_("{option} is not in the range {reason}.")),
    (r"Input should be greater than or equal to (.+)", N_("Input should be {option} or more")),
    (r"Input should be less than or equal to (.+)", N_("Input should be {option} or less")),
    (r"(.+?) is not a valid integer\.", N_("{option} is not a valid integer.")),
    (r"('.*'|\".*\") is not one of ('[^']*'(?:, '[^']*')*)\.",
     N_("{option} is not one of {reason}.")),
)


def usage_message(message: str) -> str:
    """A message of click's, translated piece by piece where its pattern is known."""
    import re

    message = message.removeprefix("Value error, ")  # pydantic's, before our own words
    for pattern, template in _USAGE:
        if m := re.fullmatch(pattern, message, re.S):
            values = m.groups()
            reason = usage_message(values[1]) if len(values) > 1 else ""
            return _(template, option=values[0] if values else "", reason=reason)
    return message


LangOpt = Annotated[Lang, typer.Option(
    "--lang", envvar="KCN_TRACKER_LANG", metavar="vi|en", parser=_language,
    help=N_("Language of labels and numbers (also KCN_TRACKER_LANG)."))]


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


def as_of_date(text: str | None, lang: str = "vi") -> date:
    """The --as-of date: ISO, or day first as Vietnamese writes it (31/12/2025). In an
    English report, where 03/04/2025 may be meant month first, a day and month that could
    swap places are refused rather than guessed."""
    import re

    from kcn_tracker.plans.periods import FIRST_YEAR, LAST_YEAR

    if text is None:
        return date.today()
    try:
        when = date.fromisoformat(iso_date(text))
    except ValueError:
        raise InputError(_("--as-of {text} is not a date; write it as 2025-12-31 or "
                           "31/12/2025", text=repr(text))) from None
    if not FIRST_YEAR <= when.year <= LAST_YEAR:
        raise InputError(_("--as-of {text}: the year is outside {FIRST_YEAR}-{LAST_YEAR}",
                           text=repr(text), FIRST_YEAR=FIRST_YEAR, LAST_YEAR=LAST_YEAR))
    swapped = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}", text.strip())
    if lang == "en" and swapped and int(swapped[1]) <= 12 and swapped[1] != swapped[2]:
        raise InputError(_(
            "--as-of {text} could be {day} or {other}; write the one you mean as "
            "YYYY-MM-DD", text=repr(text), day=when.isoformat(),
            other=when.replace(month=when.day, day=when.month).isoformat()))
    return when


def one_line(value: str | None, option: str) -> str | None:
    """A text option as it will be written: UTF-8, one line, no control characters."""
    if value is None or value == "":
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(_("{option} is not valid text (a byte that is not UTF-8); type it "
                           "again", option=option)) from None
    if hidden(value):
        raise InputError(_("{option} holds a control character or a line break; give one "
                           "line of text", option=option))
    return value


WidthOpt = Annotated[Optional[int], typer.Option(
    "--width", min=20, max=1000, metavar="N", help=N_("Columns of the table and of an export "
    "(default: the terminal's width, or 150 for an export when not in a terminal)."))]
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
