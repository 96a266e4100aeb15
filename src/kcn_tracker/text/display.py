"""Numbers as each language writes them: 2.150,5 in Vietnamese, 2,150.5 in English.

Babel holds the locale data (separators, signs, grouping); the rounding is ours,
half up and to a fixed number of places, so a figure reads the same in every
output.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

LOCALES = {"vi": "vi_VN", "en": "en_US"}


def format_number(value: Decimal, lang: str, places: int = 2, sign: bool = False) -> str:
    """Group thousands, round to at most ``places`` decimals, drop trailing zeros."""
    from babel.numbers import (
        format_decimal,  # loaded on first use: most commands never need it
    )

    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # never "-0"
    pattern = "#,##0" + ("." + "#" * places if places else "")
    text = format_decimal(rounded, format=pattern, locale=LOCALES[lang])
    return "+" + text if sign and rounded > 0 else text


# Control characters from a plan file or a document would break a one-line
# message, an XML report, or a terminal (an escape sequence); bidirectional
# overrides, isolates and marks would make a terminal, an editor or a browser show
# the text in another order than it is stored (a reviewer reads one name, the tool
# holds another). Both are shown as escapes.
_CONTROL = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# What a JSON writer with ensure_ascii=False leaves as it is (it escapes C0 itself).
_JSON_UNSAFE = re.compile(
    r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# On POSIX a file name that is not UTF-8 reaches Python with its bad bytes as
# lone surrogates (U+DC80-U+DCFF): written raw they crash a UTF-8 stream or make
# the output invalid UTF-8, so each is shown as the byte it stands for.
_UNDECODABLE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code - 0xdc00:02x}" if 0xdc80 <= code <= 0xdcff else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` as data in any output: every control character, bidi control and
    undecodable byte written as a visible escape (\\u001b, \\u202e, \\xff)."""
    return _CONTROL.sub(_escape, _UNDECODABLE.sub(_escape, text))


def hidden(text: str) -> bool:
    """Whether ``text`` holds a control character or a bidi control: no one-line text may."""
    return _CONTROL.search(text) is not None


def single_line(text: str) -> str:
    """``text`` as one line of plain text: every control character, line break and bidi
    control dropped for a space (a document's title written into the index)."""
    return " ".join(_CONTROL.sub(" ", text).split())


def json_printable(text: str) -> str:
    """JSON text (from json.dumps) with the same characters as JSON escapes: a parser
    reads the very same strings, a terminal shows them in place."""
    return _JSON_UNSAFE.sub(_escape, text)
