"""What the plan vocabulary says of an indicator draft proposes: the unit it is recorded
in, and whether its figures are flows, which add up over periods, or stocks."""

from __future__ import annotations

from decimal import Decimal

from kcn_tracker.extract.document import Quantity
from kcn_tracker.plans.vocabulary import INDICATORS, Aggregation


def in_unit(indicator: str | None, q: Quantity) -> tuple[str, Decimal]:
    """The unit the indicator is recorded in: income per worker is in triệu đồng."""
    units = INDICATORS[indicator].units if indicator in INDICATORS else ()
    if q.unit == "vnd_billion" and units and "vnd_billion" not in units and "vnd_million" in units:
        return "vnd_million", q.value * 1000
    if q.unit == "project" and units == ("adjustment",):
        # "điều chỉnh tăng vốn cho 15 dự án": each project's increase is one adjustment.
        return "adjustment", q.value
    if q.unit == "adjustment" and units == ("project",):
        # "25 lượt dự án" amended: a project for each, draft's check line says so.
        return "project", q.value
    return q.unit, q.value


# A flow counted "to date" or up to a day is the stock of the same thing: "Tính đến hết
# năm 2023, các KCN đã thu hút 1.595 dự án FDI" is the cumulative count.
STOCK_OF = {"new_projects": "projects", "new_projects_fdi": "projects_fdi",
             "new_projects_ddi": "projects_ddi", "new_capital": "registered_capital_cumulative",
             "new_capital_fdi": "registered_capital_cumulative",
             "total_capital_attracted": "registered_capital_cumulative"}


def is_flow(indicator: str | None) -> bool:
    return indicator in INDICATORS and INDICATORS[indicator].aggregation == Aggregation.FLOW


def is_stock(indicator: str | None) -> bool:
    return indicator in INDICATORS and INDICATORS[indicator].aggregation == Aggregation.STOCK
