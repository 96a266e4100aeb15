"""`kcn-tracker draft`: proposals a person reviews, never a figure invented or repeated."""

import shutil
import tomllib

from typer.testing import CliRunner

from kcn_tracker.cli import app

SEED_004 = "seeds/004_8e7fbf8df7b2b99b.txt"


def test_figures_the_plan_holds_are_marked_not_repeated(run):
    result = run("draft", SEED_004, "--province", "bac-giang")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    already = [x for x in lines if "already in plans/bac-giang.toml" in x]
    assert len(already) == 25
    assert "# 496 (line 16): already in plans/bac-giang.toml as 'bg-2024-projects' (line 222)" \
        in lines
    proposed = tomllib.loads(result.stdout)
    assert proposed == {"actuals": [{
        "id": "bac-giang-2024-04-16-green-space-share", "indicator": "green_space_share",
        "scope": "kcn", "period": "2024-04-16", "value": 12, "unit": "percent",
        "qualifier": "at_least", "source": {"document": SEED_004, "quote": proposed["actuals"][
            0]["source"]["quote"]}}]}
    assert "tối thiểu đạt tỷ lệ 12% diện tích KCN" in proposed["actuals"][0]["source"]["quote"]
    assert "# check: period: to date; taken from the document's date (2024-04-16" \
        in result.stdout


def test_implied_targets_already_recorded_are_recognised(run):
    result = run("draft", "seeds/000_72b5589f6330c81a.txt", "-p", "Thái Nguyên")
    assert result.exit_code == 0
    assert "# 40% (line 7): already in plans/thai-nguyen.toml as " \
           "'tn-2023-total-capital-plan' (line 31)" in result.stdout
    assert "[[" not in result.stdout  # every figure of 000 is in the plan


def test_a_new_document_gives_entries_that_pass_check_once_reviewed(project, root,
                                                                     monkeypatch):
    (project / "seeds" / "005_new.txt").write_text(
        "Năm 2025, các KCN của tỉnh thu hút mới 30 dự án đầu tư FDI, vượt 20% kế hoạch đề "
        "ra. Luỹ kế đến nay, tỷ lệ lấp đầy đạt gần 75%.\n", encoding="utf-8")
    shutil.copytree(root / "schema", project / "schema")
    monkeypatch.chdir(project)
    runner = CliRunner()
    result = runner.invoke(app, ["draft", "seeds/005_new.txt", "-p", "thai-nguyen"])
    assert result.exit_code == 0, result.output
    proposed = tomllib.loads(result.stdout)
    actual, fill = proposed["actuals"]
    (target,) = proposed["targets"]
    assert (actual["indicator"], actual["value"], actual["period"]) == ("new_projects_fdi", 30,
                                                                       "2025")
    assert (target["origin"], target["reported_attainment"], target["id"]) == (
        "implied", {"value": 120}, "thai-nguyen-2025-new-projects-fdi-plan")
    # The period of the fill rate is not stated and the document is not in seeds/index.toml:
    # the draft leaves a placeholder that `check` refuses at its line.
    assert (fill["indicator"], fill["qualifier"], fill["period"]) == ("fill_rate", "nearly", "?")
    plan = project / "plans" / "thai-nguyen.toml"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n" + result.stdout, encoding="utf-8")
    checked = runner.invoke(app, ["check", "plans"])
    assert checked.exit_code == 1
    assert "period '?' is not one of the forms" in checked.output
    fixed = plan.read_text(encoding="utf-8").replace('period = "?"', 'period = "2025"')
    plan.write_text(fixed, encoding="utf-8")
    checked = runner.invoke(app, ["check", "plans"])
    assert checked.exit_code == 0, checked.output


def test_unknown_province_and_unreadable_document_exit_2(run, tmp_path):
    result = run("draft", SEED_004, "--province", "ha-noi")
    assert result.exit_code == 2
    assert "no plan for province 'ha-noi'; known provinces:" in result.stderr
    result = run("draft", str(tmp_path / "missing.txt"), "-p", "bac-giang")
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_a_document_outside_seeds_is_cited_where_it_must_go(run, tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_text("Năm 2025, các KCN thu hút mới 30 dự án.", encoding="utf-8")
    result = run("draft", str(path), "-p", "bac-giang")
    assert result.exit_code == 0
    assert "note: the entries cite seeds/bao-cao.txt; copy the document there" in result.stderr
    assert 'document = "seeds/bao-cao.txt"' in result.stdout
