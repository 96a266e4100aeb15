"""Problems in the input, carried to the CLI with their rule code, file, line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Control characters from a plan file would break a one-line message, an XML
# report, or a terminal (an escape sequence); they are shown as escapes.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


@dataclass(frozen=True)
class Problem:
    code: str  # a key of rules.RULES
    file: Path
    line: int | None
    column: int | None
    message: str
    # The entry the problem concerns, ("targets", 2), so that the plan file can
    # acknowledge it there; empty for problems of the file as a whole.
    entry: tuple[str, int] | tuple[()] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", printable(self.message))

    @property
    def where(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        return f"{self.where}: {self.code} {self.message}"


class PlanError(Exception):
    """One or more plan files cannot be used; every problem found is listed."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


class InputError(Exception):
    """The command cannot run at all: a missing directory, an unknown province."""
