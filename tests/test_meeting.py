"""The meeting-room views: status, trend, exports, and provinces as they are after the merger."""

import json
import re

import pytest
from conftest import AS_OF


def status_json(run, *args):
    result = run("status", "--as-of", AS_OF, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return {p["id"]: p for p in json.loads(result.stdout)["provinces"]}


def test_status_counts_targets_by_status_and_names_the_extremes(run):
    provinces = status_json(run)
    assert provinces["thai-nguyen"]["counts"] == {
        "exceeded": 2, "met": 0, "on_track": 0, "behind": 0, "missed": 1, "no_data": 0}
    assert provinces["bac-kan"]["counts"]["no_data"] == 4
    assert sum(provinces["bac-giang"]["counts"].values()) == 0
    best = provinces["thai-nguyen"]["biggest_overshoot"]
    worst = provinces["thai-nguyen"]["worst_shortfall"]
    assert (best["attainment_pct"], best["overshoot_pct"]) == (140, 40)
    assert (worst["id"], worst["target"], worst["actual"], worst["overshoot_pct"]) == (
        "tn-2024-industrial-output-plan", 1118349.62, 1030000, -7.9)
    assert provinces["thai-nguyen"]["pending_revocations"] == 3
    assert provinces["bac-kan"]["biggest_overshoot"] is None


@pytest.mark.parametrize("width", [80, 160])
def test_status_fits_the_screen(run, width):
    out = run("status", "--as-of", AS_OF, env={"COLUMNS": str(width)}).stdout
    assert "…" not in out
    assert max(len(line) for line in out.splitlines()) <= width
    flat = re.sub(r"\s+", " ", out)
    for words in ("Thái Nguyên (cũ) 2 · · · 1 ·", "Bắc Kạn (cũ) · · · · · 4",
                  "140% (+40%)", "92,1% (-7,9%)", "Chờ thu hồi: 3"):
        assert words in flat, words


def test_the_new_provinces_hold_the_old_ones_without_adding_them_up(run):
    result = run("report", "--as-of", AS_OF, "--by", "successor", "--format", "json")
    data = json.loads(result.stdout)
    assert [(s["id"], s["name"], s["members"]) for s in data["successors"]] == [
        ("bac-ninh-2025", "Bắc Ninh", ["bac-giang"]),
        ("thai-nguyen-2025", "Thái Nguyên", ["bac-kan", "thai-nguyen"])]
    # Each old province stays whole, under its own name, with its own targets.
    assert [p["name"] for p in data["provinces"]] == ["Bắc Giang", "Bắc Kạn", "Thái Nguyên"]
    targets = [t["id"] for p in data["provinces"] for t in p["targets"]]
    assert len(targets) == len(set(targets)) == 7
    table = run("report", "--as-of", AS_OF, "--by", "successor",
                env={"COLUMNS": "160"}).stdout
    new_tn = table.index("Thái Nguyên (tỉnh mới từ 01/07/2025, Nghị quyết 202/2025/QH15)")
    assert table.index("Bắc Kạn (tỉnh cũ, đến 30/06/2025)") > new_tn
    assert table.index("Bắc Ninh (tỉnh mới từ 01/07/2025") < table.index("Bắc Giang (tỉnh cũ")
    assert "gồm các tỉnh cũ: Bắc Kạn, Thái Nguyên" in table


def test_thai_nguyen_finds_the_old_and_the_new_province(run):
    old = run("report", "--as-of", AS_OF, "-p", "thai-nguyen", "-f", "json")
    assert [p["id"] for p in json.loads(old.stdout)["provinces"]] == ["thai-nguyen"]
    assert "cũng là tỉnh Thái Nguyên mới (từ 01/07/2025), gồm Bắc Kạn, Thái Nguyên" in old.stderr
    new = run("report", "--as-of", AS_OF, "-p", "thai-nguyen", "--by", "successor", "-f", "json")
    assert [p["id"] for p in json.loads(new.stdout)["provinces"]] == ["bac-kan", "thai-nguyen"]
    by_name = status_json(run, "-p", "Bắc Ninh", "--by", "successor")
    assert list(by_name) == ["bac-giang"]
    refused = run("report", "-p", "bac-ninh")
    assert refused.exit_code == 2 and "--by successor" in refused.stderr


def test_status_by_successor_groups_under_the_new_province(run):
    out = run("status", "--as-of", AS_OF, "--by", "successor", "--lang", "en",
              env={"COLUMNS": "120"}).stdout
    assert out.index("Thái Nguyên (new, from 2025-07-01)") < out.index("Bắc Kạn (former)")
    assert out.index("Bắc Ninh (new, from 2025-07-01)") < out.index("Bắc Giang (former)")


def test_trend_shows_the_years_the_change_and_the_stated_growth(run):
    out = run("trend", "industrial_output", "-p", "thai-nguyen", "--as-of", AS_OF,
              env={"COLUMNS": "160"}).stdout
    row = next(line for line in out.splitlines() if line.startswith("2024"))
    assert "ước 1.030.000 tỷ đồng" in row
    assert "+5,9%" in row and "+8%" in row  # computed beside stated
    assert "khoảng 1.118.349,62 tỷ đồng (suy ra)" in row
    assert "│" in row  # the target marked on the bar
    assert next(line for line in out.splitlines() if line.startswith("2023")).count("█") > 0


def test_trend_of_fdi_projects_and_targets_over_other_periods(run):
    out = run("trend", "new_projects_fdi", "--as-of", AS_OF, "--lang", "en",
              env={"COLUMNS": "160"}).stdout
    rows = {line.split()[0]: line for line in out.splitlines() if re.match(r"^\d{4} ", line)}
    assert "38 projects" in rows["2023"]
    assert "21 projects" in rows["2024"] and "-44.7%" in rows["2024"]
    assert "15 projects (implied)" in rows["2024"]
    assert "Jan–Feb 2024" in out and "8 projects" in out  # Bắc Giang, a series of its own
    plans = run("trend", "new_projects", "-p", "bac-kan", "--as-of", AS_OF).stdout
    assert "Kế hoạch 2021–2025: khoảng 20 dự án — thực hiện: chưa có số liệu" in plans


def test_trend_refuses_an_unknown_indicator(run):
    result = run("trend", "new_project")
    assert result.exit_code == 2 and "did you mean 'new_projects'" in result.stderr


@pytest.mark.parametrize("width", [80, 160])
def test_trend_fits_the_screen(run, width):
    out = run("trend", "industrial_output", "--as-of", AS_OF, env={"COLUMNS": str(width)}).stdout
    assert "…" not in out and max(len(line) for line in out.splitlines()) <= width
    assert "1.118.349,62" in out and "ước 1.030.000" in out


COMMANDS = [("report", "-p", "thai-nguyen"), ("status",), ("trend", "industrial_output")]
FIGURES = {"report": ("1.118.349,62", "92,1%"), "status": ("1.118.349,62", "92,1%"),
           "trend": ("1.118.349,62", "+5,9%")}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("suffix", [".svg", ".html", ".md", ".txt"])
def test_exports_hold_the_same_figures_as_the_screen(run, tmp_path, command, suffix):
    target = tmp_path / f"out{suffix}"
    result = run(*command, "--as-of", AS_OF, "--export", str(target), env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    if suffix in (".svg", ".html"):
        text = re.sub(r"<[^>]+>", "", text).replace("&#160;", " ").replace("&nbsp;", " ")
    flat = re.sub(r"\s+", "", text)
    assert "kcn-tracker" in text and "22/11/2026" in text  # the title line
    for figure in FIGURES[command[0]]:
        assert figure in flat, (figure, suffix)
    if suffix == ".md":
        table = [line for line in text.splitlines() if line.startswith("|")]
        assert len(table) >= 3 and re.fullmatch(r"\|(-+:?\|)+", table[1].replace("---:", "---"))


@pytest.mark.parametrize("target,words", [("out.pdf", "cannot export"),
                                          ("nowhere/out.svg", "no such directory")])
def test_an_export_that_cannot_be_written_is_refused_first(run, tmp_path, target, words):
    result = run("status", "--export", str(tmp_path / target))
    assert result.exit_code == 2 and words in result.stderr


def test_numbers_follow_the_language(run):
    en = run("status", "--as-of", AS_OF, "--lang", "en", env={"COLUMNS": "200"}).stdout
    vi = run("status", "--as-of", AS_OF, env={"KCN_TRACKER_LANG": "vi", "COLUMNS": "200"}).stdout
    assert "1,118,349.62 billion VND" in en and "1.118.349,62 tỷ đồng" in vi


def test_export_refuses_a_non_table_format_and_never_overwrites_other_files(run, tmp_path):
    result = run("status", "-f", "json", "--export", str(tmp_path / "x.txt"))
    assert result.exit_code == 2 and not (tmp_path / "x.txt").exists()
    evidence = tmp_path / "000_article.txt"
    evidence.write_text("Trong năm 2023, …", encoding="utf-8")
    result = run("status", "--export", str(evidence))
    assert result.exit_code == 2 and "not an earlier kcn-tracker export" in result.stderr
    assert evidence.read_text(encoding="utf-8") == "Trong năm 2023, …"
    again = tmp_path / "minutes.md"
    assert run("status", "--export", str(again)).exit_code == 0
    assert run("status", "--export", str(again)).exit_code == 0  # an earlier export: replaced


def test_status_at_60_columns_keeps_every_count(run):
    out = run("status", "--as-of", AS_OF, "--by", "successor", env={"COLUMNS": "60"}).stdout
    assert "Bắc Kạn (cũ): Chưa có số liệu 4" in out
    assert "Thái Nguyên (cũ): Vượt 2, Không đạt 1" in out
    assert "…" not in out and max(len(line) for line in out.splitlines()) <= 60


def test_the_new_province_row_adds_up_counts_only(run):
    data = json.loads(run("status", "--as-of", AS_OF, "--by", "successor", "-f", "json").stdout)
    new_tn = next(s for s in data["successors"] if s["id"] == "thai-nguyen-2025")
    assert new_tn["members"] == ["bac-kan", "thai-nguyen"]
    assert new_tn["counts"] == {"exceeded": 2, "met": 0, "on_track": 0, "behind": 0,
                                "missed": 1, "no_data": 4}
    provinces = {p["id"]: p for p in data["provinces"]}
    assert provinces["bac-giang"]["targets"] == 0


def test_status_keeps_the_bound_of_an_implied_attainment(run):
    provinces = status_json(run)
    best = provinces["thai-nguyen"]["biggest_overshoot"]
    # Two targets are 40 % over; the exact one beats "vượt gần 40%".
    assert best["id"] == "tn-2024-new-fdi-projects-plan"
    assert best["attainment_qualifier"] == "exact"


def test_trend_at_60_columns_writes_whole_figures(run):
    out = run("trend", "industrial_output", "--as-of", AS_OF, env={"COLUMNS": "60"}).stdout
    assert "2024: ước 1.030.000 tỷ đồng, +5,9% (theo văn bản +8%)" in out
    assert "1.118.349,62" in out


def test_trend_understands_new_provinces(run):
    result = run("trend", "new_projects", "-p", "Thái Nguyên", "--by", "successor",
                 "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "Bắc Kạn (tỉnh cũ, đến 30/06/2025)" in result.stdout


@pytest.mark.parametrize("value", ["EN", "en_US.UTF-8", "vi_VN"])
def test_the_language_may_come_as_a_locale(run, value):
    assert run("indicators", env={"KCN_TRACKER_LANG": value}).exit_code == 0


def test_indicators_speak_the_language(run):
    vi = run("indicators", env={"COLUMNS": "120"}).stdout
    assert "cộng qua các kỳ" in vi and "flow" not in vi
    en = run("indicators", "--lang", "en", env={"COLUMNS": "80"}).stdout
    assert "adds up" in en and "…" not in en


def test_one_successor_told_two_ways_is_an_error(run, tmp_path):
    import shutil

    from conftest import ROOT

    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    path = tmp_path / "plans" / "thai-nguyen.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'since = "2025-07-01"', 'since = "2025-08-01"'), encoding="utf-8")
    result = run("check", str(tmp_path / "plans"), "-f", "json")
    assert [(f["code"], f["file"].rsplit("/", 1)[1]) for f in
            json.loads(result.stdout)["findings"] if f["code"] == "KCN116"] == [
        ("KCN116", "thai-nguyen.toml")]
    assert run("report", str(tmp_path / "plans")).exit_code == 1


@pytest.mark.parametrize("lang, rows, note", [
    ("vi", ["| Bắc Giang (tỉnh cũ, đến 30/06/2025) | — | — | — | — | — | — | 0 | — | — |",
            "| Bắc Kạn (tỉnh cũ, đến 30/06/2025) | · | · | · | · | · | 4 | 0 | — | — |"],
     "—: tỉnh chưa đặt chỉ tiêu nào; ·: không có chỉ tiêu ở trạng thái này."),
    ("en", ["| Bắc Giang (former province, until 2025-06-30) | — | — | — | — | — | — | 0 | — | — |",
            "| Bắc Kạn (former province, until 2025-06-30) | · | · | · | · | · | 4 | 0 | — | — |"],
     "—: the province has no target; ·: no target with this status."),
])
def test_status_markdown_writes_dash_and_dot_as_the_table_does(run, tmp_path, lang, rows, note):
    out = run("status", "--as-of", AS_OF, "--lang", lang, "-f", "markdown").stdout
    lines = out.splitlines()
    assert lines[4:6] == rows
    assert lines[6].startswith("| Thái Nguyên (") and "| 2 | · | · | · | 1 | · | 3 |" in lines[6]
    assert lines[7:] == ["", note]  # a blank line ends the table, then what they mean
    table = run("status", "--as-of", AS_OF, "--lang", lang, env={"COLUMNS": "120"}).stdout
    assert note in table
    export = tmp_path / f"status-{lang}.md"
    assert run("status", "--as-of", AS_OF, "--lang", lang, "--export", str(export)).exit_code == 0
    assert export.read_text(encoding="utf-8").endswith("\n".join(lines[3:]) + "\n")
