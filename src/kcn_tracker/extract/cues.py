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
from datetime import date

_I = re.IGNORECASE
_Q = r"(?:khoảng|hơn|trên|gần|ước|ước đạt|xấp xỉ|ít nhất|tối thiểu|bình quân|đạt|là|ở mức)"

_QUALIFIERS = (
    ("at_least", r"ít nhất|tối thiểu|không dưới|không ít hơn"),
    ("at_most", r"tối đa|không quá|không vượt quá|dưới|chưa đến|chưa tới"),
    ("nearly", r"gần như|gần"),
    ("over", r"hơn|trên|vượt trên|vượt quá"),
    ("about", r"trên dưới|ước đạt|ước tính|ước khoảng|ước|khoảng|xấp xỉ|chừng|dự kiến|"
              r"dự kiến đạt"),
)
_QUALIFIER_BEFORE = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{name}>{words})" for name, words in _QUALIFIERS) + r")"
    r"(?:\s+(?:là|đạt|mức|ở mức|con số|tỷ lệ|tỉ lệ))*\s*$", _I)
_AT_LEAST_AFTER = re.compile(r"\s*(?:trở lên|trở lại đây)\b", _I)
# "cao hơn 20%", "ít hơn 3 dự án", "cao hơn mức 800 triệu USD": "hơn" compares, it does
# not say "more than" of the figure.
_COMPARATIVE = re.compile(r"(?:ít|nhiều|cao|thấp|lớn|nhỏ|tốt|kém|chậm|nhanh)\s*$", _I)
# An estimate or a forecast a few words before: "ước thu hút 1,5 tỷ USD".
_ESTIMATE_NEAR = re.compile(r"(?<!\w)(?:ước|dự kiến|dự báo)(?!\w)[^\d,;.:()]{0,30}$", _I)
_AT_MOST_AFTER = re.compile(r"\s*trở xuống\b", _I)

_PLAN = r"(?:kế hoạch|(?-i:KH)|chỉ tiêu|mục tiêu|dự toán)"
_ATTAINMENT_AFTER = re.compile(rf"\s*(?:so với\s+)?{_PLAN}(?!\w)", _I)
_ATTAINMENT_BEFORE = re.compile(
    rf"(?:vượt|đạt|bằng|hoàn thành)\s+{_PLAN}(?:\s+(?:năm|đề ra|được giao|\d{{4}}))*"
    rf"(?:\s+{_Q})*\s*$|so với\s+{_PLAN}\b[^;.%]{{0,60}}$", _I)
# Words of plan consumed by an attainment ("vượt 40% kế hoạch đề ra") are not
# cues for the figures around it.
# Repetitions are bounded so that no run of words is tried again from each word in it.
_ATTAINMENT_PHRASE = re.compile(
    rf"(?:(?<![\d.,])\d[\d.,]*\s*(?:%|lần)\s*(?:so với\s+)?|(?:vượt|đạt|bằng|hoàn thành)"
    rf"(?:\s+(?:vượt|mức)){{0,2}}\s+|so với\s+){_PLAN}(?:\s+(?:năm|đề ra|được giao|\d{{4}})){{0,3}}"
    # The name of a document is no word of plan: "Kế hoạch số 45/KH-UBND".
    r"|(?:Kế hoạch|Quyết định|Nghị quyết|Chương trình)\s+(?:số\s+)?\d\S*"
    # "các KCN đã đi vào hoạt động" names the zones; it says nothing of the figure.
    r"|đã\s+(?:đi vào hoạt động|thành lập|được thành lập|được phê duyệt)", _I)
_GROWTH_BEFORE = re.compile(
    r"(?<!\w)(?:tăng|giảm|tăng trưởng|tăng thêm|giảm đi|gấp|tốc độ tăng(?: trưởng)?)"
    rf"(?:\s+(?:bình quân|trung bình|{_Q}))*\s*$|tăng trưởng[^,;.\d]{{0,40}}$", _I)
_GROWTH_AFTER = re.compile(r"\s*(?:/\s*năm|mỗi năm|so với|so cùng kỳ|cùng kỳ)", _I)
# A count or an amount is a change, not a stock, when it is said to have grown against
# an earlier one: "tăng 5.000 người so với năm 2022", "So với cùng kỳ, tăng 10 dự án".
_CHANGE_BEFORE = re.compile(r"(?<!\w)(?:tăng|giảm|nhiều hơn|ít hơn|cao hơn|thấp hơn)"
                            r"(?:\s+(?:thêm|khoảng|gần|hơn|trên))*\s*$", _I)
_AGAINST = re.compile(r"so với|so cùng kỳ", _I)
_TARGET = (r"mục tiêu|chỉ tiêu|kế hoạch|(?-i:KH)|phấn đấu|đề ra|định hướng|đặt ra|phải đạt|cần đạt|"
           r"nhằm đạt")
# "quy mô" describes what is ("KCN … với quy mô 2.200ha", "- Quy mô 148,6 ha" of a project
# listed among a plan's tasks): a size, not a figure to reach.
_ACTUAL = (r"đã|hiện nay|hiện có|hiện đang|lũy kế|luỹ kế|tính đến|ước đạt|ước tính|thực tế|"
           r"quy mô(?=\s+(?:\d|diện tích|vốn|khoảng|là|hơn|trên))")
# What is expected, forecast or needed ("dự kiến tạo việc làm cho 1.200 lao động", "sẽ có
# 31 KCN") is neither a plan's figure nor a result: the role is left open.
_FORECAST = r"dự kiến|dự báo|sẽ|cần"
_CUE = re.compile(rf"(?<!\w)(?:(?P<target>{_TARGET})|(?P<actual>{_ACTUAL})|"
                  rf"(?P<forecast>{_FORECAST}))(?!\w)", _I)
_RESTATED = re.compile(r"\s*(?:\(\s*|,\s*)(?:tương đương|tương ứng|tức|hay|quy đổi|khoảng)"
                       r"(?:\s+(?:khoảng|gần|hơn|trên|với))?\s*$", _I)
MONEY = ("vnd_billion", "usd_million")


_ESTIMATED = re.compile(r"\bước(?:\s+(?:đạt|tính|khoảng))?\s*$", _I)


def estimated(before: str) -> bool:
    """ "ước đạt 1,03 triệu tỷ đồng": an estimate, not a final figure."""
    return bool(_ESTIMATED.search(before))


def qualifier(text: str, start: int, end: int, sentence_start: int) -> str:
    window = max(sentence_start, start - 40)
    before = _QUALIFIER_BEFORE.search(text, window, start)
    if before and not (before.lastgroup == "over" and before.group().lower().startswith("hơn")
                       and _COMPARATIVE.search(text, window, before.start())):
        return before.lastgroup
    if before is None and _ESTIMATE_NEAR.search(text, window, start):
        return "about"
    if _AT_LEAST_AFTER.match(text, end):
        return "at_least"
    if _AT_MOST_AFTER.match(text, end):
        return "at_most"
    return "exact"


def restates(text: str, start: int, previous_end: int) -> bool:
    """Whether the quantity at ``start`` restates the one ending at ``previous_end``:
    "84.520,88 tỷ đồng (tương đương 3,65 tỷ USD)"."""
    return previous_end <= start and bool(_RESTATED.fullmatch(text, previous_end, start))


class Cues:
    """The words of plan, of result and of comparison a sentence holds, found once so
    that each figure looks them up by position (a sentence of thousands of figures
    stays linear)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        masked = _ATTAINMENT_PHRASE.sub(lambda m: " " * len(m.group()), text[start:end])
        found = [(m.start() + start, m.lastgroup) for m in _CUE.finditer(masked)]
        self.start = start
        self._cues = found
        self._cue_starts = [p for p, _ in found]
        self._targets = [p for p, kind in found if kind == "target"]
        self._marks = [m.start() + start for m in _CLAUSE_MARK.finditer(masked)]
        self._against = [m.start() + start for m in _AGAINST.finditer(masked)]

    def nearest(self, position: int) -> str | None:
        """The nearest cue before ``position``; a word of plan in the figure's own clause
        wins over a nearer "đã" ("mục tiêu tỷ lệ lấp đầy các KCN đã đi vào hoạt động
        đạt 80%")."""
        i = bisect.bisect_left(self._cue_starts, position) - 1
        if i < 0:
            return None
        j = bisect.bisect_left(self._marks, position) - 1
        clause = self._marks[j] if j >= 0 else self.start - 1
        t = bisect.bisect_left(self._targets, position) - 1
        if t >= 0 and self._targets[t] > clause:
            return "target"
        return self._cues[i][1]

    def compared_before(self, position: int) -> bool:
        return bisect.bisect_left(self._against, position) > 0


_CLAUSE_MARK = re.compile(r"[,;:]")


def role(text: str, start: int, end: int, unit: str | None, cues: Cues) -> str | None:
    window = max(cues.start, start - 80)
    if unit in ("percent", "times"):
        if _ATTAINMENT_AFTER.match(text, end) or _ATTAINMENT_BEFORE.search(text, window, start):
            return "attainment"
        if _GROWTH_BEFORE.search(text, window, start) or _GROWTH_AFTER.match(text, end):
            return "growth"
    if unit not in ("percent", "times") and _CHANGE_BEFORE.search(text, window, start) and (
            cues.compared_before(start) or _GROWTH_AFTER.match(text, end)):
        return "growth"
    cue = cues.nearest(start)
    if cue == "target":
        return "target"
    if cue == "forecast":
        return None
    return "ratio" if unit == "percent" else "actual"


# Headings of a plan's sections: "II. NHIỆM VỤ, GIẢI PHÁP", "Phương hướng năm 2025";
# and of its results, which are no plan: "I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024".
_PLAN_HEADING = re.compile(r"(?<!\w)(?:nhiệm vụ|giải pháp|phương hướng)(?!\w)", _I)
_RESULT_HEADING = re.compile(r"(?<!\w)(?:kết quả|thực hiện|tình hình|đánh giá)(?!\w)", _I)


def plan_words(text: str, start: int, end: int, heading: bool = False) -> bool:
    """Whether ``text[start:end]`` speaks of a plan ("Mục tiêu cụ thể", "Chỉ tiêu 2025:"),
    not of an attainment of one ("bằng 91% kế hoạch năm") nor of its results."""
    masked = _ATTAINMENT_PHRASE.sub(lambda m: " " * len(m.group()), text[start:end])
    if heading and _RESULT_HEADING.search(masked):
        return False
    return any(m.lastgroup == "target" for m in _CUE.finditer(masked)) or (
        heading and bool(_PLAN_HEADING.search(masked)))


_Y = r"(?:19|20)\d{2}"


def _quarter_pattern(name: str) -> str:
    return rf"(?:quý|Q)\s*(?P<{name}>IV|I{{1,3}}|[1-4])\s*(?:/|năm|-)\s*(?P<{name}_year>{_Y})"


# Every period starts with one of these letters or a digit; looking at the first
# character first skips most positions of a sentence without trying each alternative.
_PERIOD = re.compile(r"(?=[sgtđhcqnlQ\d])(?:" + "|".join((
    # A comparison names the base of a growth, a vision names no period of a figure.
    rf"(?P<compare>so với\s+(?:cùng kỳ(?:\s+năm\s+(?:trước|{_Y}))?|(?:năm\s+)?(?:trước|{_Y}))"
    rf"|so cùng kỳ|gấp\s+(?:đôi|ba|rưỡi|\d+(?:,\d+)?\s+lần)\s+(?:cùng kỳ\s+)?(?:năm\s+)?"
    rf"(?:trước|{_Y})|tầm nhìn\s+(?:đến|tới)\s+năm\s+{_Y})",
    rf"từ\s+năm\s+(?P<from_year>{_Y})\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<to_year>{_Y})",
    rf"từ\s+tháng\s+(?P<from_month>\d{{1,2}})\s+(?:đến|tới)\s+(?:hết\s+)?tháng\s+"
    rf"(?P<to_month>\d{{1,2}})\s*(?:/|năm)\s*(?P<to_month_year>{_Y})",
    rf"(?P<months>\d{{1,2}})\s+tháng\s+(?:(?P<edge>đầu|cuối)\s+)?(?:năm\s+)?(?P<months_year>{_Y})",
    r"(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết|cuối)\s+" + _quarter_pattern("end_quarter"),
    _quarter_pattern("quarter"),
    rf"(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết|cuối)\s+năm\s+(?P<end_year>{_Y})",
    rf"(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?|(?:hết|cuối)\s+)tháng\s+"
    rf"(?P<end_month>\d{{1,2}})\s*(?:/|năm)\s*(?P<end_month_year>{_Y})",
    rf"(?P<half>nửa đầu|nửa cuối)\s+năm\s+(?P<half_year>{_Y})",
    rf"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?P<day>\d{{1,2}})\s*/\s*(?P<day_month>"
    rf"\d{{1,2}})\s*/\s*(?P<day_year>{_Y})",
    rf"tháng\s+(?P<month>\d{{1,2}})\s*(?:/|năm)\s*(?P<month_year>{_Y})",
    rf"(?P<first>{_Y})\s*[-–—]\s*(?P<last>{_Y})",
    rf"(?:năm|niên độ)\s+(?P<year>{_Y})(?!\d)(?!\s*[-–—]\s*{_Y})",
    r"(?P<to_date>lũy kế|luỹ kế|đến nay|tới nay|hiện nay|hiện tại|hiện có|hiện đạt|hiện là|"
    r"tính đến thời điểm này)",
)) + ")", _I)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _day(year: str, month: int, day: int) -> str | None:
    try:
        return date(int(year), month, day).isoformat()
    except ValueError:
        return None  # "31/2/2024": no such day


def _month_end(year: str, month: int) -> str | None:
    if not 1 <= month <= 12:
        return None
    return f"{year}-{month:02d}-{calendar.monthrange(int(year), month)[1]:02d}"


def _quarter(numeral: str) -> int:
    return _ROMAN.get(numeral.lower()) or int(numeral)


def _period(m: re.Match) -> str | None:
    g = m.groupdict()
    if g["compare"]:
        return None
    if g["from_year"]:
        return f"{g['from_year']}-{g['to_year']}" if g["from_year"] < g["to_year"] else None
    if g["from_month"]:
        first, last, year = int(g["from_month"]), int(g["to_month"]), g["to_month_year"]
        return f"{year}-{first:02d}..{year}-{last:02d}" if 1 <= first < last <= 12 else None
    if g["months"]:
        n, year = int(g["months"]), g["months_year"]
        if not 1 <= n <= 12:
            return None
        first, last = (13 - n, 12) if (g["edge"] or "").lower() == "cuối" else (1, n)
        return f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}..{year}-{last:02d}"
    if g["end_quarter"]:
        return _month_end(g["end_quarter_year"], 3 * _quarter(g["end_quarter"]))
    if g["quarter"]:
        q = _quarter(g["quarter"])
        return f"{g['quarter_year']}-{3 * q - 2:02d}..{g['quarter_year']}-{3 * q:02d}"
    if g["end_year"]:
        return f"{g['end_year']}-12-31"
    if g["end_month"]:
        return _month_end(g["end_month_year"], int(g["end_month"]))
    if g["half"]:
        first = 1 if g["half"].lower() == "nửa đầu" else 7
        return f"{g['half_year']}-{first:02d}..{g['half_year']}-{first + 5:02d}"
    if g["day"]:
        return _day(g["day_year"], int(g["day_month"]), int(g["day"]))
    if g["month"]:
        month = int(g["month"])
        return f"{g['month_year']}-{month:02d}" if 1 <= month <= 12 else None
    if g["first"]:
        return f"{g['first']}-{g['last']}" if g["first"] < g["last"] else None
    if g["year"]:
        return g["year"]
    return "to_date"


# A period standing right after the figure is its own: "đạt 500 triệu USD năm 2024".
_ADJACENT = re.compile(r"\s*(?:(?:của|trong|vào|cho)\s+)?", _I)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Periods:
    """The periods a sentence names, in order. Comparisons ("so với năm 2022", the base
    of a growth) and visions ("tầm nhìn đến năm 2050") are left out; a period inside
    brackets is the period of the figures in the same brackets only.

    ``of`` is asked for the figures of the sentence in the order they stand."""

    def __init__(self, text: str, start: int, end: int) -> None:
        found = [(m.start(), m.end(), _period(m)) for m in _PERIOD.finditer(text, start, end)]
        named = [item for item in found if item[2]]
        if any(_DAY.fullmatch(p) for _, _, p in named):
            # "Đến 30/6/2024, lũy kế có 700 dự án": the date says when "to date" is.
            named = [item for item in named if item[2] != "to_date"]
        self.text = text
        self.named = named
        events = [(m.start(), m.group()) for m in _BRACKET.finditer(text, start, end)]
        inner = _Innermost(events)
        self._bracket = [inner.at(a) for a, _, _ in named]
        self._figures = _Innermost(events)
        self._starts = [a for a, _, _ in named]
        self._ends = [b for _, b, _ in named]
        self.last = next((p for (_, _, p), bracket in zip(reversed(named),
                                                          reversed(self._bracket), strict=True)
                          if bracket is None), None)

    def of(self, start: int, end: int, clause_end: int, carried: str | None) -> str | None:
        """The period of the figure at ``start``: one named right after it; else the
        nearest one before it in its sentence; else the first after it in its clause;
        else the paragraph's last one."""
        where = self._figures.at(start)
        j = bisect.bisect_left(self._starts, end)
        after = next(self._eligible(range(j, len(self.named)), where), None)
        if after is not None:
            a, b, p = self.named[after]
            if _ADJACENT.match(self.text, end).end() >= a and a - end <= 12:
                return p
        i = bisect.bisect_right(self._ends, start) - 1
        before = next(self._eligible(range(i, -1, -1), where), None)
        if before is not None:
            return self.named[before][2]
        if after is not None and self.named[after][1] <= clause_end:
            return self.named[after][2]
        return carried

    def _eligible(self, indexes: range, where: int | None):
        """The periods among ``indexes`` in the figure's brackets or outside all; only the
        nearest few are looked at."""
        for n, k in enumerate(indexes):
            if n == 64:
                return
            if self._bracket[k] in (None, where):
                yield k


class _Innermost:
    """The innermost open bracket at increasing positions, by one sweep."""

    def __init__(self, events: list[tuple[int, str]]) -> None:
        self._events = events
        self._next = 0
        self._open: list[int] = []

    def at(self, position: int) -> int | None:
        while self._next < len(self._events) and self._events[self._next][0] < position:
            where, mark = self._events[self._next]
            if mark == "(":
                self._open.append(where)
            elif self._open:
                self._open.pop()
            self._next += 1
        return self._open[-1] if self._open else None


_BRACKET = re.compile(r"[()]")
