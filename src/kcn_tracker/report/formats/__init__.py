"""Output formats of the report, one module each, all behind one function.

Every module has ``render(report, lang, console)``; a format is loaded only
when asked for, so a JSON run never imports the table code.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the registry is imported by the CLI to list its keys: keep it light
    from rich.console import Console

    from kcn_tracker.progress.evaluate import Report

FORMATS = {"table": "table", "json": "json_report", "csv": "csv_report",
           "markdown": "markdown"}


class Renderer(Protocol):
    def __call__(self, report: "Report", lang: str, console: "Console") -> None: ...


def renderer(name: str) -> Renderer:
    return import_module(f"{__name__}.{FORMATS[name]}").render
