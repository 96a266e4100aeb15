"""The figures a board checks, end to end through `kcn-tracker report`."""

import re

from conftest import AS_OF, by_id


def province(report: dict, pid: str) -> dict:
    return by_id(report["provinces"], pid)


def test_bac_kan_has_four_targets_and_no_data_for_any(report_json):
    bk = province(report_json(), "bac-kan")
    targets = {t["id"]: t for t in bk["targets"]}
    assert sorted(targets) == ["bk-2021-2025-new-capital", "bk-2021-2025-new-projects",
                               "bk-2022-new-capital", "bk-2022-new-projects"]
    for t in targets.values():
        assert t["status"] == "no_data"
        assert t["actual"] is None
        assert t["attainment_pct"] is None and t["overshoot_pct"] is None
    assert targets["bk-2021-2025-new-projects"]["target"] == {
        **targets["bk-2021-2025-new-projects"]["target"],
        "value": 20, "unit": "project", "comparator": "about", "origin": "stated"}
    assert targets["bk-2021-2025-new-capital"]["target"]["value"] == 2150
    assert targets["bk-2021-2025-new-capital"]["target"]["comparator"] == "over"
    assert targets["bk-2022-new-projects"]["target"]["comparator"] == "at_least"
    assert targets["bk-2022-new-projects"]["target"]["value"] == 3
    assert targets["bk-2022-new-capital"]["target"]["value"] == 500
    assert targets["bk-2022-new-projects"]["period"] == {
        "start": "2022-01-01", "end": "2022-12-31", "text": "2022"}


def test_thai_nguyen_2024_fdi_projects_exceed_the_implied_plan_by_40_percent(report_json):
    t = by_id(province(report_json(), "thai-nguyen")["targets"], "tn-2024-new-fdi-projects-plan")
    assert t["actual"]["value"] == 21
    assert t["target"]["value"] == 15
    assert t["target"]["origin"] == "implied"
    assert t["target"]["reported_attainment_pct"] == 140
    assert t["attainment_pct"] == 140
    assert t["overshoot_pct"] == 40
    assert t["status"] == "exceeded"
    assert "vượt 40% kế hoạch" in t["target"]["source"]["quote"]


def test_thai_nguyen_2023_capital_plan_is_implied_from_nearly_40_percent(report_json):
    t = by_id(province(report_json(), "thai-nguyen")["targets"], "tn-2023-total-capital-plan")
    assert t["target"]["value"] == 297.86
    assert t["target"]["unit"] == "usd_million"
    assert t["target"]["reported_attainment_qualifier"] == "nearly"
    assert t["actual"]["value"] == 417 and t["actual"]["qualifier"] == "over"
    assert t["attainment_pct"] == 140
    assert t["status"] == "exceeded"


def test_thai_nguyen_2024_industrial_output_missed_at_92_1_percent(report_json):
    t = by_id(province(report_json(), "thai-nguyen")["targets"], "tn-2024-industrial-output-plan")
    assert t["actual"]["value"] == 1030000 and t["actual"]["estimated"] is True
    assert t["target"]["value"] == 1118349.62
    assert t["attainment_pct"] == 92.1
    assert t["overshoot_pct"] == -7.9
    assert t["status"] == "missed"


def test_three_pending_revocations_of_thai_nguyen(report_json, run):
    tn = province(report_json(), "thai-nguyen")
    assert [r["zone"] for r in tn["unrecovered"]] == [
        "KCN Vinaxuki", "KCN Trung Thành", "KCN Điềm Thụy – Khu B"]
    assert all(r["source"]["document"] == "seeds/000_72b5589f6330c81a.txt"
               for r in tn["unrecovered"])
    result = run("unrecovered", "--as-of", AS_OF)
    assert result.exit_code == 0
    for name in ("Vinaxuki", "Trung Thành", "Điềm Thụy"):
        assert name in result.stdout


def test_unrecovered_json_names_province_and_document(run):
    import json

    result = run("unrecovered", "--as-of", AS_OF, "--format", "json")
    rows = json.loads(result.stdout)["unrecovered"]
    assert len(rows) == 3
    assert {r["province"]["id"] for r in rows} == {"thai-nguyen"}
    assert all(r["reported"] == "2024" for r in rows)


def test_usd_and_vnd_are_listed_apart_never_summed(report_json):
    tn = province(report_json(), "thai-nguyen")
    new_capital = [a for a in tn["actuals"]
                   if a["indicator"] == "new_capital" and a["period"]["text"] == "2023"]
    assert {(a["value"], a["unit"]) for a in new_capital} == {
        (225.8, "usd_million"), (1000, "vnd_billion")}
    for t in tn["targets"]:
        if t["actual"]:
            assert t["actual"]["unit"] == t["target"]["unit"]


def test_actuals_lists_every_actual_of_the_plan(report_json, root):
    import tomllib

    for pid in ("thai-nguyen", "bac-kan", "bac-giang"):
        plan = tomllib.loads((root / "plans" / f"{pid}.toml").read_text(encoding="utf-8"))
        listed = [a["id"] for a in province(report_json(), pid)["actuals"]]
        assert listed == [a["id"] for a in plan.get("actuals", [])]


def test_bac_giang_reports_figures_but_no_target_for_them(run):
    result = run("report", "--as-of", AS_OF, "--province", "bac-giang", env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "chưa đặt chỉ tiêu" in result.stdout
    assert "487 dự án" in result.stdout
    assert "Chưa đặt chỉ tiêu nào trong kế hoạch của tỉnh." in result.stdout


def _figures(text: str, lang: str) -> list[str]:
    """Numbers as written in ``lang``, normalised to plain decimals."""
    group, decimal = (".", ",") if lang == "vi" else (",", ".")
    found = re.findall(r"[+-]?\d[\d" + re.escape(group + decimal) + r"]*\d|\d", text)
    return [f.replace(group, "").replace(decimal, ".") for f in found]


def _target_rows(markdown: str) -> list[str]:
    """The body rows of the first table: the targets."""
    table = markdown.split("\n\n")[1]
    return table.splitlines()[2:]


def test_english_and_markdown_show_the_same_figures(run):
    rows = {}
    for lang in ("vi", "en"):
        out = run("report", "--as-of", AS_OF, "-p", "thai-nguyen", "--format", "markdown",
                  "--lang", lang).stdout
        rows[lang] = [_figures(r, lang) for r in _target_rows(out)]
    assert rows["vi"] == rows["en"]
    assert ["2023", "297.86", "417", "140", "+40", "119.14", "000"] == rows["en"][0]
    table = run("report", "--as-of", AS_OF, "-p", "thai-nguyen", "--lang", "en",
                env={"COLUMNS": "200"}).stdout
    assert "1,118,349.62 billion VND" in table and "92.1%" in table and "-7.9%" in table
    assert "| 2024 | 15 projects (implied) | 21 projects | 140% | +40% | Exceeded |" in \
        run("report", "--as-of", AS_OF, "-p", "thai-nguyen", "-f", "markdown", "--lang", "en"
            ).stdout.replace("| New FDI projects | all industrial zones ", "")


def test_vietnamese_numbers_group_with_dots(run):
    out = run("report", "--as-of", AS_OF, "-p", "thai-nguyen", env={"COLUMNS": "200"}).stdout
    assert "1.118.349,62 tỷ đồng" in out
    assert "ước 1.030.000 tỷ đồng" in out
    assert "92,1%" in out and "-7,9%" in out


def test_csv_has_one_row_per_target_with_plain_decimals(run):
    from conftest import read_csv

    out = run("report", "--as-of", AS_OF, "--format", "csv").stdout
    rows = [r for r in read_csv(out) if r["kind"] == "target"]
    assert len(rows) == 4 + 3  # Bắc Kạn's and Thái Nguyên's targets; Bắc Giang has none
    fdi = next(r for r in rows if r["target_id"] == "tn-2024-new-fdi-projects-plan")
    assert (fdi["target_value"], fdi["actual_value"], fdi["attainment_pct"]) == ("15", "21", "140")
