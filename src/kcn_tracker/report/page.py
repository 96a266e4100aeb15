"""The report as an HTML page for the projector and for print.

A real document, not a terminal dump: semantic tables (a caption, headers with
their scope), status colours with a legend, the title line, a print style sheet
for A4 landscape, and the sources with their titles and dates. Nothing is loaded
from elsewhere (system fonts, no script, no image, no link), so the page shows
the same in a meeting room without network. Every name from a plan file or a
document is escaped text (``printable`` first, then HTML escapes).
"""

from __future__ import annotations

import html
import re

from kcn_tracker.progress.evaluate import ProvinceResult, Report, Status
from kcn_tracker.progress.summary import summarize
from kcn_tracker.report.cells import (
    actual_cells,
    day,
    new_province_title,
    no_targets_text,
    province_title,
    revision_lines,
    revocation_cells,
    target_cells,
    word,
)
from kcn_tracker.report.groups import grouped
from kcn_tracker.report.sources import CitedDocument
from kcn_tracker.report.words import STATUS_COLOURS, STATUSES
from kcn_tracker.text.display import printable

FONTS = ('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", '
         '"Liberation Sans", Arial, sans-serif')

STYLE = """
:root { color-scheme: light; }
body { font-family: %(fonts)s; margin: 1.5rem; color: #1a1a1a; font-size: 15px;
       line-height: 1.35; }
h1, h2, h3, caption, p { overflow-wrap: anywhere; }
h1 { font-size: 1.35rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
table { border-collapse: collapse; width: 100%%; margin: .3rem 0 .8rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border-bottom: 1px solid #d0d0d0; padding: .25rem .45rem; text-align: left;
         vertical-align: top; overflow-wrap: break-word; }
td.nowrap { white-space: nowrap; }
td.zero { color: #999; }
thead th { background: #f2f2f2; border-bottom: 2px solid #999; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.long { overflow-wrap: anywhere; white-space: normal; }
.sub { color: #555; font-size: .85em; display: block; }
.status { font-weight: 600; white-space: nowrap; }
%(statuses)s
.legend { display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; list-style: none; }
.legend li { padding: .1rem .5rem; border-radius: 3px; }
.note { color: #555; font-size: .85em; }
.sources li { margin-bottom: .5rem; overflow-wrap: anywhere; }
.sources q { display: block; color: #444; font-size: .9em; margin-left: 1rem; }
code { font-size: .9em; overflow-wrap: anywhere; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { margin: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def esc(text: str) -> str:
    return html.escape(printable(text), quote=True)


def _style() -> str:
    statuses = "\n".join(f".st-{key} {{ background: {fill}; color: {font}; }}"
                         for key, (fill, font) in STATUS_COLOURS.items())
    return STYLE % {"fonts": FONTS, "statuses": statuses}


def _document(title: str, lang: str, body: list[str]) -> str:
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="kcn-tracker">',
        f"<title>{esc(title)}</title>",
        f"<style>{_style()}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{esc(title)}</h1></header>",
        "<main>",
        *body,
        "</main>",
        "</body>",
        "</html>",
        "",
    ])


def _table(caption: str | None, head: list[tuple[str, str]], rows: list[list[str]]) -> list[str]:
    """``head``: (label, class); ``rows``: cells already as HTML (``<td …>…</td>``)."""
    lines = ["<table>"]
    if caption:
        lines.append(f"<caption>{esc(caption)}</caption>")
    lines.append("<thead><tr>" + "".join(
        f'<th scope="col"{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}>{esc(label)}</th>'
        for label, cls in head) + "</tr></thead>")
    lines.append("<tbody>")
    lines += ["<tr>" + "".join(row) + "</tr>" for row in rows]
    lines.append("</tbody></table>")
    return lines


# A run of this many characters with no space in a cell (a url, a path, names run
# together) would set its column's least width and push the table off an A4 page: such
# a cell may break anywhere ("long"). A cell without one breaks at spaces only, so that
# a date or a figure is never split where the table is tight.
LONG_RUN = re.compile(r"\S{31,}")


def _td(text: str, cls: str = "", sub: str = "") -> str:
    if LONG_RUN.search(printable(f"{text} {sub}")):
        cls = f"{cls} long".strip()
    attr = f' class="{cls}"' if cls else ""
    extra = f'<span class="sub">{esc(sub)}</span>' if sub else ""
    return f"<td{attr}>{esc(text)}{extra}</td>"


def _status_cell(status: str, lang: str) -> str:
    return f'<td class="status st-{status}">{esc(STATUSES[lang][status])}</td>'


def legend(lang: str) -> list[str]:
    items = "".join(f'<li class="st-{s.value}">{esc(STATUSES[lang][s.value])}</li>'
                    for s in Status)
    return [f'<section aria-label="{esc(word(lang, "legend"))}">',
            f'<ul class="legend">{items}</ul>', "</section>"]


def summary(report: Report, lang: str) -> list[str]:
    from kcn_tracker.report.status import _extreme

    head = [(word(lang, "province"), "")]
    head += [(STATUSES[lang][s.value], "num") for s in Status]
    head += [(word(lang, "pending_revocations"), "num"), (word(lang, "best"), ""),
             (word(lang, "worst"), "")]
    rows = []
    for province in report.provinces:
        s = summarize(province)
        row = [_td(province_title(province.plan, lang))]
        for status in Status:
            count = s.counts[status]
            cls = f"num st-{status.value}" if count else "num zero"
            row.append(_td((str(count) if count else "·") if province.targets else "—", cls))
        row.append(_td(str(s.pending_revocations), "num"))
        row += [_td(_extreme(s.best, lang)), _td(_extreme(s.worst, lang))]
        rows.append(row)
    caption = word(lang, "status_title", as_of=day(report.as_of, lang))
    return ["<section>", *_table(caption, head, rows),
            f'<p class="note">{esc(word(lang, "status_dash"))}</p>', *legend(lang), "</section>"]


TARGET_HEAD = (("indicator", ""), ("period", ""), ("target", ""), ("actual", ""),
               ("attainment", "num"), ("overshoot", "num"), ("status", ""), ("source", ""))


def province_section(province: ProvinceResult, report: Report, lang: str) -> list[str]:
    plan = province.plan
    title = word(lang, "title", name=province_title(plan, lang), as_of=day(report.as_of, lang))
    lines = ["<section>", f"<h2>{esc(title)}</h2>"]
    if province.targets:
        rows = []
        for r in province.targets:
            cells = target_cells(r, plan, lang)
            note = r.target.note or ""
            rows.append([
                _td(cells["indicator"], sub=" · ".join(x for x in (cells["scope"], note) if x)),
                _td(cells["period"], "nowrap"), _td(cells["target"]),
                _td(cells["actual"], sub=cells["remaining"]),
                _td(cells["attainment"], "num"), _td(cells["overshoot"], "num"),
                _status_cell(r.status.value, lang), _td(cells["source"], "nowrap")])
        lines += _table(None, [(word(lang, k), c) for k, c in TARGET_HEAD], rows)
    else:
        lines.append(f"<p>{esc(no_targets_text(report.year, lang))}</p>")
    if province.untargeted:
        rows = []
        for a in province.untargeted:
            cells = actual_cells(a, plan, lang)
            rows.append([_td(cells["indicator"], sub=" · ".join(
                x for x in (cells["scope"], a.note or "") if x)), _td(cells["period"], "nowrap"),
                _td(cells["actual"]), _td(cells["source"], "nowrap")])
        lines += _table(word(lang, "other_actuals", name=province.name),
                        [(word(lang, k), "") for k in ("indicator", "period", "actual",
                                                       "source")], rows)
    if revisions := revision_lines(province, lang):
        lines.append(f"<h3>{esc(word(lang, 'revisions'))}</h3>")
        lines.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in revisions) + "</ul>")
    if province.unrecovered:
        rows = []
        for pending in province.unrecovered:
            cells = revocation_cells(pending, plan, lang)
            rows.append([_td(cells[k]) for k in ("project", "zone", "since", "source")])
        lines += _table(word(lang, "unrecovered_title", name=province.name),
                        [(word(lang, k), "") for k in ("project", "zone", "since", "source")],
                        rows)
    return lines + ["</section>"]


def sources(documents: list[CitedDocument], lang: str) -> list[str]:
    if not documents:
        return []
    from kcn_tracker.report.cells import document_label

    lines = ['<section class="sources">', f"<h2>{esc(word(lang, 'documents'))}</h2>", "<ol>"]
    for d in documents:
        head = f"<strong>{esc(document_label(d.document))}</strong> {esc(d.about(lang))}"
        head += f" <code>{esc(d.document)}</code>"
        if d.url:
            head += f" <code>{esc(d.url)}</code>"
        quotes = "".join(f"<q>{esc(q)}</q>" for q in d.quotes)
        lines.append(f"<li>{head}{quotes}</li>")
    return lines + ["</ol>", "</section>"]


def report_page(report: Report, documents: list[CitedDocument], lang: str, title: str,
                command: str = "report") -> str:
    body = summary(report, lang)
    if command == "report":
        for heading, members in grouped(report):
            if heading is not None:
                body.append(f"<h2>{esc(new_province_title(heading.successor, lang))}</h2>")
            for province in members:
                body += province_section(province, report, lang)
    body += sources(documents, lang)
    return _document(title, lang, body)


def trend_page(all_series, documents: list[CitedDocument], lang: str, title: str) -> str:
    from kcn_tracker.report.cells import (
        actual_entry_text,
        actual_text,
        percent,
        period_text,
        target_text,
    )
    from kcn_tracker.report.trend import _title

    body = []
    for s in all_series:
        rows = []
        for p in s.points:
            rows.append([
                _td(period_text(p.period, lang)), _td(actual_entry_text(p.actual, lang), "num"),
                _td(percent(p.change_pct, lang, sign=True) if p.change_pct is not None else "",
                    "num"),
                _td(percent(p.stated_growth.value, lang, sign=True) if p.stated_growth else "",
                    "num"),
                _td(target_text(p.target, lang) if p.target else ""),
                _status_cell(p.target.status.value, lang) if p.target else _td("")])
        head = [(word(lang, k), c) for k, c in (("period", ""), ("actual", "num"),
                                                ("change", "num"), ("stated_growth", "num"),
                                                ("target", ""), ("status", ""))]
        body += ["<section>", *_table(_title(s, lang), head, rows)]
        for t in s.other_targets:
            plan = word(lang, "plan_for", period=period_text(t.period, lang),
                        target=target_text(t, lang))
            body.append(f'<p class="note">{esc(plan)} — {esc(actual_text(t, lang))}</p>')
        body.append("</section>")
    body += legend(lang) + sources(documents, lang)
    return _document(title, lang, body)
