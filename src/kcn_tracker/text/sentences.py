"""Paragraphs and sentences of a news text, as (start, end) positions.

A line is a paragraph, unless it was wrapped: a line ending inside a sentence (on a word or
a comma) whose next line goes on in lower case or with a figure ("… doanh thu hơn" /
"360 nghìn tỷ đồng, …") is one paragraph with it. A sentence ends at ". ! ? …" followed by a capital letter
or an opening quote, but not after the abbreviations news text uses before a
name ("TP. Phổ Yên", "TS. Nguyễn") and never inside a number ("2.150").
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…]+[\"”’)]*\s+(?=[\"“(\[]?(?P<next>\w))")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:TP|Tp|TX|TT|TS|ThS|PGS|GS|BS|KS|Th|St|P|Q|Mr|Mrs|Ms|Dr)\.$")


# A line that stops inside a sentence, and a line that carries on one: not a list item
# ("a) …", "2. …", "- …"), which a heading ending without a full stop introduces.
_STOPS_INSIDE = re.compile(r"[^\W\d_][ \t]*$|,[ \t]*$")
_GOES_ON = re.compile(r"[ \t]*(?:(?P<letter>[^\W\d_])(?!\))|\d(?![\d.,]*[.)]\s))")


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    joined = False  # the line before stopped inside a sentence
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            on = joined and _GOES_ON.match(stripped)
            if on and not (on["letter"] or "a").isupper():
                spans[-1] = (spans[-1][0], start + len(stripped))
            else:
                spans.append((start, start + len(stripped)))
            joined = bool(_STOPS_INSIDE.search(stripped))
        else:
            joined = False
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
