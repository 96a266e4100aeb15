"""Paragraphs and sentences of a news text, as (start, end) positions.

A line is a paragraph. A sentence ends at ". ! ? …" followed by a capital letter
or an opening quote, but not after the abbreviations news text uses before a
name ("TP. Phổ Yên", "TS. Nguyễn") and never inside a number ("2.150").
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…]+[\"”’)]*\s+(?=[\"“(\[]?(?P<next>\w))")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:TP|Tp|TX|TT|TS|ThS|PGS|GS|BS|KS|Th|St|P|Q|Mr|Mrs|Ms|Dr)\.$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            spans.append((start, start + len(stripped)))
        start += len(line)
    return spans


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of the paragraph ``text[start:end]``, without surrounding space."""
    spans, begin = [], start
    for m in _END.finditer(text, start, end):
        if not (m["next"].isupper() or m["next"].isdigit()) or \
                _ABBREVIATION.search(text, max(begin, m.start() - 5), m.start() + 1):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, end))
    out = []
    for a, b in spans:
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            out.append((a + lead, a + trail))
    return out
