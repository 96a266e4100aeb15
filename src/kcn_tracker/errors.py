"""Problems in the input, carried to the CLI with their rule code, file, line and column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
