"""`kcn-tracker check` on hostile and odd input: a finding or exit 2, never a crash or hang."""

import json
import os
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT

BASE = """# a clean plan that each test breaks in one place
[province]
id = "case"
name = "Tỉnh Thử"

[zones]
thanh-binh = "KCN Thanh Bình"

[[targets]]
id = "t1"
indicator = "new_projects"
scope = "kcn"
period = "2021-2025"
value = 20
unit = "project"
comparator = "about"
source = { document = "seeds/003_7134f92b119c0d58.txt", quote = "thu hút khoảng 20 dự án đầu tư mới" }
"""


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old  # an edit that changes nothing would test nothing
    return text.replace(old, new, 1)
TN_FDI = ("Chỉ tính riêng năm 2024, các KCN của tỉnh thu hút mới 21 dự án đầu tư FDI, "
          "vượt 40% kế hoạch đề ra.")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "plans").mkdir()
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def codes(run, project, text, *args, name="case.toml"):
    (project / "plans" / name).write_text(text, encoding="utf-8")
    result = run("check", str(project / "plans"), "-f", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return [(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]]


def test_the_base_case_is_clean(run, project):
    assert codes(run, project, BASE) == []


@pytest.mark.parametrize("document", ["seeds/a\u0000b.txt", "seeds/a\tb.txt"])
def test_odd_characters_in_a_document_path(run, project, document):
    text = edit(BASE, "seeds/003_7134f92b119c0d58.txt", document.replace("\u0000", "\\u0000")
                        .replace("\t", "\\t"))
    assert {c for c, _ in codes(run, project, text)} <= {"KCN201", "KCN202"}


@pytest.mark.parametrize("old,new,want", [
    ("value = 20\n", "value = 1e40\n", [("KCN103", 14)]),
    ("value = 20\n", "value = 0\n", [("KCN204", 14)]),
    ("value = 20\n", "value = 9223372036854775807\n", [("KCN103", 14)]),
    ('quote = "thu hút khoảng 20 dự án đầu tư mới"', 'quote = " "',
     [("KCN204", 14), ("KCN203", 17)]),
    ('quote = "thu hút khoảng 20 dự án đầu tư mới"', 'quote = "0 dự án"',
     [("KCN204", 14), ("KCN203", 17)]),
])
def test_odd_values_are_findings(run, project, old, new, want):
    assert codes(run, project, edit(BASE, old, new)) == want


def test_a_zero_target_with_an_attainment_does_not_divide_by_zero(run, project):
    case = (ROOT / "tests" / "check_cases" / "KCN301.toml").read_text(encoding="utf-8")
    text = edit(case, "value = 21\nunit = \"project\"\ncomparator",
                "value = 0\nunit = \"project\"\ncomparator")
    assert ("KCN204", 11) in codes(run, project, text)


def test_growth_from_zero_is_not_computed(run, project):
    case = (ROOT / "tests" / "check_cases" / "KCN303.toml").read_text(encoding="utf-8")
    text = edit(case, "value = 972700", "value = 0")
    assert ("KCN303", 30) not in codes(run, project, text)


def test_a_loop_of_links_in_seeds(run, project):
    os.symlink("loop.txt", project / "seeds" / "loop.txt")
    text = edit(BASE, "seeds/003_7134f92b119c0d58.txt", "seeds/loop.txt")
    assert codes(run, project, text) == [("KCN202", 17)]


def test_seeds_that_is_a_link_is_refused(tmp_path, run):
    outside = tmp_path / "outside"
    shutil.copytree(ROOT / "seeds", outside)
    project = tmp_path / "project"
    (project / "plans").mkdir(parents=True)
    os.symlink(outside, project / "seeds")
    assert codes(run, project, BASE) == [("KCN201", 17)]


def test_odd_entries_named_toml_in_plans_are_not_plans(run, project):
    (project / "plans" / "folder.toml").mkdir()
    os.symlink(project / "nowhere", project / "plans" / "dangling.toml")
    os.mkfifo(project / "plans" / "pipe.toml")
    assert codes(run, project, BASE) == []
    result = run("check", str(project / "plans" / "pipe.toml"))
    assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_a_file_named_twice_is_checked_once(run, project):
    (project / "plans" / "case.toml").write_text(BASE, encoding="utf-8")
    result = run("check", str(project / "plans"), str(project / "plans" / "case.toml"))
    assert result.exit_code == 0, result.stdout


def test_deep_nesting_is_a_syntax_finding(run, project):
    text = BASE + "deep = " + "[" * 5000 + "]" * 5000 + "\n"
    assert codes(run, project, text)[0][0] == "KCN001"


def test_a_hostile_line_does_not_hang_the_check(project):
    (project / "plans" / "case.toml").write_text("[" + " " * 50000 + "a\n" + "b" + " ." * 20000,
                                                 encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kcn_tracker", "check", "plans"],
                            cwd=project, capture_output=True, text=True, timeout=20)
    assert result.returncode == 1 and "KCN001" in result.stdout


def test_a_hostile_line_is_checked_in_time_linear_in_its_length(project):
    from linearity import assert_linear_in

    from kcn_tracker.check.run import check_paths

    def make(n):
        path = project / "plans" / f"case-{n}.toml"
        path.write_text("[" + " " * (5 * n) + "a\n" + "b" + " ." * (2 * n), encoding="utf-8")
        return path

    def run(path):
        result = check_paths([path])
        assert [f.problem.code for f in result.findings][:1] == ["KCN001"]

    assert_linear_in(make, run, "check on a hostile line")


def test_a_quote_must_be_whole_words_not_the_tail_of_a_number(run, project):
    text = edit(BASE, 'quote = "thu hút khoảng 20 dự án đầu tư mới"',
                        'quote = "0 dự án đầu tư mới"').replace("value = 20\n", "value = 0\n")
    assert codes(run, project, text) == [("KCN203", 17)]


def test_a_wrong_quote_cannot_be_acknowledged(run, project):
    text = edit(BASE, 'khoảng 20 dự án', 'khoảng 20 dự án lớn').replace(
        "source = {", 'acknowledge = [{ rule = "KCN203", reason = "trust me" }]\nsource = {')
    found = codes(run, project, text, "--strict")
    assert ("KCN103", 17) in found and ("KCN203", 18) in found


def test_whole_number_percentages_are_not_read_as_rough(run, project):
    case = (ROOT / "tests" / "check_cases" / "KCN301.toml").read_text(encoding="utf-8")
    # 21 of a stated 30 is 70 %; a document saying "100%" contradicts it.
    text = edit(edit(case, "value = 21\nunit", "value = 30\nunit"),
                "reported_attainment = { value = 140 }", "reported_attainment = { value = 100 }")
    text = text.replace(f'quote = "{TN_FDI}" }}\n\n[[actuals]]',
                        'quote = "21 dự án đầu tư FDI" }\n\n[[actuals]]')
    assert sorted(c for c, _ in codes(run, project, text)) == ["KCN204", "KCN204", "KCN301"]


def test_line_numbers_survive_unicode_line_separators(run, project):
    text = edit(BASE, 'comparator = "about"', 'note = "a\u2028b\u0085c"\ncomparator = "abot"')
    assert codes(run, project, text) == [("KCN103", 17)]


def test_a_sub_table_is_located_at_its_own_line(run, project):
    text = edit(BASE,
        'source = { document = "seeds/003_7134f92b119c0d58.txt", quote = "thu hút khoảng 20 dự '
        'án đầu tư mới" }',
        '[targets.source]\ndocument = "seeds/003_7134f92b119c0d58.txt"\nquote = "thu hút khoảng '
        '25 dự án đầu tư mới"')
    assert codes(run, project, text) == [("KCN204", 14), ("KCN203", 19)]


def test_an_nfd_quote_reads_like_nfc(run, project):
    case = (ROOT / "tests" / "check_cases" / "KCN113.toml").read_text(encoding="utf-8")
    text = edit(case, '"vượt 40% kế hoạch đề ra"', '"' + unicodedata.normalize(
        "NFD", "thu hút mới 21 dự án đầu tư FDI, vượt 40% kế hoạch đề ra") + '"')
    assert codes(run, project, text) == [("KCN113", 9)]


@pytest.mark.parametrize("quote,value,ok", [
    ("tăng 8% so với cùng kỳ và đạt 92,1% kế hoạch năm", 8, False),  # a growth rate
    ("tăng 8% so với cùng kỳ và đạt 92,1% kế hoạch năm", "92.1", True),
    ("vượt 40% kế hoạch đề ra", 140, True),
    ("vượt 40% kế hoạch đề ra", 40, False),
])
def test_an_attainment_is_a_percentage_of_a_plan(quote, value, ok):
    from decimal import Decimal

    from kcn_tracker.check.provenance import figure_missing

    assert (figure_missing(Decimal(value), "attainment", quote) is None) == ok


@pytest.mark.parametrize("quote,value,unit", [
    ("vốn đăng ký đạt trên 2.150 tỷ VNĐ", 2150, "vnd_billion"),
    ("khoảng 1,2 triệu lao động", 1200000, "person"),
    ("thu hút 40 Triệu USD", 40, "usd_million"),
    ("vượt kế hoạch 40%", 140, "attainment"),
    ("diện tích 73,5 héc-ta", "73.5", "ha"),
])
def test_more_ways_to_write_a_figure(quote, value, unit):
    from decimal import Decimal

    from kcn_tracker.check.provenance import figure_missing

    assert figure_missing(Decimal(value), unit, quote) is None


def test_a_date_is_not_a_figure():
    from decimal import Decimal

    from kcn_tracker.check.provenance import figure_missing

    assert figure_missing(Decimal(12), "project", "ngày 12/8/2021 có 8 dự án")[0] == "KCN204"
    assert figure_missing(Decimal(2025), "project", "giai đoạn 2021 – 2025") is not None


def test_a_broken_structure_does_not_make_acknowledgements_unused(run, project):
    text = edit((ROOT / "plans" / "thai-nguyen.toml").read_text(encoding="utf-8"),
                'name = "Thái Nguyên"', 'name = "Thái Nguyên"\ncolour = 1')
    assert [c for c, _ in codes(run, project, text)] == ["KCN101", "KCN205"]


def test_control_characters_never_reach_the_output_raw(run, project):
    text = edit(BASE, 'comparator = "about"', 'comparator = "about"\n"\\u0001\\u001b[31m" = 1')
    (project / "plans" / "case.toml").write_text(text, encoding="utf-8")
    for fmt in ("text", "github", "junit", "sarif", "json"):
        out = run("check", str(project / "plans"), "-f", fmt).stdout
        assert "\x1b" not in out and "\x01" not in out
    ET.fromstring(run("check", str(project / "plans"), "-f", "junit").stdout.split("?>", 1)[1])


def test_sarif_uris_are_encoded(run, project, monkeypatch):
    folder = project / "pl ans"
    folder.mkdir()
    (folder / "thái,x%.toml").write_text(edit(BASE, "value = 20", "value = 25"),
                                         encoding="utf-8")
    shutil.rmtree(project / "plans")
    monkeypatch.chdir(project)
    sarif = json.loads(run("check", "pl ans", "-f", "sarif").stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "pl%20ans/th%C3%A1i%2Cx%25.toml",
                                            "uriBaseId": "%SRCROOT%"}


def test_junit_skips_what_did_not_run(run, project):
    (project / "plans" / "case.toml").write_text("value = 1 1\n", encoding="utf-8")
    suite = ET.fromstring(run("check", str(project / "plans"), "-f", "junit").stdout
                          .split("?>", 1)[1])
    cases = {c.get("name").split()[0]: c for c in suite.iter("testcase")}
    assert cases["KCN001"].find("failure") is not None
    assert cases["KCN203"].find("skipped") is not None
