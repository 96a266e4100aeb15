"""The one base of every error a command can end with, and its exit code.

Each layer raises its own subclass; the CLI catches only ``KcnError`` and turns
it into the listed problems, one message and the exit code: 1 when a plan file
has problems or a change was refused, 2 when the command cannot run at all.
"""

from __future__ import annotations

from kcn_tracker.text.i18n import _

EXIT_PLAN_PROBLEMS = 1
EXIT_CANNOT_RUN = 2


class KcnError(Exception):
    """A command cannot finish; ``problems`` are printed before the message."""

    exit_code = EXIT_CANNOT_RUN

    def __init__(self, message: str, problems=()) -> None:
        super().__init__(message)
        self.problems = list(problems)


class InputError(KcnError):
    """The command cannot run at all: a missing directory, an unknown province."""


class PlanError(KcnError):
    """One or more plan files cannot be used; every problem found is listed."""

    exit_code = EXIT_PLAN_PROBLEMS

    def __init__(self, problems, message: str | None = None) -> None:
        count = len(problems)
        super().__init__(message or (
            _("{count} problems in plan files; fix them and run again", count=count)
            if count > 1 else _("1 problem in plan files; fix it and run again")), problems)
