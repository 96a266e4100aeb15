"""Which figure another one is about: the figure an attainment is of, the plan a bracketed
target is of, the earlier figure "con số này" refers back to."""

from __future__ import annotations

import re

from kcn_tracker.draft.indicators import guess_indicator
from kcn_tracker.draft.quotes import bracketed, clause_break, clause_head, words_before
from kcn_tracker.extract.document import Quantity
from kcn_tracker.text.i18n import _

_NEW_PROJECTS_NAMED = re.compile(r"(?<!\w)số dự án(?:\s+(?:FDI|DDI|đầu tư trong nước|trong nước))?"
                                 r"\s+(?:được\s+)?cấp mới", re.IGNORECASE)

# A figure that names what it is only by referring back: "Giai đoạn 2021–2025, tỉnh đặt chỉ
# tiêu thu hút 3,5 tỷ USD vốn FDI. Sau 4 năm, con số này đã đạt 3,92 tỷ USD"; "đặt mục tiêu
# thu hút 3 tỷ USD vốn FDI mỗi năm; 9 tháng năm 2024, thành phố đã đạt khoảng 2,45 tỷ USD".
_THIS_FIGURE = re.compile(r"(?<!\w)(?:con số|số liệu)\s+(?:này|đó|trên)(?!\w)[^,;]*$",
                          re.IGNORECASE)

# "đã đạt" names nothing of its own only after a place or a board as its subject ("nộp ngân
# sách đã đạt 300 triệu USD" names what it is, though no indicator fits).
_REACHED = re.compile(r"(?<!\w)(?:thành phố|tỉnh|toàn tỉnh|địa phương|các KCN|các khu công nghiệp|"
                      r"chúng tôi)\s+đã\s+đạt(?:\s+được)?(?:\s+(?:khoảng|hơn|gần|trên|xấp xỉ))?\s*$",
                      re.IGNORECASE)
# An item of a list after ";" that names only what it is about: "; Nhân Cơ: 86,5%".
_LABEL = re.compile(r"\s*(?-i:[A-ZĐ])[^\d,:;()]{0,40}:\s*")
# How far back a figure is looked for: a run of figures of one sentence or two.
_BACK = 64
_REFERRED_BACK = 16


def attained(quantities: list[Quantity], i: int) -> int | None:
    """The figure an attainment is of: the one before it in its clause; for the n-th
    of a run ("lần lượt bằng 156% và 128% kế hoạch"), the n-th of the run of figures
    before it. A restated amount is not one of them, nor a figure of another clause
    ("… đạt 716,9 triệu USD, đạt 92,1% kế hoạch; vốn đầu tư trong nước vượt 18,6 lần
    kế hoạch năm": the 18,6 is not of the 716,9, and does not make the 92,1 a run)."""
    q = quantities[i]
    same = []  # the figures before it in its clause, nearest first
    for k in range(i - 1, max(-1, i - _BACK - 1), -1):
        if quantities[k].sentence_start != q.sentence_start \
                or clause_break(q.document, quantities[k].end, q.start):
            break
        same.append(k)
    run = []  # the attainments right before it, with no other figure between
    for k in same:
        if quantities[k].role != "attainment":
            break
        run.append(k)
    figures = [k for k in reversed(same) if quantities[k].role == "actual"
               and quantities[k].unit not in (None, "percent", "times")
               and quantities[k].equivalent_of is None
               and not bracketed(q.document, quantities[k].end, q.start)]
    later = []
    for k in range(i + 1, min(len(quantities), i + 64)):
        if quantities[k].sentence_start != q.sentence_start \
                or quantities[k].role != "attainment" \
                or clause_break(q.document, q.end, quantities[k].start):
            break
        later.append(k)
    attainments = len(run) + 1 + len(later)
    if attainments == 1:
        return figures[-1] if figures else None
    if len(figures) >= attainments:
        return figures[len(figures) - attainments + len(run)]
    return None


def named_figure(quantities: list[Quantity], i: int) -> int | None:
    """The figure an attainment whose clause names it but does not state it is of: "Số
    dự án FDI cấp mới bằng 105% kế hoạch năm" after "… 21 dự án FDI …": the nearest
    earlier count of new projects of that kind."""
    q = quantities[i]
    head = clause_head(q)
    digits = [m.end() for m in re.finditer(r"\d", head)]
    named = _NEW_PROJECTS_NAMED.search(head, max([head.rfind(";") + 1, *digits[-1:]]))
    if named is None:
        return None
    kind = "_fdi" if re.search(r"\bFDI\b", named.group()) else (
        "_ddi" if re.search(r"\bDDI\b|trong nước", named.group(), re.IGNORECASE) else "")
    for k in range(i - 1, max(-1, i - _BACK - 1), -1):
        p = quantities[k]
        if p.unit == "project" and p.role == "actual" and p.sentence_start != q.sentence_start \
                and guess_indicator(p) == "new_projects" + kind:
            return k
    return None


def plan_of(quantities: list[Quantity], i: int) -> int | None:
    """The figure whose plan a target in brackets after an attainment is: "đạt 132% kế
    hoạch (gần 1,9 tỉ USD)" is the plan of the figure the 132% is of."""
    q = quantities[i]
    if i == 0 or q.role != "target":
        return None
    attainment = quantities[i - 1]
    if attainment.role != "attainment" or attainment.sentence_start != q.sentence_start \
            or "(" not in q.document[attainment.end:q.start]:
        return None
    return attained(quantities, i - 1)


def referred(quantities: list[Quantity], i: int, checks: list[str]) -> str | None:
    """The indicator of the figure this one refers back to: "con số này" is the nearest
    earlier figure in its unit; "đã đạt" with no word of its own, and a name in a list
    ("Tỷ lệ lấp đầy khu công nghiệp Tâm Thắng: 88,3%; Nhân Cơ: 86,5%"), an earlier figure in
    its unit in its sentence."""
    q = quantities[i]
    head = words_before(q)
    back = _THIS_FIGURE.search(head)
    if back is None and not (_REACHED.search(head) or _LABEL.fullmatch(head)):
        return None
    for k in range(i - 1, max(-1, i - _REFERRED_BACK - 1), -1):
        p = quantities[k]
        if back is None and p.sentence_start != q.sentence_start:
            return None
        indicator = guess_indicator(p) if p.unit == q.unit else None
        if indicator:
            checks.append(_("indicator: {indicator}, of {figure} before it, which it "
                            "refers back to", indicator=indicator, figure=p.text))
            return indicator
    return None
