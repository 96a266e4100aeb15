"""Bad input: a clear message with file and line, a non-zero exit, never a traceback."""

from pathlib import Path

import pytest
from conftest import AS_OF


def write(tmp_path: Path, text: str, name: str = "test.toml") -> Path:
    plans = tmp_path / "plans"
    plans.mkdir(exist_ok=True)
    (plans / name).write_text(text, encoding="utf-8")
    return plans


GOOD = '''\
[province]
id = "test"
name = "Tỉnh Thử"

[[targets]]
id = "t1"
indicator = "new_projects"
scope = "kcn"
period = "2022"
value = 3
unit = "project"
comparator = "at_least"
source = { document = "seeds/x.txt", quote = "ít nhất 3 dự án" }
'''


def check_error(run, plans: Path, expected: str, code: int = 1) -> str:
    result = run("report", str(plans), "--as-of", AS_OF)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert expected in result.stderr, result.stderr
    return result.stderr


def test_a_good_plan_reports(run, tmp_path):
    result = run("report", str(write(tmp_path, GOOD)), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("old,new,where,words", [
    ('unit = "project"', 'unit = "projects"', ":11:1:", "unknown unit 'projects'. Did you mean 'project'?"),
    ('indicator = "new_projects"', 'indicator = "new_project"', ":7:1:", "Did you mean 'new_projects'?"),
    ('comparator = "at_least"', 'comparator = "at_least"\ncolour = "red"', ":13:1:", "unknown key 'colour'"),
    ('period = "2022"', 'period = "2022-2020"', ":9:1:", "ends before it starts"),
    ('period = "2022"', 'period = "2022-02-30"', ":9:1:", "does not exist"),
    ('period = "2022"', 'period = "năm 2022"', ":9:1:", "is not one of the forms"),
    ('period = "2022"', 'period = 2022', ":9:1:", "targets[0].period"),
    ('scope = "kcn"', 'scope = "thanh-binh"', ":8:1:", "'thanh-binh' is not a zone of this plan"),
    ('value = 3', 'value = -3', ":10:1:", "is negative"),
    ('unit = "project"', 'unit = "usd_million"', ":11:1:", "'usd_million' does not measure 'new_projects'"),
    ('comparator = "at_least"\n', '', ":5:1:", "required key 'comparator' is missing"),
    ('quote = "ít nhất 3 dự án"', 'quote = ""', ":13:38:", "targets[0].source.quote"),
    ('value = 3', 'value = nan', ":10:1:", "finite number"),
    ('value = 3', 'value = 1e400', ":10:1:", "less than 1000000000000000"),
    ('value = 3', 'value = true', ":10:1:", "targets[0].value"),
    ('value = 3', 'value = "2.150"', ":10:1:", "write the figure as a TOML number without quotes"),
    ('value = 3', 'value = 2.5', ":10:1:", "2.5 project is not a whole number"),
    ('value = 3', 'value = 0.1234567', ":10:1:", "no more than 6 decimal places"),
    ('period = "2022"', 'period = "2022-04-16"', ":9:1:", "needs a period, not one day"),
    ('value = 3\n', 'origin = "implied"\nreported_attainment = { value = 0 }\n', ":11:25:",
     "greater than 0"),
])
def test_structure_errors_name_file_line_and_fix(run, tmp_path, old, new, where, words):
    plans = write(tmp_path, GOOD.replace(old, new, 1))
    err = check_error(run, plans, words)
    assert f"test.toml{where}" in err


REVOCATION = '''
[[revocations]]
id = "r1"
name = "Dự án KCN Vinaxuki"
status = "pending"
reported = "{reported}"
source = {{ document = "seeds/x.txt", quote = "chưa hoàn thành việc thu hồi" }}
'''


@pytest.mark.parametrize("reported,words", [
    ("2024-13", "'2024-13' is not a date that exists"),
    ("2024-02-30", "'2024-02-30' is not a date that exists"),
    ("early 2024", 'is not a date of the form "2024", "2024-01" or "2024-01-15"'),
])
def test_a_revocation_date_that_does_not_exist(run, tmp_path, reported, words):
    plans = write(tmp_path, GOOD + REVOCATION.format(reported=reported))
    err = check_error(run, plans, words)
    assert "test.toml:19:1:" in err


def test_toml_syntax_error_gives_the_parser_line(run, tmp_path):
    plans = write(tmp_path, GOOD.replace('value = 3', 'value = 3 3'))
    err = check_error(run, plans, "not valid TOML")
    assert "test.toml:10:" in err


def test_every_problem_is_listed_in_one_run(run, tmp_path):
    text = GOOD.replace('unit = "project"', 'unit = "x"') + "\n[extra]\n"
    err = check_error(run, write(tmp_path, text), "2 problems in plan files")
    assert "unknown unit 'x'" in err and "unknown key 'extra'" in err


def test_duplicate_ids_point_at_the_second(run, tmp_path):
    text = GOOD + GOOD.split("\n\n", 1)[1]
    err = check_error(run, write(tmp_path, text), "id 't1' is already used by targets[0]")
    assert "test.toml:15:1:" in err


def test_implied_target_needs_an_actual_to_derive_from(run, tmp_path):
    text = GOOD.replace('value = 3\n', 'origin = "implied"\nreported_attainment = { value = 140 }\n')
    check_error(run, write(tmp_path, text), "no actual with indicator 'new_projects'")


def test_same_province_in_two_files_is_refused(run, tmp_path):
    write(tmp_path, GOOD, "a.toml")
    plans = write(tmp_path, GOOD, "b.toml")
    check_error(run, plans, "province id 'test' is also used by")


def test_not_utf8_is_refused_with_its_line(run, tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "test.toml").write_bytes(GOOD.encode() + b'\n# \xff\n')
    err = check_error(run, plans, "not UTF-8 text")
    assert "test.toml:15:" in err


def test_empty_plans_directory_cannot_run(run, tmp_path):
    result = run("report", str(tmp_path))
    assert result.exit_code == 2
    assert "no plan files (*.toml) in this directory" in result.stderr


def test_missing_plans_directory_cannot_run(run, tmp_path):
    result = run("report", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr


def test_unknown_province_lists_the_known_ones(run):
    result = run("report", "--province", "ha-noi")
    assert result.exit_code == 2
    assert "no plan for province 'ha-noi'" in result.stderr
    assert "thai-nguyen (Thái Nguyên)" in result.stderr


def test_bad_as_of_date(run):
    result = run("report", "--as-of", "31/13/2025")
    assert result.exit_code == 2
    assert "write it as 2025-12-31 or 31/12/2025" in result.stderr


def test_bad_option_value_is_a_usage_error(run):
    result = run("report", "--format", "pdf")
    assert result.exit_code == 2
