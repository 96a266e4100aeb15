"""The report as CSV for spreadsheets: every row the report has, one a line.

A spreadsheet reads a CSV by its locale's conventions, so the file follows the
language's: ``--lang vi`` separates cells with ``;`` and writes decimals with a
comma (225,8), as a Vietnamese-locale spreadsheet expects; ``--lang en`` uses
``,`` and ``.``. Numbers are never grouped (1030000), so the separator of
thousands cannot be read as a decimal mark. The file starts with a UTF-8
byte-order mark, which tells a spreadsheet that the text is UTF-8 (without it,
"Thái Nguyên" opens as mojibake in Excel).

The ``kind`` column says what a row is: ``target`` (with its actual and
attainment), ``actual`` (a figure with no target set), or ``revocation`` (a project
whose revocation is pending). Notes are in ``note``.

Names come from plan files, which arrive by pull request: a cell that a
spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)") starts with a
quote instead (OWASP's advice); a figure is never touched, so -7,9 stays a number.
"""

from __future__ import annotations

import csv
import re

from rich.console import Console

from kcn_tracker.plans.periods import parse_period
from kcn_tracker.progress.evaluate import Report
from kcn_tracker.report.cells import indicator_label, scope_text, status_text
from kcn_tracker.text.display import printable

COLUMNS = ("kind", "province_id", "province", "target_id", "indicator", "label", "scope",
           "period_start", "period_end", "target_value", "target_qualifier", "unit",
           "comparator", "origin", "reported_attainment_pct", "actual_value",
           "actual_qualifier", "actual_estimated", "actual_observed_until", "actual_complete",
           "attainment_pct", "attainment_qualifier", "overshoot_pct", "status",
           "status_label", "target_document", "actual_documents", "target_value_max",
           "remaining", "pace_needed_per_month", "pace_so_far_per_month", "excess",
           "remaining_excess_qualifier",
           "actual_id", "project", "note")
# The language's spreadsheet convention: (cell separator, decimal mark).
CONVENTIONS = {"vi": (";", ","), "en": (",", ".")}
BOM = "\ufeff"


def _flag(value: bool) -> str:
    return "true" if value else "false"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9]+([.,][0-9]+)?")


def _cell(value: str) -> str:
    value = printable(value)
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def render(report: Report, lang: str, console: Console) -> None:
    separator, decimal = CONVENTIONS[lang]

    def plain(value) -> str:
        return "" if value is None else format(value.normalize(), "f").replace(".", decimal)

    rows = []
    for province in report.provinces:
        head = [province.id, province.name]
        plan = province.plan
        for r in province.targets:
            t, o = r.target, r.observed
            reported = t.reported_attainment.value if t.reported_attainment else None
            rows.append(["target", *head, t.id, t.indicator.value,
                indicator_label(t.indicator.value, lang), scope_text(plan, t.scope, lang),
                r.period.start.isoformat(), r.period.end.isoformat(), plain(r.value),
                r.value_qualifier.value, t.unit.value, t.comparator.value, t.origin.value,
                plain(reported),
                plain(o.value) if o else "", o.qualifier.value if o else "",
                _flag(o.estimated) if o else "", o.observed_until.isoformat() if o else "",
                _flag(o.complete) if o else "",
                plain(r.attainment_pct), r.attainment_qualifier.value, plain(r.overshoot_pct),
                r.status.value, status_text(r.status.value, lang), t.source.document,
                " ".join(a.source.document for a in o.entries) if o else "",
                plain(t.value_max), plain(r.pace.remaining), plain(r.pace.pace_needed),
                plain(r.pace.pace_so_far), plain(r.pace.excess),
                r.pace.qualifier.value if r.pace.remaining or r.pace.excess else "",
                " ".join(a.id for a in o.entries) if o else "", "", t.note or ""])
        for a in province.untargeted:
            period = parse_period(a.period)
            row = dict.fromkeys(COLUMNS, "")
            row.update(kind="actual", province_id=province.id, province=province.name,
                       indicator=a.indicator.value, label=indicator_label(a.indicator.value, lang),
                       scope=scope_text(plan, a.scope, lang),
                       period_start=period.start.isoformat(), period_end=period.end.isoformat(),
                       unit=a.unit.value, actual_value=plain(a.value),
                       actual_qualifier=a.qualifier.value, actual_estimated=_flag(a.estimated),
                       actual_observed_until=period.end.isoformat(),
                       actual_documents=a.source.document, actual_id=a.id,
                       project=a.project or "", note=a.note or "")
            rows.append(list(row.values()))
        for pending in province.unrecovered:
            entry = pending.entry
            since = parse_period(pending.since)
            row = dict.fromkeys(COLUMNS, "")
            row.update(kind="revocation", province_id=province.id, province=province.name,
                       scope=plan.zones.get(entry.zone, entry.zone) if entry.zone else "",
                       period_start=since.start.isoformat(), status="pending",
                       actual_documents=entry.source.document, actual_id=entry.id,
                       project=entry.name)
            rows.append(list(row.values()))
    console.file.write(BOM)
    writer = csv.writer(console.file, delimiter=separator, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(_cell(cell) for cell in row)
