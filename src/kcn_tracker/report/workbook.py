"""The report as an Excel workbook a secretary can forward as it is.

A summary sheet, one sheet per province (targets, the figures with no target,
pending revocations) and a sources sheet; for `trend`, the series and the
sources. Figures are numbers with a number format that carries the unit in the
report's language, percentages are percentages, dates are dates; headers are
frozen, columns sized and statuses coloured.

XlsxWriter writes it: it only writes (the tool never reads a workbook), imports in
about a third of openpyxl's time, and writes every text with ``write_string``, so
a name from a plan file that starts with "=" is text, never a formula. The
workbook's custom property ``kcn-tracker export`` is its export mark
(report/export.py): an .xlsx holds no first line to put it in.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from decimal import Decimal

from kcn_tracker.plans.model import Actual
from kcn_tracker.plans.periods import parse_period
from kcn_tracker.plans.vocabulary import UNITS
from kcn_tracker.progress.evaluate import ProvinceResult, Report, Status, TargetResult
from kcn_tracker.progress.summary import summarize
from kcn_tracker.report.cells import (
    indicator_label,
    partial_date,
    period_text,
    province_title,
    remaining_text,
    scope_text,
    status_text,
    word,
)
from kcn_tracker.report.sources import CitedDocument
from kcn_tracker.report.words import COMPARATORS, QUALIFIERS, STATUSES
from kcn_tracker.text.display import printable

MARK_PROPERTY = "kcn-tracker export"

# Fill and font of each status: the terminal's colours, as a spreadsheet prints them.
STATUS_COLOURS = {
    "exceeded": ("#C6EFCE", "#006100"),
    "met": ("#E2EFDA", "#375623"),
    "on_track": ("#DDEBF7", "#1F4E78"),
    "behind": ("#FFEB9C", "#7F6000"),
    "missed": ("#FFC7CE", "#9C0006"),
    "no_data": ("#EDEDED", "#595959"),
}
DATE_FORMATS = {"vi": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
MAX_WIDTH = 60
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


class Book:
    """An XlsxWriter workbook with the formats and the column widths kept in one place."""

    def __init__(self, lang: str, title: str) -> None:
        import xlsxwriter

        self.lang = lang
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buffer, {
            "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False})
        self.wb.set_properties({"title": printable(title), "comments": title_comment(lang)})
        self.wb.set_custom_property(MARK_PROPERTY, True)
        self._formats: dict[tuple, object] = {}
        self._widths: dict[object, dict[int, int]] = {}
        self._names: set[str] = set()

    def fmt(self, **props):
        key = tuple(sorted(props.items()))
        if key not in self._formats:
            self._formats[key] = self.wb.add_format(props)
        return self._formats[key]

    def sheet(self, name: str):
        name = _SHEET_NAME_BAD.sub("_", printable(name)).strip("'")[:31] or "_"
        base, n = name, 2
        while name.lower() in self._names:
            suffix = f" ({n})"
            name, n = base[:31 - len(suffix)] + suffix, n + 1
        self._names.add(name.lower())
        ws = self.wb.add_worksheet(name)
        self._widths[ws] = {}
        return ws

    def _width(self, ws, col: int, length: int) -> None:
        widths = self._widths[ws]
        widths[col] = max(widths.get(col, 8), min(length + 2, MAX_WIDTH))

    def text(self, ws, row: int, col: int, value: str | None, fmt=None, size: bool = True):
        """Text is always a string cell: "=HYPERLINK(…)" from a plan stays text."""
        if value is None or value == "":
            return
        value = printable(value)
        ws.write_string(row, col, value, fmt)
        if size:
            self._width(ws, col, max(len(line) for line in value.split("\n")))

    def lines(self, ws, row: int, col: int, values: list[str], fmt=None):
        """Several texts in one cell, one a line; a line break inside one is escaped."""
        if values:
            ws.write_string(row, col, "\n".join(printable(v) for v in values), fmt)

    def number(self, ws, row: int, col: int, value: Decimal | None, unit: str | None = None,
               fmt_props: dict | None = None):
        if value is None:
            return
        places = max(0, -value.normalize().as_tuple().exponent)
        if unit == "percent":
            code = "0" + ("." + "0" * places if places else "") + "%"
            number = float(value / 100)
        else:
            code = "#,##0" + ("." + "0" * places if places else "")
            if unit is not None:
                code += f' "{getattr(UNITS[unit], self.lang)}"'
            number = float(value)
        ws.write_number(row, col, number, self.fmt(num_format=code, **(fmt_props or {})))
        self._width(ws, col, len(f"{number:,}") + (len(getattr(UNITS[unit], self.lang)) + 1
                                                  if unit else 0))

    def percent(self, ws, row: int, col: int, value: Decimal | None, sign: bool = False):
        if value is None:
            return
        code = "+0.0%;-0.0%;0.0%" if sign else "0.0%"
        ws.write_number(row, col, float(value / 100), self.fmt(num_format=code))
        self._width(ws, col, 8)

    def date(self, ws, row: int, col: int, value: date | None):
        if value is None:
            return
        ws.write_datetime(row, col, datetime(value.year, value.month, value.day),
                          self.fmt(num_format=DATE_FORMATS[self.lang]))
        self._width(ws, col, 10)

    def header(self, ws, row: int, labels: list[str]) -> None:
        bold = self.fmt(bold=True, bottom=1, bg_color="#F2F2F2", text_wrap=True,
                        valign="top")
        for col, label in enumerate(labels):
            self.text(ws, row, col, label, bold)

    def status(self, ws, row: int, col: int, status: str) -> None:
        fill, font = STATUS_COLOURS[status]
        self.text(ws, row, col, status_text(status, self.lang),
                  self.fmt(bg_color=fill, font_color=font, bold=status == "exceeded"))

    def heading(self, ws, row: int, text: str) -> None:
        ws.write_string(row, 0, printable(text), self.fmt(bold=True, font_size=12))

    def close(self) -> bytes:
        for ws, widths in self._widths.items():
            for col, width in widths.items():
                ws.set_column(col, col, width)
        self.wb.close()
        return self.buffer.getvalue()


def title_comment(lang: str) -> str:
    return "kcn-tracker: Excel export" if lang == "en" else "kcn-tracker: bảng tính xuất ra"


def _w(lang: str, key: str) -> str:
    return word(lang, key)


def _title_rows(book: Book, ws, title: str) -> None:
    ws.write_string(0, 0, printable(title), book.fmt(bold=True, font_size=13))


SUMMARY_STATUSES = [s.value for s in Status]


def summary_sheet(book: Book, report: Report, title: str) -> None:
    lang = book.lang
    ws = book.sheet(_w(lang, "summary"))
    _title_rows(book, ws, title)
    head = [_w(lang, "province"), *(STATUSES[lang][s] for s in SUMMARY_STATUSES),
            _w(lang, "pending_revocations"), _w(lang, "best"), _w(lang, "worst")]
    book.header(ws, 2, head)
    for col, status in enumerate(SUMMARY_STATUSES, start=1):
        fill, font = STATUS_COLOURS[status]
        ws.write_string(2, col, STATUSES[lang][status],
                        book.fmt(bold=True, bottom=1, bg_color=fill, font_color=font,
                                 text_wrap=True, valign="top"))
    ws.freeze_panes(3, 1)
    row = 3
    for province in report.provinces:
        summary = summarize(province)
        book.text(ws, row, 0, province_title(province.plan, lang))
        for col, status in enumerate(Status, start=1):
            if province.targets:
                ws.write_number(row, col, summary.counts[status])
            else:
                ws.write_string(row, col, "—", book.fmt(align="right", font_color="#808080"))
        ws.write_number(row, len(SUMMARY_STATUSES) + 1, summary.pending_revocations)
        for col, result in ((len(SUMMARY_STATUSES) + 2, summary.best),
                            (len(SUMMARY_STATUSES) + 3, summary.worst)):
            if result is not None:
                book.text(ws, row, col, _extreme(result, lang))
        row += 1
    row += 1
    book.text(ws, row, 0, _w(lang, "status_dash"), size=False)
    row += 1
    book.text(ws, row, 0, _w(lang, "legend"), book.fmt(bold=True), size=False)
    for status in SUMMARY_STATUSES:
        row += 1
        book.status(ws, row, 0, status)


def _extreme(result: TargetResult, lang: str) -> str:
    from kcn_tracker.report.cells import percent

    return (f"{indicator_label(result.target.indicator.value, lang)} "
            f"{period_text(result.period, lang)}: "
            f"{percent(result.overshoot_pct, lang, sign=True)}")


TARGET_HEAD = ("indicator", "scope", "period", "period_start", "period_end", "comparator",
               "target", "plan_max", "unit", "actual", "attainment", "overshoot", "status",
               "remaining", "note", "source")
ACTUAL_HEAD = ("indicator", "scope", "project", "period", "period_start", "period_end",
               "actual", "unit", "note", "source")
REVOCATION_HEAD = ("project", "zone", "since", "source")


def _comparator(result: TargetResult, lang: str) -> str:
    words = [COMPARATORS[lang][result.target.comparator.value],
             QUALIFIERS[lang][result.value_qualifier.value]]
    return " ".join(w for w in words if w)


def _target_row(book: Book, ws, row: int, r: TargetResult, province: ProvinceResult) -> None:
    lang, t = book.lang, r.target
    unit = t.unit.value
    book.text(ws, row, 0, indicator_label(t.indicator.value, lang))
    book.text(ws, row, 1, scope_text(province.plan, t.scope, lang))
    book.text(ws, row, 2, period_text(r.period, lang))
    book.date(ws, row, 3, r.period.start)
    book.date(ws, row, 4, r.period.end)
    book.text(ws, row, 5, _comparator(r, lang))
    if r.value is None:
        book.text(ws, row, 6, f"{word(lang, 'not_known')} ({word(lang, 'implied')})")
    else:
        book.number(ws, row, 6, r.value, unit)
    book.number(ws, row, 7, t.value_max, unit)
    book.text(ws, row, 8, getattr(UNITS[unit], lang))
    if r.observed is not None:
        book.number(ws, row, 9, r.observed.value, r.observed.unit)
    else:
        book.text(ws, row, 9, word(lang, "no_data"))
    book.percent(ws, row, 10, r.attainment_pct)
    book.percent(ws, row, 11, r.overshoot_pct, sign=True)
    book.status(ws, row, 12, r.status.value)
    book.text(ws, row, 13, remaining_text(r, lang))
    book.text(ws, row, 14, t.note)
    book.text(ws, row, 15, ", ".join(dict.fromkeys(
        [t.source.document] + [x.source.document for x in r.restated]
        + ([a.source.document for a in r.observed.entries] if r.observed else []))))


def _actual_row(book: Book, ws, row: int, a: Actual, province: ProvinceResult) -> None:
    lang = book.lang
    period = parse_period(a.period)
    book.text(ws, row, 0, indicator_label(a.indicator.value, lang))
    book.text(ws, row, 1, scope_text(province.plan, a.scope, lang))
    book.text(ws, row, 2, a.project)
    book.text(ws, row, 3, period_text(period, lang))
    book.date(ws, row, 4, period.start)
    book.date(ws, row, 5, period.end)
    book.number(ws, row, 6, a.value, a.unit.value)
    book.text(ws, row, 7, getattr(UNITS[a.unit.value], lang))
    book.text(ws, row, 8, a.note)
    book.text(ws, row, 9, a.source.document)


def province_sheet(book: Book, province: ProvinceResult, report: Report, title: str) -> None:
    lang = book.lang
    ws = book.sheet(province.name)
    _title_rows(book, ws, title)
    book.heading(ws, 1, province_title(province.plan, lang))
    book.header(ws, 3, [_w(lang, c) for c in TARGET_HEAD])
    ws.freeze_panes(4, 1)
    row = 4
    for r in province.targets:
        _target_row(book, ws, row, r, province)
        row += 1
    if not province.targets:
        from kcn_tracker.report.cells import no_targets_text

        book.text(ws, row, 0, no_targets_text(report.year, lang), size=False)
        row += 1
    if province.untargeted:
        row += 1
        book.heading(ws, row, word(lang, "other_actuals", name=province.name))
        book.header(ws, row + 1, [_w(lang, c) for c in ACTUAL_HEAD])
        row += 2
        for a in province.untargeted:
            _actual_row(book, ws, row, a, province)
            row += 1
    if province.unrecovered:
        row += 1
        book.heading(ws, row, word(lang, "unrecovered_title", name=province.name))
        book.header(ws, row + 1, [_w(lang, c) for c in REVOCATION_HEAD])
        row += 2
        for pending in province.unrecovered:
            entry = pending.entry
            book.text(ws, row, 0, entry.name)
            book.text(ws, row, 1, province.plan.zones.get(entry.zone, "") if entry.zone else "")
            since = parse_period(pending.since)
            if since.is_instant:
                book.date(ws, row, 2, since.start)
            else:
                book.text(ws, row, 2, partial_date(pending.since, lang))
            book.text(ws, row, 3, entry.source.document)
            row += 1


def sources_sheet(book: Book, documents: list[CitedDocument], title: str) -> None:
    lang = book.lang
    ws = book.sheet(_w(lang, "sources_sheet"))
    _title_rows(book, ws, title)
    book.header(ws, 2, [_w(lang, c) for c in ("file", "doc_title", "publisher", "published",
                                                "url", "quotes")])
    ws.freeze_panes(3, 1)
    wrap = book.fmt(text_wrap=True, valign="top")
    for row, d in enumerate(documents, start=3):
        book.text(ws, row, 0, d.document)
        book.text(ws, row, 1, d.title)
        book.text(ws, row, 2, d.publisher)
        if d.published_day is not None:
            book.date(ws, row, 3, d.published_day)
        else:
            book.text(ws, row, 3, d.published)
        book.text(ws, row, 4, d.url)
        book.lines(ws, row, 5, [f"“{q}”" for q in d.quotes], wrap)
    ws.set_column(5, 5, 100)


def report_workbook(report: Report, documents: list[CitedDocument], lang: str,
                    title: str) -> bytes:
    book = Book(lang, title)
    summary_sheet(book, report, title)
    for province in report.provinces:
        province_sheet(book, province, report, title)
    sources_sheet(book, documents, title)
    return book.close()


TREND_HEAD = ("province", "scope", "period", "period_start", "period_end", "actual", "unit",
              "change", "stated_growth", "target", "status", "note", "source")


def trend_workbook(all_series, documents: list[CitedDocument], lang: str, title: str) -> bytes:
    book = Book(lang, title)
    ws = book.sheet(_w(lang, "trend_sheet"))
    _title_rows(book, ws, title)
    book.header(ws, 2, [_w(lang, c) for c in TREND_HEAD])
    ws.freeze_panes(3, 1)
    row = 3
    for s in all_series:
        for p in s.points:
            book.text(ws, row, 0, province_title(s.plan, lang))
            book.text(ws, row, 1, scope_text(s.plan, s.scope, lang))
            book.text(ws, row, 2, period_text(p.period, lang))
            book.date(ws, row, 3, p.period.start)
            book.date(ws, row, 4, p.period.end)
            book.number(ws, row, 5, p.actual.value, s.unit)
            book.text(ws, row, 6, getattr(UNITS[s.unit], lang))
            book.percent(ws, row, 7, p.change_pct, sign=True)
            if p.stated_growth is not None:
                book.percent(ws, row, 8, p.stated_growth.value, sign=True)
            if p.target is not None and p.target.value is not None:
                book.number(ws, row, 9, p.target.value, s.unit)
                book.status(ws, row, 10, p.target.status.value)
            book.text(ws, row, 11, p.actual.note)
            book.text(ws, row, 12, p.actual.source.document)
            row += 1
    sources_sheet(book, documents, title)
    return book.close()
