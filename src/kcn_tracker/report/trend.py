"""`kcn-tracker trend`: an indicator over the years as bars, with its targets."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from kcn_tracker.plans.vocabulary import UNITS
from kcn_tracker.progress.trend import Series
from kcn_tracker.report.cells import (
    actual_entry_text,
    actual_text,
    as_text,
    indicator_label,
    markdown_text,
    percent,
    period_text,
    province_title,
    scope_text,
    target_text,
    word,
)

BAR = 24


def _bar(value: Decimal, target: Decimal | None, top: Decimal, width: int) -> Text:
    """A bar for the figure; "│" marks where the target stands."""
    filled = int(value / top * width) if top > 0 else 0
    cells = ["█"] * filled + [" "] * (width - filled)
    if target is not None and top > 0:
        mark = min(int(target / top * width), width - 1)
        cells[mark] = "│"
    text = Text()
    for cell in cells:
        text.append(cell, style="yellow" if cell == "│" else "cyan")
    return text


def _title(s: Series, lang: str) -> str:
    unit = UNITS[s.unit]
    return word(lang, "trend_title", indicator=indicator_label(_indicator(s), lang),
                name=province_title(s.plan, lang), scope=scope_text(s.plan, s.scope, lang),
                unit=getattr(unit, lang))


def _indicator(s: Series) -> str:
    if s.points:
        return s.points[0].actual.indicator.value
    return s.other_targets[0].target.indicator.value


def _top(s: Series) -> Decimal:
    values = [p.actual.value for p in s.points]
    values += [p.target.value for p in s.points if p.target and p.target.value is not None]
    return max(values, default=Decimal(0))


WIDE = 100  # narrower than this, the bars would squeeze the figures: the table goes without


def _point_line(p, lang: str) -> Text:
    """'2024: ước 1.030.000 tỷ đồng, +5,9% (theo văn bản +8%) · kế hoạch …' for narrow screens."""
    text = f"{period_text(p.period, lang)}: {actual_entry_text(p.actual, lang)}"
    if p.change_pct is not None:
        text += f", {percent(p.change_pct, lang, sign=True)}"
    if p.stated_growth is not None:
        text += (f" ({word(lang, 'stated_growth').lower()} "
                 f"{percent(p.stated_growth.value, lang, sign=True)})")
    if p.target is not None:
        text += f" · {word(lang, 'target').lower()}: {target_text(p.target, lang)}"
    return Text(text)


def series_table(s: Series, lang: str, width: int) -> Group:
    if width < 80:
        return Group(as_text(_title(s, lang), style="bold"),
                     *(_point_line(p, lang) for p in s.points), *_other_targets(s, lang))
    bars = width >= WIDE
    table = Table(title=as_text(_title(s, lang), "bold"), title_style="bold",
                  title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(word(lang, "period"), no_wrap=True)
    if bars:
        table.add_column("", no_wrap=True, width=BAR)
    table.add_column(word(lang, "actual"), overflow="fold")
    table.add_column(word(lang, "change"), justify="right", no_wrap=True)
    table.add_column(word(lang, "stated_growth"), justify="right", no_wrap=True)
    table.add_column(word(lang, "target"), overflow="fold")
    top = _top(s)
    for p in s.points:
        target_value = p.target.value if p.target else None
        bar = [_bar(p.actual.value, target_value, top, BAR)] if bars else []
        table.add_row(
            as_text(period_text(p.period, lang)), *bar,
            as_text(actual_entry_text(p.actual, lang)),
            as_text(percent(p.change_pct, lang, sign=True) if p.change_pct is not None else ""),
            as_text(percent(p.stated_growth.value, lang, sign=True) if p.stated_growth else ""),
            as_text(target_text(p.target, lang) if p.target else ""))
    return Group(*([table] if s.points else [as_text(_title(s, lang), style="bold")]),
                 *_other_targets(s, lang))


def _other_targets(s: Series, lang: str) -> list[Text]:
    return [Text(word(lang, "plan_for", period=period_text(t.period, lang),
                      target=target_text(t, lang))
                 + f" — {word(lang, 'actual').lower()}: {actual_text(t, lang)}", style="dim")
            for t in s.other_targets]


def trend_markdown(all_series: list[Series], lang: str) -> str:
    lines: list[str] = []
    for s in all_series:
        lines += [f"## {markdown_text(_title(s, lang))}", "",
                  f"| {word(lang, 'period')} | {word(lang, 'actual')} | {word(lang, 'change')} | "
                  f"{word(lang, 'stated_growth')} | {word(lang, 'target')} |",
                  "|---|---|---:|---:|---|"]
        for p in s.points:
            lines.append("| " + " | ".join(markdown_text(c) for c in [
                period_text(p.period, lang), actual_entry_text(p.actual, lang),
                percent(p.change_pct, lang, sign=True) if p.change_pct is not None else "",
                percent(p.stated_growth.value, lang, sign=True) if p.stated_growth else "",
                target_text(p.target, lang) if p.target else ""]) + " |")
        for t in s.other_targets:
            lines.append("")
            lines.append(markdown_text(
                word(lang, "plan_for", period=period_text(t.period, lang),
                     target=target_text(t, lang))
                + f" — {word(lang, 'actual').lower()}: {actual_text(t, lang)}"))
        lines.append("")
    return "\n".join(lines)


def render(all_series: list[Series], lang: str, console: Console) -> None:
    for s in all_series:
        console.print(series_table(s, lang, console.width))
        console.print()
