"""The report as CSV, one row per target, for spreadsheets.

Figures are plain decimals with a dot (225.8) whatever the language, so a
spreadsheet reads them as numbers; labels follow ``--lang``.

Names come from plan files, which arrive by pull request: a cell that a
spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)") starts with a
quote instead (OWASP's advice); a figure is never touched, so -7.9 stays a number.
"""

from __future__ import annotations

import csv
import re

from rich.console import Console

from kcn_tracker.progress.evaluate import Report
from kcn_tracker.report.cells import indicator_label, scope_text, status_text
from kcn_tracker.text.display import printable

COLUMNS = ("province_id", "province", "target_id", "indicator", "label", "scope",
           "period_start", "period_end", "target_value", "target_qualifier", "unit",
           "comparator", "origin", "reported_attainment_pct", "actual_value",
           "actual_qualifier", "actual_estimated", "actual_observed_until", "actual_complete",
           "attainment_pct", "attainment_qualifier", "overshoot_pct", "status",
           "status_label", "target_document", "actual_documents", "target_value_max",
           "remaining", "pace_needed_per_month", "pace_so_far_per_month", "excess")


def _plain(value) -> str:
    return "" if value is None else format(value.normalize(), "f")


def _flag(value: bool) -> str:
    return "true" if value else "false"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def _cell(value: str) -> str:
    value = printable(value)
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def render(report: Report, lang: str, console: Console) -> None:
    writer = csv.writer(console.file, lineterminator="\n")
    writer.writerow(COLUMNS)
    for province in report.provinces:
        for r in province.targets:
            t, o = r.target, r.observed
            reported = t.reported_attainment.value if t.reported_attainment else None
            writer.writerow(_cell(cell) for cell in [
                province.id, province.name, t.id, t.indicator.value,
                indicator_label(t.indicator.value, lang), scope_text(province.plan, t.scope, lang),
                r.period.start.isoformat(), r.period.end.isoformat(), _plain(r.value),
                r.value_qualifier.value, t.unit.value, t.comparator.value, t.origin.value,
                _plain(reported),
                _plain(o.value) if o else "", o.qualifier.value if o else "",
                _flag(o.estimated) if o else "", o.observed_until.isoformat() if o else "",
                _flag(o.complete) if o else "",
                _plain(r.attainment_pct), r.attainment_qualifier.value, _plain(r.overshoot_pct),
                r.status.value, status_text(r.status.value, lang), t.source.document,
                " ".join(a.source.document for a in o.entries) if o else "",
                _plain(t.value_max), _plain(r.pace.remaining), _plain(r.pace.pace_needed),
                _plain(r.pace.pace_so_far), _plain(r.pace.excess),
            ])
