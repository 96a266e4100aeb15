"""Which indicator a figure measures, read from the words nearest it, and the unit the
indicator is recorded in."""

from __future__ import annotations

import re
from decimal import Decimal

from kcn_tracker.draft.quotes import words_after, words_before
from kcn_tracker.extract.document import Quantity

_I = re.IGNORECASE


# (indicator, units it applies to, words that name it). Where several match, the
# one nearest the number wins; on a tie, the earlier (more specific) rule.
_RULES: list[tuple[str, tuple[str, ...], str]] = [
    ("implemented_capital_cumulative", ("vnd_billion", "usd_million"), r"vốn thực hiện|giải ngân"),
    ("added_capital", ("vnd_billion", "usd_million"),
     r"tăng thêm|điều chỉnh tăng|tăng vốn"),
    ("total_capital_attracted", ("vnd_billion", "usd_million"),
     r"tổng (?:vốn )?thu hút|thu hút (?:vốn )?đầu tư|thu hút vốn"),
    ("new_capital", ("vnd_billion", "usd_million"),
     r"vốn (?:đầu tư )?đăng ký|vốn đăng ký (?:đầu tư )?mới|số vốn|tổng vốn(?: đầu tư)?|vốn"),
    ("revenue", ("vnd_billion", "usd_million"), r"doanh thu"),
    ("industrial_output", ("vnd_billion", "usd_million"), r"giá trị sản xuất"),
    ("export_value", ("vnd_billion", "usd_million"), r"xuất khẩu"),
    ("average_monthly_income", ("vnd_billion",), r"thu nhập"),
    ("fill_rate", ("percent",), r"lấp đầy"),
    ("green_space_share", ("percent",), r"cây xanh"),
    ("local_worker_share", ("percent",), r"lao động địa phương"),
    ("export_growth", ("percent",), r"xuất khẩu"),
    ("industrial_output", ("percent",), r"giá trị sản xuất"),
    ("capital_increases", ("adjustment",), r""),
    ("operating_enterprises", ("enterprise",), r""),
    ("workers", ("person",), r""),
    ("zone_area", ("ha",), r""),
]


_STOCK = re.compile(r"còn hiệu lực|lũy kế|luỹ kế|tính đến|đến nay|hiện có|hiện nay", _I)


# A total names itself wherever it stands in the clause: "tổng thu hút vốn đăng ký đầu tư
# tăng thêm … đạt hơn 417 triệu USD" is the total, though "tăng thêm" is nearer.
_TOTAL = re.compile(r"tổng (?:vốn )?thu hút", _I)


def guess_indicator(q: Quantity, pair_second: bool = False) -> str | None:
    before, after = words_before(q), words_after(q)
    if q.unit == "project":
        return _project_indicator(before, after, q.period)
    if q.unit in ("zone", "cluster"):
        return _zone_indicator(before + " " + after, pair_second)
    if q.unit == "ha" and re.search(r"đi vào hoạt động", before, _I):
        return "operating_zone_area"
    best = _nearest_rule(q.unit, before) or _nearest_rule(q.unit, after[:40], first=True)
    if best is None:
        return None
    if best in ("added_capital", "new_capital") and _TOTAL.search(before):
        best = "total_capital_attracted"
    return _refine(best, q, before + " " + after[:40])


def _nearest_rule(unit: str | None, words: str, first: bool = False) -> str | None:
    """The indicator whose words stand nearest the number: the last match in the words
    before it, or (``first``) the first in the words after it ("1,5 - 2 tỷ USD vốn FDI")."""
    best, best_at = None, None
    for indicator, units, pattern in _RULES:
        if unit not in units:
            continue
        if not pattern:
            return indicator
        for m in re.finditer(pattern, words, _I):
            at = -m.start() if first else m.end()
            if best_at is None or at > best_at:
                best, best_at = indicator, at
    return best


def _refine(indicator: str, q: Quantity, before: str) -> str:
    if indicator == "new_capital":
        if q.period == "to_date" or _STOCK.search(q.sentence):
            return "registered_capital_cumulative"
        if re.search(r"hạ tầng", before, _I):
            return "new_capital_infrastructure"
        if re.search(r"\bFDI\b", before) and not re.search(r"\bDDI\b|trong nước", before):
            return "new_capital_fdi"
    if indicator == "industrial_output" and q.role == "growth":
        average = re.search(r"bình quân|trung bình", before, _I) or "/năm" in q.sentence
        return "industrial_output_growth_avg" if average else "industrial_output_growth"
    if indicator == "industrial_output" and q.role == "ratio":
        return "industrial_output_share"
    return indicator


def _project_indicator(before: str, after: str, period: str | None) -> str:
    kind = ("_fdi" if re.search(r"\bFDI\b|nước ngoài", after) else
            "_ddi" if re.search(r"\bDDI\b|trong nước", after) else "")
    if re.search(r"hạ tầng", after, _I):
        return "new_projects_infrastructure"
    if re.search(r"điều chỉnh", before[-60:], _I):
        return "adjusted_projects"
    if re.search(r"hoạt động", after, _I):
        return "operating_projects"
    if re.search(r"còn hiệu lực", before + after, _I):
        return "valid_projects" + kind
    if period == "to_date" or re.search(r"tổng số|tổn số|lũy kế|luỹ kế", before, _I):
        return "projects" + kind
    return "new_projects" + kind


def _zone_indicator(words: str, pair_second: bool) -> str | None:
    if pair_second:
        return "zones_planned"
    for pattern, indicator in ((r"đi vào hoạt động", "zones_operating"),
                               (r"quy hoạch chi tiết", "zones_with_detailed_plan"),
                               (r"phê duyệt chủ trương", "zones_approved"),
                               (r"quy hoạch", "zones_planned")):
        if re.search(pattern, words, _I):
            return indicator
    return None


def is_pair_second(q: Quantity) -> bool:
    offset = q.start - q.sentence_start
    return offset > 0 and q.sentence[offset - 1] == "/"


def in_unit(indicator: str | None, q: Quantity) -> tuple[str, Decimal]:
    """The unit the indicator is recorded in: income per worker is in triệu đồng."""
    from kcn_tracker.plans.vocabulary import INDICATORS

    units = INDICATORS[indicator].units if indicator in INDICATORS else ()
    if q.unit == "vnd_billion" and units and "vnd_billion" not in units and "vnd_million" in units:
        return "vnd_million", q.value * 1000
    return q.unit, q.value


# A flow counted "to date" or up to a day is the stock of the same thing: "Tính đến hết
# năm 2023, các KCN đã thu hút 1.595 dự án FDI" is the cumulative count.
STOCK_OF = {"new_projects": "projects", "new_projects_fdi": "projects_fdi",
             "new_projects_ddi": "projects_ddi", "new_capital": "registered_capital_cumulative",
             "new_capital_fdi": "registered_capital_cumulative",
             "total_capital_attracted": "registered_capital_cumulative"}


def is_flow(indicator: str | None) -> bool:
    from kcn_tracker.plans.vocabulary import INDICATORS, Aggregation

    return indicator in INDICATORS and INDICATORS[indicator].aggregation == Aggregation.FLOW


def is_stock(indicator: str | None) -> bool:
    from kcn_tracker.plans.vocabulary import INDICATORS, Aggregation

    return indicator in INDICATORS and INDICATORS[indicator].aggregation == Aggregation.STOCK
