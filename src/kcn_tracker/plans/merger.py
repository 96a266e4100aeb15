"""The 2025 merger of provinces as data: ``merger_2025.toml``, shipped with the package
(Nghị quyết 202/2025/QH15; its header names the sources)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from kcn_tracker.plans.model import Plan, Successor

TABLE = Path(__file__).with_name("merger_2025.toml")


@cache
def merger_2025() -> dict[str, Successor]:
    """Every former province id that went into a new one, with its successor."""
    data = tomllib.loads(TABLE.read_text(encoding="utf-8"))
    return {member: Successor(id=unit["id"], name=unit["name"], since=data["since"],
                              basis=data["basis"])
            for unit in data["merged"] for member in unit["members"]}


def successor_of(province_id: str) -> Successor | None:
    """The province that took ``province_id`` over in 2025, if it was merged."""
    return merger_2025().get(province_id)


def plan_successor(plan: Plan) -> Successor | None:
    """The successor a plan file states, else the one of the 2025 table."""
    return plan.province.successor or successor_of(plan.province.id)
