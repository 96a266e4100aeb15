"""Every quantity a Vietnamese document states, with what the words say of it.

``extract_text`` is pure: text in, quantities out. Positions are those of the
text as given (``text[q.start:q.end] == q.text``) even when the text is not in
NFC; matching happens on the NFC form.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kcn_tracker.errors import KcnError
from kcn_tracker.extract import cues, readers
from kcn_tracker.extract.dates import Periods
from kcn_tracker.extract.figures import percent_of_plan
from kcn_tracker.extract.outline import Outline
from kcn_tracker.extract.quantities import Found, find, shares_multiple
from kcn_tracker.text.offsets import Normalized
from kcn_tracker.text.sentences import paragraphs, sentences


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str | None  # None: money whose currency the text does not write
    qualifier: str
    role: str | None
    period: str | None
    text: str
    start: int
    end: int
    sentence_start: int  # where the sentence (or the stretch of it shown) starts
    sentence_end: int
    value_max: Decimal | None = None
    equivalent_of: int | None = None  # index of the amount this one restates
    # The document as given, shared by all its quantities: a sentence is sliced when it
    # is asked for, so thousands of figures in one long sentence hold no copies of it.
    document: str = field(default="", repr=False, compare=False)

    @property
    def sentence(self) -> str:
        return self.document[self.sentence_start:self.sentence_end]


@dataclass(frozen=True)
class Flagged:
    """A number standing as a quantity that Vietnamese notation does not allow."""

    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    reason: str
    document: str = field(default="", repr=False, compare=False)

    @property
    def sentence(self) -> str:
        return self.document[self.sentence_start:self.sentence_end]


@dataclass(frozen=True)
class Extraction:
    path: str
    quantities: list[Quantity]
    flagged: list[Flagged]


class ExtractError(KcnError):
    """A document that cannot be read; the message says which and why."""


def read_document(path: Path) -> str:
    """The document's text: a UTF-8 text file as given (line endings untouched), any
    other format as its reader renders it (extract.readers)."""
    try:
        return readers.read_document(path).text
    except readers.ReadError as exc:
        raise ExtractError(str(exc)) from None


def extract_file(path: Path) -> tuple[Extraction, str]:
    """The quantities of the document at ``path``, and its text as read."""
    text = read_document(path)
    quantities, flagged = extract_text(text)
    return Extraction(str(path), quantities, flagged), text


def extract_text(original: str) -> tuple[list[Quantity], list[Flagged]]:
    doc = Normalized(original)
    text = doc.text
    found = find(text)
    quantities: list[Quantity] = []
    flagged: list[Flagged] = []
    k = 0
    previous = None
    outline = Outline()
    plan_before = False  # the sentence before names a plan
    for p_start, p_end in paragraphs(text):
        carried = outline.enter(text, p_start, p_end)
        anchor = None  # the year "Sau N năm" counts from
        first = len(quantities)
        for s_start, s_end in sentences(text, p_start, p_end):
            in_sentence = len(quantities)
            named = Periods(text, s_start, s_end, anchor)
            anchor = named.anchor
            words = cues.Cues(text, s_start, s_end)
            sentence_span = doc.span(s_start, s_end)
            while k < len(found) and found[k].start < s_end:
                f = found[k]
                k += 1
                if f.start < s_start or outline.skip:
                    continue
                span = doc.span(f.start, f.end)
                shown = _window(original, sentence_span, span)
                restates = bool(previous and not f.flagged and _restates(text, f, previous))
                if restates:
                    f = _rate_checked(text, f, previous)
                f = _size_checked(text, f)
                if f.flagged:
                    flagged.append(Flagged(original[slice(*span)], *span, *shown, f.flagged,
                                           original))
                    continue
                role = cues.role(text, f.start, f.end, f.unit, words, plan_before)
                equivalent = None
                if restates:
                    equivalent = len(quantities) - 1
                    role = quantities[-1].role
                elif f.unit == "ha" and _NAMED_ZONE_BEFORE.search(text, max(0, f.start - 60), f.start) \
                        and _CLOSED_AFTER.match(text, f.end):
                    # "bàn giao mặt bằng … KCN Đông Phú 2 (120ha)": a named zone's size, what
                    # it is, whatever is planned for it.
                    role = "actual"
                elif f.unit == "times" and len(quantities) > in_sentence and \
                        quantities[-1].unit == "times" and shares_multiple(text, f.start):
                    role = quantities[-1].role
                previous = f
                quantities.append(Quantity(
                    value=f.value, unit=f.unit,
                    qualifier=cues.qualifier(text, f.start, f.end, s_start),
                    role=outline.role(role, words.nearest(f.start)),
                    period=named.of(f.start, f.end, _clause_end(text, f.end, s_end, found, k),
                                    carried),
                    text=original[slice(*span)], start=span[0], end=span[1],
                    sentence_start=shown[0], sentence_end=shown[1], value_max=f.value_max,
                    equivalent_of=equivalent, document=original))
            _respectively(text, s_start, s_end, doc, quantities, in_sentence)
            _plan_of_pair(quantities, in_sentence)
            _plan_in_brackets(quantities, in_sentence)
            carried = named.last or carried
            plan_before = cues.speaks_of_plan(text, s_start, s_end)
        _share_roles(original, quantities, first)
        outline.leave(text, p_start, p_end, carried, len(quantities) > first)
    _headline_periods(doc, quantities)
    return quantities, flagged


_HEADLINE_MAX = 200


def headline_end(text: str) -> int:
    """Where the title line ends (the first line, when short and without a full stop), or 0
    when the document opens with prose."""
    # The first paragraph only: one longer than the part read is no title anyway.
    first = next(iter(paragraphs(text[:_HEADLINE_MAX * 4])), None)
    if first is None or first[1] - first[0] > _HEADLINE_MAX \
            or text[first[0]:first[1]].rstrip().endswith((".", "!", "?", "…")):
        return 0
    return first[1]


def _headline_periods(doc: Normalized, quantities: list[Quantity]) -> None:
    """A headline restates the body: a figure of the title line that names no period takes
    the period of the first figure of the body with the same value and unit ("… thu hút 50
    dự án" over "Lũy kế từ đầu năm đến nay, … 50 dự án"). A rounded headline ("hơn 2.500"
    for 2.519) restates nothing."""
    end = headline_end(doc.text)
    if not end:
        return
    title_end = doc.span(end, end)[0]  # in the file as given
    for i, j in restated_in_body(quantities, title_end).items():
        if quantities[i].period is None and quantities[j].period is not None:
            quantities[i] = dataclasses.replace(quantities[i], period=quantities[j].period)


def restated_in_body(quantities: list[Quantity], title_end: int) -> dict[int, int]:
    """For each figure of the title line (before ``title_end``), the first figure of the
    body with the same value and unit, which it restates: index to index."""
    body: dict[tuple, int] = {}
    for j, q in enumerate(quantities):
        key = (q.value, q.value_max, q.unit)
        # The first that names its period, when a title repeated above the body names none.
        if q.start >= title_end and (key not in body or (
                quantities[body[key]].period is None and q.period is not None)):
            body[key] = j
    restated = {}
    for i, q in enumerate(quantities):
        if q.start >= title_end:
            break
        if (j := body.get((q.value, q.value_max, q.unit))) is not None:
            restated[i] = j
    return restated


_YEAR_LIST = re.compile(r"năm\s+((?:19|20)\d{2})((?:\s*,\s*|\s+và\s+)(?:năm\s+)?(?:19|20)\d{2})+",
                        re.IGNORECASE)
_RESPECTIVELY = re.compile(r"lần lượt", re.IGNORECASE)


def _respectively(text: str, start: int, end: int, doc: Normalized, quantities: list[Quantity],
                  first: int) -> None:
    """ "Năm 2023 và 2024 lần lượt thu hút 20 và 25 dự án": the years go to the figures in
    order, for each run of figures in one unit as long as the list of years."""
    word = _RESPECTIVELY.search(text, start, end)
    years = _YEAR_LIST.search(text, start, word.start()) if word else None
    if years is None:
        return
    listed = re.findall(r"(?:19|20)\d{2}", years.group())
    after = doc.span(word.end(), word.end())[0]
    run: list[int] = []
    for i in range(first, len(quantities) + 1):
        q = quantities[i] if i < len(quantities) else None
        if q is not None and q.start >= after and (not run or quantities[run[-1]].unit == q.unit):
            run.append(i)
            continue
        if len(run) == len(listed):
            for k, year in zip(run, listed, strict=True):
                quantities[k] = dataclasses.replace(quantities[k], period=year)
        run = [i] if q is not None and q.start >= after else []


_PAIR_AFTER = re.compile(r"\s*\(\s*(?:gồm\s+|tương ứng\s+|tức\s+)?$", re.IGNORECASE)


def _plan_of_pair(quantities: list[Quantity], first: int) -> None:
    """ "đạt 61,2% (30/49 dự án)": the pair after an attainment is the figure and its plan,
    so the second number is the plan's figure (a target)."""
    for i in range(first, len(quantities) - 2):
        q, a, b = quantities[i], quantities[i + 1], quantities[i + 2]
        if q.role != "attainment" or a.role == "attainment":
            continue
        original = q.document
        if (_PAIR_AFTER.fullmatch(original, q.end, a.start)
                and original[a.end:b.start].strip() == "/"):
            quantities[i + 2] = dataclasses.replace(b, role="target")


_PLAN_BRACKET = re.compile(rf"\s*(?:so với\s+)?{cues.PLAN_WORDS}[^()\d;.]{{0,30}}"
                           r"(?:(?:19|20)\d\d\s*)?\(\s*"
                           r"(?:khoảng\s+|gần\s+|hơn\s+|trên\s+|xấp xỉ\s+)?$", re.IGNORECASE)


def _plan_in_brackets(quantities: list[Quantity], first: int) -> None:
    """ "Tổng vốn … đạt gần 2,5 tỉ USD, … đạt 132% kế hoạch của năm 2025 (gần 1,9 tỉ USD)":
    an amount in brackets after an attainment is the plan's own figure (a target) when the
    figure before the attainment stands to it as the attainment says; otherwise it restates
    the result and keeps its role."""
    for i in range(first + 1, len(quantities) - 1):
        q, b = quantities[i], quantities[i + 1]
        if q.role != "attainment" or q.unit != "percent" or b.value == 0 \
                or not _PLAN_BRACKET.fullmatch(q.document, q.end, b.start):
            continue
        a = next((quantities[k] for k in range(i - 1, max(first, i - 8) - 1, -1)
                  if quantities[k].unit == b.unit), None)
        attained = percent_of_plan(q.document[q.sentence_start:q.start], q.value)
        if a is not None and abs(a.value / b.value * 100 - attained) <= attained * Decimal("0.03"):
            quantities[i + 1] = dataclasses.replace(b, role="target")


_BETWEEN_SHARED = re.compile(r"\s*(?:,|và|hoặc|,\s*và)\s*")


# "đạt tỷ lệ 101% dự án và 90,58% vốn đầu tư": what the first share is of, then the next.
# A verb or a word of plan between ends the run: "đạt 105% kế hoạch năm và 70% vốn đến
# từ Hàn Quốc" names the plan of the first only.
_OF_THEN_SHARED = re.compile(r"\s+(?:(?!(?:chiếm|tăng|giảm|bằng|đạt|so|tỷ|tỉ|lệ|kế|hoạch|chỉ|tiêu|"
                             r"mục|KH)\s)[^\W\d]+\s+){1,4}(?:,\s*)?và\s*", re.IGNORECASE)


def _share_roles(original: str, quantities: list[Quantity], first: int) -> None:
    """ "lần lượt bằng 156% và 128% kế hoạch": the first takes the role of the second;
    "đạt 101% dự án và 90,58% vốn" of the plan: the second takes the role of the first."""
    for i in range(len(quantities) - 2, first - 1, -1):
        q, nxt = quantities[i], quantities[i + 1]
        if q.unit == nxt.unit and q.role == "ratio" and nxt.role in ("attainment", "growth") \
                and _BETWEEN_SHARED.fullmatch(original, q.end, nxt.start):
            quantities[i] = dataclasses.replace(q, role=nxt.role)
    for i in range(first, len(quantities) - 1):
        q, nxt = quantities[i], quantities[i + 1]
        if q.unit == nxt.unit == "percent" and q.role == "attainment" and nxt.role == "ratio" \
                and nxt.start - q.end <= 60 and _OF_THEN_SHARED.fullmatch(original, q.end, nxt.start):
            quantities[i + 1] = dataclasses.replace(nxt, role="attainment")


# Text without sentence marks (a pasted table, a run-on list) can make one "sentence"
# of a whole file; each quantity then shows the stretch around it, not all of it.
SENTENCE_MAX = 1000


def _window(original: str, sentence: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    """The sentence, or the stretch of it around the figure cut at spaces."""
    start, end = sentence
    if end - start <= SENTENCE_MAX:
        return sentence
    half = (SENTENCE_MAX - (span[1] - span[0])) // 2
    lo, hi = max(start, span[0] - half), min(end, span[1] + half)
    space = original.find(" ", lo, span[0])
    lo = space + 1 if lo > start and space >= 0 else lo
    space = original.rfind(" ", span[1], hi)
    hi = space if hi < end and space >= 0 else hi
    return lo, hi


def _clause_end(text: str, start: int, sentence_end: int, found, k: int) -> int:
    """Where the clause of the figure ending at ``start`` ends: the next ";" (looked for
    nearby only, so that a sentence of thousands of figures stays linear), or the next
    figure: a period after it is that figure's ("đạt 74,2%, cao hơn mức 69,8% của năm
    2023")."""
    limit = min(sentence_end, start + 300, found[k].start if k < len(found) else sentence_end)
    semicolon = text.find(";", start, limit)
    return limit if semicolon < 0 else semicolon


# A zone's name, or the next name of a list of them ("các KCN Đông Phú 2 (120ha), Sông Hậu 2
# (380ha)"), then its size in brackets.
_NAMED_ZONE_BEFORE = re.compile(r"(?:(?:KCN|khu công nghiệp|CCN|cụm công nghiệp)\s+(?-i:[A-ZĐ])"
                                r"[^()\n]{0,40}|\)\s*,\s*(?-i:[A-ZĐ])[^()\n,]{0,30})\(\s*$",
                                re.IGNORECASE)
_CLOSED_AFTER = re.compile(r"\s*[);]")
# What a dollar costs in đồng, in any year a document of this tool speaks of.
_RATE = (Decimal(5000), Decimal(50000))


def _rate_checked(text: str, f: Found, previous: Found) -> Found:
    """A restated amount whose rate is a thousand times off while its number holds a dot:
    "169,1 triệu USD (tương đương 3.873 nghìn tỷ đồng)" is 22,9 million đồng a dollar read
    the Vietnamese way, 22 903 with the dot a decimal point. Either reading could put a
    wrong figure in a plan file, so it is flagged, not read."""
    vnd, usd = (f, previous) if f.unit == "vnd_billion" else (previous, f)
    if not usd.value or vnd.value is None or "." not in text[f.start:f.end]:
        return f
    rate = vnd.value * 1000 / usd.value
    low, high = _RATE
    if low <= rate <= high or not (low <= rate / 1000 <= high or low <= rate * 1000 <= high):
        return f
    rate_as_written = f"{round(rate):,}".replace(",", ".")
    return dataclasses.replace(f, value=None, flagged=(
        f"restates the amount before it at {rate_as_written} đồng to the dollar, a thousand "
        "times off: an English decimal point or a typo"))


# More money than any province's zones could state (a trillion dollars; about four in
# đồng): "doanh thu đạt 2.962 tỷ USD" is 2,962 written the English way, or a typo.
_MOST = {"usd_million": Decimal(1_000_000), "vnd_billion": Decimal(100_000_000)}
_ENGLISH_DECIMAL = re.compile(r"\d{1,3}\.\d{3}(?![\d.,])")


def _size_checked(text: str, f: Found) -> Found:
    """Money beyond any figure of a province's zones, written as a number an English text
    would write with a decimal point ("2.962"): flagged."""
    most = _MOST.get(f.unit or "")
    if f.flagged or most is None or f.value is None or f.value <= most \
            or not _ENGLISH_DECIMAL.match(text, f.start):
        return f
    return dataclasses.replace(f, value=None, flagged=(
        "more money than any province's zones could state: an English decimal point or a "
        "typo"))


def _restates(text: str, f, previous) -> bool:
    money = cues.MONEY
    return (f.unit in money and previous.unit in money and f.unit != previous.unit
            and cues.restates(text, f.start, previous.end))
