"""The words around a figure, and the quote an entry cites: the clause that states it,
word for word, cut at spaces within the limit of a quote."""

from __future__ import annotations

import re
import unicodedata

from kcn_tracker.extract import cues
from kcn_tracker.extract.document import Quantity
from kcn_tracker.plans.model import MAX_QUOTE_CHARS


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clause_head(q: Quantity) -> str:
    """The sentence before the number, in NFC."""
    return nfc(q.sentence[:q.start - q.sentence_start])


def words_before(q: Quantity) -> str:
    """The words of the clause before the number, in NFC."""
    head = clause_head(q)
    return head[head.rfind(";") + 1:]


def words_after(q: Quantity) -> str:
    offset = q.end - q.sentence_start
    tail = q.sentence[offset:]
    cut = re.search(r"[;,.(]|\bvà\b|\bvới\b", tail)
    return nfc(tail[:cut.start()] if cut else tail)


def quote_of(q: Quantity, limit: int = MAX_QUOTE_CHARS) -> str:
    """The clause stating the figure, word for word: the sentence, cut at ";" and, when
    still too long, at the commas around the number."""
    sentence, offset = q.sentence, q.start - q.sentence_start
    start = sentence.rfind(";", 0, offset) + 1
    end = sentence.find(";", offset)
    end = len(sentence) if end < 0 else end
    if end - start > limit:
        comma = sentence.rfind(", ", start, offset)
        start = comma + 2 if comma >= 0 else start
        comma = sentence.find(", ", offset + len(q.text))
        end = comma if comma >= 0 else end
    return _within_limit(sentence[start:end].strip(), offset - start,
                         offset - start + len(q.text), limit)


def _within_limit(quote: str, start: int, end: int, limit: int = MAX_QUOTE_CHARS) -> str:
    """``quote`` cut to ``limit`` characters around ``quote[start:end]``, at spaces."""
    if len(quote) <= limit:
        return quote
    half = max(0, (limit - (end - start)) // 2)
    lo, hi = max(0, start - half), min(len(quote), end + half)
    if lo > 0:
        lo = quote.find(" ", lo, start) + 1 or lo
    if hi < len(quote):
        hi = quote.rfind(" ", end, hi) if quote.rfind(" ", end, hi) >= 0 else hi
    return quote[lo:hi].strip()


def span_quote(first: Quantity, last: Quantity) -> str:
    """The clause from the figure's to the attainment's, so that the quote holds both."""
    start = min(first.start, last.start) - first.sentence_start
    end = max(first.end, last.end) - first.sentence_start
    sentence = first.sentence
    head = sentence.rfind(";", 0, start) + 1
    tail = sentence.find(";", end)
    return _within_limit(sentence[head:len(sentence) if tail < 0 else tail].strip(),
                         start - head, end - head)


# A sentence that opens with a part of what the one before counted: "Trong đó, …", "Riêng
# KCN Hoàng Long thu hút 9 dự án …" (not "Riêng năm 2025", a time, not a part).
SPLITS = re.compile(r"\W*(?:trong đó|bao gồm|riêng\s+(?:tại\s+)?(?:KCN|khu|cụm|CCN))(?!\w)",
                    re.IGNORECASE)
LIST_ITEM = re.compile(r"[^\S\n]*[-+•*–][^\S\n]")
_LEAD_IN_LINES = 40  # how far up a list's lead-in is looked for


def lead_in(q: Quantity) -> str:
    """The line that opens the list a figure's line is an item of ("Kết quả thu hút FDI theo
    từng KCN như sau:" over "- KCN Becamex: 11 dự án, 186,4 triệu USD;"), in NFC; the items
    share its words as parts share those of their whole."""
    text = q.document
    start = text.rfind("\n", 0, q.sentence_start) + 1
    if not LIST_ITEM.match(text, start):
        return ""
    for _ in range(_LEAD_IN_LINES):
        if start == 0:
            return ""
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and not LIST_ITEM.match(text, start):
            # The sentence that opens the list, not the paragraph it ends.
            return nfc(line[line.rfind(". ") + 1:].strip()) if line.endswith(":") else ""
    return ""
# A month, months, a day or days of one year ("2023-01-01..2023-06-23").
_PART_OF_YEAR = re.compile(r"(\d{4})-\d{2}(?:\.\.\1-\d{2})?|(\d{4})-\d{2}-\d{2}(?:\.\.\2-\d{2}-\d{2})?")
_YEAR_PLAN = re.compile(rf"\s*(?:so với\s+)?{cues.PLAN_WORDS}(?:\s+(?:đề ra|được giao|giao))?"
                        r"\s+(?:của\s+)?(?:cả\s+)?năm\b", re.IGNORECASE)


def year_of_part(period: str, q: Quantity) -> str | None:
    """The year whose plan an attainment of part of it is of: "đạt 63% kế hoạch năm" after
    "6 tháng đầu năm 2023"."""
    m = _PART_OF_YEAR.fullmatch(period)
    if m is None or period.endswith("-12-31") or not _YEAR_PLAN.match(
            q.document, q.end):
        return None
    return m.group(1) or m.group(2)


def bracketed(text: str, end: int, start: int) -> bool:
    """Whether a figure ending at ``end`` stands in brackets closed before ``start``: a
    breakdown ("298 triệu USD (cấp mới: 175 triệu USD; …), đạt 99% kế hoạch"), not the
    figure the attainment is of."""
    depth = 0
    for ch in text[end:min(start, end + 400)]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return True
    return False


def clause_break(text: str, end: int, start: int) -> bool:
    """Whether a ";" outside brackets stands between ``end`` and ``start``: the figures
    either side belong to two clauses ("…, đạt 92,1% kế hoạch; vốn trong nước vượt …"),
    unlike a breakdown in brackets ("(cấp mới: 175 triệu USD; tăng vốn: 123 triệu USD)")."""
    depth, broken = 0, False
    for ch in text[end:min(start, end + 400)]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch == ")":
            broken = False  # the ";" was inside a bracket opened before ``end``
        elif ch == ";" and depth == 0:
            broken = True
    return broken
