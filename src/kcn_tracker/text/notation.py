"""Numbers as Vietnamese text writes them, read exactly or not at all.

"." groups thousands and "," is the decimal mark: 2.150 = 2150, 225,8 = 225.8,
3.072,7 = 3072.7. A string that does not follow these rules is never guessed at:
"2.15" may be an English decimal or a slip of the keyboard, and reading it as
215 or 2.15 would put a wrong figure in a plan file, so it is refused with the
reason.
"""

from __future__ import annotations

import re
from decimal import Decimal

SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
# Tables abbreviate triệu to "tr." before a currency: "25,6 tr.USD".
ABBREVIATIONS = {"tr": 10**6, "tr.": 10**6}

_PLAIN = re.compile(r"\d+(?:,\d+)?")  # 09, 225,8, 2150
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")  # 2.150, 3.072,7


class NotVietnamese(ValueError):
    """A number that Vietnamese notation does not allow; the message says why."""


def read_number(text: str) -> Decimal:
    """"3.072,7" -> Decimal("3072.7"); raises NotVietnamese for "2.15", "1,234,567"."""
    if _PLAIN.fullmatch(text) or _GROUPED.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    raise NotVietnamese(_why(text))


def _why(text: str) -> str:
    if "." in text and "," in text and text.rindex(",") < text.rindex("."):
        return "commas before a dot: English notation, where Vietnamese writes 1.234,5"
    if text.count(",") > 1:
        return "more than one decimal comma: English thousands separators?"
    groups = text.split(",")[0].split(".")
    if len(groups) == 2 and len(groups[1]) != 3:
        return (f"a dot followed by {len(groups[1])} digit(s) is not a thousands separator: "
                "an English decimal point or a typo")
    if groups[0].startswith("0") and len(groups) > 1:
        return "a group of thousands cannot start with 0"
    return "thousands are grouped by three digits after each dot"


def scaled(number: Decimal, words: list[str]) -> Decimal:
    """The number times its scale words, which combine: 1,03 triệu tỷ = 1.03 × 10^15."""
    for word in words:
        word = word.lower()
        number *= SCALES.get(word) or ABBREVIATIONS[word]
    return number


def plain(value: Decimal) -> str:
    """225.8, 2150, 0.006: plain digits, a dot, no exponent, no trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
