"""Plan files are untrusted input (pull requests): nothing in one, its name included, may
forge CI output, hide text from a reviewer, or pass `check` and then crash another command."""

import json
import os
import shutil
import xml.etree.ElementTree as ET

import pytest
from conftest import AS_OF, ROOT
from test_check_hostile import BASE

REVOCATION = """
[[revocations]]
id = "r1"
name = "Dự án đầu tư KCN Vinaxuki"
zone = "thanh-binh"
status = "pending"
reported = "2024-12"
source = { document = "seeds/000_72b5589f6330c81a.txt", quote = "chưa hoàn thành việc thu hồi dự án đầu tư Khu công nghiệp Vinaxuki" }
"""

# One error at line 13, column 1, in every file these tests name oddly.
BROKEN = BASE.replace('period = "2021-2025"', 'period = "2025-2021"')
PERIOD_ERROR = "KCN109 [error] targets[0].period: period '2025-2021' ends before it starts"
PERIOD_MESSAGE = "targets[0].period: period '2025-2021' ends before it starts"


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old  # an edit that changes nothing would test nothing
    return text.replace(old, new, 1)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "plans").mkdir()
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


@pytest.fixture
def inside(project, monkeypatch):
    """Run from the project, so that paths are shown as plans/<name>."""
    monkeypatch.chdir(project)
    return project


def check(run, *args):
    result = run("check", "plans", *args)
    # Every byte CI reads must be UTF-8, whatever the file names.
    result.stdout_bytes.decode("utf-8")
    return result


def found(run, project, text, *args):
    (project / "plans" / "case.toml").write_text(text, encoding="utf-8")
    result = run("check", str(project / "plans"), "-f", "json", *args)
    return result.exit_code, [(f["code"], f["line"], f["column"])
                              for f in json.loads(result.stdout)["findings"]]


def junit(result) -> ET.Element:
    return ET.fromstring(result.stdout.split("?>", 1)[1])


# 1. File names are data in every format.

FORGING = "x\n::error title=forged::pwned\n::add-mask::secret.toml"
FORGING_SHOWN = "plans/x\\u000a::error title=forged::pwned\\u000a::add-mask::secret.toml"


def test_a_newline_in_a_file_name_forges_no_workflow_command(run, inside):
    (inside / "plans" / FORGING).write_text(BROKEN, encoding="utf-8")
    github = check(run, "-f", "github")
    assert github.exit_code == 1
    assert github.stdout.splitlines() == [
        "::error file=plans/x\\u000a%3A%3Aerror title=forged%3A%3Apwned\\u000a%3A%3Aadd-mask"
        "%3A%3Asecret.toml,line=13,col=1,title=KCN109 invalid-period::" + PERIOD_MESSAGE]
    text = check(run)
    assert text.exit_code == 1
    assert text.stdout.splitlines()[0] == f"{FORGING_SHOWN}:13:1: {PERIOD_ERROR}"
    assert not any(line.startswith("::") for line in text.stdout.splitlines())


ESCAPING = "e\x1b[31m\x01.toml"
ESCAPING_SHOWN = "plans/e\\u001b[31m\\u0001.toml"


def test_control_characters_in_a_file_name_keep_every_format_valid(run, inside):
    (inside / "plans" / ESCAPING).write_text(BROKEN, encoding="utf-8")
    suite = junit(check(run, "-f", "junit"))
    assert {c.get("classname") for c in suite.iter("testcase")} == {ESCAPING_SHOWN}
    assert [f.text for f in suite.iter("failure")] == [f"{ESCAPING_SHOWN}:13:1: KCN109 "
                                                       + PERIOD_MESSAGE]
    assert check(run).stdout.splitlines()[0] == f"{ESCAPING_SHOWN}:13:1: {PERIOD_ERROR}"
    assert json.loads(check(run, "-f", "json").stdout)["files"] == [ESCAPING_SHOWN]
    sarif = json.loads(check(run, "-f", "sarif").stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "plans/e%1B%5B31m%01.toml"
    for fmt in ("text", "github", "junit", "sarif", "json"):
        out = check(run, "-f", fmt).stdout
        assert "\x1b" not in out and "\x01" not in out, fmt


UNDECODABLE = os.fsdecode(b"\xff\xfe.toml")


def test_a_file_name_that_is_not_utf8_is_shown_with_its_bytes(run, inside):
    (inside / "plans" / UNDECODABLE).write_text(BROKEN, encoding="utf-8")
    sarif = check(run, "-f", "sarif")
    assert sarif.exit_code == 1
    location = json.loads(sarif.stdout)["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {
        "uri": "plans/%FF%FE.toml", "uriBaseId": "%SRCROOT%"}
    data = json.loads(check(run, "-f", "json").stdout)
    assert data["files"] == ["plans/\\xff\\xfe.toml"]
    assert [f["file"] for f in data["findings"]] == ["plans/\\xff\\xfe.toml"]
    assert check(run).stdout.splitlines()[0] == f"plans/\\xff\\xfe.toml:13:1: {PERIOD_ERROR}"
    assert check(run, "-f", "github").stdout.startswith(
        "::error file=plans/\\xff\\xfe.toml,line=13,col=1,")
    assert {c.get("classname") for c in junit(check(run, "-f", "junit")).iter("testcase")} == {
        "plans/\\xff\\xfe.toml"}


def test_characters_xml_forbids_are_escaped_in_junit(run, inside):
    text = edit(BASE, 'comparator = "about"', 'comparator = "about"\n"\\uffff\\ufffe" = 1')
    (inside / "plans" / "case.toml").write_text(text, encoding="utf-8")
    result = check(run, "-f", "junit")
    assert result.exit_code == 1
    [failure] = junit(result).iter("failure")
    message = "targets[0].\\uffff\\ufffe: unknown key '\\uffff\\ufffe'; remove it or check its spelling"
    assert failure.get("message") == message
    assert failure.text == f"plans/case.toml:9:1: KCN101 {message}"


# 2. Plan strings hold no control or bidirectional characters.

@pytest.mark.parametrize("old,new,where", [
    ('thanh-binh = "KCN Thanh Bình"', 'thanh-binh = "KCN Thanh \\u202eBình"', (7, 1)),
    ('name = "Tỉnh Thử"', 'name = "Tỉnh\\u0007 Thử"', (4, 1)),
    ('name = "Tỉnh Thử"', 'name = "Tỉnh Thử\\u009b"', (4, 1)),
    ('name = "Dự án đầu tư KCN Vinaxuki"', 'name = "Dự án \u2066đầu tư\u2069 KCN Vinaxuki"',
     (21, 1)),
    ('comparator = "about"', 'comparator = "about"\nnote = "đọc \\u200fthế này"', (17, 1)),
    ('quote = "thu hút khoảng', 'quote = "\\u061cthu hút khoảng', (17, 57)),
    ('id = "t1"', 'id = "t1\\u202d"', (10, 1)),
    ('id = "t1"', 'id = "t1"\nacknowledge = [{ rule = "KCN205", reason = "x\\u200ey" }]', (11, 1)),
    # Each way TOML lets such a character into a string as it is, not escaped: check
    # walks the strings only when the file's text shows one of them.
    ('name = "Tỉnh Thử"', 'name = "Tỉnh\tThử"', (4, 1)),
    ('name = "Tỉnh Thử"', "name = 'Tỉnh\u009bThử'", (4, 1)),
    ('thanh-binh = "KCN Thanh Bình"', "thanh-binh = '''KCN\nThanh Bình'''", (7, 1)),
])
def test_control_and_bidi_characters_in_plan_strings_are_a_finding(run, project, old, new,
                                                                   where):
    text = edit(BASE + REVOCATION, old, new)
    code, findings = found(run, project, text)
    assert code == 1
    assert [f for f in findings if f[0] == "KCN117"] == [("KCN117", *where)]
    assert not [f for f in findings if f[0] == "KCN103"]  # one finding for one character


def test_bidi_and_control_findings_name_the_character(run, inside):
    text = edit(BASE, 'thanh-binh = "KCN Thanh Bình"', 'thanh-binh = "KCN Thanh \u202eBình"')
    text = edit(text, 'name = "Tỉnh Thử"', 'name = "Tỉnh\\u001b Thử"')
    (inside / "plans" / "case.toml").write_text(text, encoding="utf-8")
    result = check(run)
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if "KCN117" in line] == [
        "plans/case.toml:4:1: KCN117 [error] province.name: control character U+001B in the "
        "text; remove it: plan strings hold visible text only",
        "plans/case.toml:7:1: KCN117 [error] zones.thanh-binh: bidirectional control U+202E "
        "in the text; remove it: it makes the text display in another order than it reads",
    ]
    # The offending line is shown with the control escaped, never raw.
    assert '    7 | thanh-binh = "KCN Thanh \\u202eBình"' in result.stdout.splitlines()
    for fmt in ("text", "github", "junit", "sarif", "json"):
        assert "\u202e" not in check(run, "-f", fmt).stdout, fmt


def test_check_messages_never_print_bidi_controls_raw(run, inside):
    text = edit(BASE, 'comparator = "about"', 'comparator = "about"\n"a\u2066b\u202ec" = 1')
    (inside / "plans" / "case.toml").write_text(text, encoding="utf-8")
    result = check(run)
    assert result.stdout.splitlines()[0] == (
        "plans/case.toml:17:1: KCN101 [error] targets[0].a\\u2066b\\u202ec: unknown key "
        "'a\\u2066b\\u202ec'; remove it or check its spelling")
    assert "\u2066" not in result.stdout and "\u202e" not in result.stdout


def test_a_plan_without_hidden_characters_passes(run, project):
    assert found(run, project, BASE + REVOCATION) == (0, [])


def test_only_a_note_may_hold_line_breaks(run, project):
    note = edit(BASE, 'comparator = "about"', 'comparator = "about"\nnote = """a\nb"""')
    assert found(run, project, note) == (0, [])
    tab = edit(BASE, 'comparator = "about"', 'comparator = "about"\nnote = "a\\tb"')
    assert found(run, project, tab) == (1, [("KCN117", 17, 1)])
    name = edit(BASE, 'thanh-binh = "KCN Thanh Bình"', 'thanh-binh = """KCN\nThanh Bình"""')
    assert found(run, project, name) == (1, [("KCN117", 7, 1)])


# 3. Anything check accepts, every command handles: years stay in 1900-2200.

@pytest.mark.parametrize("old,new,line,message", [
    ('period = "2021-2025"', 'period = "0224-01"', 13,
     "targets[0].period: period '0224-01' has a year outside 1900-2200; check it for a typo"),
    ('period = "2021-2025"', 'period = "2021-9025"', 13,
     "targets[0].period: period '2021-9025' has a year outside 1900-2200; check it for a typo"),
    ('reported = "2024-12"', 'reported = "0024-12"', 24,
     "revocations[0].reported: '0024-12' has a year outside 1900-2200; check it for a typo"),
])
def test_a_year_outside_1900_2200_is_a_finding(run, inside, old, new, line, message):
    (inside / "plans" / "case.toml").write_text(edit(BASE + REVOCATION, old, new),
                                                encoding="utf-8")
    result = check(run, "--strict", "-f", "json")
    assert result.exit_code == 1
    assert [(f["code"], f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]
            ] == [("KCN115" if "reported" in old else "KCN109", line, message)]


SUCCESSOR = ('name = "Tỉnh Thử"\nsuccessor = { id = "case-2025", name = "Tỉnh Mới", '
             'since = "0001", basis = "Nghị quyết 202/2025/QH15" }')


def test_a_successor_since_year_0001_is_refused_before_report(run, inside):
    (inside / "plans" / "case.toml").write_text(edit(BASE, 'name = "Tỉnh Thử"', SUCCESSOR),
                                                encoding="utf-8")
    result = check(run, "--strict")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "plans/case.toml:5:52: KCN115 [error] province.successor.since: '0001' has a year "
        "outside 1900-2200; check it for a typo")
    for command in (("report",), ("report", "-f", "markdown"), ("trend", "new_projects")):
        refused = run(*command, "plans", "--as-of", AS_OF)  # a traceback fails the test
        assert refused.exit_code == 1, command
        assert "case.toml:5:52: KCN115" in refused.stderr, command


def test_the_shipped_plans_with_a_typo_year_fail_check_not_report(run, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plans" / "bac-giang.toml"
    plan.write_text(edit(plan.read_text(encoding="utf-8"), 'period = "2024-01..2024-02"',
                         'period = "0224-01"'), encoding="utf-8")
    result = check(run, "--strict", "-f", "json")
    assert result.exit_code == 1
    assert [(f["code"], f["file"], f["line"]) for f in json.loads(result.stdout)["findings"]
            if f["severity"] == "error"] == [("KCN109", "plans/bac-giang.toml", 181)]
    for command in (("report",), ("report", "-f", "markdown"), ("trend", "new_projects_fdi")):
        assert run(*command, "plans", "--as-of", AS_OF).exit_code == 1, command


@pytest.mark.parametrize("period", ["1900", "2200-01-01..2200-12-31", "1900-01..2200-12"])
def test_the_ends_of_the_year_range_are_accepted(run, project, period):
    text = edit(BASE, 'period = "2021-2025"', f'period = "{period}"')
    assert found(run, project, text) == (0, [])


# 4. Amounts up to 10^15, as the model says.

@pytest.mark.parametrize("value", ["1000000000", "999999999999999", "0.000001",
                                   "123456789.123456"])
def test_amounts_below_ten_to_the_fifteen_are_accepted(run, tmp_path, value):
    (tmp_path / "plans").mkdir()
    text = edit(BASE, "value = 20", f"value = {value}")
    text = edit(text, 'unit = "project"', 'unit = "vnd_billion"')
    text = edit(text, 'indicator = "new_projects"', 'indicator = "new_capital"')
    (tmp_path / "plans" / "case.toml").write_text(text, encoding="utf-8")
    result = run("report", str(tmp_path / "plans"), "--as-of", AS_OF, "-f", "json")
    assert result.exit_code == 0, result.output
    [target] = json.loads(result.stdout)["provinces"][0]["targets"]
    assert target["target"]["value"] == json.loads(value)


@pytest.mark.parametrize("value,words", [
    ("1000000000000000", "less than 1000000000000000"),
    ("-1000000000000000", "greater than -1000000000000000"),
    ("1234567890.1234567", "no more than 15 digits in total"),
    ("0.1234567", "no more than 6 decimal places"),
])
def test_amounts_past_the_limit_are_refused(run, project, value, words):
    text = edit(BASE, "value = 20", f"value = {value}")
    (project / "plans" / "case.toml").write_text(text, encoding="utf-8")
    result = run("check", str(project / "plans"), "-f", "json")
    assert result.exit_code == 1
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "KCN103"]
    assert (finding["line"], finding["column"]) == (14, 1)
    assert words in finding["message"]


def test_the_schema_states_the_same_limit():
    schema = json.loads((ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    value = schema["$defs"]["Actual"]["properties"]["value"]
    assert (value["exclusiveMinimum"], value["exclusiveMaximum"]) == (-10**15, 10**15)


# 5. A syntax error at the end of a file still names a line.

def test_a_syntax_error_at_the_end_of_the_file_names_the_last_line(run, inside):
    (inside / "plans" / "x.toml").write_text(BASE + "broken = [\n", encoding="utf-8")
    text = check(run)
    assert text.exit_code == 1
    assert text.stdout.splitlines()[:3] == [
        "plans/x.toml:18:11: KCN001 [error] not valid TOML: Invalid value at the end of the file",
        "   18 | broken = [",
        "      |           ^",
    ]
    assert check(run, "-f", "github").stdout.splitlines() == [
        "::error file=plans/x.toml,line=18,col=11,title=KCN001 toml-syntax::not valid TOML: "
        "Invalid value at the end of the file"]


def test_a_syntax_error_at_the_end_without_a_final_newline(run, project):
    assert found(run, project, BASE + "broken = [") == (1, [("KCN001", 18, 11)])
    assert found(run, project, BASE + 'x = "') == (1, [("KCN001", 18, 6)])
