"""Below 80 columns nothing the report names is cut: not a figure, a unit, a name or a
file path, in the figures with no target, the pending revocations and the sources."""

import re
from datetime import date

import pytest
from conftest import AS_OF, ROOT

from kcn_tracker.plans.load import load_plans
from kcn_tracker.progress.evaluate import evaluate_plans
from kcn_tracker.project import documents_index
from kcn_tracker.report.cells import actual_cells, document_label, revocation_cells
from kcn_tracker.report.sources import cited, report_sources


def shipped_words(lang: str) -> dict[str, list[str]]:
    """What the report writes of the shipped plans, cell by cell, as the table would."""
    loaded = load_plans([ROOT / "plans"])
    report = evaluate_plans([item.plan for item in loaded], date.fromisoformat(AS_OF),
                            documents=documents_index(item.path for item in loaded))
    figures, labels, revocations = [], [], []
    for province in report.provinces:
        for actual in province.untargeted:
            cells = actual_cells(actual, province.plan, lang)
            figures.append(cells["actual"])
            labels += [cells["indicator"], cells["scope"], cells["period"]]
        for pending in province.unrecovered:
            cells = revocation_cells(pending, province.plan, lang)
            revocations += [province.name, cells["project"], cells["zone"], cells["since"],
                            document_label(cells["source"])]
    documents = cited(report_sources(report), report.documents)
    sources = [text for d in documents for text in (document_label(d.document), d.about(lang),
                                                    d.document) if text]
    return {"figures": figures, "labels": labels, "revocations": revocations,
            "sources": sources}


def joined(text: str) -> str:
    """The output with its line breaks (and so every wrap or fold) taken out."""
    return re.sub(r"\s+", "", text)


def assert_whole(texts: list[str], out: str, width: int) -> None:
    """Below 80 columns each text runs on, line after line, however it wraps; in a table
    (80 columns) a cell wraps on lines of its own beside the others, so each word of it
    stands whole."""
    for text in texts:
        if width < 80:
            assert joined(text) in joined(out), text
        else:
            assert all(part in out.split() for part in text.split()), text


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [20, 40, 50, 80])
def test_the_report_cuts_no_figure_name_or_path(run, width, lang):
    out = run("report", "--as-of", AS_OF, "--lang", lang, "--width", str(width)).stdout
    assert "…" not in out
    assert max(len(line) for line in out.splitlines()) <= width
    words = shipped_words(lang)
    assert {"hơn 3.000 triệu USD", "over 3,000 million USD"} & set(words["figures"])
    flat = re.sub(r"\s+", " ", out)
    for figure in words["figures"]:  # a figure is on one line, or runs on to the next
        assert figure in flat if width >= 80 else joined(figure) in joined(out), figure
    assert_whole(words["labels"] + words["revocations"][1:] + words["sources"], out, width)


@pytest.mark.parametrize("width", [20, 40, 50])
def test_narrow_blocks_keep_each_figure_with_its_words(run, width):
    out = run("report", "--as-of", AS_OF, "-p", "bac-giang", "--width", str(width)).stdout
    lines = "\n".join(line.rstrip() for line in out.splitlines())
    flat = re.sub(r"\s+", " ", out)
    for line in ("Thực hiện: hơn 3.000 triệu USD", "Thực hiện: hơn 190.000 người",
                 "Thực hiện: 487 dự án", "Thực hiện: 424 doanh nghiệp"):
        assert line in flat, line
    if width >= 40:
        assert "Tổng vốn đăng ký thu hút (mới và tăng thêm) · toàn tỉnh · 2023 [004]" in flat
        assert "\nNguồn:\n  004\n    Ban Quản lý các khu công nghiệp tỉnh" in lines
        assert lines.endswith("\n    seeds/004_8e7fbf8df7b2b99b.txt")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [20, 40, 50, 80])
def test_unrecovered_cuts_no_name_or_path(run, width, lang):
    out = run("unrecovered", "--as-of", AS_OF, "--lang", lang,
              env={"COLUMNS": str(width)}).stdout
    assert "…" not in out
    assert max(len(line) for line in out.splitlines()) <= width
    words = shipped_words(lang)
    assert_whole(words["revocations"] + ["seeds/000_72b5589f6330c81a.txt"], out, width)


def test_unrecovered_below_80_columns_is_one_block_a_project(run):
    out = run("unrecovered", "--as-of", AS_OF, "--lang", "en", env={"COLUMNS": "50"}).stdout
    assert [line.rstrip() for line in out.splitlines()] == [
        "Projects whose revocation is not completed, as of",
        "2026-11-22",
        "Dự án đầu tư KCN Vinaxuki",
        "  Thái Nguyên · KCN Vinaxuki · 2024 [000]",
        "Dự án đầu tư KCN Trung Thành",
        "  Thái Nguyên · KCN Trung Thành · 2024 [000]",
        "Dự án đầu tư KCN Điềm Thụy – Khu B",
        "  Thái Nguyên · KCN Điềm Thụy – Khu B · 2024 [000]",
        "Sources:",
        "  000",
        "    about 2024",
        "    seeds/000_72b5589f6330c81a.txt"]


@pytest.mark.parametrize("width", [80, 120, 160])
def test_a_long_name_cuts_no_column_away_from_80_columns(run, project, width):
    """A no_wrap column holding a name took the whole table: at 80 columns a long
    province name left no room for the project and the zone, and was cut itself."""
    plan = project / "plans" / "thai-nguyen.toml"
    name = " ".join(["Thái Nguyên"] * 6)
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        'name = "Thái Nguyên"\n', f'name = "{name}"\n', 1), encoding="utf-8")
    out = run("unrecovered", str(project / "plans"), "--as-of", AS_OF,
              env={"COLUMNS": str(width)}).stdout
    assert "…" not in out
    for text in (name, "Dự án đầu tư KCN Điềm Thụy – Khu B", "KCN Điềm Thụy – Khu B",
                 "seeds/000_72b5589f6330c81a.txt"):
        assert all(part in out.split() for part in text.split()), text
    assert out.count("Vinaxuki") == 2 and out.count("2024") == 4  # title has none


@pytest.mark.parametrize("lang, worst", [
    ("vi", "Giá trị sản xuất công nghiệp 2024: ước 1.030.000 tỷ đồng / khoảng 1.118.349,62 "
           "tỷ đồng (suy ra), 92,1% (-7,9%)"),
    ("en", "Industrial production value 2024: est. 1,030,000 billion VND / about "
           "1,118,349.62 billion VND (implied), 92.1% (-7.9%)")])
@pytest.mark.parametrize("width", [20, 40, 50])
def test_status_below_80_columns_cuts_no_highlight(run, width, lang, worst):
    out = run("status", "--as-of", AS_OF, "--lang", lang, "--width", str(width)).stdout
    assert "…" not in out  # '1,118,349…' and 'overshoo…' before
    assert max(len(line) for line in out.splitlines()) <= width
    assert joined(worst) in joined(out)
    lines = [line.rstrip() for line in out.splitlines()]
    label = {"vi": "Thái Nguyên (cũ) · Chờ thu hồi:", "en": "Thái Nguyên (former) · Pending "
                                                            "revocations:"}[lang]
    assert joined(out).endswith(joined(label) + "3") and lines[-1] == "  3"
