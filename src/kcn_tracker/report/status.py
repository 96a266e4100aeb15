"""`kcn-tracker status`: every province on one screen, as a table, JSON or Markdown."""

from __future__ import annotations

import json

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from kcn_tracker.progress.evaluate import Report, Status, TargetResult
from kcn_tracker.progress.summary import Summary, summarize, total
from kcn_tracker.report.cells import (
    actual_text,
    as_text,
    day,
    indicator_label,
    markdown_text,
    new_province_short,
    new_province_title,
    percent,
    period_text,
    province_short,
    province_title,
    target_text,
    word,
)
from kcn_tracker.report.formats.json_report import successor_dict
from kcn_tracker.report.formats.table import STATUS_STYLES
from kcn_tracker.report.groups import grouped
from kcn_tracker.report.words import QUALIFIERS, STATUSES
from kcn_tracker.text.display import json_printable


def _extreme(result: TargetResult | None, lang: str) -> str:
    """'Dự án FDI cấp mới 2024: 21 dự án / 15 dự án (suy ra), 140% (+40%)'."""
    if result is None:
        return "—"
    bound = QUALIFIERS[lang][result.attainment_qualifier.value]
    return (f"{indicator_label(result.target.indicator.value, lang)} "
            f"{period_text(result.period, lang)}: {actual_text(result, lang)} / "
            f"{target_text(result, lang)}, {percent(result.attainment_pct, lang, qualifier=bound)}"
            f" ({percent(result.overshoot_pct, lang, sign=True, qualifier=bound)})")


def _count_cells(counts: dict[Status, int], has_targets: bool, bold: bool = False) -> list:
    if not has_targets:
        return [Text("—", style="dim")] * len(Status)
    return [Text(str(counts[s]) if counts[s] else "·",
                 style=(STATUS_STYLES[s.value] + (" bold" if bold else "")) if counts[s]
                 else "dim") for s in Status]


def _highlights(summaries: list[Summary], lang: str) -> list[tuple[Text, Text]]:
    """What to say of each province under the counts: (label, what it says)."""
    rows = []
    for summary in summaries:
        name = province_short(summary.province.plan, lang)
        if not summary.province.targets:
            rows.append((as_text(f"{name}:"), Text(word(lang, "targets_none"), style="dim")))
        for label, result in (("best", summary.best), ("worst", summary.worst)):
            if result is not None:
                rows.append((as_text(f"{name} · {word(lang, label)}:"),
                             as_text(_extreme(result, lang))))
        if summary.pending_revocations:
            rows.append((as_text(f"{name} · {word(lang, 'pending_revocations')}:"),
                         Text(str(summary.pending_revocations), style="bold red")))
    return rows


def _status_list(report: Report, lang: str) -> Group:
    """Narrower than 80 columns no table of seven columns fits: one line a province, and
    each highlight as its label over what it says, indented (two columns side by side
    would cut the figures)."""
    parts: list = [Text(word(lang, "status_title", as_of=day(report.as_of, lang)),
                        style="bold")]
    for heading, summaries in _rows(report):
        if heading is not None:
            parts.append(as_text(new_province_short(heading.successor, lang), style="bold"))
        for summary in summaries:
            counts = [f"{STATUSES[lang][s.value]} {n}" for s, n in summary.counts.items() if n]
            line = ", ".join(counts) if counts else word(lang, "targets_none")
            parts.append(as_text(f"{'  ' if heading else ''}"
                                 f"{province_short(summary.province.plan, lang)}: {line}"))
    parts.append(Text(""))
    for label, said in _highlights([s for _, group in _rows(report) for s in group], lang):
        label.stylize("bold")
        parts += [label, Padding(said, (0, 0, 0, 2))]
    return Group(*parts)


def _rows(report: Report) -> list[tuple[object, list[Summary]]]:
    return [(heading, [summarize(p) for p in members]) for heading, members in grouped(report)]


def status_table(report: Report, lang: str, width: int = 80) -> Group:
    if width < 80:
        return _status_list(report, lang)
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
            # The new province's row: counts of targets add up; figures never do.
            table.add_row(as_text(new_province_short(heading.successor, lang), style="bold"),
                          *_count_cells(total(summaries),
                                        any(m.province.targets for m in summaries), bold=True))
        for summary in summaries:
            name = province_short(summary.province.plan, lang)
            table.add_row(as_text(("  " if heading is not None else "") + name),
                          *_count_cells(summary.counts, bool(summary.province.targets)))
        for label, said in _highlights(summaries, lang):
            highlights.add_row(label, said)
    parts = [table, Text(word(lang, "status_dash"), style="dim")]
    if highlights.row_count:
        parts += [Text(""), highlights]
    return Group(*parts)


def status_dict(report: Report, lang: str) -> dict:
    def extreme(result: TargetResult | None) -> dict | None:
        if result is None:
            return None
        from kcn_tracker.report.formats.json_report import number

        return {"id": result.target.id, "indicator": result.target.indicator.value,
                "label": indicator_label(result.target.indicator.value, lang),
                "period": result.period.text, "unit": result.target.unit.value,
                "target": number(result.value), "actual": number(result.observed.value),
                "attainment_pct": number(result.attainment_pct),
                "attainment_qualifier": result.attainment_qualifier.value,
                "overshoot_pct": number(result.overshoot_pct)}

    provinces, groups = [], []
    for heading, summaries in _rows(report):
        if heading is not None:
            groups.append({**successor_dict(heading.successor),
                           "members": [s.province.id for s in summaries],
                           "counts": {k.value: n for k, n in total(summaries).items()}})
        for s in summaries:
            provinces.append({
                "id": s.province.id, "name": s.province.name,
                "successor": successor_dict(s.province.plan.province.successor),
                "counts": {status.value: n for status, n in s.counts.items()},
                "targets": len(s.province.targets),
                "biggest_overshoot": extreme(s.best), "worst_shortfall": extreme(s.worst),
                "pending_revocations": s.pending_revocations})
    document = {"as_of": report.as_of.isoformat(), "lang": lang, "provinces": provinces}
    if report.by_successor:
        document["successors"] = groups
    return document


def status_markdown(report: Report, lang: str) -> str:
    columns = [word(lang, "province"), *(STATUSES[lang][s.value] for s in Status),
               word(lang, "pending_revocations"), word(lang, "best"), word(lang, "worst")]
    lines = [f"## {markdown_text(word(lang, 'status_title', as_of=day(report.as_of, lang)))}",
             "",
             "| " + " | ".join(columns) + " |", "|---|" + "---:|" * 7 + "---|---|"]
    for heading, summaries in _rows(report):
        if heading is not None:
            title = markdown_text(new_province_title(heading.successor, lang))
            lines.append(f"| **{title}** |"
                         + " |" * (len(columns) - 1))
        for s in summaries:
            # As the table writes them: "—" where the province has no target (not 0 of
            # each), "·" for no target with that status; the note below says which is which.
            counts = [(str(s.counts[status]) if s.counts[status] else "·")
                      if s.province.targets else "—" for status in Status]
            cells = [province_title(s.province.plan, lang), *counts, str(s.pending_revocations),
                     _extreme(s.best, lang), _extreme(s.worst, lang)]
            lines.append("| " + " | ".join(markdown_text(c) for c in cells) + " |")
    lines += ["", markdown_text(word(lang, "status_dash"))]
    return "\n".join(lines) + "\n"


def render(report: Report, lang: str, output_format: str, console: Console) -> None:
    if output_format == "json":
        console.file.write(json_printable(json.dumps(status_dict(report, lang),
                                                     ensure_ascii=False, indent=2)) + "\n")
    elif output_format == "markdown":
        console.file.write(status_markdown(report, lang))
    else:
        console.print(status_table(report, lang, console.width))
