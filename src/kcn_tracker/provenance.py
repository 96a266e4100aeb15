"""Provenance: every figure is in its quote, and every quote is in its document.

These rules read the TOML data as it is, not the validated model, so that a
file with a structural mistake still has all its quotes checked in the same run.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .documents import DocumentError, Documents
from .errors import Problem
from .loader import SECTIONS, Parsed
from .numbers import format_number
from .vietnamese import Stated, canonical, figures_in

MILLION, BILLION = Decimal(10**6), Decimal(10**9)
# What a figure in each unit looks like in text, and the factor from the text's
# own value ("1,03 triệu tỷ đồng" = 1.03e15 đồng) to the unit.
_UNIT_READINGS = {
    "vnd_billion": ("vnd", BILLION),
    "vnd_million": ("vnd", MILLION),
    "usd_million": ("usd", MILLION),
    "percent": ("percent", Decimal(1)),
    "ha": ("ha", Decimal(1)),
}
_EXCEEDED = re.compile(r"vượt(?:\s+(?:gần|hơn|trên|khoảng))?\s*$")


def check_provenance(parsed: Parsed, documents: Documents) -> list[Problem]:
    problems: list[Problem] = []
    for section in SECTIONS:
        entries = parsed.data.get(section)
        for index, raw in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(raw, dict) and isinstance(raw.get("source"), dict):
                problems += _entry(parsed, documents, (section, index), raw)
    return problems


def _entry(parsed: Parsed, documents: Documents, here: tuple, raw: dict) -> list[Problem]:
    document, quote = raw["source"].get("document"), raw["source"].get("quote")
    if not isinstance(document, str) or not isinstance(quote, str) or not quote:
        return []  # the structure rules report it
    problems = []
    try:
        text = documents.canonical_text(documents.resolve(document))
        if canonical(quote) not in text:
            problems.append(parsed.problem("KCN203", (*here, "source", "quote"),
                            f"the quote is not in {document}; copy the sentence or clause "
                            "exactly as the document writes it"))
    except DocumentError as exc:
        problems.append(parsed.problem(exc.code, (*here, "source", "document"), str(exc)))
    for key, value, unit in _figures(raw):
        if message := figure_missing(value, unit, quote):
            problems.append(parsed.problem("KCN204", (*here, *key), message))
    return problems


def _figures(raw: dict) -> list[tuple[tuple, Decimal, str]]:
    """The figures an entry claims its quote states: its value, its reported attainment."""
    found = []
    value, unit = raw.get("value"), raw.get("unit")
    if _is_number(value) and isinstance(unit, str):
        found.append((("value",), Decimal(value), unit))
    attainment = raw.get("reported_attainment")
    if isinstance(attainment, dict) and _is_number(attainment.get("value")):
        found.append((("reported_attainment", "value"), Decimal(attainment["value"]),
                      "attainment"))
    return found


def _is_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return False
    try:
        return Decimal(value).is_finite()
    except InvalidOperation:
        return False


def readings(stated: list[Stated], unit: str, quote: str) -> tuple[set, set]:
    """The values ``stated`` gives in ``unit``: as written, and without their currency."""
    if unit == "attainment":  # "vượt 40% kế hoạch" is 140 % of plan, "đạt 92,1%" is 92.1
        return {s.value + 100 if _EXCEEDED.search(quote[:s.start]) else s.value
                for s in stated if s.kind == "percent"}, set()
    kind, factor = _UNIT_READINGS.get(unit, ("count", Decimal(1)))
    written = {s.value / factor for s in stated if s.kind == kind}
    bare = {s.value / factor for s in stated if s.kind == "money"} if kind in ("vnd", "usd") else set()
    return written, bare


def figure_missing(value: Decimal, unit: str, quote: str) -> str | None:
    """Why ``quote`` does not state ``value`` in ``unit``, or None when it does."""
    stated = figures_in(quote)
    written, bare = readings(stated, unit, quote)
    if value in written:
        return None
    shown = format_number(value, "vi", 6)
    if value in bare:
        return (f"the quote writes {shown} without a currency; quote a sentence that names it, "
                "or acknowledge the finding with the reason for the unit")
    said = ", ".join(dict.fromkeys(s.text for s in stated)) or "no figure"
    what = "an attainment of" if unit == "attainment" else "the figure"
    return (f"the quote does not state {what} {shown} ({unit}); it says: {said}. "
            "Correct the value, or quote the sentence that states it")
