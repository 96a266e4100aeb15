"""Documents in every format a board receives read as the same figures as the UTF-8 text."""

import json

import pytest
from conftest import ROOT
from fixtures.make_documents import SEED, font, make_docx

from kcn_tracker.extract.readers import read_text


@pytest.fixture
def made(documents):
    return documents


def figures(run, path):
    result = run("extract", "-f", "json", str(path))
    assert result.exit_code == 0, result.output
    return [(q["value"], q["unit"], q["role"], q["period"])
            for q in json.loads(result.stdout)["documents"][0]["quantities"]]


@pytest.mark.parametrize("kind", ["docx", "pdf", "html", "utf16", "cp1258"])
def test_every_format_gives_the_figures_of_the_text(run, made, kind):
    if kind not in made:
        pytest.skip("no TrueType font with Vietnamese letters: pip install font-roboto")
    expected = figures(run, SEED)
    assert len(expected) == 16
    assert figures(run, made[kind]) == expected


def test_the_rendition_is_nfc_without_page_furniture(made):
    import unicodedata

    for kind in ("html", "cp1258", "docx") + (("pdf",) if "pdf" in made else ()):
        text, _ = read_text(made[kind])
        assert unicodedata.is_normalized("NFC", text), kind
        for furniture in ("Trang chủ", "99 dự án", "48 dự án mới", "Giấy phép", "Trang 1",
                          "Báo cáo của Ban", "TRANG ĐẦU", "Thái Nguyên 2025"):
            assert furniture not in text, (kind, furniture)
        assert "giá trị sản xuất công nghiệp của tỉnh ước đạt 1,03 triệu tỷ đồng" in text


def test_metadata_is_what_the_document_states(made):
    assert read_text(made["html"])[1] == {
        "title": "Thái Nguyên: thu hút đầu tư vào các khu công nghiệp năm 2024",
        "publisher": "Báo Thái Nguyên", "published": "2025-01-03"}
    assert read_text(made["docx"])[1] == {
        "title": "Thái Nguyên: thu hút đầu tư vào các khu công nghiệp năm 2024",
        "author": "Hoàng Cường"}
    assert read_text(made["cp1258"])[1] == {}


def test_a_scan_is_refused(run, made):
    result = run("extract", str(made["scan"]))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("scan.pdf: no text in this PDF: it needs OCR first")


@pytest.mark.skipif(font() is None, reason="no TrueType font with Vietnamese letters")
def test_a_figure_wrapped_over_two_lines_is_one_figure(run, tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("body", fname=str(font()))
    pdf.set_font("body", size=11)
    pdf.add_page()
    for i, line in enumerate(["Năm 2023, tổng vốn đăng ký của các dự án mới đạt 291,2",
                              "triệu USD, vượt 40% kế hoạch."]):
        pdf.text(20, 30 + 6 * i, line)
    pdf.output(str(tmp_path / "wrapped.pdf"))
    assert figures(run, tmp_path / "wrapped.pdf") == [
        (291.2, "usd_million", "actual", "2023"), (40, "percent", "attainment", "2023")]


def test_tables_are_one_row_a_line(run, tmp_path):
    rows = [["Chỉ tiêu", "Kế hoạch", "Thực hiện", "%"],
            ["Dự án mới năm 2024", "15 dự án", "21 dự án", "140%"]]
    path = make_docx("Kết quả thu hút đầu tư năm 2024.", tmp_path / "t.docx", rows)
    text, _ = read_text(path)
    assert "Chỉ tiêu | Kế hoạch | Thực hiện | %\n\nDự án mới năm 2024 | 15 dự án | 21 dự án | 140%" \
        in text
    html = tmp_path / "t.html"
    html.write_text("<table><tr><th>Chỉ tiêu</th><th>Kế hoạch</th></tr><tr><td>Dự án "
                    "<b>mới</b></td><td>15 dự án</td></tr></table>", encoding="utf-8")
    assert read_text(html)[0] == "Chỉ tiêu | Kế hoạch\n\nDự án mới | 15 dự án\n"
    values = [v for v, *_ in figures(run, path)]
    assert values == [15, 21, 140]


@pytest.mark.parametrize("text, name", [
    ("Khu c«ng nghiÖp Th¸i Nguyªn ®· thu hót 21 dù ¸n ®Çu t­ míi, v­ît 40% kÕ ho¹ch.",
     "TCVN3 (ABC)"),
    ("Khu coâng nghieäp Thaùi Nguyeân ñaõ thu huùt 21 döï aùn ñaàu tö môùi, vöôït 40% keá "
     "hoaïch.", "VNI"),
])
@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_legacy_font_encodings_are_refused_by_name(run, tmp_path, text, name, encoding):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    result = run("extract", str(path))
    assert result.exit_code == 2
    assert f"the text is in the {name} font encoding" in result.stderr


def test_the_shipped_seeds_are_not_taken_for_legacy_text(run):
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        assert run("extract", str(seed)).exit_code == 0


def test_a_utf16_file_without_its_mark_is_read(run, tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes("Năm 2024 thu hút 21 dự án FDI, vượt 40% kế hoạch.".encode("utf-16-le"))
    assert [v for v, *_ in figures(run, path)] == [21, 40]
