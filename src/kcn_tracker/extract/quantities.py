"""Finding the quantities a Vietnamese text states: number, scale words, unit.

A quantity is a number in digits followed by what it counts or measures
("21 dự án", "225,8 triệu USD", "1.471ha", "40%"). A number with nothing after
it is not taken ("sau 15 năm", "04 làn xe"), except where the unit is shared ("20 và 25 dự án", "56/105 dự án") or named before it ("tổng số
dự án … là 496") and it does not end a name ("Yên Bình 3"). Dates, times, years, document and phone numbers are blocked
before anything is read. Values are exact decimals in the plan-file units:
money in tỷ đồng (vnd_billion) or triệu USD (usd_million).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from kcn_tracker.text.notation import SCALES, NotVietnamese, read_number, scaled

# What str.splitlines() breaks lines at, so that a figure and its paragraph agree.
LINE_BREAKS = r"\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _within_line(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern whose white space never crosses a line or a tab: a figure ends with its
    line (a number closing one paragraph is not counted by a word opening the next), and
    a tab separates the cells of a pasted table (a row number is not "1 KCN")."""
    return re.compile(pattern.replace(r"\s", f"[^\\S\\t{LINE_BREAKS}]"), flags)


@dataclass
class Found:
    start: int  # positions in the (NFC) text searched
    end: int
    value: Decimal | None  # None when flagged
    unit: str | None  # None for money whose currency is not written
    value_max: Decimal | None = None
    flagged: str | None = None  # why the number cannot be read
    scales: tuple[str, ...] = ()  # the scale words read, which a shared number takes too


_Y = r"(?:19|20)\d{2}"
_BLOCKS = _within_line("|".join((
    r"(?<![\d:])\d+(?::\d+)+",  # 09:00, 15:50:37, ISO 9001:2015
    r"\b\d{1,2}h\d{2}\b|\b\d{1,2}\s*giờ\b",
    r"(?<![\d.,])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d.,]\d)",  # 23/06/2023, 16.4.2024
    rf"(?<![\d.,])(?:\d{{1,2}}|[IVX]+)\s?/\s?{_Y}(?!\d)",  # 12/2003, I/2024
    r"(?<![\d/.-])\d+(?:[/.-]\d+)*\s?[/-]\s?[A-ZĐ][\w/.-]*",  # 2635/QĐ-UBND, 16-NQ/TU, 202/2025/QH15
    rf"(?<!\d){_Y}\s*[-–—]\s*{_Y}(?!\d)",  # 2021 – 2025
    # A year after a word of time: "năm 2024", "đến 2030", "quý I/2024".
    rf"(?:\b(?:năm|Năm|giai đoạn|Giai đoạn|đến|tới|từ|Từ|cuối|đầu|trong|Trong|niên độ)\s+){_Y}(?!\d)",
    # Phone numbers: a leading 0 and 9-11 digits in groups; or after a phone word.
    r"(?<![\d.,])0\d{1,3}(?:[. -]\d{2,4}){2,4}(?![\d.,]?\d)",
    r"(?:ĐT|SĐT|Điện thoại|điện thoại|Tel|tel|TEL|Hotline|hotline|Fax|fax|Zalo)\s*[:.]?\s*"
    r"\(?\+?\d[\d \t.()+-]{5,}\d",
    # Page counters, article and document numbers, ordinals, names with a number.
    r"\b(?:Trang|trang|Page|page|Tr\.)\s*\d+(?:\s*/\s*\d+)?",
    r"\b(?:giai đoạn|Giai đoạn|GĐ|đợt|Đợt|lần thứ|Lần thứ|thứ|Thứ|khóa|khoá|Khóa|Khoá|"
    r"lô|Lô|phân khu|(?<!hạ )tầng|Điều|điều|khoản|Khoản|Mục|chương|Chương|tuyến|quốc lộ|Quốc lộ|QL|"
    r"tỉnh lộ|ĐT|đường|Đường|phường|Phường|quận|Quận|tháng|Tháng|ngày|Ngày|quý|Quý|Top|"
    r"top|hạng|nhóm|Nhóm|mã|Mã|kỳ họp|Kỳ họp|thôn|xóm|Phase|phase|số hiệu|version)\s+\d+"
    r"(?:\s*/\s*\d+)?(?![\d.,]\d)",
    r"\b(?:Quyết định|Nghị quyết|Chỉ thị|Công văn|Thông tư|Nghị định|Kế hoạch|Văn bản|"
    r"Thông báo|Tờ trình|Báo cáo|Luật)\s+(?:số\s+)?\d+",
    r"\b(?:tỷ|tỉ) lệ\s+1\s*/\s*\d[\d.]*",  # map scales: tỷ lệ 1/500, 1/2.000
    # "per one": bình quân trên 1 dự án, bình quân 1 ha đất công nghiệp tạo ra …
    r"\b(?:[Bb]ình quân|[Tt]rung bình)\s+(?:(?:trên|mỗi|cho)\s+)?1\b",
)))

_RUN = _within_line(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_SCALE_WORDS = "|".join(SCALES)
# "tr." abbreviates triệu before a currency in tables: "25,6 tr.USD", "1.300 tr.đ".
_SCALES = _within_line(rf"(?:\s*(?:(?:{_SCALE_WORDS})(?!\w)|tr\.?(?=\s*(?:USD|đ|VN))))+",
                       re.IGNORECASE)
# A number no real figure has: a code, an identifier, a typo.
MAX_DIGITS = 20
_UNIT = _within_line(r"""\s*(?:
   (?P<usd>USD|US\$|đô[- ]?la(?:\s+Mỹ)?|đô(?![- ]?thị)(?!\w))
 | (?P<vnd>đồng|VNĐ|VND|đ(?!\w)|\.?\ ?₫)
 | (?P<percent>%|％|phần\ trăm)
 | (?P<ha>ha|héc[- ]?ta|hecta)(?!\w)
 | (?P<m2>m2|m²)(?!\w)
 | (?P<km2>km2|km²)(?!\w)
 | (?P<adjustment>lượt(?:\ dự\ án)?)(?!\w)
 | (?P<project>dự\ án|giấy\ chứng\ nhận|quyết\ định\ chủ\ trương(?:\ đầu\ tư)?|GCNĐKĐT|GCN|(?-i:DA))(?!\w)
 | (?P<enterprise>doanh\ nghiệp|(?-i:DN))(?!\w)
 | (?P<person>lao\ động|người|công\ nhân|sinh\ viên|học\ viên|việc\ làm|kỹ\ sư|(?-i:LĐ))(?!\w)
 | (?P<zone>KCN|khu\ công\ nghiệp)(?!\w)
 | (?P<zone_named_before>khu)(?=\s+(?:với\s+tổng|đã|được)(?!\w)|\s+(?-i:[A-ZĐ]\w*\s+(?:[A-ZĐ]\w*|và)))
 | (?P<cluster>CCN|cụm(?:,\ điểm)?\ công\ nghiệp|cụm\ CN)(?!\w)
 | (?P<other>euro|EUR|yên|JPY|won|KRW|SGD|CNY|nhân\ dân\ tệ|NDT|bảng\ Anh|GBP|baht)(?!\w)
 | (?P<times>lần)(?!\w)
)""", re.VERBOSE | re.IGNORECASE)
# "lượt" counts amendments only when they are named: "23 lượt điều chỉnh tăng vốn",
# "điều chỉnh tăng vốn 38 lượt (dự án)"; "lượt khách" counts something else, and
# "12 lượt dự án" without an amendment counts projects.
_AMENDMENT_AFTER = _within_line(r"\s+(?:(?:FDI|DDI|trong nước|nước ngoài)\s+)?(?:(?:được|đăng ký)\s+)?"
                                r"(?:điều chỉnh|tăng vốn)", re.IGNORECASE)
_AMENDMENT_BEFORE = _within_line(r"điều chỉnh[^.;]{0,40}$", re.IGNORECASE)
# "lần" is a multiple only after a word of comparison: "vượt 18,6 lần", "gấp 2 lần".
_COMPARISON = _within_line(r"(?:vượt|gấp|tăng|giảm|bằng|hơn|cao|thấp)(?:\s+(?:gần|hơn|khoảng|"
                         r"trên|xấp xỉ|gấp))*\s*$", re.IGNORECASE)
_PARTS_OF = _within_line(r"(?:chia|phân)\s+(?:thành|làm)\s*$", re.IGNORECASE)
_ZONES_SAID = _within_line(r"khu công nghiệp|(?-i:KCN)", re.IGNORECASE)
_ZONES_NAMED = _within_line(r"(?:về|đối với|các|số)\s+(?:khu công nghiệp|(?-i:KCN))", re.IGNORECASE)
# "tăng gấp 2 lần về số dự án và 3 lần về số vốn": the second multiple shares the word.
_MULTIPLE_BEFORE = _within_line(r"(?:vượt|gấp)\s+\d[\d.,]*\s+lần(?!\w)[^,;.\d]{0,40}\s+và\s*$",
                                re.IGNORECASE)
_WORD_BEFORE = _within_line(r"(\w+) $")
_RANGE = _within_line(r"\s*[-–—]\s*|\s+(?:đến|tới)\s+")
_SHARED = _within_line(r"\s*(?:,\s*(?:và\s+|hoặc\s+)?|\s+và\s+|\s+hoặc\s+)")
# "1 tỷ 500 triệu USD", "3 nghìn 500 tỷ đồng": an amount spoken in two parts.
_COMPOUND = _within_line(r"\s+(?=\d)")
# "2 500 tỷ đồng": a space (or an invisible one) inside a number; one number or two?
_SPACED = _within_line(r"[ \u00a0\u202f\u200b](?P<rest>\d{3}(?:,\d+)?)(?![\d.,]?\d)")
_CURRENCY_BEFORE = _within_line(r"(?:US\$|USD|\$)\s?$")
# The unit named before a lone number: "tổng số dự án đầu tư tại các KCN là 496".
_NAMED_BEFORE = _within_line(
    r"\bsố\s+(?:lượng\s+)?(?P<noun>dự án|doanh nghiệp|lao động|KCN|khu công nghiệp|CCN|"
    r"cụm công nghiệp|lượt điều chỉnh)\b[^;.:]{0,60}?(?:\b(?:là|đạt|lên|lên tới|có)\s+|:\s*)"
    r"(?:khoảng\s+|hơn\s+|trên\s+|gần\s+|ước\s+)?$", re.IGNORECASE)
_NOUN_UNIT = {"dự án": "project", "doanh nghiệp": "enterprise", "lao động": "person",
              "kcn": "zone", "khu công nghiệp": "zone", "ccn": "cluster",
              "cụm công nghiệp": "cluster", "lượt điều chỉnh": "adjustment"}
# After money with no currency, a following noun means it counts something else
# ("2 triệu tấn"); punctuation or "và" leaves it as money of unknown currency.
# A verb or a preposition after it too: "Gần 11.000 tỷ rót vào …", "thu hút 11.000 tỷ vào KCN".
_MONEY_END = _within_line(r"\s*(?:$|[\r\n,;.)\]/]|(?:và|hoặc|vào|cho|rót|đổ|chảy|được|để|từ)\b|\()",
                          re.IGNORECASE)


_DIGITS = re.compile(r"\d+")


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """The spans of dates, codes and names with numbers, sorted. Every one holds a digit
    and starts at most a few words before it, so only the stretches around digits are
    searched: most of a text has none."""
    spans: list[tuple[int, int]] = []
    for lo, hi in _around_digits(text):
        for m in _BLOCKS.finditer(text, max(lo, spans[-1][1] if spans else 0), hi):
            spans.append(m.span())
    return spans


def _around_digits(text: str, before: int = 40, after: int = 80) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(text):
        lo, hi = max(0, m.start() - before), min(len(text), m.end() + after)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def find(text: str) -> list[Found]:
    """Every quantity and flagged number in ``text``, in order."""
    blocks = blocked_spans(text)
    runs = [m for m in _RUN.finditer(text) if not _inside(m.start(), blocks)]
    found: list[Found] = []
    lone: list[tuple[int, int]] = []
    taken_until = -1
    for m in runs:
        if m.start() < taken_until:
            continue
        result = _spaced(text, m, blocks) or _read_at(text, m, blocks)
        if result is None:
            if not _names(text, m.start()):
                lone.append(m.span())
            continue
        found.extend(result)
        taken_until = max(f.end for f in result)
    found.extend(_lone_numbers(text, lone, found))
    return sorted(found, key=lambda f: f.start)


def _names(text: str, start: int) -> bool:
    """Whether the number ends a name: a title-case word before it that does not
    begin the sentence ("KCN Yên Bình 3", "Sông Công 1", but not "Khoảng 20")."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m[1]
    title = word[0].isupper() and len(word) > 1 and word[1:].islower()
    before = text[max(0, m.start() - 20):m.start()].rstrip(" \t\u00a0")
    begins = (not before and m.start() <= 20) or (before and before[-1] in ".!?:“\"(…\n\r-–")
    return title and not begins


def shares_multiple(text: str, start: int) -> bool:
    """Whether the multiple at ``start`` shares the word of the one before it ("gấp 2 lần về
    số dự án và 3 lần về số vốn")."""
    return bool(_MULTIPLE_BEFORE.search(text, max(0, start - 80), start))


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _spaced(text: str, m: re.Match, blocks) -> list[Found] | None:
    """ "2 500 tỷ đồng": flagged, since 2500 and "2, 500" are both possible readings."""
    spaced = _SPACED.match(text, m.end())
    if not re.fullmatch(r"\d{1,3}", m.group()) or spaced is None or \
            _inside(spaced.start("rest"), blocks):
        return None
    if _tail(text, spaced.end(), m.start()) is None:
        return None
    return [Found(m.start(), spaced.end(), None, None,
                  flagged="a space inside a number: one number or two? Vietnamese writes "
                  "thousands with a dot (2.500)")]


def _read_at(text: str, m: re.Match, blocks) -> list[Found] | None:
    """The quantity starting with the number ``m``, or None when no unit follows."""
    pos = m.end()
    if text.startswith("/", pos):
        second = _RUN.match(text, pos + 1)
        if second is None or _inside(second.start(), blocks):
            return None
        tail = _tail(text, second.end(), second.start())
        if tail is None:
            return None
        scales, unit, end = tail
        return [_make(text, m.start(), m.end(), m.group(), scales, unit),
                _make(text, second.start(), end, second.group(), scales, unit)]
    own_scales = _SCALES.match(text, pos)
    after = own_scales.end() if own_scales else pos
    if own_scales and (compound := _compound(text, m, own_scales, blocks)):
        return [compound]
    sep = _RANGE.match(text, after)
    if sep:
        second = _RUN.match(text, sep.end())
        if second and not _inside(second.start(), blocks):
            tail = _tail(text, second.end(), m.start())
            if tail is not None:
                scales, unit, end = tail
                low = _make(text, m.start(), end, m.group(),
                            _words(own_scales) if own_scales else scales, unit)
                high = _make(text, second.start(), end, second.group(), scales, unit)
                if low.flagged or high.flagged:
                    return [low if low.flagged else high]
                if low.value is not None and high.value is not None and low.value < high.value:
                    low.value_max = high.value
                    return [low]
    tail = _tail(text, pos, m.start())
    if tail is None:
        return None
    scales, unit, end = tail
    return [_make(text, m.start(), end, m.group(), scales, unit)]


def _compound(text: str, m: re.Match, own_scales: re.Match, blocks) -> Found | None:
    """ "1 tỷ 500 triệu USD" = 1500 triệu USD; "3 nghìn 500 tỷ đồng" = 3500 tỷ đồng."""
    gap = _COMPOUND.match(text, own_scales.end())
    second = _RUN.match(text, gap.end()) if gap else None
    if second is None or _inside(second.start(), blocks):
        return None
    tail = _tail(text, second.end(), m.start())
    if tail is None or not tail[0] or tail[1] not in ("vnd", "usd", None):
        return None
    scales, kind, end = tail
    try:
        first, rest = read_number(m.group()), read_number(second.group())
    except NotVietnamese:
        return None
    big, small = scaled(Decimal(1), _words(own_scales)), scaled(Decimal(1), scales)
    if big > small and rest * small < big:
        amount = first * big + rest * small
    elif big < small and rest < small / big:
        amount = (first * big + rest) * small
    else:
        return None
    unit, value = _canonical(kind, amount)
    return Found(m.start(), end, value, unit)


def _tail(text: str, pos: int, number_start: int):
    """(scale words, unit, end) after a number, or None when nothing makes it a quantity."""
    scales_match = _SCALES.match(text, pos)
    scales = _words(scales_match) if scales_match else []
    after = scales_match.end() if scales_match else pos
    unit = _UNIT.match(text, after)
    if unit:
        kind = unit.lastgroup
        amendment = (_AMENDMENT_AFTER.match(text, unit.end())
                     or _AMENDMENT_BEFORE.search(text, max(0, number_start - 60), number_start))
        if kind == "adjustment" and not amendment:
            if not unit.group().endswith("án"):
                return None
            kind = "project"
        if kind == "zone_named_before":
            # "Về khu công nghiệp, Thủ tướng đã phê duyệt 53 khu với …": "khu" says it again.
            # Zones named after it ("gồm 2 khu Giao Long và An Hiệp") after khu công nghiệp
            # is said; otherwise the text's topic is khu công nghiệp.
            named = text[unit.end():unit.end() + 2].strip()[:1].isupper() and \
                not _PARTS_OF.search(text, max(0, number_start - 30), number_start)
            if not (_ZONES_NAMED.search(text, max(0, number_start - 300), number_start) or
                    named and _ZONES_SAID.search(text, max(0, number_start - 150), number_start)):
                return None
            kind = "zone"
        if kind == "times" and not _COMPARISON.search(text, max(0, number_start - 40),
                                                      number_start) \
                and not shares_multiple(text, number_start):
            return None
        return scales, kind, unit.end()
    if _CURRENCY_BEFORE.search(text, max(0, number_start - 6), number_start):
        return scales, "usd", after
    if scales and any(w.lower() not in ("nghìn", "ngàn") for w in scales) \
            and _MONEY_END.match(text, after):
        return scales, None, after
    return None


def _words(match: re.Match) -> list[str]:
    return match.group().split()


def _make(text: str, start: int, end: int, number: str, scales: list[str],
          kind: str | None) -> Found:
    if kind == "other":
        return Found(start, end, None, None, flagged=f"money in {text[start:end].split()[-1]}: "
                     "neither đồng nor USD; record it by hand, with the rate the document gives")
    if sum(c.isdigit() for c in number) > MAX_DIGITS:
        return Found(start, start + len(number), None, None,
                     flagged=f"more digits than any real figure ({len(number)} characters): "
                     "a code or a typo")
    try:
        value = scaled(read_number(number), scales)
    except NotVietnamese as exc:
        return Found(start, start + len(number), None, None, flagged=str(exc))
    if start > 0 and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " (\t\n:"):
        start, value = start - 1, -value  # "-3,2%": the sign is written, so it is read
    unit, value = _canonical(kind, value)
    return Found(start, end, value, unit, scales=tuple(scales))


def _canonical(kind: str | None, value: Decimal) -> tuple[str | None, Decimal]:
    """The plan-file unit and the value in it: money in tỷ đồng or triệu USD, area in ha."""
    if kind == "vnd":
        return "vnd_billion", value / 10**9
    if kind == "usd":
        return "usd_million", value / 10**6
    if kind == "m2":
        return "ha", value / 10**4
    if kind == "km2":
        return "ha", value * 100
    return kind, value


def _lone_numbers(text: str, lone: list[tuple[int, int]], found: list[Found]) -> list[Found]:
    """Numbers without a unit of their own that share one: "20 và 25 dự án", "100, 200 và
    300 triệu USD", "tổng số dự án … là 496", "Tổng số dự án: 496"."""
    out: list[Found] = []
    by_start = {f.start: f for f in found}
    for start, end in reversed(lone):
        sep = _SHARED.match(text, end)
        nxt = by_start.get(sep.end()) if sep else None
        if nxt is not None and nxt.unit is not None and nxt.flagged is None:
            shared = _make(text, start, end, text[start:end], list(nxt.scales),
                           _kind_of(nxt.unit))
            if shared.unit == nxt.unit:
                out.append(shared)
                by_start[start] = shared
            continue
        named = _NAMED_BEFORE.search(text, max(0, start - 120), start)
        if named:
            out.append(_make(text, start, end, text[start:end], [],
                             _NOUN_UNIT[named["noun"].lower()]))
    return out


def _kind_of(unit: str) -> str:
    return {"vnd_billion": "vnd", "usd_million": "usd"}.get(unit, unit)
