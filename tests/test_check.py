"""`kcn-tracker check` through the CLI: one broken plan file per rule, exact codes and lines."""

import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT

from kcn_tracker.findings import RULES, Severity

CASES = sorted((ROOT / "tests" / "check_cases").glob("*.toml"))


def expected(case: Path) -> set[tuple[str, int | None]]:
    header = case.read_text(encoding="utf-8").splitlines()[0]
    return {(code, None if line == "-" else int(line))
            for code, line in re.findall(r"(KCN\d{3})@(\d+|-)", header)}


INDEX_CASE = "in seeds/index.toml"  # the case is the project's index, beside a valid plan


@pytest.fixture
def project(tmp_path):
    """An empty project with the real seeds: plans/ to fill, seeds/ as shipped."""
    (tmp_path / "plans").mkdir()
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def check(run, *args):
    return run("check", *args)


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_each_rule_reports_its_code_line_and_exit_code(run, project, case):
    if INDEX_CASE in case.read_text(encoding="utf-8").splitlines()[0]:
        shutil.copy(ROOT / "plans" / "bac-kan.toml", project / "plans")
        shutil.copy(case, project / "seeds" / "index.toml")
    else:
        shutil.copy(case, project / "plans" / case.name)
    result = check(run, str(project / "plans"), "--format", "json")
    found = {(f["code"], f["line"]) for f in findings(result)}
    assert found == expected(case)
    severities = {RULES[code].severity for code, _ in found}
    want = 1 if Severity.ERROR in severities else 0
    assert result.exit_code == want
    strict = check(run, str(project / "plans"), "--strict")
    assert strict.exit_code == (1 if severities & {Severity.ERROR, Severity.WARNING} else 0)


def test_every_rule_has_a_case_or_a_test_of_its_own():
    # Need bytes or two files: tested below, KCN116 in test_meeting.py, KCN213 in
    # test_security.py.
    own_tests = {"KCN002", "KCN114", "KCN116", "KCN213"}
    assert {c.stem for c in CASES} | own_tests == set(RULES)


def test_not_utf8(run, project):
    (project / "plans" / "bad.toml").write_bytes(b'[province]\nid = "x"\nname = "\xff"\n')
    result = check(run, str(project / "plans"), "-f", "json")
    assert [(f["code"], f["line"]) for f in findings(result)] == [("KCN002", 3)]
    assert result.exit_code == 1


def test_two_files_for_one_province(run, project):
    for name in ("a.toml", "b.toml"):
        shutil.copy(ROOT / "plans" / "bac-kan.toml", project / "plans" / name)
    result = check(run, str(project / "plans"), "-f", "json")
    assert [(f["code"], f["file"].rsplit("/", 1)[1], f["line"]) for f in findings(result)] == [
        ("KCN114", "b.toml", 10)]


@pytest.mark.parametrize("document", [
    "/etc/passwd", "seeds/../../outside.txt", "../seeds/003_7134f92b119c0d58.txt",
    "plans/bac-kan.toml", "seeds\\\\003_7134f92b119c0d58.txt", "C:\\\\seeds\\\\x.txt",
])
def test_documents_outside_seeds_are_refused_by_name(run, project, document):
    text = (ROOT / "tests" / "check_cases" / "KCN204.toml").read_text(encoding="utf-8")
    text = re.sub(r'document = "[^"]+"', lambda _: f'document = "{document}"', text)
    (project / "plans" / "case.toml").write_text(text, encoding="utf-8")
    codes = [f["code"] for f in findings(check(run, str(project / "plans"), "-f", "json"))]
    assert "KCN201" in codes


def test_a_link_out_of_seeds_is_refused_without_reading_it(run, project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("khoảng 20 dự án", encoding="utf-8")
    os.symlink(outside, project / "seeds" / "link.txt")
    text = (ROOT / "tests" / "check_cases" / "KCN204.toml").read_text(encoding="utf-8")
    text = re.sub(r'document = "[^"]+"', 'document = "seeds/link.txt"', text)
    (project / "plans" / "case.toml").write_text(text, encoding="utf-8")
    result = check(run, str(project / "plans"), "-f", "json")
    codes = {f["code"] for f in findings(result)}
    assert "KCN201" in codes and "KCN203" not in codes


def test_a_directory_is_not_a_document(run, project):
    (project / "seeds" / "folder.txt").mkdir()
    text = (ROOT / "tests" / "check_cases" / "KCN204.toml").read_text(encoding="utf-8")
    text = re.sub(r'document = "[^"]+"', 'document = "seeds/folder.txt"', text)
    (project / "plans" / "case.toml").write_text(text, encoding="utf-8")
    codes = {f["code"] for f in findings(check(run, str(project / "plans"), "-f", "json"))}
    assert "KCN202" in codes


TEN_PROBLEMS = '''[province]
id = "ten"
name = "Mười"
colour = "red"

[[targets]]
id = "t1"
indicator = "new_project"
scope = "kcn"
period = "2021-2025"
value = 20
unit = "project"
comparator = "about"
source = { document = "seeds/003_7134f92b119c0d58.txt", quote = "khoảng 20 dự án đầu tư mới" }

[[targets]]
id = "t2"
indicator = "new_capital"
scope = "ha-noi"
period = "2025-2021"
value = 2150
unit = "vnd_billion"
comparator = "over"
source = { document = "seeds/003_7134f92b119c0d58.txt", quote = "vốn đăng ký đạt trên 2.510 tỷ đồng" }

[[actuals]]
id = "t2"
indicator = "new_projects"
scope = "kcn"
period = "2022"
value = 2.5
unit = "project"
source = { document = "seeds/../../etc/passwd", quote = "x" }

[[actuals]]
id = "a2"
indicator = "workers"
scope = "kcn"
period = "2022"
value = 1000
unit = "ha"
source = { document = "seeds/nothing.txt", quote = "khoảng 1.000 người" }
'''


def test_ten_problems_in_one_file_are_all_reported_in_one_run(run, project):
    (project / "plans" / "ten.toml").write_text(TEN_PROBLEMS, encoding="utf-8")
    result = check(run, str(project / "plans"), "-f", "json")
    found = sorted((f["code"], f["line"]) for f in findings(result))
    assert found == [
        ("KCN101", 4),   # unknown key
        ("KCN104", 8),   # unknown indicator
        ("KCN106", 41),  # ha does not measure workers
        ("KCN108", 31),  # 2.5 projects
        ("KCN109", 20),  # period ends before it starts
        ("KCN110", 27),  # id t2 used twice
        ("KCN111", 19),  # unknown scope
        ("KCN201", 33),  # document outside seeds
        ("KCN202", 42),  # document missing
        ("KCN203", 24),  # quote not in the document
        ("KCN204", 21),  # 2150 not in the quote (it says 2.510)
        ("KCN204", 31),  # 2.5 not in the quote
        ("KCN204", 40),  # the quote gives 1.000 people, not hectares
    ]
    assert result.exit_code == 1


FORMATS = ("text", "json", "github", "junit", "sarif")


@pytest.fixture
def broken(project):
    for name in ("KCN203.toml", "KCN303.toml"):
        text = (ROOT / "tests" / "check_cases" / name).read_text(encoding="utf-8")
        (project / "plans" / name).write_text(text.replace('id = "case"',
                                                           f'id = "{name[:6].lower()}"'),
                                              encoding="utf-8")
    return project


def test_the_same_findings_in_all_five_formats(run, broken, monkeypatch):
    monkeypatch.chdir(broken)
    out = {fmt: check(run, "plans", "--format", fmt) for fmt in FORMATS}
    assert {r.exit_code for r in out.values()} == {1}
    want = [("KCN203", "plans/KCN203.toml", 17), ("KCN303", "plans/KCN303.toml", 30)]

    text = out["text"].stdout
    assert [(c, f, int(n)) for f, n, c in re.findall(
        r"^(plans/\S+\.toml):(\d+):\d+: (KCN\d{3})", text, re.M)] == want
    assert "2 plan files checked: 1 error, 1 warning, 0 info, 0 acknowledged; failed" in text

    data = json.loads(out["json"].stdout)
    assert [(f["code"], f["file"], f["line"]) for f in data["findings"]] == want

    github = out["github"].stdout.splitlines()
    assert [(c, f, int(n)) for f, n, c in (re.match(
        r"::\w+ file=([^,]+),line=(\d+),col=\d+,title=(KCN\d{3})", g).groups()
        for g in github)] == want
    assert github[1].startswith("::warning ")

    sarif = json.loads(out["sarif"].stdout)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in results] == want
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)

    suite = ET.fromstring(out["junit"].stdout.split("?>", 1)[1])
    failed = [(c.get("name").split()[0], c.get("classname")) for c in suite.iter("testcase")
              if c.find("failure") is not None]
    assert failed == [("KCN203", "plans/KCN203.toml")]  # a warning fails only with --strict
    assert len(list(suite.iter("testcase"))) == 2 * len(RULES)
    strict = ET.fromstring(check(run, "plans", "-f", "junit", "--strict").stdout.split("?>", 1)[1])
    assert len([c for c in strict.iter("testcase") if c.find("failure") is not None]) == 2


def test_github_annotations_escape_what_would_break_them():
    from kcn_tracker.check.formats.github_format import escape_data, escape_property

    assert escape_data("100% done\nnext") == "100%25 done%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_acknowledged_findings_are_listed_and_do_not_fail(run, project):
    text = (ROOT / "tests" / "check_cases" / "KCN303.toml").read_text(encoding="utf-8")
    text = text.replace('source = { document = "seeds/002_c1cdc5075e27b6e5.txt", '
                        'quote = "tăng 8% so với cùng kỳ" }',
                        'source = { document = "seeds/002_c1cdc5075e27b6e5.txt", '
                        'quote = "tăng 8% so với cùng kỳ" }\nacknowledge = [{ rule = "KCN303", '
                        'reason = "the article says 8 %" }]')
    (project / "plans" / "case.toml").write_text(text, encoding="utf-8")
    result = check(run, str(project / "plans"), "--strict")
    assert result.exit_code == 0
    assert "KCN303 [warning, acknowledged: the article says 8 %]" in result.stdout
    sarif = json.loads(check(run, str(project / "plans"), "-f", "sarif").stdout)
    assert sarif["runs"][0]["results"][0]["suppressions"] == [
        {"kind": "inSource", "justification": "the article says 8 %"}]
    github = check(run, str(project / "plans"), "-f", "github").stdout
    assert github.startswith("::notice ")


def test_shipped_plans_pass_strict_and_find_the_real_inconsistencies(run):
    result = check(run, "plans", "--strict", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    acknowledged = {(f["code"], f["file"]) for f in data["findings"] if f["acknowledged"]}
    assert acknowledged == {("KCN303", "plans/thai-nguyen.toml"),
                            ("KCN205", "plans/thai-nguyen.toml")}
    growth = next(f for f in data["findings"] if f["code"] == "KCN303")
    assert "972.700 (2023) to 1.030.000 (2024) is 5,9%, the text says 8%" in growth["message"]
    implied = [f["message"] for f in data["findings"] if f["code"] == "KCN304"]
    assert any("297,86 triệu USD" in m for m in implied)
    assert any("1.118.349,62 tỷ đồng" in m for m in implied)


def test_text_format_shows_the_line_with_a_marker(run, project):
    shutil.copy(ROOT / "tests" / "check_cases" / "KCN105.toml", project / "plans")
    out = check(run, str(project / "plans")).stdout.splitlines()
    assert out[1] == '   15 | unit = "projects"'
    assert out[2] == "      | ^~~~"


def test_a_path_that_does_not_exist_cannot_run(run, tmp_path):
    result = check(run, str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr


def test_a_bad_option_cannot_run(run):
    assert check(run, "--format", "xml").exit_code == 2
