"""What the words around a quantity say of it: qualifier, role and period.

These are rules of the language, not of particular documents: a qualifier is
the word right before the number ("hơn 417 triệu USD"); a percentage or multiple
followed by "kế hoạch" is an attainment, one after "tăng"/"giảm" or before
"so với" a growth; otherwise the nearest word of plan ("mục tiêu", "phấn đấu",
"đề ra") or of result ("đã", "hiện nay") before the number in the sentence
decides between a target and an actual. The period is the nearest one the
sentence names, else the one the paragraph named last.
"""

from __future__ import annotations

import bisect
import calendar
import re

_I = re.IGNORECASE
_Q = r"(?:khoảng|hơn|trên|gần|ước|ước đạt|xấp xỉ|ít nhất|tối thiểu|bình quân|đạt|là|ở mức)"

_QUALIFIERS = (
    ("at_least", r"ít nhất|tối thiểu|không dưới|không ít hơn"),
    ("at_most", r"tối đa|không quá|không vượt quá|dưới|chưa đến|chưa tới"),
    ("nearly", r"gần"),
    ("over", r"hơn|trên|vượt trên|vượt quá"),
    ("about", r"ước đạt|ước tính|ước khoảng|ước|khoảng|xấp xỉ|chừng|dự kiến|dự kiến đạt"),
)
_QUALIFIER_BEFORE = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{name}>{words})" for name, words in _QUALIFIERS) + r")"
    r"(?:\s+(?:là|đạt|mức|ở mức|con số|tỷ lệ|tỉ lệ))*\s*$", _I)
_AT_LEAST_AFTER = re.compile(r"\s*(?:trở lên|trở lại đây)\b", _I)
_AT_MOST_AFTER = re.compile(r"\s*trở xuống\b", _I)

_PLAN = r"(?:kế hoạch|KH|chỉ tiêu|mục tiêu)"
_ATTAINMENT_AFTER = re.compile(rf"\s*(?:so với\s+)?{_PLAN}(?!\w)", _I)
_ATTAINMENT_BEFORE = re.compile(
    rf"(?:vượt|đạt|bằng|hoàn thành)\s+{_PLAN}(?:\s+(?:năm|đề ra|được giao|\d{{4}}))*"
    rf"(?:\s+{_Q})*\s*$", _I)
# Words of plan consumed by an attainment ("vượt 40% kế hoạch đề ra") are not
# cues for the figures around it.
_ATTAINMENT_PHRASE = re.compile(
    rf"(?:\d[\d.,]*\s*(?:%|lần)\s*(?:so với\s+)?|(?:vượt|đạt|bằng|hoàn thành)\s+){_PLAN}"
    rf"(?:\s+(?:năm|đề ra|được giao|\d{{4}}))*", _I)
_GROWTH_BEFORE = re.compile(
    r"(?<!\w)(?:tăng|giảm|tăng trưởng|tăng thêm|giảm đi|gấp|tốc độ tăng(?: trưởng)?)"
    rf"(?:\s+(?:bình quân|trung bình|{_Q}))*\s*$", _I)
_GROWTH_AFTER = re.compile(r"\s*(?:/\s*năm|mỗi năm|so với|so cùng kỳ)", _I)
_TARGET = r"mục tiêu|chỉ tiêu|kế hoạch|phấn đấu|đề ra|định hướng|đặt ra|phải đạt|cần đạt|nhằm đạt"
_ACTUAL = r"đã|hiện nay|hiện có|hiện đang|lũy kế|luỹ kế|tính đến|ước đạt|ước tính|thực tế"
_FORECAST = r"dự kiến|dự báo"
_CUE = re.compile(rf"(?<!\w)(?:(?P<target>{_TARGET})|(?P<actual>{_ACTUAL})|"
                  rf"(?P<forecast>{_FORECAST}))(?!\w)", _I)
_RESTATED = re.compile(r"\s*(?:\(\s*|,\s*)(?:tương đương|tương ứng|tức|hay|quy đổi|khoảng)"
                       r"(?:\s+(?:khoảng|gần|hơn|trên|với))?\s*$", _I)
MONEY = ("vnd_billion", "usd_million")


def qualifier(text: str, start: int, end: int, sentence_start: int) -> str:
    before = _QUALIFIER_BEFORE.search(text, max(sentence_start, start - 40), start)
    if before:
        return before.lastgroup
    if _AT_LEAST_AFTER.match(text, end):
        return "at_least"
    if _AT_MOST_AFTER.match(text, end):
        return "at_most"
    return "exact"


def restates(text: str, start: int, previous_end: int) -> bool:
    """Whether the quantity at ``start`` restates the one ending at ``previous_end``:
    "84.520,88 tỷ đồng (tương đương 3,65 tỷ USD)"."""
    return previous_end <= start and bool(_RESTATED.fullmatch(text, previous_end, start))


def role(text: str, start: int, end: int, unit: str | None, sentence_start: int) -> str | None:
    window = max(sentence_start, start - 80)
    # Cues stand near their figure; a bound keeps a sentence of thousands of figures linear.
    sentence_start = max(sentence_start, start - 300)
    if unit in ("percent", "times"):
        if _ATTAINMENT_AFTER.match(text, end) or _ATTAINMENT_BEFORE.search(text, window, start):
            return "attainment"
        if _GROWTH_BEFORE.search(text, window, start) or _GROWTH_AFTER.match(text, end):
            return "growth"
    cue = _nearest_cue(text[sentence_start:start])
    if cue == "target":
        return "target"
    if cue == "forecast":
        return None
    return "ratio" if unit == "percent" else "actual"


def _nearest_cue(before: str) -> str | None:
    """The nearest cue before the number; a word of plan in the number's own clause wins
    over a nearer "đã" ("mục tiêu tỷ lệ lấp đầy các KCN đã đi vào hoạt động đạt 80%")."""
    masked = _ATTAINMENT_PHRASE.sub(lambda m: " " * len(m.group()), before)
    clause = max(masked.rfind(","), masked.rfind(";"), masked.rfind(":"))
    last = None
    for m in _CUE.finditer(masked):
        if m.lastgroup == "target" and m.start() > clause:
            return "target"
        last = m.lastgroup
    return last


_Y = r"(?:19|20)\d{2}"
_PERIOD = re.compile("|".join((
    rf"(?P<compare>so với\s+(?:cùng kỳ(?:\s+năm\s+(?:trước|{_Y}))?|(?:năm\s+)?(?:trước|{_Y}))"
    r"|so cùng kỳ)",
    rf"(?P<months>\d{{1,2}})\s+tháng\s+(?P<edge>đầu|cuối)?\s*năm\s+(?P<months_year>{_Y})",
    rf"quý\s+(?P<quarter>IV|I{{1,3}}|[1-4])\s*(?:/|năm|-)\s*(?P<quarter_year>{_Y})",
    rf"(?:tính\s+)?(?:đến|tới)\s+(?:hết|cuối)\s+năm\s+(?P<end_year>{_Y})",
    rf"(?:tính\s+)?(?:đến|tới)\s+(?:hết|cuối)\s+tháng\s+(?P<end_month>\d{{1,2}})\s*(?:/|năm)\s*"
    rf"(?P<end_month_year>{_Y})",
    rf"(?P<half>nửa đầu|nửa cuối)\s+năm\s+(?P<half_year>{_Y})",
    rf"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?P<day>\d{{1,2}})\s*/\s*(?P<day_month>"
    rf"\d{{1,2}})\s*/\s*(?P<day_year>{_Y})",
    rf"tháng\s+(?P<month>\d{{1,2}})\s*(?:/|năm)\s*(?P<month_year>{_Y})",
    rf"(?P<first>{_Y})\s*[-–—]\s*(?P<last>{_Y})",
    rf"(?:năm|niên độ)\s+(?P<year>{_Y})(?!\d)",
    r"(?P<to_date>lũy kế|luỹ kế|đến nay|tới nay|hiện nay|hiện tại|hiện có|tính đến thời điểm này)",
)), _I)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _period(m: re.Match) -> str | None:
    g = m.groupdict()
    if g["compare"]:
        return None
    if g["months"]:
        n, year = int(g["months"]), g["months_year"]
        if not 1 <= n <= 12:
            return None
        first, last = (13 - n, 12) if (g["edge"] or "").lower() == "cuối" else (1, n)
        return f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}..{year}-{last:02d}"
    if g["quarter"]:
        q = _ROMAN.get(g["quarter"].lower()) or int(g["quarter"])
        return f"{g['quarter_year']}-{3 * q - 2:02d}..{g['quarter_year']}-{3 * q:02d}"
    if g["end_year"]:
        return f"{g['end_year']}-12-31"
    if g["end_month"]:
        year, month = int(g["end_month_year"]), int(g["end_month"])
        if not 1 <= month <= 12:
            return None
        return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if g["half"]:
        first = 1 if g["half"].lower() == "nửa đầu" else 7
        return f"{g['half_year']}-{first:02d}..{g['half_year']}-{first + 5:02d}"
    if g["day"]:
        day, month = int(g["day"]), int(g["day_month"])
        return f"{g['day_year']}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 \
            else None
    if g["month"]:
        month = int(g["month"])
        return f"{g['month_year']}-{month:02d}" if 1 <= month <= 12 else None
    if g["first"]:
        return f"{g['first']}-{g['last']}" if g["first"] < g["last"] else None
    if g["year"]:
        return g["year"]
    return "to_date"


class Periods:
    """The periods a sentence names, in order; comparisons ("so với năm 2022", the base
    of a growth) are left out."""

    def __init__(self, text: str, start: int, end: int) -> None:
        found = ((m.start(), m.end(), _period(m)) for m in _PERIOD.finditer(text, start, end))
        self.named = [item for item in found if item[2]]
        self._starts = [a for a, _, _ in self.named]
        self._ends = [b for _, b, _ in self.named]
        self.last = self.named[-1][2] if self.named else None

    def of(self, start: int, end: int, clause_end: int, carried: str | None) -> str | None:
        """The period of the figure at ``start``: the nearest the sentence names before
        it, else the first after it in its clause, else the paragraph's last one."""
        i = bisect.bisect_right(self._ends, start) - 1
        if i >= 0:
            return self.named[i][2]
        j = bisect.bisect_left(self._starts, end)
        if j < len(self.named) and self._ends[j] <= clause_end:
            return self.named[j][2]
        return carried
