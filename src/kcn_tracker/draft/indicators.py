"""Which indicator a figure measures, read from the words nearest it, and the unit the
indicator is recorded in."""

from __future__ import annotations

import re

from kcn_tracker.draft.quotes import clause_head, nfc, words_after, words_before
from kcn_tracker.extract.document import Quantity

_I = re.IGNORECASE


# (indicator, units it applies to, words that name it). Where several match, the
# one nearest the number wins; on a tie, the earlier (more specific) rule.
_MONEY = ("vnd_billion", "usd_million")
# New and added capital named together is the total attracted: "tổng vốn đầu tư cấp mới và
# tăng thêm", "cấp mới, điều chỉnh tăng vốn", "Tổng số vốn cấp mới và điều chỉnh".
_NEW_AND_ADDED = (r"(?:cấp mới|đăng ký mới|mới)\s*(?:,|và|và vốn)\s*(?:điều chỉnh|tăng thêm|tăng vốn|"
                  r"bổ sung)")
# "thu hút" with no nearer word of capital is the total attracted ("phấn đấu thu hút thêm ít
# nhất 745 triệu USD … và gần 5,7 nghìn tỷ đồng", "thu hút 172 triệu USD vốn FDI");
# "thu hút mới" names new capital.
_ATTRACTS = r"thu hút(?!\s+mới)"
_RULES: list[tuple[str, tuple[str, ...], str]] = [
    # "vốn thực hiện", "vốn đầu tư đã thực hiện", "vốn đầu tư thực hiện là …".
    ("implemented_capital", _MONEY, r"vốn (?:đầu tư )?(?:đã )?thực hiện|giải ngân"),
    ("total_capital_attracted", _MONEY,
     # "Vốn FDI đạt 812 triệu USD", "Vốn đầu tư trong nước đạt …": the capital of a kind
     # attracted, new and added.
     _NEW_AND_ADDED + r"|tổng (?:vốn )?(?:đầu tư )?thu hút|vốn (?:đầu tư )?thu hút|"
     r"vốn (?:đầu tư )?(?:trực tiếp )?(?:FDI|DDI|nước ngoài|trong nước)(?= đạt)|"
     r"thu hút (?:được|(?:tổng )?vốn(?: đầu tư)?|đầu tư)|" + _ATTRACTS),
    # "tổng vốn tăng trên 1,4 tỉ USD", "tổng vốn đầu tư đăng ký tăng 48 triệu USD".
    ("added_capital", _MONEY, r"điều chỉnh tăng(?: vốn)?|tăng thêm|tăng vốn|"
                              r"(?:vốn|tổng mức đầu tư)(?: đầu tư)?(?: đăng ký)? tăng(?! trưởng)"),
    ("new_capital", _MONEY,
     r"vốn (?:đầu tư )?đăng ký|vốn đăng ký (?:đầu tư )?mới|cấp mới|số vốn|tổng vốn(?: đầu tư)?|"
     r"tổng mức đầu tư|vốn"),
    ("revenue", _MONEY, r"doanh thu"),
    ("industrial_output", _MONEY, r"giá trị sản xuất"),
    ("export_value", _MONEY, r"xuất khẩu"),
    ("average_monthly_income", ("vnd_billion",), r"thu nhập"),
    ("fill_rate", ("percent",), r"lấp đầy"),
    ("green_space_share", ("percent",), r"cây xanh"),
    ("local_worker_share", ("percent",), r"lao động địa phương"),
    ("export_growth", ("percent",), r"xuất khẩu"),
    ("industrial_output", ("percent",), r"giá trị sản xuất"),
    ("operating_enterprises", ("enterprise",), r""),
    # "giải quyết việc làm mới cho 3.000 lao động" counts jobs made; "tạo việc làm cho 80.000
    # lao động" the workers there are.
    # "thu hút thêm không dưới 8.000 lao động" in a plan: workers to be added, jobs to make.
    ("new_jobs", ("person",), r"việc làm mới|lao động mới|tạo thêm(?: việc làm)?|thêm việc làm|"
                              r"thu hút thêm"),
    ("workers", ("person",), r""),
    ("zone_area", ("ha",), r""),
]
_REACHES = re.compile(r"(?<!\w)đạt(?:\s+(?:ít nhất|tối thiểu|khoảng|hơn|trên|gần))?\s*$", _I)
_KIND_OF_CAPITAL = re.compile(r"\s*vốn (?:đầu tư )?(?:trực tiếp )?(?:FDI|DDI|nước ngoài|trong nước)",
                              _I)
_NEW_AND_ADJUSTED_COUNTS = re.compile(r"\d\s*dự án (?:\w+\s+){0,3}?mới\s+(?:và|,)\s*\d[\d.,]*\s*"
                                      r"lượt(?:\s+dự án)?\s+(?:điều chỉnh|tăng vốn)", _I)
_ATTRACTS_WORKERS = re.compile(r"thu hút(?:\s+thêm)?\s*$", _I)
_HORIZON = re.compile(r"(?:đến|tới)\s+năm\s+\d{4}", _I)
# The share of the land to let that is let; not the share of a zone that is land to let.
_LAND_LET = re.compile(r"\s*(?:tổng\s+)?diện tích đất công nghiệp(?: có thể)? cho thuê", _I)
_MAKES_JOBS = re.compile(r"tạo(?:\s+thêm)?\s+việc làm(?:\s+mới)?\s+cho(?:\s+(?:khoảng|trên|hơn|ít nhất|"
                         r"tối thiểu))?\s*$", _I)
_GROWS_BEFORE = re.compile(r"(?<!\w)tăng(?:\s+trưởng)?(?:\s+(?:bình quân|trung bình))?\s*$", _I)
_GROWS_AFTER = re.compile(r"\s*(?:/\s*năm|so với)", _I)
# A growth rate or a share takes the indicator of what it is of.
_GROWTH_OF = {"revenue": "revenue_growth", "total_capital_attracted": "capital_attracted_growth",
              "new_capital": "capital_attracted_growth", "added_capital": "capital_attracted_growth",
              "industrial_output": "industrial_output_growth", "export_value": "export_growth"}


_STOCK = re.compile(r"còn hiệu lực|lũy kế|luỹ kế|tính đến|đến nay|hiện có|hiện nay", _I)
# "Từ đầu năm (2023) đến nay" counts a flow since January, not a stock; so does a running
# total over the months of a year ("Lũy kế 5 tháng đầu năm", "Lũy kế từ đầu năm").
_YEAR_TO_DATE = re.compile(r"(?:(?:lũy kế|luỹ kế)\s+)?(?:từ đầu năm(?:\s+nay|\s+\d{4})?"
                           r"(?:\s+(?:tính\s+)?(?:đến|tới)\s+nay)?|\d{1,2} tháng đầu năm)", _I)
# "chấm dứt 1 dự án" (the certificate withdrawn) is counted with the revoked.
_REVOKED = re.compile(r"thu hồi|chấm dứt", _I)
# "nâng tổng vốn đăng ký FDI … đạt 545,1 triệu USD": the figure is the new total, a stock.
_RAISES_TOTAL = re.compile(r"nâng tổng", _I)
# "10 dự án vốn đầu tư nước ngoài" names the projects' kind, not a capital.
_PROJECT_KIND = re.compile(r"dự án (?:có )?vốn đầu tư (?:trực tiếp )?(?:nước ngoài|trong nước)", _I)
# A figure split into parts ("338 dự án còn hiệu lực; trong đó có 200 dự án FDI"): the parts
# are what the whole is, a stock or a flow.
_SPLIT = re.compile(r"(?<!\w)(?:trong đó|trong tổng số|bao gồm|gồm)(?!\w)", _I)
_VALID = re.compile(r"còn hiệu lực|còn hoạt động", _I)


# A total names itself wherever it stands in the figure's own words: "tổng thu hút vốn đăng
# ký đầu tư tăng thêm … đạt hơn 417 triệu USD" is the total, though "tăng thêm" is nearer.
_TOTAL = re.compile(rf"tổng (?:vốn )?thu hút|{_NEW_AND_ADDED}", _I)


_JOINER = re.compile(r"\s*(?:dự án|lượt(?: dự án)?|triệu USD|tỷ đồng)?\s*(?:FDI|DDI|trong nước|nước ngoài)?\s*"
                     r"(?:và|,)\s*", _I)


def own_words(before: str) -> str:
    """The words of the figure's own stretch: after the last number before it."""
    digits = list(re.finditer(r"\d[\d.,]*", before))
    # "điều chỉnh tăng vốn cho 15 dự án FDI và 08 dự án trong nước": a list shares its words.
    if digits and _JOINER.fullmatch(before, digits[-1].end()):
        digits.pop()
    return before[digits[-1].end():] if digits else before


def guess_indicator(q: Quantity, pair_second: bool = False, whole: str = "") -> str | None:
    """The indicator of ``q``; ``whole`` is the sentence a "Trong đó, …" sentence splits, or
    the line that opens the list ``q`` is an item of."""
    before, after = words_before(q), words_after(q)
    if q.unit in _MONEY:
        before = _PROJECT_KIND.sub(lambda m: "-" * len(m.group()), before)
        # "thu hút 600 triệu USD vốn FDI và 5.000 tỉ đồng vốn trong nước": the second amount
        # shares the verb; the first one's words are not its own.
        before = _SIDE_AMOUNTS.sub(lambda m: "-" * len(m.group()), before)
    own = own_words(before)
    if q.unit == "project":
        return _project_indicator(before, after, q, whole)
    if q.unit == "adjustment" and not _INCREASES.search(
            own[-60:] + " " + _SPLIT.split(_clause_after(q))[0] + " " + whole):
        return "adjusted_projects"  # "điều chỉnh giấy chứng nhận … cho 25 lượt dự án"
    if q.unit == "adjustment":  # "24 lượt dự án tăng vốn" of the DDI named before
        others = _OTHER_COUNTS.sub(" ", before)
        return "capital_increases" + _kind(after, own_words(others),
                                           whole + " " + clause_head(q) if whole else "",
                                           _linked(others))
    if q.unit in ("zone", "cluster"):
        return _zone_indicator(own[-40:] + " " + after, before + " " + _clause_after(q),
                               pair_second, q.role == "target")
    if q.unit == "person" and re.search(r"việc làm$", nfc(q.text), _I):
        return "new_jobs"  # "tạo 1.500 việc làm": jobs made; workers are "lao động", "người"
    if q.unit == "person" and q.role == "target" and (_MAKES_JOBS.search(own) or (
            _ATTRACTS_WORKERS.search(own) and not _HORIZON.search(clause_head(q)))):
        # A plan to "tạo việc làm cho 45.000 lao động", to "thu hút 15.000 lao động" in its
        # year: jobs to make; "đến năm 2030, … thu hút 100.000 lao động" is a workforce.
        return "new_jobs"
    if q.unit == "percent" and _LAND_LET.match(after):
        return "fill_rate"  # "chiếm tỷ lệ 56,65% diện tích đất công nghiệp cho thuê"
    if q.unit == "ha" and re.search(r"đi vào hoạt động|đang hoạt động", before, _I):
        return "operating_zone_area"
    if q.unit in _MONEY and re.search(r"(?<!\w)giảm\s*$", own, _I):
        return None  # "tổng vốn đầu tư điều chỉnh giảm 3,19 triệu USD": no indicator is a decrease
    if q.unit in _MONEY and _REVOKED.search(clause_head(q)[-160:]):
        return "revoked_capital"  # "thu hồi 08 dự án với tổng vốn đầu tư 32,358 triệu USD"
    if q.unit == "percent" and (q.role == "growth" or (
            q.role == "target" and (_GROWS_BEFORE.search(own) or _GROWS_AFTER.match(after)))):
        # A growth, or a planned one ("giá trị sản xuất công nghiệp tăng bình quân 11,2%/năm"
        # among a plan's chỉ tiêu), takes the growth indicator of what grows.
        of = _nearest_rule("vnd_billion", before) or _nearest_rule("vnd_billion", after[:40], True)
        if of and _TOTAL.search(own_words(clause_head(q)[:-len(own)] or before)):
            of = "total_capital_attracted"
        if of == "industrial_output":
            average = re.search(r"bình quân|trung bình", before, _I) or "/năm" in q.sentence
            return "industrial_output_growth_avg" if average else "industrial_output_growth"
        if of in _GROWTH_OF:
            return _GROWTH_OF[of]
    best = _nearest_rule(q.unit, before) or _nearest_rule(q.unit, after[:40], first=True)
    if best is None and q.unit in _MONEY and _AFTER_COUNT.search(before):
        best = "new_capital"  # "- KCN Becamex: 11 dự án, 186,4 triệu USD": their capital
    if best is None:
        return None
    if best in ("added_capital", "new_capital") and _TOTAL.search(own):
        best = "total_capital_attracted"
    if best == "new_capital" and _REACHES.search(own) and _KIND_OF_CAPITAL.match(after) \
            and not re.search(r"(?<!\w)vốn(?!\w)", own, _I):
        best = "total_capital_attracted"  # "đạt ít nhất 1,5 tỷ USD vốn FDI", as "vốn FDI đạt …"
    if best == "new_capital" and _NEW_AND_ADJUSTED_COUNTS.search(before) \
            and not re.search(r"\bmới\b", own, _I):
        # "thu hút 38 dự án mới và 27 lượt điều chỉnh vốn, tổng vốn đăng ký quy đổi đạt …":
        # the capital of both, the total attracted.
        best = "total_capital_attracted"
    head = clause_head(q)
    split = _split_word(before) or whole
    # New capital is FDI as a count is: named with it, in its own words (those of the projects
    # whose capital it is: "47 dự án FDI với tổng vốn 512,6 triệu USD"), in the whole a
    # "Trong đó" splits ("… 1,12 tỉ USD vốn đầu tư nước ngoài. Trong đó, cấp mới 42 dự án với
    # vốn đăng ký 541,8 triệu USD"), or in its clause.
    kind = _kind(after[:40], own, whole + " " + head if split else "", before)
    return _refine(best, q, before + " " + after[:40], kind)


def _clause_after(q: Quantity) -> str:
    tail = nfc(q.sentence[q.end - q.sentence_start:])
    cut = re.search(r"[;.]", tail)
    return tail[:cut.start()] if cut else tail


def _nearest_rule(unit: str | None, words: str, first: bool = False) -> str | None:
    """The indicator whose words stand nearest the number: the last match in the words
    before it, or (``first``) the first in the words after it ("1,5 - 2 tỷ USD vốn FDI")."""
    best, best_at = None, None
    for indicator, units, pattern in _RULES:
        if unit not in units:
            continue
        if not pattern:
            if best is None:
                return indicator
            continue
        for m in re.finditer(pattern, words, _I):
            at = -m.start() if first else m.end()
            if best_at is None or at > best_at:
                best, best_at = indicator, at
    return best


def _refine(indicator: str, q: Quantity, before: str, kind: str) -> str:
    if indicator == "implemented_capital" and (q.period in ("to_date", None) or _STOCK.search(
            q.sentence) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", q.period or "")):
        return "implemented_capital_cumulative"  # "vốn thực hiện lũy kế", "đến 30/6/2024"
    if indicator in ("new_capital", "total_capital_attracted") and \
            _RAISES_TOTAL.search(own_words(before)):
        return "registered_capital_cumulative"
    if indicator == "new_capital":
        if q.period == "to_date" or _STOCK.search(_YEAR_TO_DATE.sub(" ", q.sentence)):
            return "registered_capital_cumulative"
        if re.search(r"hạ tầng", before, _I):
            return "new_capital_infrastructure"
        if kind == "_fdi":
            return "new_capital_fdi"
    if indicator == "industrial_output" and q.role == "ratio":
        return "industrial_output_share"
    return indicator


def _kind(after: str, own: str, split_head: str, clause: str = "") -> str:
    """FDI or DDI: named after the count ("34 dự án FDI"), else in its own words ("Thu hút
    FDI … với 15 dự án cấp mới"), else in the figure a "trong đó" splits, else in its clause
    ("Thu hút vốn đầu tư trong nước (DDI) đạt … với 37 dự án cấp mới")."""
    for words in (after, own, split_head, clause):
        # "vốn đầu tư trong nước ngoài ngân sách" is domestic capital outside the state budget.
        fdi = re.search(rf"\bFDI\b|nước ngoài(?! ngân sách)|{_FOREIGN}", words)
        ddi = re.search(r"\bDDI\b|trong nước", words)
        if fdi and not ddi:
            return "_fdi"
        if ddi and not fdi:
            return "_ddi"
    return ""


# The kind a clause names for another count or amount is not this one's: "23 dự án FDI mới và
# 31 lượt dự án tăng vốn", "1,3 tỷ USD vốn FDI và khoảng 45 dự án mới".
_KIND = r"(?:đầu tư\s+)?(?:vốn\s+)?(?:đầu tư\s+)?(?:trực tiếp\s+)?(?:FDI|DDI|trong nước|nước ngoài)"
# An amount beside, not the capital of, what follows ("… vốn trong nước với 7 dự án" is).
_SIDE_AMOUNT = (rf"\d[\d.,]*\s*(?:nghìn\s+|ngàn\s+)?(?:tỷ|tỉ|triệu)\s+(?:USD|đồng)\s+{_KIND}"
                r"(?=\s*(?:,|và)\s)")
_SIDE_AMOUNTS = re.compile(_SIDE_AMOUNT, _I)
_OTHER_COUNTS = re.compile(rf"\d[\d.,]*\s*(?:lượt\s+)?(?:dự án|lượt)\s+{_KIND}|{_SIDE_AMOUNT}", _I)
# A foreign investor's project is FDI: "nhà đầu tư Hàn Quốc", "Tập đoàn … (Trung Quốc)".
_COUNTRY = r"(?:Hàn Quốc|Nhật Bản|Trung Quốc|Đài Loan|Singapore|Hoa Kỳ|Thái Lan|Hồng Kông)"
_FOREIGN = (rf"(?:nhà đầu tư|doanh nghiệp|tập đoàn|công ty)\s+(?:của\s+)?{_COUNTRY}(?!\s+[A-ZĐ])"
            rf"|\((?:nhà đầu tư\s+|doanh nghiệp\s+)?{_COUNTRY}\)")
_NO_KEY_STATUS = re.compile(r"\s*(?:đang|chưa)\s+(?:triển khai\s+)?xây dựng|\s*(?:tạm\s+)?(?:ngưng|ngừng|"
                            r"dừng)\s+hoạt động", _I)
# A clause that says something of its own ("KCN Long Đức thu hút được 33 dự án").
_STATES = re.compile(r"(?<!\w)thu hút(?!\w)", _I)
_INCREASES = re.compile(r"tăng vốn|điều chỉnh tăng|điều chỉnh vốn|vốn[^,;.]{0,20}tăng thêm", _I)
# "220 dự án đang hoạt động": its own words say what it counts, whatever the whole it splits.
_OPERATING = re.compile(r"đang hoạt động|đi vào hoạt động|đang sản xuất|đi vào sản xuất", _I)
_OPERATING_BEFORE = re.compile(rf"(?:{_OPERATING.pattern})\s*:?\s*$", _I)
_ADJUSTED_AFTER = re.compile(r"\s*(?:đã\s+)?(?:được\s+)?(?:cấp\s+)?điều chỉnh(?!\s+(?:tăng|giảm|vốn))", _I)
# "148 dự án đầu tư mới", "37 dự án cấp mới": new, though counted among a total.
_NEW = re.compile(r"^\s*(?:đầu tư\s+)?(?:cấp\s+)?mới\b", _I)


def _project_indicator(before: str, after: str, q: Quantity, whole: str) -> str | None:
    # A "trong đó" of an earlier clause splits the figures of a list after it ("bao gồm 97 dự
    # án DDI …; 349 dự án FDI …"), not those of a new statement ("…, trong đó có 2 dự án đầu
    # tư nước ngoài …; KCN Long Đức thu hút được 33 dự án").
    head = clause_head(q)
    own = own_words(before)
    clause = head[head.rfind(";") + 1:]
    in_clause = _split_word(clause if _STATES.search(clause) else head)
    split = in_clause or whole  # a whole is given only to a part or a list's item
    split_head = _YEAR_TO_DATE.sub(" ", whole + " " + head) if split else ""
    others = _OTHER_COUNTS.sub(" ", before)
    kind = _kind(after, own_words(others), split_head, _linked(others))
    if _NO_KEY_STATUS.match(after):
        return None  # "16 dự án đang xây dựng, 17 dự án ngưng hoạt động": no indicator counts them
    if re.search(r"hạ tầng", after, _I):
        return "new_projects_infrastructure"
    if _REVOKED.search(own + " " + after):
        return "revoked_projects"  # "thu hồi 08 dự án", "10 dự án bị thu hồi"
    if re.search(r"cấp mới\s*$", own, _I):
        return "new_projects" + kind  # "trong đó, cấp mới 8 dự án"
    # "điều chỉnh tăng vốn cho 15 dự án", "11 dự án điều chỉnh vốn, gồm 10 dự án FDI …"
    if _INCREASES.search(own[-60:] + " " + after) or (
            in_clause and _INCREASES.search(_whole_words(head, in_clause))):
        return "capital_increases" + kind
    if re.search(r"điều chỉnh", before[-60:], _I) or _ADJUSTED_AFTER.match(after):
        return "adjusted_projects"  # "cấp điều chỉnh cho 5 dự án", "31 dự án được điều chỉnh"
    if _OPERATING.search(after) or _OPERATING_BEFORE.search(own):
        return "operating_projects"  # "Số dự án đã đi vào hoạt động: 471 dự án"
    if _NEW.match(after):
        return "new_projects" + kind
    if _VALID.search(before + after) or (split and _VALID.search(split_head)):
        return "valid_projects" + kind
    if re.search(r"hoạt động", after, _I):
        return "operating_projects"
    if q.period == "to_date" or re.search(r"tổng số|tổn số", before, _I) or _STOCK.search(
            _YEAR_TO_DATE.sub(" ", before)) or (
            split and _STOCK.search(split_head)):
        return "projects" + kind
    return "new_projects" + kind


_AFTER_COUNT = re.compile(r"\d\s*(?:dự án|DA)(?:\s+(?:đăng ký\s+)?đầu tư)?\s*[,:]?\s*(?:với\s+)?$",
                          _I)
_KIND_WORD = re.compile(r"\bFDI\b|\bDDI\b|nước ngoài|trong nước", _I)
_LINK = re.compile(r"(?<!\w)(?:với|từ)\s", _I)
_TOPIC = re.compile(r"\W*(?:về|đối với|riêng)\s", _I)


def _linked(clause: str) -> str:
    """The clause, when the capital whose kind it names is linked to the counts after it:
    "vốn đầu tư trong nước (DDI) đạt … với 37 dự án cấp mới", "vốn FDI từ 38 dự án"; not
    "1,3 tỷ USD vốn FDI và khoảng 45 dự án mới", two things planned side by side."""
    if _TOPIC.match(clause):
        return clause  # "Về vốn đầu tư trong nước, … có 06 dự án được cấp mới": its topic
    last = None
    for last in _KIND_WORD.finditer(clause):
        pass
    return clause if last and _LINK.search(clause, last.end()) else ""


def _split_word(head: str) -> re.Match | None:
    """The last split word of the clause before a count ("…, gồm 10 dự án FDI")."""
    found = None
    for found in _SPLIT.finditer(head):
        pass
    return found


_COUNT_WORDS = re.compile(r"\d[\d.,]*(\s*(?:lượt\s+)?(?:dự án|lượt)\b[^\d]*)$", _I)


def _whole_words(head: str, split: re.Match) -> str:
    """The words of the count a split word splits ("11 dự án điều chỉnh vốn, gồm …"); none
    when what it splits is not a count of projects."""
    m = _COUNT_WORDS.search(head, max(0, split.start() - 120), split.start())
    return m.group(1) if m else ""


_ZONE_WORDS = ((r"đi vào hoạt động|đưa vào (?:khai thác|hoạt động)|đang (?:triển khai )?hoạt động|"
                r"vận hành|"
                # "24 KCN đủ điều kiện tiếp nhận đầu tư": ready for investors, in operation.
                r"đủ điều kiện", "zones_operating"),
               (r"quy hoạch chi tiết", "zones_with_detailed_plan"),
               # "29 khu công nghiệp được thành lập": established by decision.
               (r"phê duyệt chủ trương|thành lập|được (?:Thủ tướng Chính phủ )?phê duyệt",
                "zones_approved"),
               (r"quy hoạch", "zones_planned"))


def _zone_indicator(own: str, clause: str, pair_second: bool, target: bool) -> str | None:
    """What a count of zones counts: said by its own words ("đã thành lập 47 KCN", "17 khu
    công nghiệp đang hoạt động"), else by its clause; a plan's count of zones with no such
    word ("Định hướng đến năm 2030, toàn tỉnh có 17 KCN") is the zones planned."""
    if pair_second:
        return "zones_planned"
    for words in (own, clause):
        for pattern, indicator in _ZONE_WORDS:
            if re.search(pattern, words, _I):
                return indicator
    return "zones_planned" if target else None


def is_pair_second(q: Quantity) -> bool:
    offset = q.start - q.sentence_start
    return offset > 0 and q.sentence[offset - 1] == "/"
