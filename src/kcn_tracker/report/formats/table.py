"""The Rich terminal report, the one a board puts on the projector."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from kcn_tracker.plans.vocabulary import INDICATORS
from kcn_tracker.progress.evaluate import (
    PendingRevocation,
    ProvinceResult,
    Report,
    TargetResult,
)
from kcn_tracker.report.cells import (
    actual_cells,
    as_text,
    day,
    document_label,
    new_province_title,
    no_targets_text,
    note_lines,
    province_name,
    province_names,
    province_title,
    revision_lines,
    revocation_cells,
    target_cells,
    word,
)
from kcn_tracker.report.groups import grouped
from kcn_tracker.report.sources import CitedDocument, cited, report_sources

STATUS_STYLES = {
    "exceeded": "bold green",
    "met": "green",
    "on_track": "cyan",
    "behind": "yellow",
    "missed": "bold red",
    "no_data": "dim",
}
BAR_WIDTH = 10
# Below this width (a laptop terminal, a projector at large type) the period and
# the source move under the indicator and the progress bar goes, so that no
# figure is cut; the percentage column still says how far a target is.
WIDE_CONSOLE = 140
COMPACT_CONSOLE = 80
WIDE_FIGURE = 20  # "trên 2.150 tỷ đồng" on one line
# Compact column widths at 80 columns: 65 plus 3 between each pair of columns.
COMPACT_WIDTHS = {"indicator": 16, "target": 13, "actual": 13, "attainment": 6,
                  "overshoot": 8, "status": 9}


def compact_widths(console_width: int) -> dict[str, int]:
    """Fixed widths that fill the console: Rich would otherwise cut the last column."""
    widths = dict(COMPACT_WIDTHS)
    extra = console_width - 80
    status = min(extra, 6)  # room for "Chưa có số liệu" on two lines at most
    widths["status"] += status
    extra -= status
    widths["target"] += extra // 4
    widths["actual"] += extra // 4
    widths["indicator"] += extra - 2 * (extra // 4)
    return widths


def bar(attainment: Decimal | None) -> Text:
    if attainment is None:
        return Text("")
    filled = int(min(max(attainment, Decimal(0)), Decimal(100)) * BAR_WIDTH / 100)
    style = "green" if attainment >= 100 else "yellow"
    return Text("█" * filled, style=style) + Text("░" * (BAR_WIDTH - filled), style="dim")


def _indicator(cells: dict[str, str], wide: bool) -> Text:
    under = cells["scope"] if wide else " · ".join(
        (cells["scope"], cells["period"], f"[{cells['source']}]"))
    # The line break is ours; only the cells go through as_text, which escapes one.
    return as_text(cells["indicator"]) + Text("\n", style="dim") + as_text(under, style="dim")


def _table(title: str) -> Table:
    # A str title would be read as markup; the title holds the province's name.
    return Table(title=as_text(title, "bold"), title_style="bold", title_justify="left",
                 box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)


def targets_list(province: ProvinceResult, report: Report, lang: str) -> Group:
    """Narrower than 80 columns (a phone, a split screen) no table fits: one block a target."""
    parts: list = [as_text(word(lang, "title", name=province_title(province.plan, lang),
                                as_of=day(report.as_of, lang)), style="bold")]
    for result in province.targets:
        cells = target_cells(result, province.plan, lang)
        style = STATUS_STYLES[result.status.value]
        parts += [
            as_text(cells["indicator"], style="bold")
            + as_text(f" · {cells['scope']} · {cells['period']} [{cells['source']}]",
                      style="dim"),
            as_text(f"  {word(lang, 'target')}: {cells['target']}"),
            as_text(f"  {word(lang, 'actual')}: {cells['actual']}"),
            *([as_text(f"  {cells['remaining']}", style="dim")] if cells["remaining"] else []),
            as_text(f"  {cells['attainment']} · {cells['overshoot']} · ")
            + as_text(cells["status"], style=style),
        ]
    return Group(*parts)


def targets_table(province: ProvinceResult, report: Report, lang: str, width: int) -> Table:
    wide = width >= WIDE_CONSOLE
    table = _table(word(lang, "title", name=province_title(province.plan, lang),
                   as_of=day(report.as_of, lang)))
    # Figures fold rather than end in "…": a cut-off number is a wrong number.
    narrow = {} if wide else compact_widths(width)
    table.add_column(word(lang, "indicator"), min_width=16, width=narrow.get("indicator"))
    if wide:
        table.add_column(word(lang, "period"), no_wrap=True)
    table.add_column(word(lang, "target"), overflow="fold", width=narrow.get("target"),
                     min_width=WIDE_FIGURE if wide else None)
    table.add_column(word(lang, "actual"), overflow="fold", width=narrow.get("actual"),
                     min_width=WIDE_FIGURE if wide else None)
    if wide:
        table.add_column(word(lang, "progress"), no_wrap=True, width=BAR_WIDTH)
    table.add_column(word(lang, "attainment"), justify="right", no_wrap=wide,
                     width=narrow.get("attainment"), overflow="fold")
    table.add_column(word(lang, "overshoot"), justify="right", no_wrap=wide,
                     width=narrow.get("overshoot"), overflow="fold")
    table.add_column(word(lang, "status"), width=narrow.get("status"), no_wrap=wide)
    if wide:
        table.add_column(word(lang, "source"), style="dim", no_wrap=True)
    for result in province.targets:
        table.add_row(*_target_row(result, province, lang, wide))
    return table


def _target_row(result: TargetResult, province: ProvinceResult, lang: str, wide: bool) -> list:
    cells = target_cells(result, province.plan, lang)
    style = STATUS_STYLES[result.status.value]
    overshoot = result.overshoot_pct
    # Above plan is good news only where more is better.
    good = overshoot is not None and (overshoot >= 0) == INDICATORS[
        result.target.indicator.value].higher_is_better
    overshoot_style = "" if overshoot is None else ("green" if good else "red")
    row = [_indicator(cells, wide)]
    if wide:
        row.append(as_text(cells["period"]))
    actual = as_text(cells["actual"], style="dim" if result.observed is None else "")
    if cells["remaining"]:  # how many more, by when: under the figure it completes
        actual += Text("\n") + as_text(cells["remaining"], style="dim")
    row += [as_text(cells["target"]), actual]
    if wide:
        row.append(bar(result.attainment_pct))
    row += [as_text(cells["attainment"]), as_text(cells["overshoot"], style=overshoot_style),
            as_text(cells["status"], style=style)]
    return row + [as_text(cells["source"])] if wide else row


def other_actuals_table(province: ProvinceResult, lang: str) -> Table:
    table = _table(word(lang, "other_actuals", name=province_name(province.plan)))
    table.add_column(word(lang, "indicator"), ratio=3, min_width=16, overflow="fold")
    table.add_column(word(lang, "period"), no_wrap=True)
    table.add_column(word(lang, "actual"), ratio=2, min_width=12, overflow="fold")
    table.add_column(word(lang, "source"), style="dim", overflow="fold")
    for actual in province.untargeted:
        cells = actual_cells(actual, province.plan, lang)
        table.add_row(_indicator(cells, wide=True), as_text(cells["period"]),
                      as_text(cells["actual"]), as_text(cells["source"]))
    return table


def _indented(text: str, style: str = "", by: int = 2) -> Padding:
    """A line under its heading whose wrapped lines keep the indent."""
    return Padding(as_text(text, style=style), (0, 0, 0, by))


def other_actuals_list(province: ProvinceResult, lang: str) -> Group:
    """The figures with no target below 80 columns, one block each as ``targets_list``:
    four columns side by side do not fit, and the console would crop the figure."""
    parts: list = [as_text(word(lang, "other_actuals", name=province_name(province.plan)),
                           style="bold")]
    for actual in province.untargeted:
        cells = actual_cells(actual, province.plan, lang)
        parts += [
            as_text(cells["indicator"], style="bold")
            + as_text(f" · {cells['scope']} · {cells['period']} [{cells['source']}]",
                      style="dim"),
            _indented(f"{word(lang, 'actual')}: {cells['actual']}"),
        ]
    return Group(*parts)


def unrecovered_table(rows: list[tuple[ProvinceResult, PendingRevocation]], title: str,
                      lang: str, with_province: bool) -> Table:
    table = _table(title)
    if with_province:
        table.add_column(word(lang, "province"), overflow="fold")
    table.add_column(word(lang, "project"), style="bold red", overflow="fold")
    table.add_column(word(lang, "zone"), overflow="fold")
    table.add_column(word(lang, "since"), no_wrap=True)
    table.add_column(word(lang, "source"), style="dim", overflow="fold")
    for province, revocation in rows:
        cells = revocation_cells(revocation, province.plan, lang)
        head = [as_text(province.name)] if with_province else []
        table.add_row(*head, as_text(cells["project"]), as_text(cells["zone"]),
                      as_text(cells["since"]), as_text(document_label(cells["source"])))
    return table


def unrecovered_list(rows: list[tuple[ProvinceResult, PendingRevocation]], title: str,
                     lang: str, with_province: bool) -> Group:
    """The pending revocations below 80 columns: the project, then where, since when
    and the document, as lines that wrap (a table would cut the names)."""
    parts: list = [as_text(title, style="bold")]
    for province, revocation in rows:
        cells = revocation_cells(revocation, province.plan, lang)
        where = [province_name(province.plan)] if with_province else []
        where += [cells["zone"]] if cells["zone"] else []
        where.append(f"{cells['since']} [{document_label(cells['source'])}]")
        parts += [as_text(cells["project"], style="bold red"),
                  _indented(" · ".join(where), style="dim")]
    return Group(*parts)


def unrecovered(rows: list[tuple[ProvinceResult, PendingRevocation]], title: str, lang: str,
                with_province: bool, width: int) -> Table | Group:
    view = unrecovered_list if width < COMPACT_CONSOLE else unrecovered_table
    return view(rows, title, lang, with_province)


def sources_legend(documents: list[CitedDocument], lang: str, width: int) -> Group:
    """What the short source labels stand for, so every figure can be traced: the name
    the document goes by (title, publisher, date), then its file. Below 80 columns as
    indented lines that wrap, since a grid's columns would cut a long name or path."""
    heading = as_text(word(lang, "documents") + ":", style="dim")
    if width < COMPACT_CONSOLE:
        lines = [heading]
        for d in documents:
            lines.append(_indented(document_label(d.document), style="dim"))
            lines += [_indented(text, style="dim", by=4)
                      for text in (d.about(lang), d.document) if text]
        return Group(*lines)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", overflow="fold")
    grid.add_column(style="dim", overflow="fold")
    for d in documents:
        about = d.about(lang)
        name = as_text(about) + Text("\n") + as_text(d.document) if about else as_text(d.document)
        grid.add_row(as_text(document_label(d.document)), name)
    return Group(heading, Padding(grid, (0, 0, 0, 2), expand=False))


def province_group(province: ProvinceResult, report: Report, lang: str, width: int) -> Group:
    parts: list = []
    if province.targets and width < COMPACT_CONSOLE:
        parts.append(targets_list(province, report, lang))
    elif province.targets:
        parts.append(targets_table(province, report, lang, width))
    else:
        parts.append(as_text(word(lang, "title", name=province_title(province.plan, lang),
                                  as_of=day(report.as_of, lang)), style="bold"))
        parts.append(as_text(no_targets_text(report.year, lang), style="dim"))
    if province.untargeted:
        parts += [Text(""), other_actuals_list(province, lang) if width < COMPACT_CONSOLE
                  else other_actuals_table(province, lang)]
    if notes := note_lines(province, lang):
        parts += [Text(""), as_text(word(lang, "notes") + ":", style="dim")]
        parts += [as_text(f"  {line}", style="dim") for line in notes]
    if revisions := revision_lines(province, lang):
        parts += [Text(""), as_text(word(lang, "revisions") + ":", style="dim")]
        parts += [as_text(f"  {line}", style="dim") for line in revisions]
    if province.unrecovered:
        parts.append(Text(""))
        parts.append(unrecovered(
            [(province, r) for r in province.unrecovered],
            word(lang, "unrecovered_title", name=province_name(province.plan)), lang,
            with_province=False, width=width))
    return Group(*parts)


def render(report: Report, lang: str, console: Console) -> None:
    for heading, members in grouped(report):
        if heading is not None:
            console.rule(as_text(new_province_title(heading.successor, lang), style="bold"),
                         align="left")
            console.print(as_text(word(lang, "members", names=province_names(
                [m.plan for m in members])), style="dim"))
            console.print()
        for province in members:
            console.print(province_group(province, report, lang, console.width))
            console.print()
    if documents := cited(report_sources(report), report.documents):
        console.print(sources_legend(documents, lang, console.width))
