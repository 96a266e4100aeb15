"""Numbers as each language writes them: 2.150,5 in Vietnamese, 2,150.5 in English."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}


def format_number(value: Decimal, lang: str, places: int = 2, sign: bool = False) -> str:
    """Group thousands, round to at most ``places`` decimals, drop trailing zeros."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    group, decimal = _SEPARATORS[lang]
    text = text.replace(",", "\0").replace(".", decimal).replace("\0", group)
    if sign and not text.startswith("-") and text != "0":
        text = "+" + text
    return text
