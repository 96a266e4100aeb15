"""The fixed vocabulary of plan files: units and indicators.

Plan files name an indicator and a unit by code; everything the report needs to
know about them (labels in both languages, how figures over several periods
combine, which direction is good) lives here, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class UnitKind(str, Enum):
    COUNT = "count"
    MONEY_VND = "money_vnd"
    MONEY_USD = "money_usd"
    PERCENT = "percent"
    AREA = "area"


@dataclass(frozen=True)
class Unit:
    code: str
    kind: UnitKind
    vi: str
    en: str
    # Counts are whole numbers; showing "15,0 dự án" would look like a typo.
    decimals: int


UNITS: dict[str, Unit] = {
    u.code: u
    for u in (
        Unit("project", UnitKind.COUNT, "dự án", "projects", 0),
        Unit("zone", UnitKind.COUNT, "khu", "zones", 0),
        Unit("cluster", UnitKind.COUNT, "cụm", "clusters", 0),
        Unit("enterprise", UnitKind.COUNT, "doanh nghiệp", "enterprises", 0),
        Unit("adjustment", UnitKind.COUNT, "lượt", "adjustments", 0),
        Unit("person", UnitKind.COUNT, "người", "people", 0),
        Unit("vnd_billion", UnitKind.MONEY_VND, "tỷ đồng", "billion VND", 2),
        Unit("vnd_million", UnitKind.MONEY_VND, "triệu đồng", "million VND", 2),
        Unit("usd_million", UnitKind.MONEY_USD, "triệu USD", "million USD", 2),
        Unit("percent", UnitKind.PERCENT, "%", "%", 1),
        Unit("ha", UnitKind.AREA, "ha", "ha", 1),
    )
}


class Aggregation(str, Enum):
    """How the figures of sub-periods make up the figure of a longer period."""

    FLOW = "flow"  # adds up: new projects in 2021 + 2022 + ...
    STOCK = "stock"  # the latest value counts: valid projects, fill rate
    RATE = "rate"  # neither sums nor carries over: a growth rate, a share


# The natural display units of money: tỷ đồng and triệu USD, never added together.
MONEY = ("vnd_billion", "usd_million")


@dataclass(frozen=True)
class Indicator:
    key: str
    vi: str
    en: str
    units: tuple[str, ...]
    aggregation: Aggregation
    higher_is_better: bool = True


def _ind(key, vi, en, units, agg, higher=True) -> Indicator:
    units = units if isinstance(units, tuple) else (units,)
    return Indicator(key, vi, en, units, agg, higher)


_P, _A, _Z = "percent", "ha", ("zone", "cluster")
_FLOW, _STOCK, _RATE = Aggregation.FLOW, Aggregation.STOCK, Aggregation.RATE

INDICATORS: dict[str, Indicator] = {
    i.key: i
    for i in (
        _ind("new_projects", "Dự án cấp mới", "New projects", "project", _FLOW),
        _ind("new_projects_fdi", "Dự án FDI cấp mới", "New FDI projects", "project", _FLOW),
        _ind("new_projects_ddi", "Dự án DDI cấp mới", "New DDI projects", "project", _FLOW),
        _ind("new_projects_infrastructure", "Dự án hạ tầng KCN cấp mới",
             "New zone-infrastructure projects", "project", _FLOW),
        _ind("new_capital", "Vốn đăng ký mới", "New registered capital", MONEY, _FLOW),
        _ind("new_capital_fdi", "Vốn đăng ký mới của dự án FDI",
             "New registered capital, FDI", MONEY, _FLOW),
        _ind("new_capital_infrastructure", "Vốn đăng ký mới của dự án hạ tầng KCN",
             "New registered capital, zone infrastructure", MONEY, _FLOW),
        _ind("adjusted_projects", "Dự án điều chỉnh GCNĐKĐT",
             "Projects with an amended certificate", "project", _FLOW),
        _ind("capital_increases", "Lượt điều chỉnh tăng vốn", "Capital increases", "adjustment", _FLOW),
        _ind("capital_increases_fdi", "Lượt điều chỉnh tăng vốn của dự án FDI",
             "Capital increases, FDI", "adjustment", _FLOW),
        _ind("capital_increases_ddi", "Lượt điều chỉnh tăng vốn của dự án DDI",
             "Capital increases, DDI", "adjustment", _FLOW),
        _ind("added_capital", "Vốn điều chỉnh tăng thêm", "Added capital", MONEY, _FLOW),
        _ind("total_capital_attracted", "Tổng vốn đăng ký thu hút (mới và tăng thêm)",
             "Total capital attracted (new and added)", MONEY, _FLOW),
        _ind("valid_projects", "Dự án còn hiệu lực", "Valid projects", "project", _STOCK),
        _ind("valid_projects_fdi", "Dự án FDI còn hiệu lực", "Valid FDI projects", "project", _STOCK),
        _ind("valid_projects_ddi", "Dự án DDI còn hiệu lực", "Valid DDI projects", "project", _STOCK),
        _ind("projects", "Tổng số dự án đầu tư (lũy kế)", "Investment projects, cumulative",
             "project", _STOCK),
        _ind("projects_fdi", "Dự án FDI (lũy kế)", "FDI projects, cumulative", "project", _STOCK),
        _ind("projects_ddi", "Dự án DDI (lũy kế)", "DDI projects, cumulative", "project", _STOCK),
        _ind("operating_projects", "Dự án đang hoạt động", "Projects in operation", "project", _STOCK),
        _ind("operating_enterprises", "Doanh nghiệp đang sản xuất, kinh doanh",
             "Enterprises in operation", "enterprise", _STOCK),
        _ind("registered_capital_cumulative", "Vốn đăng ký lũy kế",
             "Registered capital, cumulative", MONEY, _STOCK),
        _ind("implemented_capital_cumulative", "Vốn thực hiện lũy kế",
             "Implemented capital, cumulative", MONEY, _STOCK),
        _ind("implemented_capital", "Vốn thực hiện trong kỳ", "Implemented capital in the period",
             MONEY, _FLOW),
        # Revocations counted, without the projects' names: "thu hồi 08 dự án với tổng vốn
        # 32,358 triệu USD". Fewer is better.
        _ind("revoked_projects", "Dự án bị thu hồi", "Projects revoked", "project", _FLOW,
             higher=False),
        _ind("revoked_capital", "Vốn của các dự án bị thu hồi", "Capital of revoked projects",
             MONEY, _FLOW, higher=False),
        # The scope says whether these count industrial zones (kcn) or clusters (ccn).
        _ind("zones_planned", "Số khu, cụm theo quy hoạch", "Zones or clusters planned",
             _Z, _STOCK),
        _ind("zones_approved", "Số khu được phê duyệt chủ trương đầu tư",
             "Zones with investment approval", _Z, _STOCK),
        _ind("zones_with_detailed_plan", "Số khu có quy hoạch chi tiết",
             "Zones with a detailed plan", _Z, _STOCK),
        _ind("zones_operating", "Số khu, cụm đi vào hoạt động", "Zones or clusters in operation",
             _Z, _STOCK),
        _ind("zone_area", "Diện tích", "Area", _A, _STOCK),
        _ind("operating_zone_area", "Diện tích các khu đang hoạt động",
             "Area of the zones in operation", _A, _STOCK),
        _ind("fill_rate", "Tỷ lệ lấp đầy", "Fill rate", _P, _STOCK),
        _ind("green_space_share", "Tỷ lệ cây xanh", "Green-space share", _P, _STOCK),
        _ind("workers", "Lao động", "Workers", "person", _STOCK),
        _ind("new_jobs", "Việc làm mới tạo ra", "New jobs", "person", _FLOW),
        _ind("local_worker_share", "Tỷ lệ lao động địa phương", "Share of local workers",
             _P, _RATE),
        _ind("average_monthly_income", "Thu nhập bình quân/người/tháng",
             "Average monthly income per worker", "vnd_million", _RATE),
        _ind("revenue", "Doanh thu của doanh nghiệp", "Enterprise revenue", MONEY, _FLOW),
        _ind("revenue_growth", "Tăng trưởng doanh thu", "Revenue growth", _P, _RATE),
        _ind("capital_attracted_growth", "Tăng trưởng vốn đăng ký thu hút",
             "Growth of capital attracted", _P, _RATE),
        _ind("industrial_output", "Giá trị sản xuất công nghiệp", "Industrial production value",
             MONEY, _FLOW),
        _ind("industrial_output_growth", "Tăng trưởng giá trị sản xuất công nghiệp",
             "Industrial production growth", _P, _RATE),
        _ind("industrial_output_growth_avg", "Tăng trưởng GTSX công nghiệp bình quân/năm",
             "Industrial production growth, yearly average", _P, _RATE),
        _ind("industrial_output_share", "Tỷ trọng trong GTSX công nghiệp toàn tỉnh",
             "Share of the province's industrial production", _P, _RATE),
        _ind("export_value", "Giá trị xuất khẩu", "Export value", MONEY, _FLOW),
        _ind("export_growth", "Tăng trưởng giá trị xuất khẩu", "Export growth", _P, _RATE),
    )
}

# Growth rates and the value they are the year-on-year change of.
GROWTH = {"industrial_output_growth": "industrial_output", "export_growth": "export_value",
          "revenue_growth": "revenue", "capital_attracted_growth": "total_capital_attracted"}

# Totals and the parts they are made of: FDI + DDI = all projects.
PARTS = {
    "new_projects": ("new_projects_fdi", "new_projects_ddi"),
    "valid_projects": ("valid_projects_fdi", "valid_projects_ddi"),
    "projects": ("projects_fdi", "projects_ddi"),
    "capital_increases": ("capital_increases_fdi", "capital_increases_ddi"),
    "total_capital_attracted": ("new_capital", "added_capital"),
}
