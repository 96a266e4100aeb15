"""Reading Vietnamese text: comparing quotes, and the figures a sentence states.

Quotes are compared ignoring only what does not change the words: the Unicode
normal form (NFC / NFD), where a tone mark sits (Thụy / Thuỵ: "old" and "new"
placement), and runs of white space (the seeds use non-breaking spaces).

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

from kcn_tracker.text.notation import NotVietnamese, read_number, scaled

# Combining marks that carry the tone; the others (circumflex, breve, horn)
# change the vowel and stay where they are.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SPACE = re.compile(r"\s+")
# Characters that web pages and word processors slip into text without showing
# them: zero-width spaces and joiners, soft hyphens, byte-order marks.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
WORD_CHARS = r"\w\u0300-\u036f"  # letters, digits and combining marks


def _placements() -> dict[str, str]:
    """The "new" placement of a tone (hoà, Thuỵ) and the "old" one (hòa, Thụy) of the
    diphthongs oa, oe and uy, in both cases: {"oà": "òa", "uỵ": "ụy", …}."""
    pairs = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in TONE_MARKS:
            for a, b in ((first, second), (first.upper(), second.upper()),
                         (first.upper(), second)):
                new = a + unicodedata.normalize("NFC", b + tone)
                old = unicodedata.normalize("NFC", a + tone) + b
                pairs[new] = old
    return pairs


_OLD_PLACEMENT = _placements()
_WORD_CHAR = re.compile(rf"[{WORD_CHARS}]")
_NEW_PLACEMENT = re.compile("|".join(map(re.escape, _OLD_PLACEMENT)))


def canonical(text: str) -> str:
    """A form of ``text`` equal for every spelling a quote may legitimately differ in.

    The same mapping applies to quote and document, so "hoàng" becoming "hòang"
    in both does no harm: only equality matters.
    """
    composed = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    composed = _NEW_PLACEMENT.sub(lambda m: _OLD_PLACEMENT[m.group(0)], composed)
    return _SPACE.sub(" ", composed).strip()


def contains_words(text: str, words: str) -> bool:
    """Whether ``words`` stands in ``text`` as whole words: "8 dự án" is not in "38 dự án"."""
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        before = start == 0 or not _WORD_CHAR.match(text[start - 1])
        after = end == len(text) or not _WORD_CHAR.match(text[end])
        if before and after:
            return True
        start = text.find(words, start + 1)
    return False


UNIT_WORDS = {
    "%": "percent", "phần trăm": "percent",
    "ha": "ha", "héc-ta": "ha", "hecta": "ha", "héc ta": "ha",
    "usd": "usd", "đô la mỹ": "usd", "đô-la mỹ": "usd", "đô la": "usd", "đô-la": "usd",
    "vnd": "vnd", "vnđ": "vnd", "đồng": "vnd", "đ": "vnd",
}

# A number as Vietnamese text writes it: 2.150 / 3.072,7 / 225,8 / 09 / 1.066.541.
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_UNITS = "|".join(sorted((re.escape(u) for u in UNIT_WORDS), key=len, reverse=True))
_FIGURE = re.compile(
    # Not the tail of a longer number: "72" is not read inside "172" or "1.072".
    rf"(?<!\d)(?<!\d[.,])(?P<number>{_NUMBER})(?!\d)(?![.,]\d)"
    r"(?P<scales>(?:\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))*)"
    rf"\s*(?P<unit>(?:{_UNITS})(?!\w))?",
    re.IGNORECASE,
)
# Dates and years are not quantities: "12/8/2021", "giai đoạn 2021 – 2025", "năm 2024".
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}"
                   r"|(?:(?<=năm )|(?<=giai đoạn )|(?<=đến )|(?<=từ ))(?:19|20)\d{2}(?!\d)",
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
    skip = [m.span() for m in _DATE.finditer(text)] + [m.span() for m in _YEAR.finditer(text)]
    found = []
    for m in _FIGURE.finditer(text):
        if any(a <= m.start() < b for a, b in skip):
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


def percent_of_plan(before: str, value: Decimal) -> Decimal:
    """The attainment a percentage of plan stands for, from the words ``before`` it."""
    return value + 100 if _EXCEEDED.search(before) else value
