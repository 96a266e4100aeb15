"""Periods as plan files write them, and the arithmetic the evaluation needs.

A plan file writes a period as a short string a board member can read:

- ``"2023"``: a calendar year;
- ``"2021-2025"``: several whole years;
- ``"2024-01..2024-02"``: whole months (``"2024-03"`` alone is one month);
- ``"2024-01-01..2024-04-15"``: days, for "từ đầu năm đến 15/4";
- ``"2020-11-30"``: one day, for a stock counted at a date ("lũy kế đến nay").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from kcn_tracker.text.i18n import _

PERIOD_PATTERN = (
    r"^(\d{4}|\d{4}-\d{4}|\d{4}-\d{2}|\d{4}-\d{2}\.\.\d{4}-\d{2}|\d{4}-\d{2}-\d{2}"
    r"|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$"
)
FORMS = ('"2023", "2021-2025", "2024-03", "2024-01..2024-02", "2024-01-01..2024-04-15" '
         'or "2020-11-30"')
_YEAR = re.compile(r"^(\d{4})$")
_YEARS = re.compile(r"^(\d{4})-(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MONTHS = re.compile(r"^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAYS = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})$")
# The years `report --year` accepts. Four digits also allow 0224 (for 2024) or 0001,
# which date() takes but the report's date arithmetic and labels do not.
FIRST_YEAR, LAST_YEAR = 1900, 2200


class YearOutOfRange(ValueError):
    """A period or date that exists, but in a year no plan can mean: a typo."""


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    # "2024" and "2024-01..2024-12" are one period written two ways.
    text: str = field(compare=False)

    @property
    def is_instant(self) -> bool:
        return self.start == self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps_year(self, year: int) -> bool:
        return self.start.year <= year <= self.end.year

    def year_before(self) -> Period:
        """The same stretch a year earlier: what a growth rate "so với cùng kỳ" compares."""
        return Period(year_earlier(self.start), year_earlier(self.end), "")

    def elapsed_share(self, as_of: date) -> float:
        """The share of the period that has passed by the end of ``as_of``."""
        if as_of < self.start:
            return 0.0
        if as_of >= self.end:
            return 1.0
        return ((as_of - self.start).days + 1) / self.days


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _parse(text: str) -> Period:
    try:
        if m := _YEAR.match(text):
            y = int(m[1])
            return Period(date(y, 1, 1), date(y, 12, 31), text)
        if m := _YEARS.match(text):
            a, b = int(m[1]), int(m[2])
            period = Period(date(a, 1, 1), date(b, 12, 31), text)
        elif m := _MONTH.match(text):
            y, mo = int(m[1]), int(m[2])
            return Period(date(y, mo, 1), month_end(y, mo), text)
        elif m := _MONTHS.match(text):
            period = Period(
                date(int(m[1]), int(m[2]), 1), month_end(int(m[3]), int(m[4])), text
            )
        elif m := _DAY.match(text):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return Period(d, d, text)
        elif m := _DAYS.match(text):
            period = Period(date(int(m[1]), int(m[2]), int(m[3])),
                            date(int(m[4]), int(m[5]), int(m[6])), text)
        else:
            period = None
    except ValueError as exc:  # date() refusing a day that does not exist
        raise ValueError(_("period {text} names a date that does not exist ({reason})",
                           text=repr(text), reason=exc)) from None
    if period is None:
        raise ValueError(_("period {text} is not one of the forms {FORMS}",
                           text=repr(text), FORMS=FORMS))
    if period.end < period.start:
        raise ValueError(_("period {text} ends before it starts", text=repr(text)))
    return period


def parse_period(text: str) -> Period:
    """Parse a period string; raise ValueError with a message a person can act on."""
    period = _parse(text)
    if period.start.year < FIRST_YEAR or period.end.year > LAST_YEAR:
        raise YearOutOfRange(_(
            "period {text} has a year outside {FIRST_YEAR}-{LAST_YEAR}; check it for a typo",
            text=repr(text), FIRST_YEAR=FIRST_YEAR, LAST_YEAR=LAST_YEAR))
    return period


def year_earlier(d: date) -> date:
    """The same day a year before; 29 February becomes the 28th."""
    return d.replace(year=d.year - 1) if (d.month, d.day) != (2, 29) else d.replace(
        year=d.year - 1, day=28)
