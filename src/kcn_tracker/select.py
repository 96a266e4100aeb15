"""Choosing provinces by what a person types: an id or a name, with or without diacritics."""

from __future__ import annotations

from .errors import InputError
from .model import Plan
from .text import fold


def select_provinces(plans: list[Plan], wanted: list[str]) -> list[Plan]:
    """The plans ``wanted`` names, in plan order; all plans when ``wanted`` is empty."""
    if not wanted:
        return plans
    keys = {p.province.id: {fold(p.province.id), fold(p.province.name)} for p in plans}
    chosen: set[str] = set()
    for name in wanted:
        hits = {pid for pid, names in keys.items() if fold(name) in names}
        if not hits:
            known = ", ".join(f"{p.province.id} ({p.province.name})" for p in plans)
            raise InputError(f"no plan for province {name!r}; known provinces: {known}")
        chosen |= hits
    return [p for p in plans if p.province.id in chosen]
