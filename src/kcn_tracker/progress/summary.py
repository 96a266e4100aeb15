"""One line per province for `kcn-tracker status`: counts by status and the extremes."""

from __future__ import annotations

from dataclasses import dataclass

from kcn_tracker.plans.model import Qualifier
from kcn_tracker.progress.evaluate import ProvinceResult, Status, TargetResult


@dataclass(frozen=True)
class Summary:
    province: ProvinceResult
    counts: dict[Status, int]
    best: TargetResult | None  # the biggest overshoot, when any target is above plan
    worst: TargetResult | None  # the worst shortfall, when any target is below plan
    pending_revocations: int


def summarize(province: ProvinceResult) -> Summary:
    counts = {status: 0 for status in Status}
    for result in province.targets:
        counts[result.status] += 1
    measured = [r for r in province.targets if r.overshoot_pct is not None]
    above = [r for r in measured if r.overshoot_pct > 0]
    below = [r for r in measured if r.overshoot_pct < 0]
    # On a tie, an exact figure beats a "nearly": it is the surer overshoot.
    best = max(above, key=lambda r: (r.overshoot_pct, r.attainment_qualifier is Qualifier.EXACT),
               default=None)
    worst = min(below, key=lambda r: (r.overshoot_pct, r.attainment_qualifier is Qualifier.EXACT),
                default=None)
    return Summary(province, counts, best, worst, len(province.unrecovered))


def total(summaries: list[Summary]) -> dict[Status, int]:
    """Counts of targets are safe to add up across provinces; their figures are not."""
    return {status: sum(s.counts[status] for s in summaries) for status in Status}
