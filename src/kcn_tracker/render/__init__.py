"""Output formats of the report, one module each, all behind one function.

Every module has ``render(report, lang, console)``; a format is loaded only
when asked for, so a JSON run never imports the table code.
"""

from __future__ import annotations

from importlib import import_module
from typing import Protocol

from rich.console import Console

from ..evaluate import Report

FORMATS = {"table": "table", "json": "json_report", "csv": "csv_report",
           "markdown": "markdown"}


class Renderer(Protocol):
    def __call__(self, report: Report, lang: str, console: Console) -> None: ...


def renderer(name: str) -> Renderer:
    return import_module(f"{__name__}.{FORMATS[name]}").render
