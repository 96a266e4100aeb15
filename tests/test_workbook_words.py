"""A figure in the workbook is a number that reads as the report writes it: the words
that qualify it ("hơn", "gần", "ước", "(suy ra)", "(số liệu đến …)") are in its number
format, in the report's language, so a spreadsheet can add it up and a reader still
sees that 3.000 is "hơn 3.000"."""

from datetime import datetime

import pytest
from conftest import AS_OF

from kcn_tracker.report.book import format_literal

openpyxl = pytest.importorskip("openpyxl")


def workbook(run, tmp_path, *args):
    target = tmp_path / "out.xlsx"
    result = run(*args, "--export", str(target))
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(target)


def cells(ws, first: str, period: str) -> dict:
    """The row that starts with ``first`` for ``period``, its cells by their header."""
    for row in ws.iter_rows():
        if row[0].value in ("Chỉ tiêu", "Indicator", "Tỉnh", "Province"):
            header = [c.value for c in row]
            at = header.index("Kỳ" if "Kỳ" in header else "Period")
        if row[0].value == first and row[at].value == period:
            return {h: c for h, c in zip(header, row) if h}
    raise AssertionError(f"no row {first!r} {period!r} in {ws.title}")


def test_report_figures_keep_their_words_in_vietnamese(run, tmp_path):
    wb = workbook(run, tmp_path, "report", "--as-of", AS_OF)
    capital = cells(wb["Bắc Giang"], "Tổng vốn đăng ký thu hút (mới và tăng thêm)", "2023")
    assert capital["Thực hiện"].value == 3000
    assert capital["Thực hiện"].number_format == '"hơn "#,##0 "triệu USD"'
    workers = cells(wb["Bắc Giang"], "Lao động", "2023")["Thực hiện"]
    assert (workers.value, workers.number_format) == (190000, '"hơn "#,##0 "người"')
    implied = cells(wb["Thái Nguyên"], "Tổng vốn đăng ký thu hút (mới và tăng thêm)", "2023")
    assert implied["Kế hoạch"].value == pytest.approx(297.86)
    assert implied["Kế hoạch"].number_format == '"hơn "#,##0.00 "triệu USD" "(suy ra)"'
    assert implied["Thực hiện"].number_format == '"hơn "#,##0 "triệu USD"'
    assert implied["% KH"].value == pytest.approx(1.4)
    assert implied["% KH"].number_format == '"gần "0.0%'
    assert implied["Vượt/hụt"].value == pytest.approx(0.4)
    assert implied["Vượt/hụt"].number_format == '"gần "+0.0%;"gần "-0.0%;"gần "0.0%'
    output = cells(wb["Thái Nguyên"], "Giá trị sản xuất công nghiệp", "2024")
    assert output["Thực hiện"].value == 1030000
    assert output["Thực hiện"].number_format == '"ước "#,##0 "tỷ đồng"'
    assert output["Kế hoạch"].number_format == '"khoảng "#,##0.00 "tỷ đồng" "(suy ra)"'
    rate = cells(wb["Thái Nguyên"], "Tăng trưởng giá trị sản xuất công nghiệp", "2024")
    assert (rate["Thực hiện"].value, rate["Thực hiện"].number_format) == (0.08, '"ước "0%')
    stated = cells(wb["Bắc Kạn"], "Dự án cấp mới", "2021–2025")["Kế hoạch"]
    assert (stated.value, stated.number_format) == (20, '"khoảng "#,##0 "dự án"')
    # a figure with no word around it keeps the plain format
    plain = cells(wb["Thái Nguyên"], "Dự án cấp mới", "2023")["Thực hiện"]
    assert (plain.value, plain.number_format) == (48, '#,##0 "dự án"')


def test_report_figures_keep_their_words_in_english(run, tmp_path):
    wb = workbook(run, tmp_path, "report", "--as-of", AS_OF, "--lang", "en")
    implied = cells(wb["Thái Nguyên"], "Total capital attracted (new and added)",
                    "2023")
    assert implied["Target"].number_format == '"over "#,##0.00 "million USD" "(implied)"'
    assert implied["% of plan"].number_format == '"nearly "0.0%'
    output = cells(wb["Thái Nguyên"], "Industrial production value", "2024")
    assert output["Actual"].number_format == '"est. "#,##0 "billion VND"'
    capital = cells(wb["Bắc Giang"], "Total capital attracted (new and added)",
                    "2023")["Actual"]
    assert (capital.value, capital.number_format) == (3000, '"over "#,##0 "million USD"')


def test_a_figure_short_of_its_period_says_to_when(run, project, tmp_path):
    plan = project / "plans" / "bac-giang.toml"
    plan.write_text(plan.read_text(encoding="utf-8") + '''
[[targets]]
id = "bg-2024-new-fdi-projects-plan"
indicator = "new_projects_fdi"
scope = "kcn"
period = "2024"
value = 40
unit = "project"
comparator = "at_least"
source = { document = "seeds/004_8e7fbf8df7b2b99b.txt", quote = "Riêng trong 02 tháng đầu năm 2024, các KCN thu hút mới 8 dự án FDI với số vốn đăng ký 89,53 triệu USD" }
''', encoding="utf-8")
    for lang, words in (("vi", '#,##0 "dự án" "(số liệu đến 29/02/2024)"'),
                        ("en", '#,##0 "projects" "(data to 2024-02-29)"')):
        wb = workbook(run, tmp_path, "report", str(project / "plans"), "-p", "bac-giang",
                      "--as-of", "2024-06-30", "--lang", lang)
        actual = next(c for c in wb.worksheets[1]["J"] if c.value == 8)
        assert actual.number_format == words
        target = next(c for c in wb.worksheets[1]["G"] if c.value == 40)
        assert target.number_format in ('"ít nhất "#,##0 "dự án"', '"at least "#,##0 "projects"')


def test_trend_figures_keep_their_words(run, tmp_path):
    wb = workbook(run, tmp_path, "trend", "industrial_output", "--as-of", AS_OF)
    ws = wb["Xu hướng"]
    point = cells(ws, "Thái Nguyên (tỉnh cũ, đến 30/06/2025)", "2024")
    assert point["Thực hiện"].value == 1030000
    assert point["Thực hiện"].number_format == '"ước "#,##0 "tỷ đồng"'
    assert point["Kế hoạch"].number_format == '"khoảng "#,##0.00 "tỷ đồng" "(suy ra)"'
    assert point["Theo văn bản"].value == pytest.approx(0.08)
    assert point["Theo văn bản"].number_format == '"ước "+0.0%;"ước "-0.0%;"ước "0.0%'
    assert point["Từ ngày"].value == datetime(2024, 1, 1)
    fdi = workbook(run, tmp_path, "trend", "new_projects_fdi", "--as-of", AS_OF, "--lang", "en")
    point = cells(fdi["Trend"], "Thái Nguyên (former province, until 2025-06-30)", "2024")
    assert (point["Target"].value, point["Target"].number_format) == (
        15, '#,##0 "projects" "(implied)"')


@pytest.mark.parametrize("text, literal", [
    ("hơn ", '"hơn "'),
    ('say "0" ', '"say "\\""0"\\"" "'),  # a quote cannot end the literal early
    ("0#,?%;@_*[Red]\\E ", '"0#,?%;@_*[Red]\\E "'),  # format characters, all quoted
])
def test_a_literal_in_a_number_format_is_quoted(text, literal):
    assert format_literal(text) == literal
