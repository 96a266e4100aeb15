"""The figures a quote states: the one reader `check`, `record` and `draft` share.

Figures are read the Vietnamese way: "." groups thousands and "," is the
decimal mark (2.150 = 2150, 225,8 = 225.8), scale words multiply and combine
(1,03 triệu tỷ đồng = 1.03 × 10^15 đồng), and the currency decides whether an
amount is in đồng or USD.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from kcn_tracker.extract.cues import PLAN_WORDS
from kcn_tracker.text.notation import SCALES, NotVietnamese, read_number, scaled

UNIT_WORDS = {
    "%": "percent", "phần trăm": "percent",
    "ha": "ha", "héc-ta": "ha", "hecta": "ha", "héc ta": "ha",
    "usd": "usd", "đô la mỹ": "usd", "đô-la mỹ": "usd", "đô la": "usd", "đô-la": "usd",
    "vnd": "vnd", "vnđ": "vnd", "đồng": "vnd", "đ": "vnd",
}

# A number as Vietnamese text writes it: 2.150 / 3.072,7 / 225,8 / 09 / 1.066.541; not the
# tail of a longer number: "72" is not read inside "172" or "1.072". Its first digit comes
# first and the look back is taken after it (\d{1,3} as \d then \d{0,2}, \d+ as \d then
# \d*), so that the search tries only where a digit stands instead of at every character.
_NUMBER = r"\d(?<!\d\d)(?<!\d[.,]\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"
_UNITS = "|".join(sorted((re.escape(u) for u in UNIT_WORDS), key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?P<number>{_NUMBER})(?!\d)(?![.,]\d)"
    rf"(?P<scales>(?:\s*(?:{'|'.join(SCALES)})(?!\w))*)"
    rf"\s*(?P<unit>(?:{_UNITS})(?!\w))?",
    re.IGNORECASE,
)
# Dates and years are not quantities: "12/8/2021", "giai đoạn 2021 – 2025", "năm 2024".
# Both start with what they must start with (a digit; 1 or 2), where the search looks.
_DATE = re.compile(r"\d{1,2}/(?:\d{1,2}/)?\d{4}")
_YEAR = re.compile(r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2}"
                   r"|(?:(?<=năm \d{4})|(?<=giai đoạn \d{4})|(?<=đến \d{4})|(?<=từ \d{4}))"
                   r"(?!\d))",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Stated:
    """One figure a text states, in its own terms."""

    value: Decimal  # the number times its scale words: "1,03 triệu tỷ" -> 1.03e15
    kind: str  # "percent", "ha", "vnd", "usd", "money" (a scale word, no currency), "count"
    text: str
    start: int


def figures_in(text: str) -> list[Stated]:
    """Every figure ``text`` (NFC) states, as written: numbers with their scale and unit.

    Both numbers of a pair such as "5/11 KCN" are figures; dates and years are not.
    """
    # Only a date has a "/": most quotes are not searched for one (check reads every quote).
    skip = [m.span() for m in _DATE.finditer(text)] if "/" in text else []
    skip += [m.span() for m in _YEAR.finditer(text)]
    found = []
    for m in _FIGURE.finditer(text):
        if skip and any(a <= m.start() < b for a, b in skip):
            continue
        scale_words = [w.lower() for w in m["scales"].split()]
        try:
            value = scaled(read_number(m["number"]), scale_words)
        except NotVietnamese:
            continue  # "024.355": a code or a phone number, no figure
        unit = UNIT_WORDS.get((m["unit"] or "").lower())
        if unit:
            kind = unit
        elif scale_words and scale_words[-1] not in ("nghìn", "ngàn"):
            kind = "money"  # "8.438 triệu": an amount whose currency is left out, or a count
        else:
            kind = "count"
        found.append(Stated(value, kind, m.group(0).strip(), m.start()))
    return found


# "vượt 40% kế hoạch", "vượt gần 40%", "vượt kế hoạch 40%": the attainment is 100 + 40.
_EXCEEDED = re.compile(r"vượt\b[^,;.%]*$", re.IGNORECASE)


# "gấp 2,3 lần", "tăng 2,3 lần": the figure multiplied, as Vietnamese reports write it.
_MULTIPLIED = re.compile(r"(?<!\w)(?:gấp|tăng)(?:\s+(?:hơn|gần|khoảng|trên))?\s*$", re.IGNORECASE)


def growth_of_multiple(times: Decimal) -> Decimal:
    """The growth in percent a multiple states: "gấp 2,3 lần" is 130 %."""
    growth = (times - 1) * 100
    return growth.to_integral_value() if growth == growth.to_integral_value() else growth


def multiplied(before: str) -> bool:
    """Whether the words ``before`` a multiple say the figure was multiplied by it."""
    return bool(_MULTIPLIED.search(before))


def percent_of_plan(before: str, value: Decimal) -> Decimal:
    """The attainment a percentage of plan stands for, from the words ``before`` it."""
    return value + 100 if _EXCEEDED.search(before) else value


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
# An attainment is a percentage of a plan: "đạt 92,1% kế hoạch", "vượt 40% kế hoạch
# đề ra", "vượt kế hoạch 40%"; "vượt" makes it 100 + the figure.
_PLAN_AFTER = re.compile(rf"^\s*{PLAN_WORDS}", re.IGNORECASE)
_PLAN_BEFORE = re.compile(rf"{PLAN_WORDS}(?:\s+(?:năm|đề ra|giao))?\s*(?:gần|hơn|khoảng)?\s*$",
                          re.IGNORECASE)


def _attainments(stated: list[Stated], quote: str, thorough: bool) -> set[Decimal]:
    found = set()
    if thorough:
        from kcn_tracker.extract.document import extract_text

        # `extract` knows attainments the words around one figure do not show: "lần lượt
        # bằng 156% và 128% kế hoạch", "So với kế hoạch, vốn FDI đạt 110%".
        # "vượt 18,6 lần kế hoạch năm": the figure is 18,6 times the plan, 1860 %.
        found = {percent_of_plan(quote[:q.start], q.value) if q.unit == "percent"
                 else q.value * 100 for q in extract_text(quote)[0]
                 if q.role == "attainment" and q.unit in ("percent", "times")}
    for s in stated:
        if s.kind != "percent":
            continue
        before, after = quote[:s.start], quote[s.start + len(s.text):]
        if not (_PLAN_AFTER.search(after) or _PLAN_BEFORE.search(before)):
            continue  # a growth rate or a share, not a percentage of a plan
        found.add(percent_of_plan(before, s.value))
    return found


def readings(stated: list[Stated], unit: str, quote: str,
             thorough: bool = False) -> tuple[set, set]:
    """The values ``stated`` gives in ``unit``: as written, and without their currency."""
    if unit == "attainment":
        return _attainments(stated, quote, thorough), set()
    kind, factor = _UNIT_READINGS.get(unit, ("count", Decimal(1)))
    # "1,2 triệu lao động": a count may carry a scale word too.
    kinds = {kind, "money"} if kind == "count" else {kind}
    written = {s.value / factor for s in stated if s.kind in kinds}
    bare = {s.value / factor for s in stated if s.kind == "money"} if kind in ("vnd", "usd") else set()
    return written, bare


# What `extract` reads, in the terms of the figures of a quote: an amount, not a value
# in a plan unit.
_EXTRACTED = {"vnd_billion": ("vnd", BILLION), "usd_million": ("usd", MILLION),
              "percent": ("percent", Decimal(1)), "ha": ("ha", Decimal(1)),
              None: ("money", Decimal(1))}


def extracted(quote: str) -> list[Stated]:
    """The figures `extract` reads in a quote (NFC) that the quote reader does not:
    "1 tỷ 500 triệu USD", "85.000 m2", "25,6 tr.USD", both ends of a range; so that an
    entry `draft` proposes is one `check` accepts."""
    from kcn_tracker.extract.quantities import (
        find,  # compiled on first use: most quotes never need it
    )

    stated = []
    for f in find(quote):
        if f.unit == "times" and not f.flagged and multiplied(quote[max(0, f.start - 20):f.start]):
            # "gấp 2,3 lần so với cùng kỳ": a growth of 130 %.
            stated.append(Stated(growth_of_multiple(f.value), "percent", quote[f.start:f.end],
                                 f.start))
        if f.flagged or f.unit == "times":
            continue
        kind, factor = _EXTRACTED.get(f.unit, ("count", Decimal(1)))
        for value in (f.value, f.value_max):
            if value is not None:
                stated.append(Stated(value * factor, kind, quote[f.start:f.end], f.start))
    return stated


def values_stated(quote: str, unit: str, wanted: Decimal | None = None):
    """What ``quote`` states in ``unit`` ("attainment" for a percentage of plan): the
    figures read, the values they give as written, and those that leave out their
    currency.

    The quick reader runs first; the reader of `extract` only when ``wanted`` is not
    among its values, since most quotes state their figure plainly.
    """
    quote = unicodedata.normalize("NFC", quote)
    stated = figures_in(quote)
    written, bare = readings(stated, unit, quote)
    if wanted is not None and wanted in written:
        return stated, written, bare
    stated += extracted(quote)
    written, bare = readings(stated, unit, quote, thorough=True)
    return stated, written, bare
