"""Output formats of the report, one module each, all behind one function.

Every module has ``render(report, lang, console)``; a format is loaded only
when asked for, so a JSON run never imports the table code.
"""

from __future__ import annotations

from importlib import import_module
from typing import Protocol

from rich.console import Console

from kcn_tracker.progress.evaluate import ProvinceResult, Report
from kcn_tracker.plans.provinces import NewProvince, successors

FORMATS = {"table": "table", "json": "json_report", "csv": "csv_report",
           "markdown": "markdown"}


class Renderer(Protocol):
    def __call__(self, report: Report, lang: str, console: Console) -> None: ...


def renderer(name: str) -> Renderer:
    return import_module(f"{__name__}.{FORMATS[name]}").render


def grouped(report: Report) -> list[tuple[NewProvince | None, list[ProvinceResult]]]:
    """The provinces of ``report``, under their new province when grouped by successor.

    Each old province stays whole under its old name; no figure is added up
    across provinces.
    """
    if not report.by_successor:
        return [(None, report.provinces)]
    news = {n.successor.id: n for n in successors([p.plan for p in report.provinces])}
    groups: dict[str | None, list[ProvinceResult]] = {}
    for province in report.provinces:
        successor = province.plan.province.successor
        groups.setdefault(successor.id if successor else None, []).append(province)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    return [(news.get(key), members) for key, members in ordered]
