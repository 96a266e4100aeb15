"""`kcn-tracker status`: every province on one screen, as a table, JSON or Markdown."""

from __future__ import annotations

import json

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..evaluate import Report, Status, TargetResult
from ..i18n import STATUSES
from ..present import (actual_text, day, indicator_label, new_province_short,
                       new_province_title, percent, period_text, province_short, province_title,
                       target_text, word)
from ..summary import Summary, summarize
from . import grouped
from .json_report import successor_dict
from .table import STATUS_STYLES


def _extreme(result: TargetResult | None, lang: str) -> str:
    """'Dự án FDI cấp mới 2024: 21 dự án / 15 dự án (suy ra), 140% (+40%)'."""
    if result is None:
        return "—"
    return (f"{indicator_label(result.target.indicator.value, lang)} "
            f"{period_text(result.period, lang)}: {actual_text(result, lang)} / "
            f"{target_text(result, lang)}, {percent(result.attainment_pct, lang)} "
            f"({percent(result.overshoot_pct, lang, sign=True)})")


def _rows(report: Report) -> list[tuple[object, list[Summary]]]:
    return [(heading, [summarize(p) for p in members]) for heading, members in grouped(report)]


def status_table(report: Report, lang: str) -> Group:
    # Six count columns of 8 and the names fit 80 columns; the rest goes below.
    table = Table(title=word(lang, "status_title", as_of=day(report.as_of, lang)),
                  title_style="bold", title_justify="left", box=box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False, collapse_padding=True)
    table.add_column(word(lang, "province"), min_width=14)
    for status in Status:
        table.add_column(STATUSES[lang][status.value], justify="right", width=8,
                         header_style=STATUS_STYLES[status.value])
    highlights = Table.grid(padding=(0, 1))
    highlights.add_column(style="bold")
    highlights.add_column()
    for heading, summaries in _rows(report):
        if heading is not None:
            table.add_row(Text(new_province_short(heading.successor, lang), style="bold"))
        for summary in summaries:
            name = province_short(summary.province.plan, lang)
            cells = [Text(str(summary.counts[s]) if summary.counts[s] else "·",
                          style=STATUS_STYLES[s.value] if summary.counts[s] else "dim")
                     for s in Status]
            table.add_row(("  " if heading is not None else "") + name, *cells)
            for label, result in (("best", summary.best), ("worst", summary.worst)):
                if result is not None:
                    highlights.add_row(f"{summary.province.name} · {word(lang, label)}:",
                                       _extreme(result, lang))
            if summary.pending_revocations:
                highlights.add_row(
                    f"{summary.province.name} · {word(lang, 'pending_revocations')}:",
                    Text(str(summary.pending_revocations), style="bold red"))
    parts = [table]
    if highlights.row_count:
        parts += [Text(""), highlights]
    return Group(*parts)


def status_dict(report: Report, lang: str) -> dict:
    def extreme(result: TargetResult | None) -> dict | None:
        if result is None:
            return None
        from .json_report import number

        return {"id": result.target.id, "indicator": result.target.indicator.value,
                "label": indicator_label(result.target.indicator.value, lang),
                "period": result.period.text, "unit": result.target.unit.value,
                "target": number(result.value), "actual": number(result.observed.value),
                "attainment_pct": number(result.attainment_pct),
                "overshoot_pct": number(result.overshoot_pct)}

    provinces = []
    for _, summaries in _rows(report):
        for s in summaries:
            provinces.append({
                "id": s.province.id, "name": s.province.name,
                "successor": successor_dict(s.province.plan.province.successor),
                "counts": {status.value: n for status, n in s.counts.items()},
                "biggest_overshoot": extreme(s.best), "worst_shortfall": extreme(s.worst),
                "pending_revocations": s.pending_revocations})
    return {"as_of": report.as_of.isoformat(), "lang": lang, "provinces": provinces}


def status_markdown(report: Report, lang: str) -> str:
    columns = [word(lang, "province"), *(STATUSES[lang][s.value] for s in Status),
               word(lang, "pending_revocations"), word(lang, "best"), word(lang, "worst")]
    lines = [f"## {word(lang, 'status_title', as_of=day(report.as_of, lang))}", "",
             "| " + " | ".join(columns) + " |", "|---|" + "---:|" * 7 + "---|---|"]
    for heading, summaries in _rows(report):
        if heading is not None:
            lines.append(f"| **{new_province_title(heading.successor, lang)}** |"
                         + " |" * (len(columns) - 1))
        for s in summaries:
            cells = [province_title(s.province.plan, lang),
                     *(str(s.counts[status]) for status in Status), str(s.pending_revocations),
                     _extreme(s.best, lang), _extreme(s.worst, lang)]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def render(report: Report, lang: str, output_format: str, console: Console) -> None:
    if output_format == "json":
        console.file.write(json.dumps(status_dict(report, lang), ensure_ascii=False,
                                      indent=2) + "\n")
    elif output_format == "markdown":
        console.file.write(status_markdown(report, lang))
    else:
        console.print(status_table(report, lang))
