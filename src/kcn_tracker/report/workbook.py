"""The report as an Excel workbook a secretary can forward as it is.

A summary sheet, one sheet per province (targets, the figures with no target,
pending revocations) and a sources sheet; for `trend`, the series, the targets over
other periods and the sources. How each cell is written (number formats, dates,
colours) is report/book.py's.
"""

from __future__ import annotations

from kcn_tracker.plans.model import Actual, Plan
from kcn_tracker.plans.periods import parse_period
from kcn_tracker.plans.vocabulary import UNITS
from kcn_tracker.progress.evaluate import ProvinceResult, Report, Status, TargetResult
from kcn_tracker.progress.summary import summarize
from kcn_tracker.report.book import Book
from kcn_tracker.report.cells import (
    figure_words,
    indicator_label,
    partial_date,
    partial_words,
    period_text,
    province_title,
    remaining_text,
    scope_text,
    target_words,
    word,
)
from kcn_tracker.report.sources import CitedDocument
from kcn_tracker.report.words import QUALIFIERS, STATUS_COLOURS, STATUSES

SUMMARY_STATUSES = [s.value for s in Status]


def summary_sheet(book: Book, report: Report, title: str) -> None:
    lang = book.lang
    ws = book.sheet(word(lang, "summary"), own=True)
    book.title(ws, title)
    head = [word(lang, "province"), *(STATUSES[lang][s] for s in SUMMARY_STATUSES),
            word(lang, "pending_revocations"), word(lang, "best"), word(lang, "worst")]
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
    book.text(ws, row, 0, word(lang, "status_dash"), size=False)
    row += 1
    book.text(ws, row, 0, word(lang, "legend"), book.fmt(bold=True), size=False)
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


def _target_row(book: Book, ws, row: int, r: TargetResult, plan: Plan, at: int = 0) -> None:
    """A target's cells from column ``at`` on (a trend sheet puts the province first)."""
    lang, t = book.lang, r.target
    unit = t.unit.value
    book.text(ws, row, at, indicator_label(t.indicator.value, lang))
    book.text(ws, row, at + 1, scope_text(plan, t.scope, lang))
    book.text(ws, row, at + 2, period_text(r.period, lang))
    book.date(ws, row, at + 3, r.period.start)
    book.date(ws, row, at + 4, r.period.end)
    before, after = target_words(r, lang)
    book.text(ws, row, at + 5, before)
    if r.value is None:
        book.text(ws, row, at + 6, f"{word(lang, 'not_known')} ({word(lang, 'implied')})")
    else:
        book.number(ws, row, at + 6, r.value, unit, before=before, after=after)
    book.number(ws, row, at + 7, t.value_max, unit)
    book.text(ws, row, at + 8, getattr(UNITS[unit], lang))
    if r.observed is not None:
        book.number(ws, row, at + 9, r.observed.value, r.observed.unit,
                    before=figure_words(r.observed, lang), after=partial_words(r, lang))
    else:
        book.text(ws, row, at + 9, word(lang, "no_data"))
    bound = QUALIFIERS[lang][r.attainment_qualifier.value]
    book.percent(ws, row, at + 10, r.attainment_pct, before=bound)
    book.percent(ws, row, at + 11, r.overshoot_pct, sign=True, before=bound)
    book.status(ws, row, at + 12, r.status.value)
    book.text(ws, row, at + 13, remaining_text(r, lang))
    book.text(ws, row, at + 14, t.note)
    book.sources(ws, row, at + 15, [t.source.document] + [x.source.document for x in r.restated]
                 + ([a.source.document for a in r.observed.entries] if r.observed else []))


def _actual_row(book: Book, ws, row: int, a: Actual, province: ProvinceResult) -> None:
    lang = book.lang
    period = parse_period(a.period)
    book.text(ws, row, 0, indicator_label(a.indicator.value, lang))
    book.text(ws, row, 1, scope_text(province.plan, a.scope, lang))
    book.text(ws, row, 2, a.project)
    book.text(ws, row, 3, period_text(period, lang))
    book.date(ws, row, 4, period.start)
    book.date(ws, row, 5, period.end)
    book.number(ws, row, 6, a.value, a.unit.value, before=figure_words(a, lang))
    book.text(ws, row, 7, getattr(UNITS[a.unit.value], lang))
    book.text(ws, row, 8, a.note)
    book.sources(ws, row, 9, [a.source.document])


def _section(book: Book, ws, row: int, heading: str, head: tuple[str, ...]) -> int:
    """A table's heading and header from ``row``; the row its first line goes in."""
    book.heading(ws, row, heading)
    book.header(ws, row + 1, [word(book.lang, c) for c in head])
    return row + 2


def province_sheet(book: Book, province: ProvinceResult, report: Report, title: str) -> None:
    lang = book.lang
    ws = book.sheet(province.name)
    book.title(ws, title)
    book.heading(ws, 1, province_title(province.plan, lang))
    book.header(ws, 3, [word(lang, c) for c in TARGET_HEAD])
    ws.freeze_panes(4, 1)
    row = 4
    for r in province.targets:
        _target_row(book, ws, row, r, province.plan)
        row += 1
    if not province.targets:
        from kcn_tracker.report.cells import no_targets_text

        book.text(ws, row, 0, no_targets_text(report.year, lang), size=False)
        row += 1
    if province.untargeted:
        row = _section(book, ws, row + 1, word(lang, "other_actuals", name=province.name),
                       ACTUAL_HEAD)
        for a in province.untargeted:
            _actual_row(book, ws, row, a, province)
            row += 1
    if province.unrecovered:
        row = _section(book, ws, row + 1, word(lang, "unrecovered_title", name=province.name),
                       REVOCATION_HEAD)
        for pending in province.unrecovered:
            entry = pending.entry
            book.text(ws, row, 0, entry.name)
            book.text(ws, row, 1, province.plan.zones.get(entry.zone, "") if entry.zone else "")
            since = parse_period(pending.since)
            if since.is_instant:
                book.date(ws, row, 2, since.start)
            else:
                book.text(ws, row, 2, partial_date(pending.since, lang))
            book.sources(ws, row, 3, [entry.source.document])
            row += 1


def sources_sheet(book: Book, documents: list[CitedDocument], title: str) -> None:
    lang = book.lang
    ws = book.sheet(word(lang, "sources_sheet"), own=True)
    book.title(ws, title)
    book.header(ws, 2, [word(lang, c) for c in ("file", "doc_title", "publisher", "published",
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
    book = Book(lang, title, documents,
                own_sheets=(word(lang, "summary"), word(lang, "sources_sheet")))
    summary_sheet(book, report, title)
    for province in report.provinces:
        province_sheet(book, province, report, title)
    sources_sheet(book, documents, title)
    return book.close()


TREND_HEAD = ("province", "scope", "period", "period_start", "period_end", "actual", "unit",
              "change", "stated_growth", "target", "status", "note", "source")


def trend_workbook(all_series, documents: list[CitedDocument], lang: str, title: str) -> bytes:
    book = Book(lang, title, documents,
                own_sheets=(word(lang, "trend_sheet"), word(lang, "sources_sheet")))
    ws = book.sheet(word(lang, "trend_sheet"), own=True)
    book.title(ws, title)
    book.header(ws, 2, [word(lang, c) for c in TREND_HEAD])
    ws.freeze_panes(3, 1)
    row = 3
    for s in all_series:
        for p in s.points:
            book.text(ws, row, 0, province_title(s.plan, lang))
            book.text(ws, row, 1, scope_text(s.plan, s.scope, lang))
            book.text(ws, row, 2, period_text(p.period, lang))
            book.date(ws, row, 3, p.period.start)
            book.date(ws, row, 4, p.period.end)
            book.number(ws, row, 5, p.actual.value, s.unit, before=figure_words(p.actual, lang))
            book.text(ws, row, 6, getattr(UNITS[s.unit], lang))
            book.percent(ws, row, 7, p.change_pct, sign=True)
            if p.stated_growth is not None:
                book.percent(ws, row, 8, p.stated_growth.value, sign=True,
                             before=figure_words(p.stated_growth, lang))
            if p.target is not None and p.target.value is not None:
                before, after = target_words(p.target, lang)
                book.number(ws, row, 9, p.target.value, s.unit, before=before, after=after)
                book.status(ws, row, 10, p.target.status.value)
            book.text(ws, row, 11, p.actual.note)
            book.sources(ws, row, 12, [p.actual.source.document])
            row += 1
    others = [(s, t) for s in all_series for t in s.other_targets]
    if others:
        first = _section(book, ws, row + 1, word(lang, "other_periods"),
                         ("province", *TARGET_HEAD))
        for row, (s, t) in enumerate(others, start=first):
            book.text(ws, row, 0, province_title(s.plan, lang))
            _target_row(book, ws, row, t, s.plan, at=1)
    sources_sheet(book, documents, title)
    return book.close()
