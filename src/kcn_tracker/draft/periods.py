"""The period a proposal is for: the one its figure names, else the last one named before
it, else the document's date; and, since a flow counted to a day is a stock, the indicator
that goes with it."""

from __future__ import annotations

import bisect
import functools
import re

from kcn_tracker.draft.dating import DocumentDate, month_end_of, resolve_period
from kcn_tracker.draft.quotes import clause_head
from kcn_tracker.draft.units import STOCK_OF, is_flow, is_stock
from kcn_tracker.extract import cues
from kcn_tracker.extract.dates import Periods
from kcn_tracker.extract.document import Quantity, headline_end, restated_in_body
from kcn_tracker.text.i18n import _
from kcn_tracker.text.sentences import paragraphs

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_WITHIN_YEAR = re.compile(rf"cùng kỳ|{cues.PLAN_WORDS}\s+(?:đề ra\s+|giao\s+)?(?:cả\s+)?năm",
                          re.IGNORECASE)


def carried_periods(quantities: list[Quantity]) -> list[str | None]:
    """For each quantity, the last period named before it ("đến nay" included). A headline
    figure no period is named for takes the one its body restatement is read with ("Các KCN
    thu hút thêm 23 dự án FDI" over "Từ đầu năm đến nay, … Trong đó có 23 dự án FDI mới"),
    not the document's date."""
    carried: list[str | None] = []
    named = None
    for q in quantities:
        carried.append(named)
        if q.period is not None and not cues.compared_with(clause_head(q)):
            # The period of a comparison's base ("cao hơn mức 69,8% của năm 2023") is not
            # the one the text goes on with.
            named = q.period
    if not quantities:
        return carried
    for i, j in restated_in_body(quantities, headline_end(quantities[0].document)).items():
        if quantities[i].period is None and carried[i] is None:
            carried[i] = quantities[j].period or carried[j]
    return carried


# Where a paragraph says when its figures stand: "tính đến đầu tháng 7", "đến hết tháng
# 11/2022", "Đến 30/6/2024".
_POINT = re.compile(r"(?:tính\s+)?(?:đến|tới)\s|hết\s|cuối\s", re.IGNORECASE)
_END_OF_MONTH = re.compile(r"(?<!\w)(?:hết|cuối)\s+tháng", re.IGNORECASE)
_EARLY = re.compile(r"(?:đầu|giữa)\s+tháng", re.IGNORECASE)
# What is said of the whole year: an estimate or a plan for it ("Cả năm 2022 ước thu hút").
_WHOLE_YEAR = re.compile(r"(?<!\w)(?:ước|cả năm|tính chung|dự kiến)(?!\w)", re.IGNORECASE)
# What has been done, all told ("Các KCN đã thu hút được 61 dự án"), or a part of it ("Trong
# đó, có 56 dự án …"); not what is new or recent ("Vừa qua, … đã cấp mới 3 dự án").
_DONE = re.compile(r"(?<!\w)đã(?!\w)|^\W*trong đó", re.IGNORECASE)
_RECENT = re.compile(r"(?<!\w)(?:mới|vừa|tuần|trong tháng|buổi lễ|trao|đang)(?!\w)", re.IGNORECASE)
_A_DAY = re.compile(r"(?:\d{4}|this_year)-\d{2}-\d{2}")
# A stock counted through a month ("Lũy kế tháng 7/2023", "đến hết tháng 7") stands at its
# last day; one of a month otherwise, in that month.
_THROUGH = re.compile(rf"lũy kế|luỹ kế|{_END_OF_MONTH.pattern}", re.IGNORECASE)


_LOOK_BACK = 1500


@functools.lru_cache(maxsize=4)
def _paragraph_starts(text: str) -> list[int]:
    return [a for a, _ in paragraphs(text)]


def dated_before(q: Quantity) -> tuple[str, bool] | None:
    """The time its paragraph gave its figures before ``q`` ("tính đến đầu tháng 7, … Thời
    điểm hiện tại có 79 dự án"), and whether it is the start of a month; a stock "hiện
    nay" there stands at that time, not at the document's date."""
    starts = _paragraph_starts(q.document)
    start = starts[max(0, bisect.bisect_right(starts, q.start) - 1)] if starts else 0
    # Looked for nearby only, so that a paragraph of thousands of figures stays linear.
    start = max(start, q.start - _LOOK_BACK)
    points = [(a, b, p) for a, b, p in Periods(q.document, start, q.start).named
              if p != "to_date" and _POINT.match(q.document, a)]
    if not points:
        return None
    a, b, period = points[-1]
    return period, bool(_EARLY.search(q.document, a, b))


def period_of(when: DocumentDate, q: Quantity, carried: str | None, indicator: str | None,
              checks: list[str]) -> tuple[str, str | None]:
    """The quantity's period, and its indicator (a flow counted to a day is a stock).
    When its paragraph names no period, ``carried``, the last one named before it; "to date"
    is the document's date (its year for a flow). A stock "đến tháng M" in a document of
    that month, which may not be over ("Tính đến tháng 4/2019" in an article of 5 April),
    stands in that month, not at its end, unless the text says its end ("cuối tháng")."""
    period, indicator = _period_of(when, q, carried, indicator, checks)
    published = when.published
    if published and _DAY.fullmatch(period) and period == month_end_of(published[:7]) \
            and (period > published or not when.precise) \
            and not _END_OF_MONTH.search(q.document, max(0, q.start - 300), q.start):
        period = period[:7]
        checks.append(_("period: {period}, a month not over at the document's date",
                        period=period))
    return period, indicator


def _period_of(when: DocumentDate, q: Quantity, carried: str | None, indicator: str | None,
               checks: list[str]) -> tuple[str, str | None]:
    published, precise = when.published, when.precise
    dated = dated_before(q) if q.period == "to_date" else None
    period = resolve_period(when, dated[0] if dated else q.period, checks)
    if dated:
        checks.append(_("period: 'now' is {period}, when its paragraph gives its figures",
                        period=period))
    if period is None and carried is None and indicator in STOCK_OF and q.role == "actual" \
            and _DONE.search(clause_head(q)) and not _RECENT.search(q.sentence):
        # "Các KCN đã thu hút được 61 dự án" in a text that names no period before it: all
        # it has attracted, to date.
        period = "to_date"
    if period == "?":
        return period, indicator
    if period is None and carried and is_stock(indicator) and published and \
            not _A_DAY.fullmatch(carried):
        # A stock its paragraph does not date stands at the document's date: an earlier
        # paragraph's period is that of its flows ("10 tháng qua, … thu hút …" then "KCN
        # Yên Phong (651 ha)"), while a day it named ("tính đến hết 30/11/2019") is when
        # the report's figures stand.
        checks.append(_("period: not stated in its paragraph; a stock, so at the document's "
                        "date"))
    elif period is None and carried:
        period = resolve_period(when, carried, checks)
        checks.append(_("period: not stated in its paragraph; {period}, the last one named "
                        "before it, is used", period=period))
    if period and when.runs_to and period == (published or "")[:4] and is_flow(indicator) \
            and q.role == "actual" and not _WHOLE_YEAR.search(clause_head(q)):
        # "trong năm 2022, tỉnh đã thu hút 06 dự án …" in a report whose figures run "đến hết
        # tháng 11/2022": the year so far.
        period = f"{period}-01..{period}-{when.runs_to:02d}"
        checks.append(_("period: the year so far; the document's figures run to {period}",
                        period=period))
    named = period not in (None, "to_date")  # by the text, not by the document's date
    if not named:
        if published is None:
            checks.append(_("period: not stated; write it"))
            return "?", indicator
        checks.append(_("period: to date; taken from the document's date ({published}, "
                        "{source})", published=published, source=when.source) if period else
                      _("period: not stated; taken from the document's date ({published}, "
                        "{source})", published=published, source=when.source))
        if period == "to_date" and not precise and indicator in STOCK_OF:
            # Counted to date, as to a day below: the cumulative stock.
            checks.append(_("indicator: counted to date, so the cumulative {stock}, not "
                            "{indicator}", stock=STOCK_OF[indicator], indicator=indicator))
            indicator = STOCK_OF[indicator]
        # A stock "đến nay" stands at the document's date as precisely as it is known (a
        # month, an estimated year), never a day the document does not give.
        period = published if precise or is_stock(indicator) else published[:4]
    if _DAY.fullmatch(period) and is_flow(indicator):
        if _WITHIN_YEAR.search(q.sentence):
            # "Đến ngày 21/8, tổng vốn thu hút đạt …, đạt 62,9% kế hoạch năm": measured
            # against the year's plan or the same time last year, a flow since January.
            return (period[:4] if period.endswith("-12-31")
                    else f"{period[:4]}-01-01..{period}"), indicator
        if indicator in STOCK_OF:
            checks.append(_("indicator: counted up to a day, so the cumulative {stock}, not "
                            "{indicator}", stock=STOCK_OF[indicator], indicator=indicator))
            return period, STOCK_OF[indicator]
        if q.period == "to_date" or q.period is None:
            return period[:4], indicator  # a flow of the year the document gives
        checks.append(_("period: {indicator} adds up over time; write the period it covers "
                        "up to {period}", indicator=indicator, period=period))
        return "?", indicator
    through = _THROUGH.search(clause_head(q)) and not (dated and dated[1])
    if named and is_stock(indicator) and (".." in period or _MONTH.fullmatch(period) and through):
        # "từ đầu năm đến nay … nâng tổng vốn đăng ký đạt 545,1 triệu USD", "Lũy kế tháng
        # 7/2023, … 212 dự án": a stock stands at a day, the end of the span its sentence names.
        end = period.split("..")[-1]
        period = end if _DAY.fullmatch(end) else month_end_of(end) or period
        checks.append(_("period: {indicator} is a stock; it stands at {period}, the end of "
                        "the period its sentence names", indicator=indicator, period=period))
    return period, indicator
