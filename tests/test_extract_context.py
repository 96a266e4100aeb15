"""Issue 18: rules of the language for roles, indicators and periods beyond the sentence.
Each rule is tested on a short sentence written for the purpose (not from the labelled sets),
through extract_text and the drafter as `kcn-tracker draft` uses them."""

from decimal import Decimal

import pytest

from kcn_tracker.draft.drafter import Drafter
from kcn_tracker.extract.document import extract_text
from kcn_tracker.plans.model import Plan


def roles(text):
    return [(q.text, q.role) for q in extract_text(text)[0]]


def periods(text):
    return [(q.text, q.period) for q in extract_text(text)[0]]


@pytest.mark.parametrize("text, expected", [
    # A change against a year stays growth though the sentence also names a plan.
    ("Vốn FDI đạt 130% kế hoạch năm, tăng 11,5% so với cùng kỳ.",
     [("130%", "attainment"), ("11,5%", "growth")]),
    ("Tổng vốn đạt 125% so với kế hoạch 200 triệu USD, tăng 9% so với cùng kỳ năm trước.",
     [("125%", "attainment"), ("200 triệu USD", "target"), ("9%", "growth")]),
    # A level against last year is a ratio, not an attainment nor a change.
    ("Số dự án mới bằng 52% so với cùng kỳ năm trước.", [("52%", "ratio")]),
    # A rise against the plan is an attainment.
    ("Vốn đăng ký tăng 4,1% so với kế hoạch.", [("4,1%", "attainment")]),
    ("Doanh nghiệp FDI chiếm 71% kim ngạch xuất khẩu.", [("71%", "ratio")]),
    # "tăng 6 dự án (25%)": a change and its rate.
    ("Năm 2022 có 30 dự án mới, tăng 6 dự án (25%).",
     [("30 dự án", "actual"), ("6 dự án", "growth"), ("25%", "growth")]),
    # The pair after an attainment: the figure and its plan.
    ("So với kế hoạch năm 2022, số dự án mới đạt 75% (15/20 dự án).",
     [("75%", "attainment"), ("15", "actual"), ("20 dự án", "target")]),
    # The plan word in the sentence before.
    ("Các chỉ tiêu đều vượt kế hoạch. Vốn FDI đạt 112%; vốn trong nước đạt 105%.",
     [("112%", "attainment"), ("105%", "attainment")]),
    # "dự kiến": a plan, unless a result follows.
    ("Dự kiến năm sau thành lập thêm 3 KCN.", [("3 KCN", "target")]),
    ("Cả năm dự kiến đã thu hút khoảng 650 triệu USD.", [("650 triệu USD", "actual")]),
    ("Khi đi vào hoạt động, nhà máy dự kiến thu hút 2.000 lao động.",
     [("2.000 lao động", None)]),
    ("Theo quy hoạch đến năm 2030, tỉnh có 12 KCN.", [("12 KCN", "target")]),
    # A figure of the period under report, not yet final, is an estimate of a result; a plan
    # after a figure of that period is still a plan.
    ("Lũy kế đến hết tháng 7/2023 dự kiến thu hút 490 dự án.", [("490 dự án", "actual")]),
    ("7 tháng đầu năm dự kiến thu hút 14.371,88 tỷ đồng.", [("14.371,88 tỷ đồng", "actual")]),
    ("6 tháng cuối năm dự kiến thu hút 10 dự án.", [("10 dự án", "target")]),
    ("Lũy kế có 700 dự án, dự kiến năm 2025 thu hút thêm 50 dự án.",
     [("700 dự án", "actual"), ("50 dự án", "target")]),
    # What a province wants to attract is its plan.
    ("Thừa Thiên Huế muốn thu hút khoảng 30000 tỷ đồng đầu tư trong năm 2022",
     [("30000 tỷ đồng", "target")]),
    # Shares of one plan in a run: "101% dự án và 90,58% vốn"; a share of something else
    # after an attainment stays a share.
    ("So với kế hoạch năm 2021 đạt tỷ lệ 101% dự án và 90,58% vốn đầu tư.",
     [("101%", "attainment"), ("90,58%", "attainment")]),
    ("Vốn FDI đạt 101% kế hoạch và chiếm 30% tổng vốn.", [("101%", "attainment"), ("30%", "ratio")]),
    # The workforce a zone is planned for; its area is what it is.
    ("KCN Mai Sơn\n– Tổng diện tích: 150 ha.\n– Quy mô lao động: 1.000 – 1500 người.",
     [("150 ha", "actual"), ("1.000 – 1500 người", "target")]),
    # A named zone's size in brackets is what it is, whatever is planned for it.
    ("Dự kiến đến tháng 5 năm 2024 sẽ bàn giao mặt bằng các KCN Đông Phú 2 (120ha), Sông Hậu 2 "
     "(380ha) và thu hút 10 dự án.",
     [("120ha", "actual"), ("380ha", "actual"), ("10 dự án", "target")]),
    # "chỉ tiêu" reached are the key figures, not a plan.
    ("Trong 6 tháng đầu năm 2023, các doanh nghiệp đạt được các chỉ tiêu chủ yếu như sau: "
     "Doanh thu đạt 11.067 tỷ đồng, đạt 50,3% kế hoạch.",
     [("11.067 tỷ đồng", "actual"), ("50,3%", "attainment")]),
    # The plan is what reached a share: "Các chỉ tiêu đề ra đều đạt trên 70%".
    ("Các chỉ tiêu đề ra đều đạt trên 70%. Trong đó, thu hút đầu tư được 5.780 tỷ đồng.",
     [("70%", "attainment"), ("5.780 tỷ đồng", "actual")]),
    # "đến nay" is a word of result, nearer than a plan named in the clause before.
    ("Dự kiến triển khai thêm 15 KCN, đến nay đạt kết quả như sau: 02 KCN được phê duyệt.",
     [("15 KCN", "target"), ("02 KCN", "actual")]),
])
def test_roles_beyond_the_words_next_to_the_figure(text, expected):
    assert roles(text) == expected


def test_lan_luot_du_an_named_with_its_kind_counts_amendments():
    (q,) = extract_text("Có 9 lượt dự án FDI điều chỉnh vốn.")[0]
    assert (q.text, q.unit) == ("9 lượt dự án", "adjustment")


@pytest.mark.parametrize("text, expected", [
    ("Từ đầu năm đến nay, các KCN thu hút 12 dự án.", [("12 dự án", "year_to_date")]),
    ("9 tháng đầu năm nay, các KCN thu hút 12 dự án.",
     [("12 dự án", "this_year-01..this_year-09")]),
    ("9 tháng đầu năm 2022, các KCN thu hút 12 dự án.", [("12 dự án", "2022-01..2022-09")]),
    # The year of the plan an attainment is of is not the period of what follows.
    ("Trong 10 tháng đầu năm 2021, vốn đạt 90% kế hoạch năm 2021; cấp mới 7 dự án.",
     [("90%", "2021-01..2021-10"), ("7 dự án", "2021-01..2021-10")]),
    # "so với với" as typed is still a comparison.
    ("Năm 2020, tỷ lệ lấp đầy đạt 60%, tăng 3% so với với cùng kỳ năm 2019.",
     [("60%", "2020"), ("3%", "2020")]),
    ("Hiện các KCN đã có 210 dự án.", [("210 dự án", "to_date")]),
])
def test_periods_the_text_gives_without_a_year(text, expected):
    assert periods(text) == expected


def draft(text, published="2023-08-20", precise=True):
    plan = Plan.model_validate({"province": {"id": "thu", "name": "Tỉnh Thử"}})
    drafter = Drafter(plan, "seeds/x.txt", published, precise, lambda section, i: None)
    return [(p.quantity.text, p.section, p.fields.get("indicator"), p.fields.get("period"))
            for p in drafter.propose(extract_text(text)[0])]


@pytest.mark.parametrize("text, figure, indicator", [
    ("Năm 2022, tổng vốn đầu tư cấp mới và tăng thêm là 120 triệu USD.", "120 triệu USD",
     "total_capital_attracted"),
    ("Năm 2022, cấp mới, điều chỉnh tăng vốn cho các dự án với tổng vốn 900 tỷ đồng.",
     "900 tỷ đồng", "total_capital_attracted"),
    ("Năm 2022, tỉnh thu hút vốn đầu tư trong nước đạt 900 tỷ đồng.", "900 tỷ đồng",
     "total_capital_attracted"),
    ("Năm 2022, thu hồi 05 dự án với tổng vốn đăng ký 12 triệu USD.", "05 dự án",
     "revoked_projects"),
    ("Năm 2022, thu hồi 05 dự án với tổng vốn đăng ký 12 triệu USD.", "12 triệu USD",
     "revoked_capital"),
    ("Năm 2022, có 7 dự án bị thu hồi.", "7 dự án", "revoked_projects"),
    ("Năm 2022, điều chỉnh tăng vốn cho 11 dự án FDI và 04 dự án trong nước.", "04 dự án",
     "capital_increases_ddi"),
    ("Năm 2022, có 6 lượt dự án điều chỉnh tăng vốn.", "6 lượt dự án", "capital_increases"),
    ("Năm 2022, vốn thực hiện đạt 300 triệu USD.", "300 triệu USD", "implemented_capital"),
    ("Lũy kế đến nay, vốn thực hiện đạt 3.000 triệu USD.", "3.000 triệu USD",
     "implemented_capital_cumulative"),
    ("Đến nay có 150 dự án còn hiệu lực; trong đó có 90 dự án FDI và 60 dự án trong nước.",
     "60 dự án", "valid_projects_ddi"),
    ("Đến nay có 150 dự án còn hiệu lực. Trong đó, có 90 dự án FDI.", "90 dự án",
     "valid_projects_fdi"),
    ("Năm 2022, các KCN có 17 dự án cấp mới với vốn 80 triệu USD.", "17 dự án", "new_projects"),
    ("Năm 2022, giải quyết việc làm mới cho 1.500 lao động.", "1.500 lao động", "new_jobs"),
    ("Năm 2022, doanh thu đạt 500 triệu USD, tăng 12% so với năm 2021.", "12%",
     "revenue_growth"),
    ("Đến nay đã có 4 KCN đưa vào khai thác.", "4 KCN", "zones_operating"),
    # "lũy kế từ đầu năm" counts a flow, not the stock.
    ("Lũy kế từ đầu năm đến nay, tỉnh đã thu hút được 50 dự án đầu tư.", "50 dự án",
     "new_projects"),
    ("Năm 2026, HEPZA đặt chỉ tiêu thu hút tổng vốn đầu tư đạt 4,25 tỷ USD.", "4,25 tỷ USD",
     "total_capital_attracted"),
    ("Năm 2025 có 37 dự án đăng ký đầu tư 9.064 tỷ đồng, 31 dự án được điều chỉnh.",
     "9.064 tỷ đồng", "new_capital"),
    ("Năm 2025 có 37 dự án đăng ký đầu tư 9.064 tỷ đồng, 31 dự án được điều chỉnh.",
     "31 dự án", "adjusted_projects"),
    ("Hiện KKT Cầu Treo có 24 dự án với tổng mức đầu tư 1.727 tỷ đồng.", "1.727 tỷ đồng",
     "registered_capital_cumulative"),
    ("Năm 2024, Ban đặt mục tiêu thu hút 15.000 lao động.", "15.000 lao động", "new_jobs"),
    ("Tính đến đầu năm 2022, tỉnh có 13 KCN đang triển khai hoạt động.", "13 KCN",
     "zones_operating"),
    # A name in a list takes the indicator the list opened with.
    ("Đến nay, tỷ lệ lấp đầy khu công nghiệp Tâm Thắng: 88,3%; Nhân Cơ: 86,5%.", "86,5%",
     "fill_rate"),
    # A "trong đó" of an earlier clause splits a list after it, not a new statement.
    ("Năm 2021, KKT Định An thu hút 50 dự án, trong đó có 2 dự án đầu tư nước ngoài; KCN Long "
     "Đức thu hút được 33 dự án.", "33 dự án", "new_projects"),
    ("Đến nay có 446 dự án còn hiệu lực, bao gồm 97 dự án DDI với tổng vốn 26.558 tỷ đồng; 349 "
     "dự án FDI với tổng vốn 5.685 triệu USD.", "349 dự án", "valid_projects_fdi"),
    # "đạt X vốn FDI" is "vốn FDI đạt X": the capital attracted.
    ("Năm 2023, tỉnh phấn đấu đạt ít nhất 1,5 tỷ USD vốn FDI.", "1,5 tỷ USD",
     "total_capital_attracted"),
])
def test_indicators_from_the_words_of_the_figure(text, figure, indicator):
    found = {t: ind for t, _, ind, _ in draft(text)}
    assert found[figure] == indicator


def test_year_to_date_and_a_year_stated_once():
    # To the day of a document dated to the day; to its month when the month is all that
    # is known.
    drafted = draft("Từ đầu năm đến nay, các KCN thu hút 12 dự án mới.\n"
                    "Trong đó có 8 dự án FDI.")
    assert [(t, s, i, p) for t, s, i, p in drafted] == [
        ("12 dự án", "actuals", "new_projects", "2023-01-01..2023-08-20"),
        ("8 dự án", "actuals", "new_projects_fdi", "2023-01-01..2023-08-20")]
    drafted = draft("Từ đầu năm đến nay, các KCN thu hút 12 dự án mới.", "2023-08", False)
    assert [p for *_, p in drafted] == ["2023-01..2023-08"]


def test_a_stock_to_date_stands_at_the_documents_date_as_precisely_as_it_is_known():
    (row,) = draft("Đến nay các KCN có 300 dự án còn hiệu lực.", "2023-08", False)
    assert row == ("300 dự án", "actuals", "valid_projects", "2023-08")
    (row,) = draft("Hiện nay KCN có 8 dự án hoạt động.", "2022", False)
    assert row == ("8 dự án", "actuals", "operating_projects", "2022")
    (row,) = draft("Đến nay các KCN có 300 dự án còn hiệu lực.", "2023-08-20", True)
    assert row == ("300 dự án", "actuals", "valid_projects", "2023-08-20")


def test_part_year_attainment_gives_the_years_plan_with_its_period():
    plan = Plan.model_validate({"province": {"id": "thu", "name": "Tỉnh Thử"}})
    drafter = Drafter(plan, "seeds/x.txt", "2023-07-10", True, lambda section, i: None)
    proposals = drafter.propose(extract_text(
        "6 tháng đầu năm 2023, tổng vốn thu hút đạt 80 triệu USD, đạt 63% kế hoạch năm.")[0])
    target = next(p for p in proposals if p.section == "targets")
    assert target.fields["period"] == "2023"
    assert target.fields["reported_attainment"] == {"value": Decimal("63"),
                                                    "period": "2023-01..2023-06"}


def test_a_multiple_of_the_plan_is_an_attainment():
    plan = Plan.model_validate({"province": {"id": "thu", "name": "Tỉnh Thử"}})
    drafter = Drafter(plan, "seeds/x.txt", "2023-12-20", True, lambda section, i: None)
    proposals = drafter.propose(extract_text(
        "Năm 2023, tổng vốn thu hút đạt 900 tỷ đồng, vượt 3,5 lần kế hoạch năm.")[0])
    target = next(p for p in proposals if p.section == "targets")
    assert target.fields["reported_attainment"]["value"] == Decimal("350.0")


def test_an_estimate_of_a_result_is_marked_estimated():
    plan = Plan.model_validate({"province": {"id": "thu", "name": "Tỉnh Thử"}})
    drafter = Drafter(plan, "seeds/x.txt", "2023-12-20", True, lambda section, i: None)
    (p,) = drafter.propose(extract_text("Năm 2023 dự kiến đã thu hút khoảng 650 triệu USD.")[0])
    assert (p.section, p.fields.get("estimated"), p.fields.get("qualifier")) == (
        "actuals", True, "about")


def test_one_fact_many_mentions_is_one_proposal():
    plan = Plan.model_validate({"province": {"id": "thu", "name": "Tỉnh Thử"}})
    drafter = Drafter(plan, "seeds/x.txt", "2023-12-20", True, lambda section, i: None)
    proposals = drafter.propose(extract_text(
        "Năm 2024, tỉnh đặt mục tiêu thu hút 40 dự án\n"
        "Năm 2024, tỉnh đặt mục tiêu thu hút 40 dự án mới vào các KCN.")[0])
    assert [p.repeats is None for p in proposals] == [True, False]


# Rules found on real 3 (eight real reports): each on sentences written for the purpose.

@pytest.mark.parametrize("text, expected", [
    # A syllable of a place name is no cue: "Cần Thơ" is a city, "cần" alone what is needed.
    ("Các KCN Cần Thơ thu hút 4 dự án mới.", [("4 dự án", "actual")]),
    ("Các KCN cần thu hút 4 dự án mới.", [("4 dự án", None)]),
])
def test_a_cue_inside_a_proper_name_says_nothing(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Trong 11 tháng của năm 2024, các KCN cấp mới 9 dự án.", [("9 dự án", "2024-01..2024-11")]),
    # "hơn 3 tháng đầu năm": past the third month, into the fourth.
    ("Hơn 3 tháng đầu năm, các KCN cấp mới 9 dự án.",
     [("9 dự án", "this_year-01..this_year-04")]),
    ("Từ đầu năm 2024 đến nay, các KCN cấp mới 9 dự án.", [("9 dự án", "year_to_date")]),
    # A day without its year is a day of the document's year.
    ("Đến ngày 15/7, vốn thu hút đạt 80 triệu USD.", [("80 triệu USD", "this_year-07-15")]),
    # A headline restates the body and takes its period; a rounded one restates nothing.
    ("Các KCN thu hút 9 dự án\nLũy kế từ đầu năm đến nay, các KCN thu hút 9 dự án mới.",
     [("9 dự án", "year_to_date"), ("9 dự án", "year_to_date")]),
    ("Các KCN thu hút hơn 300 dự án\nĐến nay các KCN có 312 dự án.",
     [("300 dự án", None), ("312 dự án", "to_date")]),
    # "Hiện" opening a line is now, whatever the line before ended with.
    ("Ảnh: Hà Duy\nHiện khu công nghiệp Trà Đa có 63 dự án.", [("63 dự án", "to_date")]),
    # A report's "N tháng qua" is its year's first N months.
    ("10 tháng qua, các KCN thu hút 966,358 triệu USD.",
     [("966,358 triệu USD", "this_year-01..this_year-10")]),
    # From a year to a month of a later year; the start of a month.
    ("Từ năm 2016 đến tháng 6/2020, giá trị sản xuất đạt 9.947 tỷ đồng.",
     [("9.947 tỷ đồng", "2016-01..2020-06")]),
    ("Tính đến đầu tháng 7, toàn tỉnh thu hút được 268 dự án.", [("268 dự án", "this_year-07")]),
    # The end of a month, and months from January, without their year.
    ("Lũy kế đến cuối tháng 5, Hà Nội có 588 dự án.", [("588 dự án", "this_year-05-31")]),
    ("Từ tháng 1 đến tháng 5, các KCN thu hút 20 dự án.",
     [("20 dự án", "this_year-01..this_year-05")]),
    # A count of months in words.
    ("Sáu tháng đầu năm 2024, các KCN cấp mới 9 dự án.", [("9 dự án", "2024-01..2024-06")]),
    ("Trong mười một tháng năm 2022, các KCN cấp mới 9 dự án.",
     [("9 dự án", "2022-01..2022-11")]),
    ("Chín tháng đầu năm, các KCN cấp mới 9 dự án.", [("9 dự án", "this_year-01..this_year-09")]),
    # Years counted from a year named before, in the sentence or earlier in the paragraph.
    ("Tỉnh bắt đầu phát triển KCN vào năm 2003 với 98ha. Sau 20 năm phát triển, tỉnh đã "
     "có 09 KCN.", [("98ha", "2003"), ("09 KCN", "2023")]),
    ("Từ tháng 12/2010, sau 5 năm xây dựng, KCN đã thu hút 12 dự án.", [("12 dự án", "2015")]),
    # With no year before it, or looking ahead ("sau 2 năm nữa"), it names no period.
    ("Sau 20 năm phát triển, tỉnh đã có 09 KCN.", [("09 KCN", None)]),
    ("Năm 2024, các KCN cấp mới 9 dự án; sau 2 năm nữa sẽ có 15 KCN.",
     [("9 dự án", "2024"), ("15 KCN", "2024")]),
])
def test_periods_of_report_writing(text, expected):
    assert periods(text) == expected


def test_a_dateline_in_the_text_dates_its_figures():
    drafted = draft("Ngày 12-5, Ban Quản lý cho biết, từ đầu năm đến nay các KCN thu hút 9 dự "
                    "án mới. Lũy kế đến nay có 240 dự án còn hiệu lực.", "2022-05", False)
    assert [(t, i, p) for t, _, i, p in drafted] == [
        ("9 dự án", "new_projects", "2022-01-01..2022-05-12"),
        ("240 dự án", "valid_projects", "2022-05-12")]


def test_year_to_date_ends_with_the_span_the_text_names():
    drafted = draft("Trong 4 tháng đầu năm 2022, tỉnh đón nhiều dự án lớn.\n"
                    "Lũy kế từ đầu năm đến nay, các KCN thu hút 9 dự án mới.", "2022-05", False)
    assert [(t, p) for t, _, _, p in drafted] == [("9 dự án", "2022-01..2022-04")]


def test_a_flow_to_a_day_against_the_years_plan_runs_from_january():
    drafted = draft("Đến ngày 15/7, tổng vốn thu hút đạt 80 triệu USD, đạt 40% kế hoạch năm.",
                    "2022-07", False)
    assert drafted[0] == ("80 triệu USD", "actuals", "total_capital_attracted",
                          "2022-01-01..2022-07-15")
    # Counted to a day with no year's plan or last year in sight: the cumulative stock.
    drafted = draft("Tính đến hết năm 2021, các KCN đã thu hút 620 dự án FDI.")
    assert drafted[0][2:] == ("projects_fdi", "2021-12-31")


@pytest.mark.parametrize("text, figure, indicator", [
    ("Năm 2022, vốn đầu tư đã thực hiện đạt 410 triệu USD.", "410 triệu USD",
     "implemented_capital"),
    ("Năm 2022, tổng vốn đầu tư thu hút đạt 1,2 tỷ USD.", "1,2 tỷ USD", "total_capital_attracted"),
    # "thu hút" with no nearer word of capital: the total attracted, for each amount it governs.
    ("Năm 2024, tỉnh phấn đấu thu hút thêm 300 triệu USD với 6 dự án vốn đầu tư nước ngoài và "
     "2.000 tỷ đồng với 9 dự án vốn đầu tư trong nước.", "2.000 tỷ đồng",
     "total_capital_attracted"),
    ("Năm 2022, thu hút mới 12 dự án với tổng vốn đăng ký 300 tỷ đồng.", "300 tỷ đồng",
     "new_capital"),
    # A capital said to have grown by an amount is added capital.
    ("Năm 2022, 40 dự án được điều chỉnh với tổng vốn tăng 95 triệu USD.", "95 triệu USD",
     "added_capital"),
    # "chấm dứt" a project withdraws its certificate: counted with the revoked.
    ("Năm 2022, chấm dứt 2 dự án, tổng vốn đầu tư đã đăng ký 4 triệu USD.", "2 dự án",
     "revoked_projects"),
    ("Năm 2022, chấm dứt 2 dự án, tổng vốn đầu tư đã đăng ký 4 triệu USD.", "4 triệu USD",
     "revoked_capital"),
    # "nâng tổng … đạt": the new total, a stock.
    ("Năm 2022, cấp mới 3 dự án với 60 triệu USD, nâng tổng vốn đăng ký đạt 900 triệu USD.",
     "900 triệu USD", "registered_capital_cumulative"),
    ("Năm 2022, cấp mới 3 dự án với 60 triệu USD, nâng tổng vốn đăng ký đạt 900 triệu USD.",
     "60 triệu USD", "new_capital"),
    # A running total over the months of a year is a flow.
    ("Lũy kế 4 tháng đầu năm 2022, các KCN thu hút 6 dự án mới, tổng vốn đầu tư 30 triệu USD.",
     "30 triệu USD", "new_capital"),
])
def test_indicators_of_capital_from_the_words_of_the_figure(text, figure, indicator):
    found = {t: ind for t, _, ind, _ in draft(text)}
    assert found[figure] == indicator


@pytest.mark.parametrize("text, figure, indicator", [
    # Capital increases are FDI or DDI as new projects are: said of the count or of its clause.
    ("Năm 2023, thu hút vốn đầu tư trong nước (DDI) đạt 900 tỷ đồng với 12 dự án cấp mới và "
     "20 lượt dự án tăng vốn.", "12 dự án", "new_projects_ddi"),
    ("Năm 2023, thu hút vốn đầu tư trong nước (DDI) đạt 900 tỷ đồng với 12 dự án cấp mới và "
     "20 lượt dự án tăng vốn.", "20 lượt dự án", "capital_increases_ddi"),
    # The kind another count names is not this one's.
    ("Năm 2023, các KCN thu hút 9 dự án FDI mới và 14 lượt dự án tăng vốn.", "14 lượt dự án",
     "capital_increases"),
    # "điều chỉnh vốn" counts capital adjustments, and its parts are too.
    ("Năm 2023, có 12 dự án điều chỉnh vốn, gồm 9 dự án FDI, 3 dự án DDI.", "12 dự án",
     "capital_increases"),
    ("Năm 2023, có 12 dự án điều chỉnh vốn, gồm 9 dự án FDI, 3 dự án DDI.", "3 dự án",
     "capital_increases_ddi"),
    # A part's own words say what it counts, whatever the whole it splits.
    ("Đến nay có 150 dự án còn hiệu lực. Trong đó có 120 dự án đang hoạt động.", "120 dự án",
     "operating_projects"),
    ("Năm 2023, trong tổng số các dự án FDI được cấp phép, có 40 dự án đầu tư mới.", "40 dự án",
     "new_projects_fdi"),
    # "vốn trong nước ngoài ngân sách": domestic capital outside the state budget, not foreign.
    ("Năm 2023, tỉnh thu hút 500 tỷ đồng vốn đầu tư trong nước ngoài ngân sách với 7 dự án.",
     "7 dự án", "new_projects_ddi"),
])
def test_indicators_of_counts_from_the_words_of_the_figure(text, figure, indicator):
    found = {t: ind for t, _, ind, _ in draft(text)}
    assert found[figure] == indicator


@pytest.mark.parametrize("text, expected", [
    # An amount in brackets after an attainment is the plan's own figure when the arithmetic
    # says so (1.200 / 1.000 = 120 %); one that restates the result keeps its role.
    ("Vốn FDI đạt 1.200 triệu USD, bằng 120% kế hoạch năm 2024 (1.000 triệu USD).",
     [("1.200 triệu USD", "actual"), ("120%", "attainment"), ("1.000 triệu USD", "target")]),
    ("Vốn FDI đạt 1.200 triệu USD, bằng 120% kế hoạch (1.200 triệu USD).",
     [("1.200 triệu USD", "actual"), ("120%", "attainment"), ("1.200 triệu USD", "actual")]),
])
def test_the_plan_figure_in_brackets_after_an_attainment(text, expected):
    assert roles(text) == expected


def test_the_plan_figure_in_brackets_is_the_plan_of_the_figure_before_it():
    drafted = draft("Trong 10 tháng của năm 2024, tổng vốn thu hút đạt 1.200 triệu USD, "
                    "bằng 120% kế hoạch của năm 2024 (1.000 triệu USD).", "2024-11-05")
    assert (drafted[0][1:], drafted[2][1:]) == (
        ("actuals", "total_capital_attracted", "2024-01..2024-10"),
        ("targets", "total_capital_attracted", "2024"))


def test_a_month_without_its_year_and_the_zones_a_planning_holds():
    assert periods("Trong tháng 4, các KCN cấp mới 3 dự án.") == [("3 dự án", "this_year-04")]
    assert periods("Riêng tháng 4, các KCN cấp mới 3 dự án.") == [("3 dự án", "this_year-04")]
    # "Theo quy hoạch …, tỉnh có 40 KCN": the zones planned as the document stands; the area
    # the planning sets for 2030 stays a target, as does a count the plan orients to.
    drafted = draft("Theo quy hoạch đến năm 2030, tỉnh có 40 KCN với diện tích 9.000 ha.",
                    "2024-05-10")
    assert [row[1:] for row in drafted] == [("actuals", "zones_planned", "2024-05-10"),
                                            ("targets", "zone_area", "2030")]
    drafted = draft("Định hướng đến năm 2030, toàn tỉnh có 40 KCN.", "2024-05-10")
    assert drafted[0][1:] == ("targets", "zones_planned", "2030")


def test_a_part_splits_the_nearest_whole_that_is_not_itself_a_part():
    drafted = draft("Đến nay có 300 dự án còn hiệu lực. Trong đó có 250 dự án đang hoạt động, "
                    "50 dự án đang xây dựng. Các dự án thuê 400 ha đất. Trong đó có 200 dự án "
                    "đầu tư trong nước; 100 dự án FDI.")
    found = {t: ind for t, _, ind, _ in drafted}
    assert (found["200 dự án"], found["100 dự án"]) == ("valid_projects_ddi", "valid_projects_fdi")


def test_a_stock_stands_at_the_end_of_the_span_its_sentence_names():
    drafted = draft("Ngày 20-10, Ban Quản lý cho biết, từ đầu năm đến nay cấp mới 6 dự án FDI "
                    "với 80 triệu USD, nâng tổng vốn đăng ký FDI đạt 700 triệu USD.", "2022-10", False)
    assert [(t, i, p) for t, _, i, p in drafted] == [
        ("6 dự án", "new_projects_fdi", "2022-01-01..2022-10-20"),
        ("80 triệu USD", "new_capital_fdi", "2022-01-01..2022-10-20"),
        ("700 triệu USD", "registered_capital_cumulative", "2022-10-20")]
    # Implemented capital over months is a flow of those months.
    drafted = draft("9 tháng năm 2022, vốn giải ngân đạt 300 triệu USD.")
    assert drafted[0][2:] == ("implemented_capital", "2022-01..2022-09")


def test_to_date_carries_into_the_next_paragraph_and_makes_a_count_cumulative():
    drafted = draft("Từ đầu năm đến nay, các KCN thu hút 12 dự án mới.\n"
                    "Tính đến nay, tỉnh có 20 KCN đi vào hoạt động.\n"
                    "Các KCN đã thu hút 900 dự án với tổng vốn 4 tỷ USD.", "2023-04", False)
    assert [(t, i, p) for t, _, i, p in drafted] == [
        ("12 dự án", "new_projects", "2023-01..2023-04"),
        ("20 KCN", "zones_operating", "2023-04"),
        ("900 dự án", "projects", "2023-04"),
        ("4 tỷ USD", "registered_capital_cumulative", "2023-04")]


@pytest.mark.parametrize("text, expected", [
    # What is submitted or proposed for approval is sought, though the submitting is done.
    ("Ban đã trình Thủ tướng Chính phủ bổ sung 3 KCN với diện tích 900 ha.",
     [("3 KCN", "target"), ("900 ha", "target")]),
    ("Sở đề xuất mở rộng KCN thêm 150 ha.", [("150 ha", "target")]),
    ("Ban đã cấp mới 3 dự án cho các nhà đầu tư.", [("3 dự án", "actual")]),
])
def test_what_is_proposed_for_approval_is_a_target(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, figure, indicator", [
    # A planned growth takes the growth indicator of what grows.
    ("II. CHỈ TIÊU NĂM 2026\n- Giá trị sản xuất công nghiệp tăng bình quân 9,5%/năm.", "9,5%",
     "industrial_output_growth_avg"),
    ("II. CHỈ TIÊU NĂM 2026\n- Giá trị sản xuất công nghiệp tăng 10% so với năm 2025.", "10%",
     "industrial_output_growth"),
    # Jobs made, and workers a plan means to add, are new jobs.
    ("Năm 2026, các KCN phấn đấu tạo 2.500 việc làm mới.", "2.500 việc làm", "new_jobs"),
    ("Năm 2026, tỉnh phấn đấu thu hút thêm 6.000 lao động vào các KCN.", "6.000 lao động",
     "new_jobs"),
    ("Đến nay, các KCN giải quyết việc làm cho 60.000 lao động.", "60.000 lao động", "workers"),
])
def test_indicators_of_planned_growth_and_jobs(text, figure, indicator):
    found = {t: ind for t, _, ind, _ in draft(text)}
    assert found[figure] == indicator


@pytest.mark.parametrize("text, figure, indicator", [
    # New capital is FDI when the whole a "Trong đó" splits is foreign capital …
    ("Năm 2024, các KCN thu hút 900 triệu USD vốn đầu tư nước ngoài. Trong đó, cấp mới 30 dự "
     "án với vốn đăng ký 400 triệu USD.", "400 triệu USD", "new_capital_fdi"),
    # … or a foreign investor's.
    ("Trong tháng 3/2024, nhà đầu tư Nhật Bản được cấp phép dự án với vốn đăng ký 30 triệu USD.",
     "30 triệu USD", "new_capital_fdi"),
    ("Năm 2024, Tập đoàn Minh Quang (Đài Loan) được cấp phép dự án với vốn đầu tư 90 triệu USD.",
     "90 triệu USD", "new_capital_fdi"),
    # The FDI of a count in another clause is not this capital's.
    ("Năm 2025 thu hút mới 10 dự án, trong đó có 4 dự án FDI; tổng vốn đăng ký 2.000 tỷ đồng.",
     "2.000 tỷ đồng", "new_capital"),
    ("Năm 2025 có 20 dự án DDI với tổng vốn 3.000 tỷ đồng.", "3.000 tỷ đồng", "new_capital"),
])
def test_new_capital_is_fdi_as_its_projects_are(text, figure, indicator):
    found = {t: ind for t, _, ind, _ in draft(text)}
    assert found[figure] == indicator


def test_the_items_of_a_list_share_the_words_of_its_lead_in():
    drafted = draft("Năm 2024, các KCN thu hút 30 dự án FDI và 12 dự án DDI. Số dự án FDI theo "
                    "từng KCN như sau:\n- KCN An Phú: 18 dự án, 240 triệu USD;\n"
                    "- KCN Bình Minh: 12 dự án, 95 triệu USD.")
    assert [(t, i) for t, _, i, _ in drafted][2:] == [
        ("18 dự án", "new_projects_fdi"), ("240 triệu USD", "new_capital_fdi"),
        ("12 dự án", "new_projects_fdi"), ("95 triệu USD", "new_capital_fdi")]


@pytest.mark.parametrize("text, figure, indicator", [
    ("Về vốn đầu tư trong nước, năm 2024 có 9 dự án được cấp mới.", "9 dự án", "new_projects_ddi"),
    # Two things planned side by side: the FDI is the capital's, not the count's.
    ("Năm 2025 phấn đấu thu hút 1 tỷ USD vốn FDI và khoảng 30 dự án mới.", "30 dự án",
     "new_projects"),
])
def test_the_kind_of_a_count_from_its_topic_not_from_a_figure_beside_it(text, figure, indicator):
    found = {t: ind for t, _, ind, _ in draft(text)}
    assert found[figure] == indicator


@pytest.mark.parametrize("text, figure, indicator", [
    ("Năm 2024, vốn FDI đạt 700 triệu USD.", "700 triệu USD", "total_capital_attracted"),
    # The second amount shares the verb of the first, not its words.
    ("Năm 2025 phấn đấu thu hút 400 triệu USD vốn FDI và 2.000 tỷ đồng vốn trong nước.",
     "2.000 tỷ đồng", "total_capital_attracted"),
    ("Năm 2024, có 60 dự án FDI với tổng vốn đăng ký 700 triệu USD.", "700 triệu USD",
     "new_capital_fdi"),
    ("- Số dự án đã đi vào hoạt động: 380 dự án.", "380 dự án", "operating_projects"),
    ("Đến nay có 500 dự án, trong đó có 420 dự án đã đi vào sản xuất kinh doanh.", "420 dự án",
     "operating_projects"),
    ("Đến nay có 20 KCN đang hoạt động với tổng diện tích 5.000 ha.", "5.000 ha",
     "operating_zone_area"),
    ("Đến nay có 14 KCN được Thủ tướng Chính phủ phê duyệt.", "14 KCN", "zones_approved"),
])
def test_indicators_of_kinds_of_capital_operating_projects_and_zones(text, figure, indicator):
    found = {t: ind for t, _, ind, _ in draft(text)}
    assert found[figure] == indicator


def test_an_attainment_is_of_a_figure_of_its_own_clause():
    plan = Plan.model_validate({"province": {"id": "thu", "name": "Tỉnh Thử"}})
    drafter = Drafter(plan, "seeds/x.txt", "2023-12-20", True, lambda section, i: None)
    proposals = drafter.propose(extract_text(
        "Năm 2023, tổng vốn thu hút đạt 300 triệu USD, đạt 90% kế hoạch; vốn trong nước "
        "vượt 2,5 lần kế hoạch năm.")[0])
    targets = [(p.quantity.text, p.fields.get("indicator")) for p in proposals
               if p.section == "targets"]
    # The 2,5 lần has no figure of its own clause: it is not paired with the 300.
    assert targets == [("90%", "total_capital_attracted")]
    # A ";" inside a breakdown in brackets divides no clause.
    proposals = drafter.propose(extract_text(
        "Năm 2023 thu hút 400 triệu USD (cấp mới: 250 triệu USD; tăng vốn: 150 triệu USD), "
        "đạt 110% kế hoạch năm.")[0])
    (target,) = [p for p in proposals if p.section == "targets"]
    assert target.fields["source"]["quote"].startswith("Năm 2023 thu hút 400 triệu USD")


@pytest.mark.parametrize("text, figure, indicator", [
    # A count of zones says what it counts by its own words first.
    ("Đến nay tỉnh đã có 12 khu công nghiệp được thành lập, trong đó 8 khu công nghiệp đang "
     "hoạt động.", "12 khu công nghiệp", "zones_approved"),
    ("Đến nay tỉnh đã có 12 khu công nghiệp được thành lập, trong đó 8 khu công nghiệp đang "
     "hoạt động.", "8 khu công nghiệp", "zones_operating"),
    ("Đến nay tỉnh có 15 KCN đủ điều kiện tiếp nhận đầu tư.", "15 KCN", "zones_operating"),
])
def test_what_a_count_of_zones_counts(text, figure, indicator):
    found = {t: ind for t, _, ind, _ in draft(text)}
    assert found[figure] == indicator


def test_what_no_indicator_counts_is_left_to_the_reviewer():
    found = {t: ind for t, _, ind, _ in draft(
        "Đến nay có 90 dự án còn hiệu lực. Trong đó có 70 dự án đang hoạt động, 12 dự án đang "
        "xây dựng, 8 dự án ngừng hoạt động. Trong tháng 5, tổng vốn đầu tư điều chỉnh giảm 2 "
        "triệu USD.")}
    assert (found["70 dự án"], found["12 dự án"], found["8 dự án"], found["2 triệu USD"]) == (
        "operating_projects", "?", "?", "?")


def test_a_headline_figure_is_read_with_its_body_restatement():
    drafted = draft("Các KCN thu hút thêm 14 dự án FDI\nTừ đầu năm đến nay, các KCN thu hút "
                    "90 triệu USD vốn FDI. Trong đó có 14 dự án FDI mới.", "2023-08-20")
    assert drafted[0] == ("14 dự án", "actuals", "new_projects_fdi", "2023-01-01..2023-08-20")


@pytest.mark.parametrize("head", ["09:40 | 12/03/2024", "Cập nhật: 09:40 | 12/03/2024",
                                  "Nguyễn Văn A | 09:40 | 12/03/2024", "12/03/2024 09:40",
                                  "Tỉnh Thử, ngày 12 tháng 3 năm 2024"])
def test_the_date_a_text_gives_itself_when_the_index_gives_none(head):
    drafted = draft(f"Các KCN thu hút vốn\n{head}\nĐến nay các KCN có 310 dự án còn hiệu lực.",
                    None)
    assert drafted[0][2:] == ("valid_projects", "2024-03-12")


@pytest.mark.parametrize("text, expected", [
    # The estimate of last year is the base of a comparison, no period.
    ("Năm 2025 phấn đấu doanh thu đạt 900 tỷ đồng, tăng 12% so với ước thực hiện năm 2024.",
     [("900 tỷ đồng", "2025"), ("12%", "2025")]),
    # "Hiện" opening a clause before a name is to date; "Thực hiện" is no time.
    ("Hiện Thái Bình có 10 KCN.", [("10 KCN", "to_date")]),
    ("Thực hiện Nghị quyết, tỉnh có 10 KCN.", [("10 KCN", None)]),
    # A period after the next figure is that figure's.
    ("Tỷ lệ lấp đầy đạt 74%, cao hơn mức 69% của năm 2023.", [("74%", None), ("69%", "2023")]),
    ("Các KCN thu hút 20 dự án trong năm 2023.", [("20 dự án", "2023")]),
])
def test_periods_of_comparisons_and_of_the_next_figure(text, expected):
    assert periods(text) == expected


def test_a_multiple_stated_as_growth_is_proposed_as_its_percentage():
    drafted = draft("Năm 2022, tổng vốn thu hút đạt 400 triệu USD, gấp 1,6 lần so với năm 2021.")
    assert drafted[1] == ("1,6 lần", "actuals", "capital_attracted_growth", "2022")
    # One that falls is listed, not proposed.
    assert draft("Năm 2022, vốn FDI giảm 2 lần so với năm 2021.")[0][1] is None


@pytest.mark.parametrize("text, figure, indicator", [
    # A plan to make jobs for so many workers plans new jobs.
    ("Mục tiêu năm 2026: tạo việc làm cho 8.000 lao động.", "8.000 lao động", "new_jobs"),
    # "Riêng KCN …" opens a part of what the sentence before counted.
    ("Năm 2024, tỉnh thu hút 30 dự án FDI. Riêng KCN Hòa Bình thu hút 12 dự án với tổng vốn "
     "150 triệu USD.", "12 dự án", "new_projects_fdi"),
    ("Năm 2024, tỉnh thu hút 30 dự án FDI. Riêng KCN Hòa Bình thu hút 12 dự án với tổng vốn "
     "150 triệu USD.", "150 triệu USD", "new_capital_fdi"),
])
def test_jobs_planned_and_parts_opened_by_rieng(text, figure, indicator):
    found = {t: ind for t, _, ind, _ in draft(text)}
    assert found[figure] == indicator


def test_the_capital_of_new_projects_and_adjustments_together_is_the_total():
    found = {t: ind for t, _, ind, _ in draft(
        "Năm 2024, các KCN thu hút 40 dự án mới và 25 lượt điều chỉnh vốn, tổng vốn đăng ký "
        "đạt 30.000 tỷ đồng.")}
    assert found["30.000 tỷ đồng"] == "total_capital_attracted"
    found = {t: ind for t, _, ind, _ in draft(
        "Năm 2024, các KCN thu hút 40 dự án mới với tổng vốn đăng ký 20.000 tỷ đồng.")}
    assert found["20.000 tỷ đồng"] == "new_capital"


@pytest.mark.parametrize("text, expected", [
    # What will be done to reach a plan is one of its tasks; a forecast alone stays open.
    ("Để thực hiện mục tiêu trên, Ban sẽ thu hồi 04 dự án chậm tiến độ.", [("04 dự án", "target")]),
    ("Tỉnh sẽ có 31 KCN vào năm 2030.", [("31 KCN", None)]),
])
def test_what_will_be_done_to_reach_a_plan_is_a_target(text, expected):
    assert roles(text) == expected


def test_capital_increases_counted_in_adjustments_take_the_kind_of_their_whole():
    found = {t: ind for t, _, ind, _ in draft(
        "Năm 2024, các KCN thu hút 900 triệu USD vốn đầu tư nước ngoài. Trong đó, cấp mới 30 "
        "dự án với vốn đăng ký 400 triệu USD; điều chỉnh tăng vốn 25 lượt với 500 triệu USD.")}
    assert found["25 lượt"] == "capital_increases_fdi"


def test_an_attainment_that_names_its_figure_is_of_the_count_named_before():
    plan = Plan.model_validate({"province": {"id": "thu", "name": "Tỉnh Thử"}})
    drafter = Drafter(plan, "seeds/x.txt", "2023-12-20", True, lambda section, i: None)
    proposals = drafter.propose(extract_text(
        "Năm 2023, các KCN thu hút 40 dự án mới, gồm 25 dự án FDI và 15 dự án trong nước. Số dự "
        "án FDI cấp mới bằng 125% kế hoạch năm, vốn trong nước gấp 2 lần kế hoạch.")[0])
    targets = [(p.quantity.text, p.fields.get("indicator"), p.fields.get("period"))
               for p in proposals if p.section == "targets"]
    # The 2 lần names no count: it is not paired with one.
    assert targets == [("125%", "new_projects_fdi", "2023")]


def test_the_period_of_a_comparisons_base_is_not_carried():
    drafted = draft("Tính đến hết năm 2024, các KCN có 4.142 ha; tỷ lệ lấp đầy đạt 74,2%, cao "
                    "hơn mức 69,8% của năm 2023.\nDiện tích một số KCN:\n- KCN A: 597 ha;\n"
                    "- KCN B: 345,2 ha.", "2025-01", False)
    assert [(t, p) for t, _, _, p in drafted if t in ("597 ha", "345,2 ha")] == [
        ("597 ha", "2024-12-31"), ("345,2 ha", "2024-12-31")]


def test_a_line_wrapped_inside_a_sentence_is_read_with_the_next():
    # Text pasted from a page or a PDF with its line breaks: the qualifier, the words that
    # say what a figure is and its period stand on the line before it.
    text = ("Chỉ riêng chín tháng năm 2025, các doanh nghiệp đã tạo ra doanh thu hơn\n"
            "360 nghìn tỷ đồng. Hiện có hơn\n500 dự án FDI.")
    found = extract_text(text)[0]
    assert [(q.text, q.qualifier, q.period) for q in found] == [
        ("360 nghìn tỷ đồng", "over", "2025-01..2025-09"), ("500 dự án", "over", "to_date")]
    # A heading without a full stop and the list under it stay lines of their own.
    assert periods("Kết quả năm 2024\n1. Thu hút 12 dự án;\na) 5 dự án FDI") == [
        ("12 dự án", "2024"), ("5 dự án", "2024")]
    assert roles("MỤC TIÊU\n1. Thu hút 12 dự án") == [("12 dự án", "target")]


def test_a_stock_over_a_month_the_text_names_stands_at_its_end():
    drafted = draft("Lũy kế tháng 7/2023, các KCN có 212 dự án còn hiệu lực.", "2023-08", False)
    assert [(t, i, p) for t, _, i, p in drafted] == [("212 dự án", "valid_projects", "2023-07-31")]


@pytest.mark.parametrize("text, expected", [
    # "hạ tầng 2 KCN" is no second floor; zones named after "khu"; clusters and "điểm".
    ("Bộ đang thẩm định dự án kinh doanh kết cấu hạ tầng 2 KCN với tổng diện tích 363ha.",
     [("2 KCN", "zone", "actual"), ("363ha", "ha", "actual")]),
    ("Khu công nghiệp ở Bến Tre có tổng diện tích 240 ha, gồm 2 khu Giao Long và An Hiệp.",
     [("240 ha", "ha", "actual"), ("2 khu", "zone", "actual")]),
    ("Đến nay, toàn tỉnh có 9 cụm, điểm công nghiệp được thành lập.",
     [("9 cụm, điểm công nghiệp", "cluster", "actual")]),
    # Per one hectare, and money a year with no currency.
    ("Bình quân 1 ha đất công nghiệp tạo ra giá trị sản xuất 115,6 tỷ/năm.",
     [("115,6 tỷ", None, "actual")]),
    # The đồng sign, after a stray full stop as a relay site writes it.
    ("Vốn đầu tư khoảng 630 tỷ. ₫. Năm 2022 thu hút 5 tỷ ₫.",
     [("630 tỷ. ₫", "vnd_billion", "actual"), ("5 tỷ ₫", "vnd_billion", "actual")]),
    # A decision on an investment policy licenses a project, as a certificate does.
    ("Năm 2019, cấp mới 6 quyết định chủ trương đầu tư.",
     [("6 quyết định chủ trương đầu tư", "project", "actual")]),
    # Amendments named after "lượt dự án đăng ký".
    ("Năm 2023 có 47 lượt dự án đăng ký điều chỉnh.", [("47 lượt dự án", "adjustment", "actual")]),
    # Money with no currency before a verb or a preposition: listed, its currency unknown.
    ("Gần 11.000 tỷ rót vào các KCN", [("11.000 tỷ", None, "actual")]),
    ("Sản lượng đạt 2 triệu tấn.", []),
    # A second multiple shares the word of the first, and its role.
    ("Năm 2021 thu hút 70 dự án, tăng gấp 2 lần về số dự án và 3 lần về số vốn so với năm 2020.",
     [("70 dự án", "project", "actual"), ("2 lần", "times", "growth"),
      ("3 lần", "times", "growth")]),
    ("Năm 2021 có 3 lần kiểm tra.", []),
    # "khu" says "khu công nghiệp" again when the text has just named them; "khu" before a
    # noun of its own is another kind of area.
    ("Về khu công nghiệp, Thủ tướng đã phê duyệt 53 khu với tổng diện tích hơn 12 nghìn ha.",
     [("53 khu", "zone", "actual"), ("12 nghìn ha", "ha", "actual")]),
    ("Tỉnh có 3 khu chức năng và 2 khu tái định cư.", []),
    ("Ninh Bình có 2 khu với 300 ha.", [("300 ha", "ha", "actual")]),
])
def test_units_named_around_the_figure(text, expected):
    assert [(q.text, q.unit, q.role) for q in extract_text(text)[0]] == expected


def test_a_lead_in_the_text_does_not_move_a_date_the_index_knows_to_the_day():
    text = "Ngày 6/10, Ủy ban nhân dân tỉnh nghe báo cáo. Đến nay, 32 KCN đã thành lập."
    assert [p for *_, p in draft(text, "2025-10-07", True)] == ["2025-10-07"]
    assert [p for *_, p in draft(text, "2025-10", False)] == ["2025-10-06"]


def test_a_restatement_a_thousand_times_off_is_flagged_not_read():
    found, flagged = extract_text("Tổng vốn đăng ký 169,1 triệu USD (tương đương 3.873 nghìn tỷ "
                                  "đồng).")
    assert [q.text for q in found] == ["169,1 triệu USD"]
    assert [(f.text, f.reason) for f in flagged] == [(
        "3.873 nghìn tỷ đồng", "restates the amount before it at 22.903.607 đồng to the dollar, "
        "a thousand times off: an English decimal point or a typo")]
    found, flagged = extract_text("Vốn 100 triệu USD (tương đương 2.300 tỷ đồng).")
    assert [(q.text, q.equivalent_of) for q in found] == [("100 triệu USD", None),
                                                          ("2.300 tỷ đồng", 0)]
    assert flagged == []


def test_a_stock_now_stands_at_the_time_its_paragraph_gave_its_figures():
    drafted = draft("Tổng vốn thu hút đến hết tháng 11/2022 là 84,48 triệu USD. Như vậy, hiện các "
                    "KCN đã thu hút được 110 dự án.\nHiện nay có 50 dự án đang hoạt động.",
                    "2022-12", False)
    assert [(t, p) for t, _, _, p in drafted if t != "84,48 triệu USD"] == [
        ("110 dự án", "2022-11-30"), ("50 dự án", "2022-12")]
    # At the start of a month, a stock is of that month, not of its last day.
    drafted = draft("Tính đến đầu tháng 7, toàn tỉnh thu hút được 268 dự án. Trong đó, khu kinh tế "
                    "có 160 dự án. Thời điểm hiện tại có 79 dự án đi vào hoạt động.", "2019-07-15")
    assert [(t, i, p) for t, _, i, p in drafted] == [
        ("268 dự án", "projects", "2019-07"), ("160 dự án", "projects", "2019-07"),
        ("79 dự án", "operating_projects", "2019-07")]


def test_a_title_repeated_above_the_body_takes_the_body_figures_period():
    text = ("Thu hút 268 dự án đầu tư\nThu hút 268 dự án đầu tư\nTính đến đầu tháng 7/2019, "
            "toàn tỉnh thu hút được 268 dự án đầu tư.")
    assert [q.period for q in extract_text(text)[0]] == ["2019-07", None, "2019-07"]


def test_amendments_of_any_kind_are_adjusted_projects_counted_as_projects():
    plan = Plan.model_validate({"province": {"id": "thu", "name": "Tỉnh Thử"}})
    drafter = Drafter(plan, "seeds/x.txt", "2022-12", False, lambda section, i: None)
    first, second = drafter.propose(extract_text(
        "Năm 2022, tỉnh đã điều chỉnh giấy chứng nhận đăng ký đầu tư cho 25 lượt dự án, trong đó "
        "có 03 lượt dự án điều chỉnh tăng vốn.")[0])
    assert (first.fields["indicator"], first.fields["unit"], first.fields["value"]) == (
        "adjusted_projects", "project", Decimal("25"))
    assert "unit: 25 lượt counted as 25 projects; a project amended twice counts twice" \
        in first.checks
    assert (second.fields["indicator"], second.fields["unit"]) == ("capital_increases",
                                                                   "adjustment")


def test_a_count_done_in_a_text_that_names_no_period_is_all_to_date():
    drafted = draft("Các KCN đã thu hút được 61 dự án, với tổng vốn đầu tư đăng ký đạt 11.680 tỷ "
                    "đồng. Trong đó, có 56 dự án đầu tư trong nước và 5 dự án FDI.", "2020-07",
                    False)
    assert [(t, i, p) for t, _, i, p in drafted] == [
        ("61 dự án", "projects", "2020-07"),
        ("11.680 tỷ đồng", "registered_capital_cumulative", "2020-07"),
        ("56 dự án", "projects_ddi", "2020-07"), ("5 dự án", "projects_fdi", "2020-07")]
    # A period named before it makes it a flow of that period.
    drafted = draft("Năm 2019, các KCN đã thu hút được 12 dự án.", "2020-07", False)
    assert [(t, i, p) for t, _, i, p in drafted] == [("12 dự án", "new_projects", "2019")]


def test_the_share_of_industrial_land_let_is_the_fill_rate():
    drafted = draft("Đến nay diện tích đất thuê là 525,51 ha, chiếm tỷ lệ 56,65% diện tích đất công "
                    "nghiệp cho thuê.")
    assert [(t, i) for t, _, i, _ in drafted][-1] == ("56,65%", "fill_rate")


def test_a_stock_its_paragraph_does_not_date_stands_at_the_documents_date():
    drafted = draft("10 tháng qua, các KCN thu hút 966 triệu USD.\nKCN Yên Phong có diện tích "
                    "651 ha.", "2021-11", False)
    assert [(t, p) for t, _, _, p in drafted] == [("966 triệu USD", "2021-01..2021-10"),
                                                ("651 ha", "2021-11")]
    # A day an earlier paragraph named is when the report's figures stand.
    drafted = draft("Tính đến ngày 30/11/2019, các KCN có 3.000 dự án.\nTỷ lệ lấp đầy đạt 53%.",
                    "2019-12", False)
    assert [(t, p) for t, _, _, p in drafted] == [("3.000 dự án", "2019-11-30"),
                                                ("53%", "2019-11-30")]


def test_a_years_flows_run_as_far_as_the_document_says_its_figures_run():
    text = ("Trong năm 2022, tỉnh đã thu hút 06 dự án đầu tư mới, với tổng vốn đầu tư đăng ký "
            "là 38,48 triệu USD.\nTổng vốn thu hút đến hết tháng 11/2022 là 84,48 triệu USD.")
    assert [(t, p) for t, _, _, p in draft(text, "2022-12", False)][:2] == [
        ("06 dự án", "2022-01..2022-11"), ("38,48 triệu USD", "2022-01..2022-11")]
    # An estimate of the whole year stays the year's; a document of a later year too.
    assert draft("Cả năm 2022 ước thu hút 7 dự án. Đến hết tháng 11/2022 có 6 dự án.",
                 "2022-12", False)[0][3] == "2022"
    assert draft(text, "2023-02", False)[0][3] == "2022"


def test_a_stock_to_a_month_not_over_at_the_documents_date_stands_in_that_month():
    text = "Tính đến tháng 4/2019, các khu công nghiệp đã thu hút được 38 dự án đầu tư."
    assert draft(text, "2019-04-05")[0][2:] == ("projects", "2019-04")
    plan = Plan.model_validate({"province": {"id": "thu", "name": "Tỉnh Thử"}})
    (proposal,) = Drafter(plan, "seeds/x.txt", "2019-04-05", True,
                          lambda section, i: None).propose(extract_text(text)[0])
    assert "period: 2019-04, a month not over at the document's date" in proposal.checks
    assert draft(text, "2019-05-10")[0][2:] == ("projects", "2019-04-30")
    # The text says the month's end: it stands there.
    assert draft("Lũy kế đến cuối tháng 5/2015, Hà Nội có 588 dự án còn hiệu lực.",
                 "2015-05-28")[0][2:] == ("valid_projects", "2015-05-31")
