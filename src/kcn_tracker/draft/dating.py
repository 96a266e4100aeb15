"""When a document speaks: the date "đến nay" and "từ đầu năm đến nay" stand at.

The date is the document's in seeds/index.toml (else the one its dateline or its header
gives); when the index knows only the month or the year, a lead in the text that dates its
own figures ("Ngày 26-9, Ban Quản lý … cho biết, từ đầu năm đến nay …") gives the day: a
board's figures stand at the day it gave them. A year to date ends at the document's day
when it is known to the day; else at the last month of the span from January the title or
lead names for that year ("Chỉ trong 5 tháng đầu năm 2025, … Lũy kế từ đầu năm đến nay …":
January to May), else at the document's month. A report of a year not yet over may say how
far its year's figures run ("đến hết tháng 11/2022"): its flows of that year stop there.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from kcn_tracker.extract.dates import THIS_YEAR, Periods
from kcn_tracker.plans.periods import month_end
from kcn_tracker.text.i18n import _

# A lead that dates what follows: "Ngày 26-9, …", "(CT) - Ngày 26/9/2021, …".
_DATELINE = re.compile(r"^[ \t]*(?:\([^()\n]{1,20}\)\s*[-–]\s*)?Ngày\s+(\d{1,2})\s*[-/.]\s*"
                       r"(\d{1,2})(?:\s*[-/.]\s*((?:19|20)\d{2}))?\s*,", re.MULTILINE)
# Where a document states the day it was published, for one the index gives no date:
# a news item's dateline ("10:15 | 05/01/2024", "Lê Minh Trí | 10:32 | 14/03/2025",
# "07/06/2023 - 19:31", "Thái Bình, 27/12/2024 - Thông tin …") or an official document's
# place and date ("Bà Rịa – Vũng Tàu, ngày 04 tháng 10 năm 2024").
_PUBLISHED = re.compile(
    r"^[^\S\n]*(?:[^\n|]{0,30}\|[^\S\n]*){0,2}(?P<d1>\d{1,2})/(?P<m1>\d{1,2})/(?P<y1>(?:19|20)\d{2})"
    r"(?:[^\S\n]*[-|]?[^\S\n]*\d{1,2}:\d{2})?[^\S\n]*$"
    r"|^[^\S\n]*[^\W\d][^\n,]{1,40},[^\S\n]*(?:ngày[^\S\n]+(?P<d2>\d{1,2})[^\S\n]+tháng[^\S\n]+"
    r"(?P<m2>\d{1,2})[^\S\n]+năm[^\S\n]+(?P<y2>(?:19|20)\d{2})[^\S\n]*$|(?P<d3>\d{1,2})/"
    r"(?P<m3>\d{1,2})/(?P<y3>(?:19|20)\d{2})[^\S\n]+[-–])", re.MULTILINE)
_FROM_JANUARY = re.compile(r"(\d{4}|this_year)-01\.\.\1-(\d{2})|(\d{4}|this_year)-01")


# "Tổng vốn thu hút đến hết tháng 11/2022 là …": where a report says its year's figures
# run to, read by the reader of periods.
_RUNS_TO = re.compile(r"(?:tính\s+)?(?:đến|tới)\s+hết\s+tháng", re.IGNORECASE)


@dataclass(frozen=True)
class DocumentDate:
    published: str | None  # "2023-06-07", "2023-06", "2023" or unknown
    precise: bool  # a day
    span_end: dict[str, int]  # year -> the last month of the span from January the text names
    source: str = "seeds/index.toml"  # where the date comes from, as a check line says it
    runs_to: int | None = None  # the last month of the document's year its figures run to


def document_date(text: str, published: str | None, precise: bool) -> DocumentDate:
    text = unicodedata.normalize("NFC", text)
    source = "seeds/index.toml"
    if published is None:
        m = _PUBLISHED.search(text, 0, 1500)
        day = m and next((_day(m[f"y{k}"], int(m[f"m{k}"]), int(m[f"d{k}"]))
                          for k in "123" if m[f"d{k}"]), None)
        if day:
            published, precise, source = day, True, _("the date its text gives")
    m = _DATELINE.search(text, 0, 2000)
    if m:
        year = m.group(3) or (published or "")[:4]
        day = _day(year, int(m.group(2)), int(m.group(1))) if year else None
        if day and (published is None or not precise and published[:4] == year):
            published, precise, source = day, True, _("its own dateline")
    return DocumentDate(published, precise, _span_ends(text, published), source,
                        _runs_to(text, published))


def _runs_to(text: str, published: str | None) -> int | None:
    """The month a report of a year not yet over says that year's figures run to ("đến
    hết tháng 11/2022" in a report of December 2022). Only the month before the report's or
    its own: a later one is a deadline ("hoàn thành đến hết tháng 10/2023" in August), an
    earlier one the end of a part of the year the report goes beyond."""
    if not published or len(published) < 7:
        return None
    month = int(published[5:7])
    # The periods read where the words stand only: reading a whole long text's costs more.
    ends = [int(p[5:7]) for m in _RUNS_TO.finditer(text)
            for a, _b, p in Periods(text, m.start(), min(len(text), m.start() + 40)).named[:1]
            if a == m.start() and re.fullmatch(rf"{published[:4]}-\d{{2}}-\d{{2}}", p)]
    ends = [m for m in ends if month - 1 <= m <= month and m < 12]
    return max(ends) if ends else None


def _day(year: str, month: int, day: int) -> str | None:
    try:
        return date(int(year), month, day).isoformat()
    except ValueError:
        return None


# A report names its span in its title or lead ("Chỉ trong 5 tháng đầu năm 2025, …").
_LEAD = 3000


def _span_ends(text: str, published: str | None) -> dict[str, int]:
    """The last month of each span from January the text's title or lead names, the longest
    per year, never past the document's month."""
    this_year = (published or "")[:4]
    cap = int(published[5:7]) if published and len(published) >= 7 else 12
    ends: dict[str, int] = {}
    for _start, _end, period in Periods(text, 0, min(len(text), _LEAD)).named:
        m = _FROM_JANUARY.fullmatch(period)
        if m is None:
            continue
        year = (m.group(1) or m.group(3)).replace(THIS_YEAR, this_year)
        month = int(m.group(2) or 1)
        if year and (year != this_year or month <= cap):
            ends[year] = max(ends.get(year, 0), month)
    return ends


def month_end_of(published: str) -> str | None:
    """The last day of a document's month: "2024-12" -> "2024-12-31"."""
    if not re.fullmatch(r"\d{4}-\d{2}", published):
        return None
    return month_end(int(published[:4]), int(published[5:7])).isoformat()


def resolve_period(when: DocumentDate, period: str | None, checks: list[str]) -> str | None:
    """A period the text gives without its year ("6 tháng đầu năm nay", "từ đầu năm
    đến nay", "đến ngày 21/8"), in the year of the document's date."""
    if period is None or not (period == "year_to_date" or THIS_YEAR in period):
        return period
    published = when.published
    if published is None:
        checks.append(_("period: the text gives no year; write it"))
        return "?"
    year = published[:4]
    checks.append(_("period: the year is the document's ({published}, {source})",
                    published=published, source=when.source))
    if period != "year_to_date":
        return period.replace(THIS_YEAR, year)
    if when.precise:
        # To the day the document gives: "now" does not reach the rest of its month (the
        # day it was published, or the day a lead in its text gives its figures).
        return f"{year}-01-01..{published}"
    month = when.span_end.get(year) or (int(published[5:7]) if len(published) >= 7 else 12)
    return year if month == 12 else (f"{year}-01" if month == 1
                                      else f"{year}-01..{year}-{month:02d}")
