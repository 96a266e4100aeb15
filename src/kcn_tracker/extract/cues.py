"""What the words around a quantity say of it: qualifier, role and period.

These are rules of the language, not of particular documents: a qualifier is
the word right before the number ("hơn 417 triệu USD"); a percentage or multiple
followed by "kế hoạch" is an attainment, one after "tăng"/"giảm" or before
"so với" a growth; otherwise the nearest word of plan ("mục tiêu", "phấn đấu",
"đề ra") or of result ("đã", "hiện nay") before the number in the sentence
decides between a target and an actual. The period is the nearest one the
sentence names, else the one the paragraph named last.
"""

from __future__ import annotations

import bisect
import re

_I = re.IGNORECASE
_Q = r"(?:khoảng|hơn|trên|gần|ước|ước đạt|xấp xỉ|ít nhất|tối thiểu|bình quân|đạt|là|ở mức)"

_QUALIFIERS = (
    ("at_least", r"ít nhất|tối thiểu|không dưới|không ít hơn"),
    ("at_most", r"tối đa|không quá|không vượt quá|dưới|chưa đến|chưa tới"),
    ("nearly", r"gần như|gần"),
    ("over", r"hơn|trên|vượt trên|vượt quá"),
    ("about", r"trên dưới|ước đạt|ước tính|ước khoảng|ước|khoảng|xấp xỉ|chừng|dự kiến|"
              r"dự kiến đạt"),
)
_QUALIFIER_BEFORE = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{name}>{words})" for name, words in _QUALIFIERS) + r")"
    r"(?:\s+(?:là|đạt|mức|ở mức|con số|tỷ lệ|tỉ lệ))*\s*$", _I)
_AT_LEAST_AFTER = re.compile(r"\s*(?:trở lên|trở lại đây)\b", _I)
# "cao hơn 20%", "ít hơn 3 dự án", "cao hơn mức 800 triệu USD": "hơn" compares, it does
# not say "more than" of the figure.
_COMPARATIVE = re.compile(r"(?:ít|nhiều|cao|thấp|lớn|nhỏ|tốt|kém|chậm|nhanh)\s*$", _I)
# An estimate or a forecast a few words before: "ước thu hút 1,5 tỷ USD".
_ESTIMATE_NEAR = re.compile(r"(?<!\w)(?:ước|dự kiến|dự báo)(?!\w)[^\d,;.:()]{0,30}$", _I)
_AT_MOST_AFTER = re.compile(r"\s*trở xuống\b", _I)

# The words of a plan, wherever a figure is read against one.
PLAN_WORDS = r"(?:kế hoạch|(?-i:KH)|chỉ tiêu|mục tiêu|dự toán)"
_ATTAINMENT_AFTER = re.compile(rf"\s*(?:so với\s+)?{PLAN_WORDS}(?!\w)", _I)
_ATTAINMENT_BEFORE = re.compile(
    rf"(?:vượt|đạt|bằng|hoàn thành)\s+{PLAN_WORDS}(?:\s+(?:năm|đề ra|được giao|\d{{4}}))*"
    rf"(?:\s+{_Q})*\s*$|so với\s+{PLAN_WORDS}\b[^;.%]{{0,60}}$"
    # "Các chỉ tiêu đề ra đều đạt trên 70%": the plans, all of them, are what reached it
    # (not "mục tiêu đạt 80% tỷ lệ lấp đầy", a plan to reach).
    rf"|(?<!\w)(?:các\s+{PLAN_WORDS}(?:\s+(?:chủ yếu|đề ra|được giao|năm\s+\d{{4}})){{0,2}}"
    rf"\s+(?:đều\s+)?|{PLAN_WORDS}(?:\s+(?:chủ yếu|đề ra|được giao|năm\s+\d{{4}})){{0,2}}\s+đều\s+)"
    rf"(?:đạt|vượt)(?:\s+{_Q})*\s*$", _I)
# Words of plan consumed by an attainment ("vượt 40% kế hoạch đề ra") are not
# cues for the figures around it.
# Repetitions are bounded so that no run of words is tried again from each word in it.
_ATTAINMENT_PHRASE = re.compile(
    rf"(?:(?<![\d.,])\d[\d.,]*\s*(?:%|lần)\s*(?:so với\s+)?|(?:vượt|đạt|bằng|hoàn thành)"
    rf"(?:\s+(?:vượt|mức)){{0,2}}\s+|so với\s+"
    # "đạt được các chỉ tiêu chủ yếu như sau: Doanh thu đạt …": the key figures reached; not
    # those to reach ("cần đạt được các chỉ tiêu sau: …").
    rf"|(?<!cần )(?<!để )(?<!phải )(?<!nhằm )(?<!sẽ )đạt\s+được\s+(?:các\s+)?)"
    rf"{PLAN_WORDS}(?:\s+(?:năm|đề ra|được giao|\d{{4}}|chủ yếu|như sau)){{0,3}}"
    # The name of a document is no word of plan: "Kế hoạch số 45/KH-UBND".
    r"|(?:Kế hoạch|Quyết định|Nghị quyết|Chương trình)\s+(?:số\s+)?\d\S*"
    # "các KCN đã đi vào hoạt động" names the zones; it says nothing of the figure.
    r"|đã\s+(?:đi vào hoạt động|thành lập|được thành lập|được phê duyệt)", _I)
_GROWTH_BEFORE = re.compile(
    r"(?<!\w)(?:tăng|giảm|tăng trưởng|tăng thêm|giảm đi|gấp|tốc độ tăng(?: trưởng)?)"
    rf"(?:\s+(?:bình quân|trung bình|{_Q}))*\s*$|tăng trưởng[^,;.\d]{{0,40}}$", _I)
_GROWTH_AFTER = re.compile(r"\s*(?:/\s*năm|mỗi năm|so với|so cùng kỳ|cùng kỳ)", _I)
# A count or an amount is a change, not a stock, when it is said to have grown against
# an earlier one: "tăng 5.000 người so với năm 2022", "So với cùng kỳ, tăng 10 dự án".
_CHANGE_BEFORE = re.compile(r"(?<!\w)(?:tăng|giảm|nhiều hơn|ít hơn|cao hơn|thấp hơn)"
                            r"(?:\s+(?:thêm|khoảng|gần|hơn|trên))*\s*$", _I)
_AGAINST = re.compile(r"so với|so cùng kỳ|so năm", _I)
# "dự kiến" announces what is planned ("Dự kiến thành lập thêm 4 KCN"), unless a
# result follows ("dự kiến đã thu hút khoảng 800 triệu USD": an estimate of what was done);
# "theo quy hoạch … đến năm 2025" is a plan to a year.
# What is submitted or proposed for approval is sought, not done, though the submitting is
# ("Ban đã trình Thủ tướng bổ sung 2 KCN với diện tích khoảng 1.200 ha"). A zone's or a
# project's "quy mô lao động" is the workforce it is planned for, not one it has.
_TARGET = (r"mục tiêu|chỉ tiêu|kế hoạch|(?-i:KH)|phấn đấu|đề ra|định hướng|đặt ra|phải đạt|cần đạt|"
           r"nhằm đạt|muốn(?=\s+thu hút)|theo quy hoạch(?=[^,.;\d]{0,40}(?:đến|tới)\s+năm)|dự kiến(?!\s+đã)|"
           r"trình\s+(?:Thủ tướng|Chính phủ|Quốc hội|Bộ|UBND|HĐND|cấp có thẩm quyền)|đề xuất|"
           r"quy mô lao động")
# "quy mô" describes what is ("KCN … với quy mô 2.200ha", "- Quy mô 148,6 ha" of a project
# listed among a plan's tasks): a size, not a figure to reach.
_ACTUAL = (r"dự kiến\s+đã|đã|hiện nay|hiện có|hiện đang|lũy kế|luỹ kế|tính đến|(?:đến|tới) nay|ước đạt|"
           r"ước tính|thực tế|"
           r"quy mô(?=\s+(?:\d|diện tích|vốn|khoảng|là|hơn|trên))")
# What is expected, forecast or needed ("dự kiến tạo việc làm cho 1.200 lao động", "sẽ có
# 31 KCN") is neither a plan's figure nor a result: the role is left open.
_FORECAST = r"dự báo|sẽ|cần"
_CUE = re.compile(rf"(?<!\w)(?:(?P<target>{_TARGET})|(?P<actual>{_ACTUAL})|"
                  rf"(?P<forecast>{_FORECAST}))(?!\w)", _I)
_RESTATED = re.compile(r"\s*(?:\(\s*|,\s*)(?:tương đương|tương ứng|tức|hay|quy đổi|khoảng)"
                       r"(?:\s+(?:khoảng|gần|hơn|trên|với))?\s*$", _I)
MONEY = ("vnd_billion", "usd_million")


# "ước đạt 1,03 triệu tỷ đồng"; "dự kiến đã thu hút khoảng 800 triệu USD" (a result
# estimated before the figures are final).
_ESTIMATED = re.compile(r"\bước(?:\s+(?:đạt|tính|khoảng))?\s*$|(?<!\w)dự kiến\s+đã\s[^\d,;.]{0,40}$",
                        _I)


# "tỷ lệ lấp đầy đạt 74,2%, cao hơn mức 69,8% của năm 2023": the figure a change is
# measured against.
_BASE = re.compile(r"(?:ít|nhiều|cao|thấp|lớn|nhỏ)\s+hơn(?:\s+(?:mức|so với))?\s*$"
                   r"|(?<!\w)so với(?:\s+mức)?\s*$", _I)


def compared_with(before: str) -> bool:
    """Whether the figure after ``before`` is the base of a comparison, not a result."""
    return bool(_BASE.search(before[-40:]))


def estimated(before: str) -> bool:
    """ "ước đạt 1,03 triệu tỷ đồng": an estimate, not a final figure."""
    return bool(_ESTIMATED.search(before))


def qualifier(text: str, start: int, end: int, sentence_start: int) -> str:
    window = max(sentence_start, start - 40)
    before = _QUALIFIER_BEFORE.search(text, window, start)
    if before and not (before.lastgroup == "over" and before.group().lower().startswith("hơn")
                       and _COMPARATIVE.search(text, window, before.start())):
        return before.lastgroup
    if before is None and _ESTIMATE_NEAR.search(text, window, start):
        return "about"
    if _AT_LEAST_AFTER.match(text, end):
        return "at_least"
    if _AT_MOST_AFTER.match(text, end):
        return "at_most"
    return "exact"


def restates(text: str, start: int, previous_end: int) -> bool:
    """Whether the quantity at ``start`` restates the one ending at ``previous_end``:
    "84.520,88 tỷ đồng (tương đương 3,65 tỷ USD)"."""
    return previous_end <= start and bool(_RESTATED.fullmatch(text, previous_end, start))


class Cues:
    """The words of plan, of result and of comparison a sentence holds, found once so
    that each figure looks them up by position (a sentence of thousands of figures
    stays linear)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        masked = _ATTAINMENT_PHRASE.sub(lambda m: " " * len(m.group()), text[start:end])
        found = [(m.start() + start, m.lastgroup) for m in _CUE.finditer(masked)
                 if not _in_name(masked, m)]
        found = [(p, "actual" if kind == "target" and text[p:p + 7].lower() == "dự kiến"
                  and _PRELIMINARY.search(masked, max(0, p - start - 80), p - start) else kind)
                 for p, kind in found]
        if _WHEN.match(masked):
            # "Khi đi vào hoạt động, KCN dự kiến thu hút 45.000 lao động": what is expected
            # once something happens is a forecast, not a plan.
            found = [(p, "forecast" if text[p:p + 7].lower() == "dự kiến" else kind)
                     for p, kind in found]
        self.start = start
        self._cues = found
        self._cue_starts = [p for p, _ in found]
        self._targets = [p for p, kind in found if kind == "target"]
        self._marks = [m.start() + start for m in _CLAUSE_MARK.finditer(masked)]
        self._against = [m.start() + start for m in _AGAINST.finditer(masked)]

    def nearest(self, position: int) -> str | None:
        """The nearest cue before ``position``; a word of plan in the figure's own clause
        wins over a nearer "đã" ("mục tiêu tỷ lệ lấp đầy các KCN đã đi vào hoạt động
        đạt 80%")."""
        i = bisect.bisect_left(self._cue_starts, position) - 1
        if i < 0:
            return None
        j = bisect.bisect_left(self._marks, position) - 1
        clause = self._marks[j] if j >= 0 else self.start - 1
        t = bisect.bisect_left(self._targets, position) - 1
        if t >= 0 and self._targets[t] > clause:
            return "target"
        return self._cues[i][1]

    def planned_before(self, position: int) -> bool:
        """Whether a word of plan stands before ``position`` in the sentence."""
        return bisect.bisect_left(self._targets, position) > 0

    def compared_before(self, position: int) -> bool:
        return bisect.bisect_left(self._against, position) > 0


_CLAUSE_MARK = re.compile(r"[,;:]")
_NEXT_WORD = re.compile(r"\s+(\w)")


def _in_name(text: str, m: re.Match) -> bool:
    """Whether a cue is a syllable of a proper name: "Cần Thơ" is a city, not "cần" (what is
    needed). Names write every syllable with a capital; a heading in capitals is no name."""
    word = m.group()
    if not word[0].isupper() or word.isupper():
        return False
    after = _NEXT_WORD.match(text, m.end())
    return bool(after and after.group(1).isupper())


_WHEN = re.compile(r"\W*(?:khi|sau khi)\s", _I)
# "Lũy kế đến hết tháng 7/2023 dự kiến thu hút 490 dự án", "7 tháng đầu năm dự kiến thu hút
# 14.371,88 tỷ đồng": a figure of the period under report, not yet final, is an estimate of
# a result, not a plan.
_PRELIMINARY = re.compile(r"(?<!\w)(?:lũy kế|luỹ kế|từ đầu năm|\w+\s+tháng\s+(?:đầu\s+năm|qua))"
                          r"(?:\s+(?:nay|(?:tính\s+)?(?:đến|tới)\s+nay|(?:(?:tính\s+)?(?:đến|tới)\s+)?"
                          r"(?:hết\s+)?tháng\s+\d{1,2}(?:\s*/\s*\d{4})?))?\s*,?\s*$", _I)


# "bằng 45% so với cùng kỳ năm trước": a level against last year, neither a plan's share
# nor a change.
_LEVEL_BEFORE = re.compile(rf"(?<!\w)(?:bằng|đạt|chỉ bằng)(?:\s+{_Q})*\s*$", _I)
_LAST_YEAR_AFTER = re.compile(r"\s*(?:so với(?:\s+với)?\s+|so\s+|với\s+)?(?:cùng kỳ|năm trước|"
                              r"năm\s+(?:19|20)\d{2})", _I)
# "tăng 5 dự án (19,2%)", "giảm 72,9 ha (29,1%) so với năm trước": a change and its rate.
_CHANGE_RATE_AFTER = re.compile(r"\s*\(\s*-?\d[\d.,]*\s*%\s*\)", _I)
_RATE_OF_CHANGE = re.compile(r"(?<!\w)(?:tăng|giảm)(?:\s+(?:thêm|khoảng|gần|hơn|trên))*\s+"
                             r"-?\d[\d.,]*\s*[^\W\d][^()\d;.]{0,25}\(\s*$", _I)
# "so với kế hoạch 330 triệu USD", "(KH: 500 triệu USD)": the plan's own figure.
_PLAN_FIGURE_BEFORE = re.compile(
    rf"(?:so với|theo|vượt|bằng)\s+{PLAN_WORDS}(?:\s+(?:năm|đề ra|được giao|giao|(?:19|20)\d{{2}})){{0,3}}"
    rf"\s*(?:là\s+|:\s*)?(?:{_Q}\s+)?$", _I)
# "Các chỉ tiêu đều vượt kế hoạch. Vốn đăng ký mới đạt 118%; …": a percentage reached,
# of nothing the sentence names, after a sentence about the plan.
_REACHED_BEFORE = re.compile(rf"(?<!\w)(?:đạt|vượt|bằng)(?:\s+{_Q})*\s*$", _I)
_NOTHING_AFTER = re.compile(r"\s*(?:[;,.)]|và\s|$)", _I)
_SHARE_SUBJECT = re.compile(r"tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|lấp đầy|chiếm", _I)


def role(text: str, start: int, end: int, unit: str | None, cues: Cues,
         plan_before: bool = False) -> str | None:
    """The role of the figure at ``start``. For a percentage or a multiple, a plan named
    right after it makes an attainment ("tăng 3,2% so với kế hoạch" too); then a change
    against a year is a growth even when the sentence also names a plan ("đạt 121% kế
    hoạch, tăng 14,2% so với cùng kỳ"); "bằng 45% so với cùng kỳ" is a level (ratio)."""
    window = max(cues.start, start - 80)
    if unit in ("percent", "times"):
        if _ATTAINMENT_AFTER.match(text, end):
            return "attainment"
        if _LEVEL_BEFORE.search(text, window, start) and _LAST_YEAR_AFTER.match(text, end):
            return "ratio"
        if _GROWTH_BEFORE.search(text, window, start) or _GROWTH_AFTER.match(text, end):
            return "growth"
        if _RATE_OF_CHANGE.search(text, window, start):
            return "growth"
        if _ATTAINMENT_BEFORE.search(text, window, start):
            return "attainment"
        if plan_before and _REACHED_BEFORE.search(text, window, start) \
                and _NOTHING_AFTER.match(text, end) \
                and not _SHARE_SUBJECT.search(text, window, start):
            return "attainment"
    if unit not in ("percent", "times") and _CHANGE_BEFORE.search(text, window, start) and (
            cues.compared_before(start) or _GROWTH_AFTER.match(text, end)
            or _CHANGE_RATE_AFTER.match(text, end)):
        return "growth"
    if unit not in ("percent", "times") and _PLAN_FIGURE_BEFORE.search(text, window, start):
        return "target"
    cue = cues.nearest(start)
    if cue == "target":
        return "target"
    if cue == "forecast":
        # "Để thực hiện mục tiêu trên, Sở sẽ … thu hồi 06 dự án": what will be done to reach
        # a plan is one of its tasks; a forecast alone is neither plan nor result.
        return "target" if cues.planned_before(start) else None
    return "ratio" if unit == "percent" else "actual"


def speaks_of_plan(text: str, start: int, end: int) -> bool:
    """Whether a sentence names a plan at all, attainments included ("Các chỉ tiêu chủ
    yếu đều vượt kế hoạch.")."""
    return bool(re.search(rf"(?<!\w){PLAN_WORDS}(?!\w)", text[start:end], _I))


# Headings of a plan's sections: "II. NHIỆM VỤ, GIẢI PHÁP", "Phương hướng năm 2025";
# and of its results, which are no plan: "I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024".
_PLAN_HEADING = re.compile(r"(?<!\w)(?:nhiệm vụ|giải pháp|phương hướng)(?!\w)", _I)
_RESULT_HEADING = re.compile(r"(?<!\w)(?:kết quả|thực hiện|tình hình|đánh giá)(?!\w)", _I)


def plan_words(text: str, start: int, end: int, heading: bool = False) -> bool:
    """Whether ``text[start:end]`` speaks of a plan ("Mục tiêu cụ thể", "Chỉ tiêu 2025:"),
    not of an attainment of one ("bằng 91% kế hoạch năm") nor of its results."""
    masked = _ATTAINMENT_PHRASE.sub(lambda m: " " * len(m.group()), text[start:end])
    if heading and _RESULT_HEADING.search(masked):
        return False
    return any(m.lastgroup == "target" for m in _CUE.finditer(masked)) or (
        heading and bool(_PLAN_HEADING.search(masked)))
