"""Entry ids: made from the province, the period and the indicator, and unique in a plan."""

from __future__ import annotations

from kcn_tracker.plans.model import SECTIONS, Plan
from kcn_tracker.text.spelling import fold


class Ids:
    """The ids of one plan, and the next free one for any wanted id."""

    def __init__(self, plan: Plan) -> None:
        self.taken = {e.id for s in SECTIONS for e in getattr(plan, s)}
        # Where numbering stopped for each wanted id, so that many figures of one kind
        # are numbered without scanning the taken ids from 2 each time.
        self._next: dict[str, int] = {}

    def allocate(self, *parts: str) -> str:
        """bac-kan-2022-new-projects, then …-2, …-3: Vietnamese words lose their marks
        (vinaxuki, dien-thuy)."""
        wanted = fold("-".join(parts))
        candidate, n = wanted, self._next.get(wanted, 2)
        while candidate in self.taken:
            candidate, n = f"{wanted}-{n}", n + 1
        self._next[wanted] = n
        self.taken.add(candidate)
        return candidate
