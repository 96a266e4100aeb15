"""Choosing provinces by what a person types: an id or a name, with or without diacritics.

A name can stand for two entities: "Thái Nguyên" is the old province (until
2025-06-30) and the new one that merged it with Bắc Kạn. Both are found, and
each says which it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from kcn_tracker.errors import InputError
from kcn_tracker.plans.merger import plan_successor
from kcn_tracker.plans.model import Plan, Successor
from kcn_tracker.text.i18n import _
from kcn_tracker.text.spelling import fold


@dataclass(frozen=True)
class NewProvince:
    """A successor province and the old provinces it holds."""

    successor: Successor
    members: tuple[Plan, ...]


def successors(plans: list[Plan]) -> list[NewProvince]:
    found: dict[str, list[Plan]] = {}
    info: dict[str, Successor] = {}
    for plan in plans:
        if (s := plan_successor(plan)) is not None:  # stated, else the 2025 table
            found.setdefault(s.id, []).append(plan)
            info.setdefault(s.id, s)
    return [NewProvince(info[key], tuple(members)) for key, members in found.items()]


def _names(*values: str) -> set[str]:
    return {fold(v) for v in values}


def select_provinces(plans: list[Plan], wanted: list[str],
                     by_successor: bool = False) -> list[Plan]:
    """The plans ``wanted`` names, in plan order; all plans when ``wanted`` is empty.

    Grouped by successor, the name of a new province selects the old provinces
    it holds; otherwise a name means the (old) province of that name.
    """
    if not wanted:
        return plans
    chosen: set[str] = set()
    for name in wanted:
        key = fold(name)
        # An id typed as it is written is unambiguous; anything else may match the id or
        # the name of several provinces, and choosing one silently would hide the other.
        hits = {p.province.id for p in plans if name == p.province.id} or {
            p.province.id for p in plans if key in _names(p.province.id, p.province.name)}
        if len(hits) > 1 and not by_successor:
            named = ", ".join(sorted(hits))
            raise InputError(_(
                "{name} is the name of {hits} provinces ({named}); give the id of the one you "
                "mean",
                name=repr(name), hits=len(hits), named=named))
        for new in successors(plans) if by_successor else []:
            if key in _names(new.successor.id, new.successor.name):
                hits |= {p.province.id for p in new.members}
        if not hits and not by_successor and any(
                key in _names(n.successor.id, n.successor.name) for n in successors(plans)):
            raise InputError(_(
                "{name} is a province formed by a merger; add --by successor to see the "
                "provinces it holds",
                name=repr(name)))
        if not hits:
            known = ", ".join(f"{p.province.id} ({p.province.name})" for p in plans)
            raise InputError(_(
                "no plan for province {name}; known provinces: {known}",
                name=repr(name), known=known))
        chosen |= hits
    return [p for p in plans if p.province.id in chosen]


def named_successors(plans: list[Plan], wanted: list[str]) -> list[NewProvince]:
    """The new provinces among what ``wanted`` names."""
    keys = {fold(w) for w in wanted}
    return [n for n in successors(plans) if keys & _names(n.successor.id, n.successor.name)]
