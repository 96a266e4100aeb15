"""The provinces of a report as they are shown: alone, or under the province that took
them over in the 2025 merger."""

from __future__ import annotations

from kcn_tracker.plans.merger import plan_successor
from kcn_tracker.plans.provinces import NewProvince, successors
from kcn_tracker.progress.evaluate import ProvinceResult, Report


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
        successor = plan_successor(province.plan)  # stated, else the 2025 table
        groups.setdefault(successor.id if successor else None, []).append(province)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    return [(news.get(key), members) for key, members in ordered]


def in_period_order(report: Report) -> Report:
    """Each province's targets by period: the earliest start first, the longer period
    first on the same start (2021-2025 before 2021), the plan file's order otherwise."""
    from dataclasses import replace

    return replace(report, provinces=[
        replace(p, targets=sorted(p.targets, key=lambda r: (r.period.start, -r.period.end
                                                            .toordinal())))
        for p in report.provinces])
