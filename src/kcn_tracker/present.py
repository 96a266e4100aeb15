"""Words and figures as a reader sees them, shared by the text renderers.

"trên 2.150 tỷ đồng", "2021–2025", "các KCN": one place decides how a figure,
a period or a scope reads in each language, so the table, the Markdown and the
CSV never disagree.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import PurePosixPath

from .evaluate import TargetResult
from .i18n import COMPARATORS, QUALIFIERS, SCOPES, STATUSES, WORDS
from .model import Actual, Origin, Plan
from .numbers import format_number
from .periods import Period, parse_period
from .vocabulary import INDICATORS, UNITS


def word(lang: str, key: str, **values: str) -> str:
    return WORDS[lang][key].format(**values)


def quantity(value: Decimal, unit: str, lang: str, prefix: str = "") -> str:
    u = UNITS[unit]
    number = format_number(value, lang, u.decimals)
    label = getattr(u, lang)
    text = f"{number}{label}" if label == "%" else f"{number} {label}"
    return f"{prefix} {text}" if prefix else text


def day(d: date, lang: str) -> str:
    return d.strftime("%d/%m/%Y") if lang == "vi" else d.isoformat()


def period_text(period: Period, lang: str) -> str:
    s, e = period.start, period.end
    if period.is_instant:
        return day(s, lang)
    if s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31:
        return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
    month = (lambda d: f"{d.month:02d}/{d.year}") if lang == "vi" else (
        lambda d: f"{d.year}-{d.month:02d}")
    if (s.year, s.month) == (e.year, e.month):
        return month(s)
    if lang == "vi" and s.year == e.year:
        return f"{s.month:02d}–{e.month:02d}/{s.year}"
    return f"{month(s)}–{month(e)}"


def partial_date(text: str, lang: str) -> str:
    """A reported date as precise as it was recorded: 2024, 01/2024, 15/01/2024."""
    period = parse_period(text)
    return day(period.start, lang) if period.is_instant else period_text(period, lang)


def indicator_label(key: str, lang: str) -> str:
    return getattr(INDICATORS[key], lang)


def scope_text(plan: Plan, scope: str, lang: str) -> str:
    return SCOPES[lang].get(scope) or plan.zones.get(scope, scope)


def target_text(result: TargetResult, lang: str) -> str:
    t = result.target
    text = quantity(result.value, t.unit.value, lang, COMPARATORS[lang][t.comparator.value])
    if t.origin is Origin.IMPLIED:
        text += f" ({word(lang, 'implied')})"
    return text


def actual_text(result: TargetResult, lang: str) -> str:
    observed = result.observed
    if observed is None:
        return word(lang, "no_data")
    text = quantity(observed.value, observed.unit, lang,
                    QUALIFIERS[lang][observed.qualifier.value])
    if observed.estimated:
        text = f"{word(lang, 'estimated')} {text}"
    if not result.complete:
        text += f" ({word(lang, 'partial', date=day(observed.observed_until, lang))})"
    return text


def actual_entry_text(actual: Actual, lang: str) -> str:
    text = quantity(actual.value, actual.unit.value, lang,
                    QUALIFIERS[lang][actual.qualifier.value])
    return f"{word(lang, 'estimated')} {text}" if actual.estimated else text


def percent(value: Decimal | None, lang: str, sign: bool = False) -> str:
    if value is None:
        return "—"
    return format_number(value, lang, 1, sign=sign) + "%"


def status_text(status: str, lang: str) -> str:
    return STATUSES[lang][status]


def document_label(document: str) -> str:
    """A short name for a seed document: the number before the first underscore."""
    stem = PurePosixPath(document).stem
    return stem.split("_", 1)[0] if "_" in stem else stem


def sources_of(result: TargetResult) -> str:
    documents = [result.target.source.document]
    if result.observed:
        documents += [a.source.document for a in result.observed.entries]
    return ", ".join(dict.fromkeys(document_label(d) for d in documents))


def target_cells(result: TargetResult, plan: Plan, lang: str) -> dict[str, str]:
    t = result.target
    return {
        "indicator": indicator_label(t.indicator.value, lang),
        "scope": scope_text(plan, t.scope, lang),
        "period": period_text(result.period, lang),
        "target": target_text(result, lang),
        "actual": actual_text(result, lang),
        "attainment": percent(result.attainment_pct, lang),
        "overshoot": percent(result.overshoot_pct, lang, sign=True),
        "status": status_text(result.status.value, lang),
        "source": sources_of(result),
    }


def actual_cells(actual: Actual, plan: Plan, lang: str) -> dict[str, str]:
    scope = scope_text(plan, actual.scope, lang)
    return {
        "indicator": indicator_label(actual.indicator.value, lang),
        "scope": f"{scope}: {actual.project}" if actual.project else scope,
        "period": period_text(parse_period(actual.period), lang),
        "actual": actual_entry_text(actual, lang),
        "target": word(lang, "no_target"),
        "source": document_label(actual.source.document),
    }


def revocation_cells(revocation, plan: Plan, lang: str) -> dict[str, str]:
    return {
        "project": revocation.name,
        "zone": plan.zones.get(revocation.zone, "") if revocation.zone else "",
        "reported": partial_date(revocation.reported, lang),
        "source": revocation.source.document,
    }
