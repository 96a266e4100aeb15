"""Words and figures as a reader sees them, shared by the text renderers.

"trên 2.150 tỷ đồng", "2021–2025", "các KCN": one place decides how a figure,
a period or a scope reads in each language, so the table, the Markdown and the
CSV never disagree.

Names and paths come from plan files, which arrive by pull request: here they
are made safe to show, once for every renderer. Each one goes through
``printable`` (no escape sequence, no bidirectional override reaches a screen or
a file); the Rich renderers take them as ``Text`` from ``as_text``, never as markup;
the Markdown ones through ``markdown_text``.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from kcn_tracker.plans.merger import plan_successor
from kcn_tracker.plans.model import Actual, Origin, Plan
from kcn_tracker.plans.periods import Period, parse_period
from kcn_tracker.plans.vocabulary import INDICATORS, UNITS
from kcn_tracker.progress.evaluate import Observed, PendingRevocation, TargetResult
from kcn_tracker.report.words import COMPARATORS, QUALIFIERS, SCOPES, STATUSES, WORDS
from kcn_tracker.text.display import format_number, printable

if TYPE_CHECKING:  # Rich is loaded by the renderers that draw, not by CSV or JSON
    from rich.text import Text


def as_text(text: str, style: str = "") -> "Text":
    """``text`` for Rich as it is written: a plan's "[link=…]" or ":warning:" is shown,
    not obeyed (a str given to Rich is read as markup and emoji codes)."""
    from rich.text import Text

    return Text(printable(text), style=style)


_MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# HTML that a Markdown viewer would render, a cell's end, a link, code, emphasis or
# strikethrough; a backslash only where it would escape the next character (CommonMark
# escapes ASCII punctuation only), so "\u001b" from printable reads as it is, or at the
# end, where the next character is the caller's (a code span's backtick, "**", ":").
_MARKDOWN_SPECIAL = re.compile(r"[&<>|\[\]`*_~]|\\(?=[!-/:-@\[-`{-~]|\Z)")
# What GitHub turns into a link with no markup around it: a url, a www. host, an email
# address (GFM's extended autolinks), and an @mention. No escape stops that, but GFM makes
# no link inside a code span: a word (up to a space or "|", which must stay escaped as a
# cell's end) that holds "://", "www.", "@", "mailto:" or "xmpp:" is shown as code. A
# match starts only at a word's start, so the search stays linear in the text.
_AUTOLINK = re.compile(r"(?<![^\s|])(?=[^\s|]*?(?:://|www\.|@|mailto:|xmpp:))[^\s|]+",
                       re.IGNORECASE)


def markdown_text(text: str) -> str:
    """``text`` for a Markdown table cell or heading: one line, shown as written, with
    no link, markup or HTML made from it."""
    text, out, start = printable(text), [], 0
    for link in _AUTOLINK.finditer(text):
        out += [_markdown_escaped(text[start:link.start()]), markdown_code(link[0])]
        start = link.end()
    return "".join(out) + _markdown_escaped(text[start:])


def _markdown_escaped(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(lambda m: _MARKDOWN_ENTITIES.get(m[0]) or "\\" + m[0], text)


def markdown_code(text: str) -> str:
    """``text`` as inline code; a fence longer than any run of backticks inside."""
    text = printable(text)
    fence = "`" * (max((len(r) for r in re.findall("`+", text)), default=0) + 1)
    pad = " " if fence != "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def word(lang: str, key: str, **values: str) -> str:
    # The values are names as often as figures, and some callers (the CLI's notes)
    # print the sentence as it is: escape them here too.
    return WORDS[lang][key].format(**{k: printable(v) for k, v in values.items()})


def figure(value: Decimal, unit: str, lang: str, places: int | None = None) -> str:
    """The number alone, as ``quantity`` writes it."""
    # A figure keeps the decimals it was written with: 89,53 triệu USD, 73,5 ha.
    own = max(0, -value.normalize().as_tuple().exponent)
    return format_number(value, lang, places if places is not None
                         else max(UNITS[unit].decimals, own))


def quantity(value: Decimal, unit: str, lang: str, prefix: str = "",
             places: int | None = None, low: Decimal | None = None) -> str:
    """"trên 2.150 tỷ đồng", "92,1%"; with ``low``, a range: "120–150 triệu USD"."""
    number = figure(value, unit, lang, places)
    if low is not None:
        number = f"{figure(low, unit, lang, places)}–{number}"
    label = getattr(UNITS[unit], lang)
    text = f"{number}{label}" if label == "%" else f"{number} {label}"
    return f"{prefix} {text}" if prefix else text


def day(d: date, lang: str) -> str:
    return d.strftime("%d/%m/%Y") if lang == "vi" else d.isoformat()


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")


def _month(d: date, lang: str, with_year: bool = True) -> str:
    if lang == "vi":
        return f"{d.month:02d}/{d.year}" if with_year else f"{d.month:02d}"
    return f"{MONTHS_EN[d.month - 1]} {d.year}" if with_year else MONTHS_EN[d.month - 1]


def period_text(period: Period, lang: str) -> str:
    """2023, 2021–2025, 01–02/2024 (Jan–Feb 2024), 30/11/2020 (2020-11-30)."""
    s, e = period.start, period.end
    if period.is_instant:
        return day(s, lang)
    if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
        return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
    if s.day != 1 or parse_period(f"{e.year}-{e.month:02d}").end != e:
        return f"{day(s, lang)}–{day(e, lang)}"
    if (s.year, s.month) == (e.year, e.month):
        return _month(s, lang)
    if s.year == e.year:
        return f"{_month(s, lang, False)}–{_month(e, lang)}"
    return f"{_month(s, lang)}–{_month(e, lang)}"


def partial_date(text: str, lang: str) -> str:
    """A reported date as precise as it was recorded: 2024, 01/2024, 15/01/2024."""
    period = parse_period(text)
    return day(period.start, lang) if period.is_instant else period_text(period, lang)


def province_title(plan: Plan, lang: str) -> str:
    """The province's name, marked as a former province when another took it over."""
    successor = plan_successor(plan)  # stated, else the 2025 table
    if successor is None:
        return printable(plan.province.name)
    until = date.fromordinal(parse_period(successor.since).start.toordinal() - 1)
    return word(lang, "old_province", name=printable(plan.province.name),
                until=day(until, lang))


def province_name(plan: Plan) -> str:
    return printable(plan.province.name)


def province_names(plans: list[Plan]) -> str:
    return ", ".join(province_name(p) for p in plans)


def since_day(successor, lang: str) -> str:
    """The day a successor province took over, as the language writes dates."""
    return day(parse_period(successor.since).start, lang)


def province_short(plan: Plan, lang: str) -> str:
    """"Bắc Kạn (cũ)": the name, and whether it is a former province, in a narrow column."""
    if plan_successor(plan) is None:
        return printable(plan.province.name)
    return word(lang, "old_short", name=printable(plan.province.name))


def new_province_short(successor, lang: str) -> str:
    return word(lang, "new_short", name=printable(successor.name),
                since=since_day(successor, lang))


def new_province_title(successor, lang: str) -> str:
    return word(lang, "new_province", name=printable(successor.name),
                since=since_day(successor, lang), basis=printable(successor.basis))


def indicator_label(key: str, lang: str) -> str:
    return getattr(INDICATORS[key], lang)


def scope_label(plan: Plan, scope: str, lang: str) -> str:
    """The scope's name as the plan writes it, for JSON (which escapes it itself)."""
    return SCOPES[lang].get(scope) or plan.zones.get(scope, scope)


def scope_text(plan: Plan, scope: str, lang: str) -> str:
    return printable(scope_label(plan, scope, lang))


def target_words(result: TargetResult, lang: str) -> tuple[str, str]:
    """The words around a target's figure: before it ("trên", "hơn"), after it ("(suy
    ra)"); the workbook puts them in a number format, the text renderers beside it."""
    t = result.target
    words = [COMPARATORS[lang][t.comparator.value], QUALIFIERS[lang][result.value_qualifier.value]]
    return (" ".join(w for w in words if w),
            f"({word(lang, 'implied')})" if t.origin is Origin.IMPLIED else "")


def target_text(result: TargetResult, lang: str) -> str:
    t = result.target
    if result.value is None:
        return f"{word(lang, 'not_known')} ({word(lang, 'implied')})"
    if t.value_max is not None:
        return quantity(t.value_max, t.unit.value, lang, low=result.value)
    before, after = target_words(result, lang)
    text = quantity(result.value, t.unit.value, lang, before)
    return f"{text} {after}" if after else text


def figure_words(figure: Actual | Observed, lang: str) -> str:
    """The words before a reported figure: "ước", "hơn", "ước khoảng"."""
    words = [word(lang, "estimated") if figure.estimated else "",
             QUALIFIERS[lang][figure.qualifier.value]]
    return " ".join(w for w in words if w)


def partial_words(result: TargetResult, lang: str) -> str:
    """After a figure that does not yet cover its target's period: "(số liệu đến …)"."""
    if result.complete:
        return ""
    return f"({word(lang, 'partial', date=day(result.observed.observed_until, lang))})"


def actual_text(result: TargetResult, lang: str) -> str:
    observed = result.observed
    if observed is None:
        return word(lang, "no_data")
    text = quantity(observed.value, observed.unit, lang, figure_words(observed, lang))
    partial = partial_words(result, lang)
    return f"{text} {partial}" if partial else text


def remaining_text(result: TargetResult, lang: str) -> str:
    """How many more, and how fast: "còn thiếu 8 dự án; cần 0,7 dự án/tháng, đến nay 0,5
    dự án/tháng", or by how much a plan is exceeded; empty when there is nothing to say."""
    pace, unit = result.pace, result.target.unit.value
    bound = QUALIFIERS[lang][pace.qualifier.value]
    if pace.excess is not None:
        return word(lang, "over_by", amount=quantity(pace.excess, unit, lang, bound))
    if pace.remaining is None:
        return ""
    text = word(lang, "to_go", amount=quantity(pace.remaining, unit, lang, bound))
    if pace.pace_needed is not None and pace.pace_so_far is not None:
        text += "; " + word(lang, "pace", needed=_rate(pace.pace_needed, unit, lang),
                            so_far=_rate(pace.pace_so_far, unit, lang))
    elif pace.pace_needed is not None:
        text += "; " + word(lang, "pace_needed", needed=_rate(pace.pace_needed, unit, lang))
    return text


def _rate(value: Decimal, unit: str, lang: str) -> str:
    return quantity(value, unit, lang, places=max(UNITS[unit].decimals, 1))


def revision_lines(province, lang: str) -> list[str]:
    """Each entry a later one replaces: what it said, where, and what replaces it."""
    lines = []
    for old_id, new in province.superseded.items():
        old = next(e for s in ("targets", "actuals") for e in getattr(province.plan, s)
                   if e.id == old_id)
        said = (actual_entry_text(old, lang) if isinstance(old, Actual)
                else quantity(old.value, old.unit.value, lang) if old.value is not None
                else old_id)
        lines.append(word(lang, "revised", new=printable(new.id), old=said,
                          document=document_label(old.source.document)))
    return lines


def actual_entry_text(actual: Actual, lang: str) -> str:
    return quantity(actual.value, actual.unit.value, lang, figure_words(actual, lang))


def percent(value: Decimal | None, lang: str, sign: bool = False,
            boundary: Decimal = Decimal(0), qualifier: str = "") -> str:
    """A percentage to 0.1, or to 0.01 where 0.1 would land on ``boundary`` and
    so read as a target met that is not (99,96 % is not 100 %)."""
    if value is None:
        return "—"
    places = 1
    if value != boundary and value.quantize(Decimal("0.1"), ROUND_HALF_UP) == boundary:
        places = 2
    text = format_number(value, lang, places, sign=sign) + "%"
    return f"{qualifier} {text}" if qualifier else text


def status_text(status: str, lang: str) -> str:
    return STATUSES[lang][status]


def document_label(document: str) -> str:
    """A short name for a seed document: the number before the first underscore."""
    stem = PurePosixPath(printable(document)).stem
    return stem.split("_", 1)[0] if "_" in stem else stem


def sources_of(result: TargetResult) -> str:
    documents = [result.target.source.document]
    documents += [t.source.document for t in result.restated]
    if result.observed:
        documents += [a.source.document for a in result.observed.entries]
    return ", ".join(dict.fromkeys(document_label(d) for d in documents))


def target_cells(result: TargetResult, plan: Plan, lang: str) -> dict[str, str]:
    t = result.target
    bound = QUALIFIERS[lang][result.attainment_qualifier.value]
    return {
        "indicator": indicator_label(t.indicator.value, lang),
        "scope": scope_text(plan, t.scope, lang),
        "period": period_text(result.period, lang),
        "target": target_text(result, lang),
        "actual": actual_text(result, lang),
        "attainment": percent(result.attainment_pct, lang, boundary=Decimal(100),
                              qualifier=bound),
        "overshoot": percent(result.overshoot_pct, lang, sign=True, qualifier=bound),
        "status": status_text(result.status.value, lang),
        "remaining": remaining_text(result, lang),
        "source": sources_of(result),
    }


def actual_cells(actual: Actual, plan: Plan, lang: str) -> dict[str, str]:
    scope = scope_text(plan, actual.scope, lang)
    return {
        "indicator": indicator_label(actual.indicator.value, lang),
        "scope": f"{scope}: {printable(actual.project)}" if actual.project else scope,
        "period": period_text(parse_period(actual.period), lang),
        "actual": actual_entry_text(actual, lang),
        "target": word(lang, "no_target"),
        "source": document_label(actual.source.document),
    }


def revocation_cells(pending: PendingRevocation, plan: Plan, lang: str) -> dict[str, str]:
    entry = pending.entry
    return {
        "project": printable(entry.name),
        "zone": printable(plan.zones.get(entry.zone, "")) if entry.zone else "",
        "since": partial_date(pending.since, lang),
        "source": printable(entry.source.document),
    }


def no_targets_text(year: int | None, lang: str) -> str:
    return word(lang, "targets_none_year", year=str(year)) if year else word(lang, "targets_none")


def note_lines(province, lang: str) -> list[str]:
    """"Indicator period: note" for each target and each figure with no target that
    carries a note (why a figure is read the way it is)."""
    lines = []
    for r in province.targets:
        if r.target.note:
            lines.append(f"{indicator_label(r.target.indicator.value, lang)} "
                         f"{period_text(r.period, lang)}: {printable(r.target.note)}")
    for a in province.untargeted:
        if a.note:
            lines.append(f"{indicator_label(a.indicator.value, lang)} "
                         f"{period_text(parse_period(a.period), lang)}: {printable(a.note)}")
    return lines
