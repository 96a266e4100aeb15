"""What real reports say, the plan model holds: an annual plan reached part-way through
the year, a plan stated as a range, revised figures, two figures for one thing, what is
still needed and how fast. Each through `record`, `check` and `report`, with exact figures."""

import hashlib
import json
import shutil

import pytest
from conftest import AS_OF, ROOT, read_csv

DOC = "seeds/005_bao_cao_2023.txt"
TEXT = """Báo cáo kết quả thu hút đầu tư vào các KCN của tỉnh

6 tháng đầu năm 2023, các KCN thu hút 126 triệu USD vốn đầu tư, đạt 63% kế hoạch năm.
Năm 2024, tỉnh phấn đấu thu hút từ 120-150 triệu USD vốn đăng ký mới vào các KCN.
Năm 2024, các KCN thu hút 132 triệu USD vốn đăng ký mới.
Năm 2023, các KCN ước đạt 12 dự án cấp mới.
Năm 2023, các KCN thực tế cấp mới 13 dự án.
Năm 2025, các KCN phấn đấu thu hút 20 dự án cấp mới.
6 tháng đầu năm 2025, các KCN đã thu hút 8 dự án cấp mới.
Số liệu chính thức 6 tháng đầu năm 2023, các KCN thu hút 130 triệu USD vốn đầu tư.
Năm 2025, các KCN phấn đấu có ít nhất 5 dự án còn hiệu lực.
Đến 30/6/2025, các KCN có 8 dự án còn hiệu lực.
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    for folder in ("plans", "seeds", "schema"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    document = tmp_path / "seeds" / "005_bao_cao_2023.txt"
    document.write_text(TEXT, encoding="utf-8")
    digest = hashlib.sha256(document.read_bytes()).hexdigest()
    with open(tmp_path / "seeds" / "index.toml", "a", encoding="utf-8") as index:
        index.write(f'\n[[documents]]\nfile = "005_bao_cao_2023.txt"\nsha256 = "{digest}"\n'
                    'province = "bac-kan"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def record(run, kind, *args):
    result = run("record", kind, "plans/bac-kan.toml", "--document", DOC, *args)
    assert result.exit_code == 0, result.output
    return result


def report_json(run, as_of="2026-11-22") -> dict:
    result = run("report", "plans", "-p", "bac-kan", "--as-of", as_of, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["provinces"][0]


def by_id(items, id_):
    return next(i for i in items if i["id"] == id_)


def test_a_half_year_attainment_implies_the_plan_of_the_whole_year(run, project):
    record(run, "actual", "--indicator", "total_capital_attracted", "--period",
           "2023-01..2023-06", "--value", "126", "--unit", "usd_million", "--quote",
           "6 tháng đầu năm 2023, các KCN thu hút 126 triệu USD vốn đầu tư")
    record(run, "target", "--indicator", "total_capital_attracted", "--period", "2023",
           "--attainment", "63", "--attainment-period", "2023-01..2023-06", "--unit",
           "usd_million", "--id", "plan-2023", "--quote",
           "các KCN thu hút 126 triệu USD vốn đầu tư, đạt 63% kế hoạch năm")
    text = (project / "plans" / "bac-kan.toml").read_text(encoding="utf-8")
    assert ('reported_attainment = { value = 63, period = "2023-01..2023-06" }' in text)
    assert run("check", "plans", "--strict").exit_code == 0
    target = by_id(report_json(run, as_of="2023-08-01")["targets"], "plan-2023")
    assert target["period"]["text"] == "2023"
    assert target["target"]["value"] == 200
    assert target["target"]["reported_attainment_pct"] == 63
    assert target["target"]["reported_attainment_period"] == "2023-01..2023-06"
    # Half the year known, 126 of 200 reached: 63 %, ahead of the 50 % the half needs.
    assert (target["attainment_pct"], target["status"]) == (63, "on_track")
    assert target["remaining"] == {"value": 74, "unit": "usd_million", "qualifier": "exact"}
    assert target["pace_needed"] == {"value": 12.24, "unit": "usd_million", "per": "month"}
    # Before the half-year's figure is known, neither the plan nor the figure is.
    early = by_id(report_json(run, as_of="2023-05-31")["targets"], "plan-2023")
    assert (early["target"]["value"], early["status"]) == (None, "no_data")


def test_an_attainment_period_outside_the_target_is_refused(run, project):
    result = run("record", "target", "plans/bac-kan.toml", "--document", DOC, "--indicator",
                 "total_capital_attracted", "--period", "2023", "--attainment", "63",
                 "--attainment-period", "2024-01..2024-06", "--unit", "usd_million",
                 "--quote", "các KCN thu hút 126 triệu USD vốn đầu tư, đạt 63% kế hoạch năm")
    assert result.exit_code == 1
    assert "is not within the target's period '2023'" in result.output


def _range_plan(run):
    record(run, "target", "--indicator", "new_capital", "--period", "2024", "--value", "120",
           "--value-max", "150", "--unit", "usd_million", "--id", "range-2024", "--quote",
           "tỉnh phấn đấu thu hút từ 120-150 triệu USD vốn đăng ký mới vào các KCN")
    record(run, "actual", "--indicator", "new_capital", "--period", "2024", "--value", "132",
           "--unit", "usd_million", "--quote",
           "Năm 2024, các KCN thu hút 132 triệu USD vốn đăng ký mới")


def test_a_plan_stated_as_a_range_is_met_within_it(run, project):
    _range_plan(run)
    text = (project / "plans" / "bac-kan.toml").read_text(encoding="utf-8")
    assert "value = 120\nvalue_max = 150\nunit = \"usd_million\"\ncomparator = \"between\"" in text
    assert run("check", "plans", "--strict").exit_code == 0
    target = by_id(report_json(run)["targets"], "range-2024")
    assert (target["target"]["value"], target["target"]["value_max"]) == (120, 150)
    assert (target["attainment_pct"], target["status"]) == (110, "met")
    assert target["remaining"] is None and target["excess"] is None
    table = run("report", "plans", "-p", "bac-kan", "--as-of", "2026-11-22",
                env={"COLUMNS": "160"})
    assert "120–150 triệu USD" in table.output
    markdown = run("report", "plans", "-p", "bac-kan", "--as-of", "2026-11-22", "-f", "markdown")
    assert "| 120–150 triệu USD | 132 triệu USD | 110% |" in markdown.output


def test_above_the_range_is_exceeded_by_the_amount_over_its_top(run, project):
    _range_plan(run)
    plan = project / "plans" / "bac-kan.toml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("value = 132", "value = 160")
                    .replace("132 triệu USD", "160 triệu USD"), encoding="utf-8")
    (project / "seeds" / "005_bao_cao_2023.txt").write_text(
        TEXT.replace("132 triệu USD", "160 triệu USD"), encoding="utf-8")
    target = by_id(report_json(run)["targets"], "range-2024")
    assert (target["status"], target["excess"]) == ("exceeded",
                                                    {"value": 10, "unit": "usd_million",
                                                     "qualifier": "exact"})


def test_remaining_and_excess_are_as_exact_as_the_figures_they_come_from(run, project):
    """"hơn 160" past a range of 120–150 is past it by "hơn 10"; "hơn 150" by an unknown
    amount, so no excess is stated; a plan of "khoảng" leaves "khoảng" to go."""
    _range_plan(run)
    plan = project / "plans" / "bac-kan.toml"
    for figure, excess in (("160", {"value": 10, "unit": "usd_million", "qualifier": "over"}),
                           ("150", None)):
        plan.write_text(plan.read_text(encoding="utf-8").replace(
            "value = 132\n", f'value = {figure}\nqualifier = "over"\n', 1).replace(
            "132 triệu USD", f"hơn {figure} triệu USD"), encoding="utf-8")
        (project / "seeds" / "005_bao_cao_2023.txt").write_text(
            TEXT.replace("132 triệu USD", f"hơn {figure} triệu USD"), encoding="utf-8")
        target = by_id(report_json(run)["targets"], "range-2024")
        assert (target["status"], target["excess"]) == ("exceeded", excess)
        plan.write_text(plan.read_text(encoding="utf-8").replace(
            f'value = {figure}\nqualifier = "over"\n', "value = 132\n").replace(
            f"hơn {figure} triệu USD", "132 triệu USD"), encoding="utf-8")
    md = run("report", "--as-of", AS_OF, "-p", "thai-nguyen", "-f", "markdown").stdout
    assert "| vượt khoảng 119,14 triệu USD |" in md  # "hơn 417" past "hơn 297,86"
    assert "| còn thiếu khoảng 88.349,62 tỷ đồng |" in md  # a plan implied from an estimate


def test_a_second_different_count_is_refused_until_it_says_it_revises(run, project):
    record(run, "actual", "--indicator", "new_projects", "--period", "2023", "--value", "12",
           "--unit", "project", "--estimated", "--qualifier", "about", "--id", "estimate-2023",
           "--quote", "Năm 2023, các KCN ước đạt 12 dự án cấp mới")
    plan = project / "plans" / "bac-kan.toml"
    before = plan.read_bytes()
    second = ["record", "actual", "plans/bac-kan.toml", "--document", DOC, "--indicator",
              "new_projects", "--period", "2023", "--value", "13", "--unit", "project",
              "--id", "final-2023", "--quote", "Năm 2023, các KCN thực tế cấp mới 13 dự án"]
    refused = run(*second)
    assert refused.exit_code == 1
    assert "KCN119" in refused.output and '--supersedes estimate-2023' in refused.output
    assert plan.read_bytes() == before
    assert run(*second, "--supersedes", "estimate-2023").exit_code == 0
    province = report_json(run)
    assert [a["id"] for a in province["actuals"] if a["period"]["text"] == "2023"] == [
        "final-2023"]
    assert province["superseded"] == [{
        "section": "actuals", "superseded_by": "final-2023",
        "entry": by_id([s["entry"] for s in province["superseded"]], "estimate-2023")}]
    table = run("report", "plans", "-p", "bac-kan", "--as-of", "2026-11-22")
    assert "final-2023: thay cho ước khoảng 12 dự án, văn bản 005" in table.output


def test_two_hand_written_figures_for_one_thing_fail_check(run, project):
    plan = project / "plans" / "bac-kan.toml"
    def entry(id_, value, quote):
        return (f'\n[[actuals]]\nid = "{id_}"\nindicator = "new_projects"\nscope = "kcn"\n'
                f'period = "2023"\nvalue = {value}\nunit = "project"\n'
                f'source = {{ document = "{DOC}", quote = "{quote}" }}\n')

    plan.write_text(plan.read_text(encoding="utf-8")
                    + entry("a", 12, "các KCN ước đạt 12 dự án cấp mới")
                    + entry("b", 13, "các KCN thực tế cấp mới 13 dự án"), encoding="utf-8")
    result = run("check", "plans")
    assert result.exit_code == 1
    assert ("KCN119 [error] actuals[8].value: 13 and actuals[7] ('a') give two figures, "
            "12 and 13, for new_projects, kcn, 2023") in result.output
    assert run("report", "plans").exit_code == 1


def test_an_open_period_shows_what_is_still_needed_and_the_pace(run, project):
    record(run, "target", "--indicator", "new_projects", "--period", "2025", "--value", "20",
           "--unit", "project", "--comparator", "exact", "--id", "plan-2025", "--quote",
           "Năm 2025, các KCN phấn đấu thu hút 20 dự án cấp mới")
    record(run, "actual", "--indicator", "new_projects", "--period", "2025-01..2025-06",
           "--value", "8", "--unit", "project", "--quote",
           "6 tháng đầu năm 2025, các KCN đã thu hút 8 dự án cấp mới")
    target = by_id(report_json(run, as_of="2025-08-15")["targets"], "plan-2025")
    assert target["status"] == "behind"
    assert target["remaining"] == {"value": 12, "unit": "project", "qualifier": "exact"}
    # 12 to go over the 6 months no figure covers yet; 8 in the first 6 (181 days).
    assert target["pace_needed"] == {"value": 2.0, "unit": "project", "per": "month"}
    assert target["pace_so_far"] == {"value": 1.3, "unit": "project", "per": "month"}
    table = run("report", "plans", "-p", "bac-kan", "--as-of", "2025-08-15",
                env={"COLUMNS": "200"})
    assert "còn thiếu 12 dự án; cần 2 dự án/tháng, đến nay 1,3 dự án/tháng" in table.output
    # The five-year plan knows only 2025's first half: what it still needs is not known.
    five_years = by_id(report_json(run, as_of="2025-08-15")["targets"],
                       "bk-2021-2025-new-projects")
    assert (five_years["remaining"], five_years["pace_needed"]) == (None, None)
    english = run("report", "plans", "-p", "bac-kan", "--as-of", "2025-08-15", "--lang", "en",
                  env={"COLUMNS": "200"})
    assert "12 projects to go; needs 2 projects/month, so far 1.3 projects/month" in (
        english.output)
    rows = read_csv(run(
        "report", "plans", "-p", "bac-kan", "--as-of", "2025-08-15", "-f", "csv").stdout)
    row = next(r for r in rows if r["target_id"] == "plan-2025")
    assert (row["remaining"], row["pace_needed_per_month"], row["pace_so_far_per_month"]) == (
        "12", "2", "1,3")


def test_the_same_target_stated_twice_is_shown_once_with_both_sources(run, project):
    plan = project / "plans" / "bac-kan.toml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("[[targets]]")
    first = text[start:text.index("[[targets]]", start + 1)]
    again = first.replace('id = "bk-2021-2025-new-projects"', 'id = "bk-headline"').replace(
        "seeds/003_7134f92b119c0d58.txt", DOC).replace(
        'quote = "Bắc Kạn đề ra mục tiêu thu hút khoảng 20 dự án đầu tư mới vào KCN giai đoạn '
        '2021 – 2025"', 'quote = "Năm 2025, các KCN phấn đấu thu hút 20 dự án cấp mới"')
    assert again != first
    plan.write_text(text + "\n" + again, encoding="utf-8")
    province = report_json(run)
    targets = [t for t in province["targets"] if t["indicator"] == "new_projects"
               and t["period"]["text"] == "2021-2025"]
    assert len(targets) == 1
    assert [s["document"] for s in targets[0]["target"]["sources"]] == [
        "seeds/003_7134f92b119c0d58.txt", DOC]


def test_a_growth_target_is_measured_by_the_rate_its_values_give(run, project):
    """No stated rate for 2024: the values of 2023 and 2024 give it (132 / 110 = +20 %)."""
    document = project / "seeds" / "005_bao_cao_2023.txt"
    document.write_text(TEXT + "Năm 2023, các KCN thu hút 110 triệu USD vốn đầu tư.\n"
                        "Năm 2024, các KCN thu hút 132 triệu USD vốn đầu tư.\n"
                        "Năm 2024, tỉnh phấn đấu vốn thu hút tăng trưởng trên 15%.\n",
                        encoding="utf-8")
    index = project / "seeds" / "index.toml"
    text = index.read_text(encoding="utf-8")
    old = text[text.rindex('sha256 = "'):].split('"')[1]
    index.write_text(text.replace(old, hashlib.sha256(document.read_bytes()).hexdigest()),
                     encoding="utf-8")
    for year, value in (("2023", "110"), ("2024", "132")):
        record(run, "actual", "--indicator", "total_capital_attracted", "--period", year,
               "--value", value, "--unit", "usd_million", "--quote",
               f"Năm {year}, các KCN thu hút {value} triệu USD vốn đầu tư")
    record(run, "target", "--indicator", "capital_attracted_growth", "--period", "2024",
           "--value", "15", "--unit", "percent", "--comparator", "over", "--id", "growth-2024",
           "--quote", "Năm 2024, tỉnh phấn đấu vốn thu hút tăng trưởng trên 15%")
    target = by_id(report_json(run)["targets"], "growth-2024")
    assert (target["actual"]["value"], target["status"]) == (20, "exceeded")
    assert [s["quote"] for s in target["actual"]["sources"]] == [
        "Năm 2024, các KCN thu hút 132 triệu USD vốn đầu tư",
        "Năm 2023, các KCN thu hút 110 triệu USD vốn đầu tư"]


def test_capital_increases_of_fdi_and_ddi_add_up_to_their_total(run, project):
    document = project / "seeds" / "005_bao_cao_2023.txt"
    document.write_text(TEXT + "Năm 2023, có 15 dự án FDI và 08 dự án DDI điều chỉnh tăng vốn, "
                        "tổng cộng 24 lượt điều chỉnh tăng vốn.\n", encoding="utf-8")
    index = project / "seeds" / "index.toml"
    text = index.read_text(encoding="utf-8")
    old = text[text.rindex('sha256 = "'):].split('"')[1]
    index.write_text(text.replace(old, hashlib.sha256(document.read_bytes()).hexdigest()),
                     encoding="utf-8")
    quote = "có 15 dự án FDI và 08 dự án DDI điều chỉnh tăng vốn, tổng cộng 24 lượt"
    for indicator, value in (("capital_increases_fdi", "15"), ("capital_increases_ddi", "8"),
                             ("capital_increases", "24")):
        record(run, "actual", "--indicator", indicator, "--period", "2023", "--value", value,
               "--unit", "adjustment", "--quote", quote)
    result = run("check", "plans", "--strict")
    assert result.exit_code == 1
    assert "KCN302" in result.output and "24" in result.output


def _two_targets(project, first: str, second: str) -> None:
    plan = project / "plans" / "bac-kan.toml"
    entry = ('\n[[targets]]\nid = "{id}"\nindicator = "new_projects"\nscope = "kcn"\n'
             'period = "2025"\nvalue = {value}\nunit = "project"\ncomparator = "exact"\n{extra}'
             'source = {{ document = "' + DOC + '", quote = "Năm 2025, các KCN phấn đấu thu '
             'hút 20 dự án cấp mới" }}\n')
    plan.write_text(plan.read_text(encoding="utf-8")
                    + entry.format(id="a", value=20, extra=first)
                    + entry.format(id="b", value=20, extra=second), encoding="utf-8")


def test_two_entries_revising_each_other_are_refused(run, project):
    _two_targets(project, 'supersedes = "b"\n', 'supersedes = "a"\n')
    result = run("check", "plans")
    assert result.exit_code == 1
    assert "KCN118" in result.output and "revises this entry in turn" in result.output


def test_a_revised_actual_keeps_the_plan_its_attainment_implied(run, project):
    record(run, "actual", "--indicator", "total_capital_attracted", "--period",
           "2023-01..2023-06", "--value", "126", "--unit", "usd_million", "--estimated",
           "--id", "h1-estimate", "--quote",
           "6 tháng đầu năm 2023, các KCN thu hút 126 triệu USD vốn đầu tư")
    record(run, "target", "--indicator", "total_capital_attracted", "--period", "2023",
           "--attainment", "63", "--attainment-period", "2023-01..2023-06", "--unit",
           "usd_million", "--id", "plan-2023", "--quote",
           "các KCN thu hút 126 triệu USD vốn đầu tư, đạt 63% kế hoạch năm")
    plan = project / "plans" / "bac-kan.toml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        'quote = "6 tháng đầu năm 2023, các KCN thu hút 126 triệu USD vốn đầu tư" }',
        'quote = "6 tháng đầu năm 2023, các KCN thu hút 126 triệu USD vốn đầu tư" }', 1)
        + '\n[[actuals]]\nid = "h1-final"\nindicator = "total_capital_attracted"\n'
        'scope = "kcn"\nperiod = "2023-01..2023-06"\nvalue = 130\nunit = "usd_million"\n'
        'supersedes = "h1-estimate"\nsource = { document = "seeds/005_bao_cao_2023.txt", '
        'quote = "các KCN thu hút 130 triệu USD vốn đầu tư" }\n', encoding="utf-8")
    target = by_id(report_json(run, as_of="2023-08-01")["targets"], "plan-2023")
    assert target["target"]["value"] == 200  # 126 / 0,63, not 130 / 0,63
    assert target["actual"]["value"] == 130


def test_a_stock_past_its_plan_has_nothing_still_needed(run, project):
    record(run, "target", "--indicator", "valid_projects", "--period", "2025", "--value",
           "5", "--unit", "project", "--comparator", "at_least", "--id", "valid-2025",
           "--quote", "Năm 2025, các KCN phấn đấu có ít nhất 5 dự án còn hiệu lực")
    record(run, "actual", "--indicator", "valid_projects", "--period", "2025-06-30",
           "--value", "8", "--unit", "project", "--quote",
           "Đến 30/6/2025, các KCN có 8 dự án còn hiệu lực")
    target = by_id(report_json(run, as_of="2025-08-15")["targets"], "valid-2025")
    assert target["status"] in ("on_track", "exceeded")
    assert target["remaining"] is None


def test_every_pair_of_figures_for_one_thing_is_compared(run, project):
    """Over 100, then 150 and 200: 150 agrees with 'over 100', 200 does not with 150."""
    plan = project / "plans" / "bac-kan.toml"
    entries = ""
    for id_, value, qualifier in (("a", 100, "over"), ("b", 150, "exact"), ("c", 200, "exact")):
        entries += (f'\n[[actuals]]\nid = "{id_}"\nindicator = "new_projects"\nscope = "kcn"\n'
                    f'period = "2023"\nvalue = {value}\nunit = "project"\nqualifier = '
                    f'"{qualifier}"\nsource = {{ document = "{DOC}", quote = "Năm 2023, các KCN '
                    'ước đạt 12 dự án cấp mới" }\nacknowledge = [{ rule = "KCN305", reason = "t" '
                    '}]\n')
    plan.write_text(plan.read_text(encoding="utf-8") + entries, encoding="utf-8")
    result = run("check", "plans", "-f", "json")
    codes = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "KCN119"]
    assert [f["message"].split(":")[0] for f in codes] == ["actuals[9].value"]
