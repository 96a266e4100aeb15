"""Sentences the rules of the language must not misread: each was read wrong by a first
version of a rule (a review's findings), and is held here to the reading a person gives."""

from decimal import Decimal

import pytest

from kcn_tracker.extract.document import extract_text
from test_extract_context import draft


def read(text):
    return [(q.text, q.unit, q.role, q.period) for q in extract_text(text)[0]]


@pytest.mark.parametrize("text, expected", [
    # Counts of months in words that lower() does not map back: read, not a crash.
    ("Mườı tháng đầu năm 2023, các KCN thu hút 8 dự án.",
     [("8 dự án", "project", "actual", "2023-01..2023-10")]),
    ("MƯỜİ tháng qua, các KCN thu hút 8 dự án.",
     [("8 dự án", "project", "actual", "this_year-01..this_year-10")]),
    # The months just past are not the year's first months; nor is "những năm tháng qua".
    ("Trong 2 tháng qua, Ban Quản lý đã cấp mới 6 dự án.", [("6 dự án", "project", "actual", None)]),
    ("12 tháng qua, các KCN thu hút 45 dự án mới.", [("45 dự án", "project", "actual", None)]),
    ("Trong những năm tháng qua, các KCN đã thu hút 500 dự án.",
     [("500 dự án", "project", "actual", None)]),
    # A title and a table's rows keep their lines.
    ("Thanh Hóa: lũy kế 50 dự án FDI\n12 dự án FDI mới được cấp phép trong quý III/2023.",
     [("50 dự án", "project", "actual", "to_date"),
      ("12 dự án", "project", "actual", "2023-07..2023-09")]),
    ("Năm 2022, các KCN thu hút 30 dự án mới\n2023 dự kiến thu hút 40 dự án",
     [("30 dự án", "project", "actual", "2022"), ("40 dự án", "project", "target", None)]),
    # "dự kiến" after words that are no period under report is a plan.
    ("Từ nay đến hết năm, dự kiến các KCN thu hút thêm 15 dự án mới.",
     [("15 dự án", "project", "target", None)]),
    ("Đến hết nhiệm kỳ, dự kiến thu hút thêm 20 dự án FDI.",
     [("20 dự án", "project", "target", None)]),
    # Who wants something is no plan, unless it is to attract.
    ("Có 15 nhà đầu tư muốn thuê khoảng 200 ha đất tại KCN Yên Phong.",
     [("200 ha", "ha", "actual", None)]),
    # "khu" of a zone's parts or of land is no zone.
    ("KCN VSIP được chia thành 3 khu, gồm khu sản xuất.", []),
    ("KCN VSIP được chia thành 3 khu Bắc và Nam.", []),
    ("Văn phòng Ban Quản lý ở tầng 2 tòa nhà, làm việc với 15 doanh nghiệp.",
     [("15 doanh nghiệp", "enterprise", "actual", None)]),
    ("Các KCN đã bố trí 2 khu và 5 lô đất cho nhà ở công nhân.", []),
    # A share after an attainment of a named plan stays a share.
    ("Vốn FDI đạt 105% kế hoạch năm và 70% vốn đến từ Hàn Quốc.",
     [("105%", "percent", "attainment", None), ("70%", "percent", "ratio", None)]),
    # "Sau N năm" counts from a year the text names, not from one it counted or a horizon.
    ("KCN thành lập năm 1998. Sau 10 năm, lấp đầy 100%; sau 20 năm, KCN có 150 dự án.",
     [("100%", "percent", "ratio", "2008"), ("150 dự án", "project", "actual", "2018")]),
    ("Theo kế hoạch đến năm 2030, tỉnh có 10 KCN. Sau 5 năm, tỉnh phấn đấu lấp đầy 80%.",
     [("10 KCN", "zone", "target", "2030"), ("80%", "percent", "target", "2030")]),
])
def test_what_a_rule_must_not_misread(text, expected):
    assert read(text) == expected


def test_a_figure_that_names_what_it_is_borrows_no_indicator():
    rows = draft("Năm 2023, các KCN thu hút 500 triệu USD vốn FDI; nộp ngân sách đã đạt 300 triệu "
                 "USD.")
    assert [(t, i) for t, _, i, _ in rows] == [("500 triệu USD", "total_capital_attracted"),
                                              ("300 triệu USD", "?")]
    rows = draft("Năm 2023, vốn cấp mới đạt khoảng 300 triệu USD vốn FDI.")
    assert [(t, i) for t, _, i, _ in rows] == [("300 triệu USD", "new_capital_fdi")]


def test_a_headline_takes_the_body_words_only_of_the_same_figure():
    rows = draft("Hưng Yên có 271 dự án FDI\nHiện các doanh nghiệp FDI thực hiện 271 dự án còn "
                 "hiệu lực.")
    assert rows[0][:3] == ("271 dự án", "actuals", "valid_projects_fdi")
    rows = draft("Hưng Yên cấp mới 12 dự án FDI\nQuý III/2023, các KCN có 12 dự án bị thu hồi.")
    assert rows[0][:3] == ("12 dự án", "actuals", "new_projects_fdi")


def test_a_headline_with_no_indicator_of_its_own_takes_the_body_s():
    rows = draft("Hà Tĩnh: Các khu kinh tế 'hút' trên 2.467 tỷ đồng từ 16 dự án trong năm 2019\n"
                 "Các khu kinh tế đã thu hút 16 dự án với tổng số vốn đăng ký trên 2.467 tỷ đồng "
                 "trong năm 2019.")
    assert [(t, i) for t, _, i, _ in rows][:2] == [("2.467 tỷ đồng", "new_capital"),
                                                  ("16 dự án", "new_projects")]


def test_more_money_than_a_province_could_state_is_flagged_not_read():
    found, flagged = extract_text("Doanh thu đạt 2.962 tỷ USD, nhập khẩu 2,4 tỷ USD.")
    assert [q.text for q in found] == ["2,4 tỷ USD"]
    assert [(f.text, f.reason) for f in flagged] == [(
        "2.962 tỷ USD", "more money than any province's zones could state: an English decimal "
        "point or a typo")]
    # A figure that large written with all its groups is read as written.
    assert [q.value for q in extract_text("Vốn 1.000.000.000,5 nghìn USD.")[0]] == [
        Decimal("1000000.0005")]


@pytest.mark.parametrize("text, expected", [
    # A plan to reach a share, and key figures to reach, are plans.
    ("Năm 2024, tỉnh đặt mục tiêu đạt 80% tỷ lệ lấp đầy các KCN.",
     [("80%", "percent", "target", "2024")]),
    ("Năm 2024 các KCN cần đạt được các chỉ tiêu sau: thu hút 300 triệu USD vốn FDI.",
     [("300 triệu USD", "usd_million", "target", "2024")]),
    # "thực hiện" wrapped over two lines is no "hiện" of now.
    ("Năm 2023, tổng vốn đầu tư thực\nhiện các dự án đạt 500 tỷ đồng.",
     [("500 tỷ đồng", "vnd_billion", "actual", "2023")]),
])
def test_what_the_second_review_found_misread(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, published, figure, expected", [
    # A plan of the year is not cut at the month a report's figures run to, nor at a deadline.
    ("Tính đến hết tháng 7/2023, các KCN thu hút 10 dự án mới.\nNăm 2023, phấn đấu thu hút 25 "
     "dự án mới.", "2023-08", "25 dự án", ("targets", "new_projects", "2023")),
    ("Năm 2023, các KCN thu hút 12 dự án mới.\nYêu cầu hoàn thành giải phóng mặt bằng đến hết "
     "tháng 10/2023.", "2023-08", "12 dự án", ("actuals", "new_projects", "2023")),
    # A plan "đã đề ra", and news of the week, are no count of everything to date.
    ("UBND tỉnh đã đề ra mục tiêu thu hút 20 dự án mới.", "2023-08", "20 dự án",
     ("targets", "new_projects", "2023")),
    ("Trong tuần qua, Ban Quản lý đã cấp mới 3 dự án.", "2023-08", "3 dự án",
     ("actuals", "new_projects", "2023")),
    # A day an earlier paragraph named without its year dates the stocks after it.
    ("Tính đến 30/6, các KCN có 300 dự án còn hiệu lực.\nDiện tích đất đã cho thuê đạt 450 ha.",
     "2023-08-20", "450 ha", ("actuals", "zone_area", "2023-06-30")),
    # The land to let as a share of the zones is no fill rate; a workforce to a horizon is
    # no new jobs; "tổng mức đầu tư tăng" is added capital; lượt with capital added are
    # increases.
    ("Đến nay, diện tích đất công nghiệp cho thuê chiếm 68% tổng diện tích các KCN.", "2023-08",
     "68%", ("actuals", "?", "2023")),
    ("Phấn đấu đến năm 2030, các KCN thu hút 100.000 lao động làm việc.", "2023-08",
     "100.000 lao động", ("targets", "workers", "2030")),
    ("Năm 2023, KCN có 5 dự án điều chỉnh với tổng mức đầu tư tăng 200 tỷ đồng.", "2023-08",
     "200 tỷ đồng", ("actuals", "added_capital", "2023")),
    ("Năm 2023, Ban đã điều chỉnh 15 lượt dự án, với tổng vốn tăng thêm 50 triệu USD.",
     "2023-08", "15 lượt dự án", ("actuals", "capital_increases", "2023")),
])
def test_what_the_second_review_found_misproposed(text, published, figure, expected):
    rows = {t: (s, i, p) for t, s, i, p in draft(text, published, len(published) == 10)}
    assert rows[figure] == expected
