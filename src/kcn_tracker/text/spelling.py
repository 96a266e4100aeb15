"""Comparing Vietnamese names the way people type them."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """A key that ignores case, diacritics and punctuation: "Thái Nguyên" -> "thai-nguyen".

    Dropping the marks also makes the two tone-mark placements (Thụy / Thuỵ) and
    the NFC / NFD forms equal, which is what a person typing a name expects.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")
