"""Paragraphs and sentences of a news text, as (start, end) positions.

A line is a paragraph, unless it was wrapped: a line ending inside a sentence (on a word or
a comma) whose next line goes on in lower case, or with a figure after a word that wants
one ("… doanh thu hơn" / "360 nghìn tỷ đồng, …"), is one paragraph with it. A title, a
table's rows and a list keep their lines. A sentence ends at ". ! ? …" followed by a capital letter
or an opening quote, but not after the abbreviations news text uses before a
name ("TP. Phổ Yên", "TS. Nguyễn") and never inside a number ("2.150").
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…]+[\"”’)]*\s+(?=[\"“(\[]?(?P<next>\w))")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:TP|Tp|TX|TT|TS|ThS|PGS|GS|BS|KS|Th|St|P|Q|Mr|Mrs|Ms|Dr)\.$")


# A line that stops inside a sentence, and a line that carries on one: not a list item
# ("a) …", "2. …", "- …"), which a heading ending without a full stop introduces. A line
# opening with a figure carries on only a word that wants one after it: a title or a table
# row ending in a noun is followed by lines of their own ("… 50 dự án FDI" / "12 dự án …").
_STOPS_INSIDE = re.compile(r"[^\W\d_][ \t]*$|,[ \t]*$")
_WANTS_FIGURE = re.compile(r"(?<!\w)(?:hơn|trên|dưới|khoảng|gần|đạt|là|có|với|và|tổng|được|thêm|cho|"
                           r"đến|tới|lên|xấp xỉ|ước|chừng|tối thiểu|ít nhất|tối đa)[ \t]*,?[ \t]*$",
                           re.IGNORECASE)
_GOES_ON = re.compile(r"[ \t]*(?:(?P<letter>[^\W\d_])(?!\))|(?P<figure>\d)(?![\d.,]*[.)]\s))")


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    before = ""  # the line before, when it stopped inside a sentence
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            on = before and _GOES_ON.match(stripped)
            if on and (on["letter"].islower() if on["letter"] else
                       bool(_WANTS_FIGURE.search(before))):
                spans[-1] = (spans[-1][0], start + len(stripped))
            else:
                spans.append((start, start + len(stripped)))
            before = stripped if _STOPS_INSIDE.search(stripped) else ""
        else:
            before = ""
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
