"""Plan-file entries proposed from a document's quantities (``kcn-tracker draft``).

Nothing is written: the proposals are TOML for a person to review and paste.
The indicator is guessed from the words nearest the number ("vốn thực hiện",
"tỷ lệ lấp đầy", "dự án FDI"), the scope from the nearest place word ("các
KCN", "toàn tỉnh", a zone the plan names), and the quote is the clause that
states the figure, word for word. What the words do not settle is marked for
review rather than guessed: a missing period, an unknown currency, a role the
sentence leaves open.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from .entries import render_entry
from .extract import Quantity
from .model import Plan
from .text import fold
from .vietnamese import canonical, contains_words

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
     r"vốn (?:đầu tư )?đăng ký|vốn đăng ký (?:đầu tư )?mới|số vốn|tổng vốn(?: đầu tư)?"),
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
_PLACES = re.compile(r"(?P<kcn>\bKCN\b|khu công nghiệp)|(?P<ccn>\bCCN\b|cụm công nghiệp)"
                     r"|(?P<province>toàn tỉnh|của tỉnh|tỉnh đã|trên địa bàn tỉnh)", _I)
COMPARATORS = {"about": "about", "over": "over", "at_least": "at_least", "at_most": "at_most",
               "exact": "exact"}


@dataclass
class Proposal:
    """One proposed entry, or a reason it is not proposed."""

    quantity: Quantity
    section: str | None  # "actuals" / "targets"; None when only a note is given
    fields: dict = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)  # what the reviewer must settle
    existing: str | None = None  # "id (line N)" of the entry already in the plan


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _before(q: Quantity) -> str:
    """The words of the clause before the number, in NFC."""
    offset = q.start - q.sentence_start
    head = q.sentence[:offset]
    return _nfc(head[head.rfind(";") + 1:])


def _after(q: Quantity) -> str:
    offset = q.end - q.sentence_start
    tail = q.sentence[offset:]
    cut = re.search(r"[;,.(]|\bvà\b|\bvới\b", tail)
    return _nfc(tail[:cut.start()] if cut else tail)


def guess_indicator(q: Quantity, pair_second: bool = False) -> str | None:
    before, after = _before(q), _after(q)
    if q.unit == "project":
        return _project_indicator(before, after, q.period)
    if q.unit in ("zone", "cluster"):
        return _zone_indicator(before + " " + after, pair_second)
    if q.unit == "ha" and re.search(r"đi vào hoạt động", before, _I):
        return "operating_zone_area"
    best, best_end = None, -1
    for indicator, units, words in _RULES:
        if q.unit not in units:
            continue
        if not words:
            return indicator
        for m in re.finditer(words, before, _I):
            if m.end() > best_end:
                best, best_end = indicator, m.end()
    if best is None:
        return None
    return _refine(best, q, before)


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


def guess_scope(q: Quantity, plan: Plan) -> str:
    """The nearest place the clause names before the number; the zones a plan names win."""
    before = canonical(_before(q) + " " + _after(q))
    for key, name in plan.zones.items():
        bare = re.sub(r"^(?:KCN|khu công nghiệp)\s+", "", canonical(name), flags=_I)
        if contains_words(before, bare):
            return key
    if q.unit == "cluster":
        return "ccn"
    found = None
    for m in _PLACES.finditer(_before(q)):
        found = m.lastgroup
    return found or "kcn"


def quote_of(q: Quantity, limit: int = 400) -> str:
    """The clause stating the figure, word for word: the sentence, cut at ";" and, when
    still too long, at the commas around the number."""
    sentence, offset = q.sentence, q.start - q.sentence_start
    start = sentence.rfind(";", 0, offset) + 1
    end = sentence.find(";", offset)
    end = len(sentence) if end < 0 else end
    if end - start > limit:
        comma = sentence.rfind(", ", start, offset)
        start = comma + 2 if comma >= 0 else start
        comma = sentence.find(", ", offset + len(q.text))
        end = comma if comma >= 0 else end
    return sentence[start:end].strip()
