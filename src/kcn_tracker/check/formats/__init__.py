"""Output formats of `kcn-tracker check`, one module each, all behind one function.

Every module has ``render(result, strict) -> str``.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kcn_tracker.text.display import printable

if TYPE_CHECKING:  # the registry is imported by the CLI to list its keys: keep it light
    from kcn_tracker.check.run import CheckResult

FORMATS = ("text", "json", "github", "junit", "sarif")


class CheckRenderer(Protocol):
    def __call__(self, result: "CheckResult", strict: bool) -> str: ...


def renderer(name: str) -> CheckRenderer:
    return import_module(f"{__name__}.{name}_format").render


def display_path(path: Path) -> str:
    """The path as a reader (and a CI annotation) expects it: relative, with slashes."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def shown_path(path: Path) -> str:
    """:func:`display_path`, safe to print in every format."""
    return printable(display_path(path))
