"""The periods a text writes: "năm 2023", "9 tháng đầu năm 2024", "quý I/2024",
"giai đoạn 2021-2025", "đến ngày 30/11/2020", "từ đầu năm đến nay", in the forms
of a plan file's ``period``, and which of them a figure belongs to."""

from __future__ import annotations

import bisect
import re
from datetime import date

from kcn_tracker.plans.periods import month_end

_I = re.IGNORECASE

_Y = r"(?:19|20)\d{2}"
# A count of months written in words: "chín tháng năm 2025", "sáu tháng đầu năm".
_COUNTS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
           "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12}
# Longest first, so that "mười một" is not read as "mười"; "những năm tháng qua" is an idiom.
_COUNT = r"(?<!\w)(?<!những )(?:" + "|".join(
    w.replace(" ", r"\s+") for w in sorted(_COUNTS, key=len, reverse=True)) + ")"
_COUNT_WORD = [(re.compile(w.replace(" ", r"\s+"), re.IGNORECASE), n) for w, n in _COUNTS.items()]


def _months(written: str) -> int:
    """The count a number of months is written with, in digits or words. The word is matched
    as the pattern matched it, ignoring case ("Mười", "MƯỜİ" with a dotted capital)."""
    if written.isdigit():
        return int(written)
    return next(n for pattern, n in _COUNT_WORD if pattern.fullmatch(written))


def _quarter_pattern(name: str) -> str:
    return rf"(?:quý|Q)\s*(?P<{name}>IV|I{{1,3}}|[1-4])\s*(?:/|năm|-)\s*(?P<{name}_year>{_Y})"


# Every period starts with one of these letters or a digit; looking at the first
# character first skips most positions of a sentence without trying each alternative.
_PERIOD = re.compile(r"(?=[sgtđhcqnlrbmQkKvVR\d])(?:" + "|".join((
    # A comparison names the base of a growth ("so với với cùng kỳ" as typed, "tương đương
    # với cùng kỳ năm 2018"), a vision names no period of a figure, and the year of the plan
    # an attainment is of ("đạt 99% kế hoạch năm 2022") is not the period of what follows.
    rf"(?P<compare>(?:so\s+)?với(?:\s+với)?\s+(?:cùng kỳ(?:\s+năm\s+(?:trước|{_Y}))?|"
    # "so với ước thực hiện năm 2024": the estimate of last year is the base, too.
    rf"(?:(?:ước\s+)?(?:thực hiện|kết quả)\s+)?(?:năm\s+)?(?:trước|{_Y}))"
    rf"|(?:(?<=%)|(?<=%\s)|(?<=lần\s))(?:so với\s+)?(?:kế hoạch|chỉ tiêu|mục tiêu)"
    rf"(?:\s+(?:đề ra|được giao|giao))?\s+(?:của\s+)?năm\s+{_Y}"
    rf"|so cùng kỳ|gấp\s+(?:đôi|ba|rưỡi|\d+(?:,\d+)?\s+lần)\s+(?:cùng kỳ\s+)?(?:năm\s+)?"
    rf"(?:trước|{_Y})|tầm nhìn\s+(?:đến|tới)\s+năm\s+{_Y})",
    rf"từ\s+năm\s+(?P<from_year>{_Y})\s+(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+(?P<to_year>{_Y})|tháng\s+"
    rf"(?P<to_year_month>\d{{1,2}})\s*/\s*(?P<to_year_month_year>{_Y}))",
    # "tính đến đầu tháng 7": a stock of that month.
    rf"(?:tính\s+)?(?:đến|tới)\s+(?:đầu|giữa)\s+tháng\s+(?P<early_month>\d{{1,2}})"
    rf"(?:\s*(?:/|năm)\s*(?P<early_month_year>{_Y}))?(?![\d/])",
    # "vào năm 2003 … Sau 20 năm phát triển, tỉnh đã có 09 KCN": years counted from a year
    # named before.
    r"(?<!\w)sau\s+(?P<years_after>\d{1,2})\s+năm(?!\s*(?:nữa|tới)\b)(?!\s*\d)",
    rf"từ\s+tháng\s+(?P<from_month>\d{{1,2}})\s+(?:đến|tới)\s+(?:hết\s+)?tháng\s+"
    rf"(?P<to_month>\d{{1,2}})(?:\s*(?:/|năm)\s*(?P<to_month_year>{_Y})|(?![\d/]|\s*năm\s*\d))",
    # "hơn 2 tháng đầu năm": past the second month, so into the third: January to March.
    rf"(?P<more>hơn\s+)?(?P<months>\d{{1,2}}|{_COUNT})\s+tháng\s+(?:(?P<edge>đầu|cuối)\s+)?"
    rf"(?:(?:của\s+)?năm\s+)?(?P<months_year>{_Y})",
    # Without a year, the year of the document: "6 tháng đầu năm (nay)", "từ đầu năm đến nay";
    # a report's "10 tháng qua" (six to eleven months) is its year's first months.
    rf"(?P<more_now>hơn\s+)?(?P<months_now>\d{{1,2}}|{_COUNT})\s+tháng\s+(?:(?P<edge_now>đầu|cuối)"
    rf"\s+năm(?:\s+nay)?|(?P<past>qua))(?!\s*{_Y})",
    rf"(?P<year_to_date>từ\s+đầu\s+năm(?:\s+nay)?(?:\s+(?:đến|tới)\s+nay)?(?!\s*{_Y})"
    # "từ đầu năm 2023 đến nay": the year named is the document's own.
    rf"|từ\s+đầu\s+năm\s+{_Y}\s+(?:đến|tới)\s+nay)",
    r"(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết|cuối)\s+" + _quarter_pattern("end_quarter"),
    _quarter_pattern("quarter"),
    rf"(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết|cuối)\s+năm\s+(?P<end_year>{_Y})",
    rf"(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?|(?:hết|cuối)\s+)tháng\s+"
    rf"(?P<end_month>\d{{1,2}})(?:\s*(?:/|năm)\s*(?P<end_month_year>{_Y})|(?![\d/]|\s*năm\s*\d))",
    rf"(?P<half>nửa đầu|nửa cuối)\s+năm\s+(?P<half_year>{_Y})",
    # "Đến ngày 21/8," with no year: a day of the document's year.
    rf"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?P<day>\d{{1,2}})\s*/\s*(?P<day_month>"
    rf"\d{{1,2}})(?:\s*/\s*(?P<day_year>{_Y})|(?![/\d]))",
    rf"tháng\s+(?P<month>\d{{1,2}})\s*(?:/|năm)\s*(?P<month_year>{_Y})",
    # "trong tháng 5," with no year: a month of the document's year.
    rf"(?:trong|riêng)\s+tháng\s+(?P<month_now>\d{{1,2}})(?![\d/]|\s*(?:/|năm)\s*\d)",
    rf"(?P<first>{_Y})\s*[-–—]\s*(?P<last>{_Y})",
    rf"(?:năm|niên độ)\s+(?P<year>{_Y})(?!\d)(?!\s*[-–—]\s*{_Y})",
    r"(?<!thực )(?P<to_date>lũy kế|luỹ kế|đến nay|tới nay|hiện nay|hiện tại|hiện có|hiện đạt|hiện là|"
    r"tính đến thời điểm này|"
    # "Hiện các KCN đã thu hút 324 dự án", "Hiện Thái Bình có 10 KCN": "hiện" opening a
    # clause, not "thực hiện".
    # (A line may end before it, not in the middle of "thực hiện", "thể hiện" wrapped.)
    r"(?<!\w[ \t\u00a0])(?<!thực\s)(?<!thể\s)(?<!xuất\s)(?<!phát\s)(?<!biểu\s)(?<!\w)hiện"
    r"(?=\s+(?:các|đã|toàn|trên|tỉnh|có|đang|khu|cụm|ban|địa bàn)\b|"
    r"\s+(?-i:KCN|CCN|[A-ZĐ])))",
)) + ")", _I)
# The document's year, in a period the text gives without one; draft puts in the year of
# the document's date (seeds/index.toml).
THIS_YEAR = "this_year"
# "Sau N năm": N years after the year named before it, which the sentence or its paragraph
# gives (resolved in Periods).
_AFTER = "after:"
_ANCHOR = re.compile(r"((?:19|20)\d{2})(?:-\d{2}(?:-\d{2})?)?")
_HORIZON = re.compile(r"(?:đến|tới)\s+$", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _day(year: str, month: int, day: int) -> str | None:
    try:
        return date(int(year), month, day).isoformat()
    except ValueError:
        return None  # "31/2/2024": no such day


def _month_end(year: str, month: int) -> str | None:
    if not 1 <= month <= 12:
        return None
    return month_end(int(year), month).isoformat()


def _quarter(numeral: str) -> int:
    return _ROMAN.get(numeral.lower()) or int(numeral)


def _period(m: re.Match) -> str | None:
    g = m.groupdict()
    if g["compare"]:
        return None
    if g["months_now"]:
        n = _months(g["months_now"])
        if not 1 <= n <= 12 or g["past"] and not 6 <= n <= 11:
            # "2 tháng qua", "12 tháng qua": the months just past, which the text does not
            # date; a report's "6 tháng qua" to "11 tháng qua" are its year's first months.
            return None
        return f"{THIS_YEAR}-01..{THIS_YEAR}-{n:02d}" if g["past"] else _now_months(g, n)
    if g["year_to_date"]:
        return "year_to_date"
    if g["years_after"]:
        return _AFTER + g["years_after"]
    if g["from_year"] and g["to_year_month"]:
        # "Từ năm 2016 đến tháng 6/2020": whole months, January of the first year on.
        month = int(g["to_year_month"])
        last = g["to_year_month_year"]
        return f"{g['from_year']}-01..{last}-{month:02d}" \
            if 1 <= month <= 12 and g["from_year"] < last else None
    if g["from_year"]:
        return f"{g['from_year']}-{g['to_year']}" if g["from_year"] < g["to_year"] else None
    if g["early_month"]:
        month = int(g["early_month"])
        year = g["early_month_year"] or THIS_YEAR
        return f"{year}-{month:02d}" if 1 <= month <= 12 else None
    if g["from_month"]:
        first, last = int(g["from_month"]), int(g["to_month"])
        year = g["to_month_year"] or THIS_YEAR
        return f"{year}-{first:02d}..{year}-{last:02d}" if 1 <= first < last <= 12 else None
    if g["months"]:
        n, year = _months(g["months"]), g["months_year"]
        if not 1 <= n <= 12:
            return None
        first, last = (13 - n, 12) if (g["edge"] or "").lower() == "cuối" else (1, n)
        last = min(12, last + 1) if g["more"] and first == 1 else last
        return f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}..{year}-{last:02d}"
    if g["end_quarter"]:
        return _month_end(g["end_quarter_year"], 3 * _quarter(g["end_quarter"]))
    if g["quarter"]:
        q = _quarter(g["quarter"])
        return f"{g['quarter_year']}-{3 * q - 2:02d}..{g['quarter_year']}-{3 * q:02d}"
    if g["end_year"]:
        return f"{g['end_year']}-12-31"
    if g["end_month"] and g["end_month_year"] is None:
        # "Lũy kế đến cuối tháng 5": the month's last day in the document's year (a day
        # of February waits for the year; the month says it).
        month = int(g["end_month"])
        if not 1 <= month <= 12:
            return None
        return f"{THIS_YEAR}-02" if month == 2 else _month_end("2001", month).replace(
            "2001", THIS_YEAR, 1)
    if g["end_month"]:
        return _month_end(g["end_month_year"], int(g["end_month"]))
    if g["half"]:
        first = 1 if g["half"].lower() == "nửa đầu" else 7
        return f"{g['half_year']}-{first:02d}..{g['half_year']}-{first + 5:02d}"
    if g["day"] and g["day_year"] is None:
        # Checked against a leap year, so that 29/2 stands until the year is known.
        known = _day("2000", int(g["day_month"]), int(g["day"]))
        return f"{THIS_YEAR}{known[4:]}" if known else None
    if g["day"]:
        return _day(g["day_year"], int(g["day_month"]), int(g["day"]))
    if g["month_now"]:
        month = int(g["month_now"])
        return f"{THIS_YEAR}-{month:02d}" if 1 <= month <= 12 else None
    if g["month"]:
        month = int(g["month"])
        return f"{g['month_year']}-{month:02d}" if 1 <= month <= 12 else None
    if g["first"]:
        return f"{g['first']}-{g['last']}" if g["first"] < g["last"] else None
    if g["year"]:
        return g["year"]
    return "to_date"


def _counted_from(text: str, found: list[tuple[int, int, str | None]],
                  before: str | None) -> tuple[list[tuple[int, int, str]], str | None]:
    """The periods named, "Sau N năm" made the year N after the last year named before it
    (in the sentence, else ``before``, its paragraph's); with no such year it names none."""
    named = []
    anchor = before
    for a, b, p in found:
        counted = p is not None and p.startswith(_AFTER)
        if counted:
            m = _ANCHOR.fullmatch(anchor or "")
            p = str(int(m[1]) + int(p[len(_AFTER):])) if m else None
        if p:
            named.append((a, b, p))
        if p and not counted and _ANCHOR.fullmatch(p):
            # Counted from a year the text names, not from one counted, nor from a plan's
            # horizon ("Theo kế hoạch đến năm 2030, … Sau 5 năm").
            anchor = None if _HORIZON.search(text, max(0, a - 8), a) else p
    return named, anchor


def _now_months(g: dict, n: int) -> str:
    """ "6 tháng đầu năm", "6 tháng cuối năm", "hơn 2 tháng đầu năm" of the document's year."""
    first, last = (13 - n, 12) if g["edge_now"].lower() == "cuối" else (1, n)
    last = min(12, last + 1) if g["more_now"] and first == 1 else last
    return f"{THIS_YEAR}-{first:02d}..{THIS_YEAR}-{last:02d}"


# A period standing right after the figure is its own: "đạt 500 triệu USD năm 2024".
_ADJACENT = re.compile(r"\s*(?:(?:của|trong|vào|cho)\s+)?", _I)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Periods:
    """The periods a sentence names, in order. Comparisons ("so với năm 2022", the base
    of a growth) and visions ("tầm nhìn đến năm 2050") are left out; a period inside
    brackets is the period of the figures in the same brackets only.

    ``of`` is asked for the figures of the sentence in the order they stand."""

    def __init__(self, text: str, start: int, end: int, anchor: str | None = None) -> None:
        """``anchor``: the year "Sau N năm" counts from, as the sentences before left it."""
        found = [(m.start(), m.end(), _period(m)) for m in _PERIOD.finditer(text, start, end)]
        named, self.anchor = _counted_from(text, found, anchor)
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
