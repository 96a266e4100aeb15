"""The command line as a user meets it: options, help, colour, widths, the schema."""

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import AS_OF, ROOT

from kcn_tracker.cli import app

COMMANDS = sorted([c.name or c.callback.__name__ for c in app.registered_commands] + [
    f"{g.name} {c.name}" for g in app.registered_groups for c in g.typer_instance.registered_commands])


@pytest.mark.parametrize("name", ["thai-nguyen", "Thái Nguyên", "thai nguyen", "THAI NGUYEN",
                                  unicodedata.normalize("NFD", "Thái Nguyên"), "Thai-Nguyen"])
def test_province_by_id_or_name_with_or_without_diacritics(report_json, name):
    assert [p["id"] for p in report_json("--province", name)["provinces"]] == ["thai-nguyen"]


def test_province_is_repeatable(report_json):
    ids = [p["id"] for p in report_json("-p", "Bắc Kạn", "-p", "bac giang")["provinces"]]
    assert ids == ["bac-giang", "bac-kan"]


def test_year_keeps_targets_whose_period_includes_it(report_json):
    report = report_json("--year", "2022")
    counts = {p["id"]: len(p["targets"]) for p in report["provinces"]}
    assert counts == {"bac-giang": 0, "bac-kan": 4, "thai-nguyen": 0}


def test_as_of_before_the_figures_were_known_gives_no_data(run):
    out = json.loads(run("report", "--as-of", "2024-06-30", "-f", "json", "-p", "thai-nguyen").stdout)
    statuses = {t["id"]: t["status"] for t in out["provinces"][0]["targets"]}
    assert statuses["tn-2024-new-fdi-projects-plan"] == "no_data"
    assert statuses["tn-2023-total-capital-plan"] == "exceeded"
    assert out["as_of"] == "2024-06-30"


def test_as_of_defaults_to_today(run):
    from datetime import date

    out = json.loads(run("report", "-f", "json", "-p", "bac-kan").stdout)
    assert out["as_of"] == date.today().isoformat()


def test_language_from_the_environment(run):
    out = run("report", "--as-of", AS_OF, "-p", "bac-kan",
              env={"KCN_TRACKER_LANG": "en", "COLUMNS": "160"}).stdout
    assert "No data" in out or "no data" in out
    assert "about 20 projects" in out


COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-7]|9[0-7]|38;)")


def test_colour_can_be_forced_and_no_color_wins(run):
    forced = run("report", "--as-of", AS_OF, env={"FORCE_COLOR": "1", "NO_COLOR": ""}).stdout
    assert COLOUR.search(forced)
    plain = run("report", "--as-of", AS_OF, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert not COLOUR.search(plain)  # bold may stay: NO_COLOR is about colour


@pytest.mark.parametrize("width", [60, 80, 100, 120, 160])
def test_nothing_that_matters_is_cut_at_any_width(run, width):
    out = run("report", "--as-of", AS_OF, env={"COLUMNS": str(width)}).stdout
    assert "…" not in out
    assert max(len(line) for line in out.splitlines()) <= width
    flat = re.sub(r"\s+", " ", out)
    for figure in ("1.118.349,62", "1.030.000", "297,86", "92,1%", "-7,9%", "+40%", "140%",
                   "2.150", "Vượt", "Không đạt", "Vinaxuki"):
        if width < 80:  # Rich folds a figure across lines rather than cut it
            assert figure.replace(" ", "") in re.sub(r"\s+", "", out), figure
        else:
            assert figure in flat, figure


def test_year_without_targets_says_so_for_that_year(run):
    out = run("report", "--as-of", AS_OF, "-p", "thai-nguyen", "--year", "2022").stdout
    assert "Không có chỉ tiêu nào cho năm 2022." in out
    out = run("report", "--as-of", AS_OF, "-p", "bac-giang", "--lang", "en").stdout
    assert "No target set in this province's plan." in out


def test_implied_plan_shows_its_bounds(run):
    out = run("report", "--as-of", AS_OF, "-p", "thai-nguyen", "-f", "markdown").stdout
    row = next(line for line in out.splitlines() if "297,86" in line)
    # "hơn 417 triệu USD, vượt gần 40% kế hoạch": a plan of more than 297,86.
    assert "| hơn 297,86 triệu USD (suy ra) | hơn 417 triệu USD | gần 140% | gần +40% |" in row


def test_unrecovered_shows_since_when_and_the_document(run):
    out = run("unrecovered", "--as-of", AS_OF, "--lang", "en", env={"COLUMNS": "120"}).stdout
    assert "Since" in out
    # the legend names the document by what seeds/index.toml knows: here only its date
    assert "Sources:\n  000  about 2024" in out
    assert "\n       seeds/000_72b5589f6330c81a.txt\n" in out
    assert run("unrecovered", "--as-of", "2023-12-31").stdout.strip() == \
        "Không có dự án nào đang chờ thu hồi."


def test_wide_screen_shows_the_progress_bar_and_sources(run):
    out = run("report", "--as-of", AS_OF, "-p", "thai-nguyen", env={"COLUMNS": "160"}).stdout
    assert "██████████" in out  # 140 %: a full bar
    assert "█████████░" in out  # 92.1 %
    assert "Nguồn" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(run, command):
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"kcn-tracker {command}" in readme


def test_schema_command_matches_the_committed_copy(run):
    committed = (ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8")
    assert run("schema").stdout == committed, (
        "schema/plan.schema.json is stale: run `kcn-tracker schema > schema/plan.schema.json`")


def test_plan_files_point_editors_at_the_schema():
    for plan in (ROOT / "plans").glob("*.toml"):
        assert plan.read_text(encoding="utf-8").startswith("#:schema ../schema/plan.schema.json\n")


def test_indicators_command_lists_the_vocabulary(run):
    data = json.loads(run("indicators", "--format", "json").stdout)
    fdi = next(i for i in data["indicators"] if i["key"] == "new_projects_fdi")
    assert fdi == {"key": "new_projects_fdi", "vi": "Dự án FDI cấp mới", "en": "New FDI projects",
                   "units": ["project"],
                   "aggregation": "flow", "higher_is_better": True}
    assert {u["code"] for u in data["units"]} >= {"project", "vnd_billion", "usd_million",
                                                  "percent", "ha", "person"}


def test_python_dash_m_and_version():
    result = subprocess.run([sys.executable, "-m", "kcn_tracker", "--version"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert re.fullmatch(r"kcn-tracker \d+\.\d+\.\d+\n", result.stdout)


def test_installed_command_runs_the_report_end_to_end():
    script = Path(sys.executable).parent / "kcn-tracker"
    result = subprocess.run([str(script), "report", "--as-of", AS_OF,
                             "-f", "json", "-p", "thai-nguyen"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["provinces"][0]["name"] == "Thái Nguyên"
