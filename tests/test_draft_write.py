"""`draft --write`: reviewed proposals written once, through the checks of `record`."""

import tomllib

import pytest

TEXT = ("Năm 2024, các KCN của tỉnh thu hút mới 21 dự án FDI.\n\n"
        "Năm 2024, các KCN có 5.200 lao động mới.\n\n"
        "Tổng vốn đăng ký năm 2024 của các KCN đạt 300 triệu USD.\n")
DOC = "seeds/005_new.txt"
IDS = ["bac-giang-2024-new-projects-fdi", "bac-giang-2024-workers",
       "bac-giang-2024-new-capital"]


@pytest.fixture
def here(project, monkeypatch, run_here, tmp_path_factory):
    monkeypatch.chdir(project)
    source = tmp_path_factory.mktemp("in") / "new.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run_here("add", str(source), "-p", "bac-giang").exit_code == 0
    return project


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr("kcn_tracker.cli.documents._terminal", lambda: True)


def plan(project):
    return tomllib.loads((project / "plans" / "bac-giang.toml").read_text(encoding="utf-8"))


def draft(run_here, *args, input=None):
    return run_here("draft", DOC, "-p", "bac-giang", "--write", *args, input=input)


def test_accept_all_writes_every_proposal_and_check_passes(run_here, here):
    before = len(plan(here)["actuals"])
    result = draft(run_here, "--accept", "all")
    assert result.exit_code == 0, result.output
    assert result.stdout == "plans/bac-giang.toml: 3 entries written, 0 skipped remembered\n"
    added = plan(here)["actuals"][before:]
    assert [(a["id"], a["value"], a["unit"], a["period"]) for a in added] == [
        (IDS[0], 21, "project", "2024"), (IDS[1], 5200, "person", "2024"),
        (IDS[2], 300, "usd_million", "2024")]
    assert run_here("check", "plans", "--strict").exit_code == 0
    again = draft(run_here, "--accept", "all")
    assert "no new entry to propose" in again.stdout


def test_accept_by_id(run_here, here):
    before = len(plan(here)["actuals"])
    assert draft(run_here, "--accept", IDS[2]).exit_code == 0
    assert [a["id"] for a in plan(here)["actuals"][before:]] == [IDS[2]]
    unknown = draft(run_here, "--accept", "nope")
    assert unknown.exit_code == 2 and "no proposal has the id 'nope'" in unknown.stderr


def test_no_terminal_and_no_accept_is_refused(run_here, here):
    before = (here / "plans" / "bac-giang.toml").read_bytes()
    result = draft(run_here)
    assert result.exit_code == 2
    assert "needs a terminal; give --accept all or --accept ID,ID" in result.stderr
    assert (here / "plans" / "bac-giang.toml").read_bytes() == before


def test_interactive_accept_edit_skip(run_here, here, terminal):
    before = len(plan(here)["actuals"])
    # accept the first; edit the second's period then accept; skip the third with a reason
    result = draft(run_here, input="a\ne\nperiod\n2024-01..2024-12\na\ns\nnot a KCN figure\n")
    assert result.exit_code == 0, result.output
    assert "[[actuals]]" in result.stdout and "21 dự án" in result.stdout
    assert result.stdout.endswith("2 entries written, 1 skipped remembered\n")
    data = plan(here)
    assert [(a["id"], a["period"]) for a in data["actuals"][before:]] == [
        (IDS[0], "2024"), (IDS[1], "2024-01..2024-12")]
    assert data["skipped"] == [{"document": DOC, "quote": plan_quote(result), "reason":
                                "not a KCN figure"}]
    assert run_here("check", "plans", "--strict").exit_code == 0
    # the skipped proposal is not made again, by draft --write nor by draft
    assert "no new entry to propose" in draft(run_here, "--accept", "all").stdout
    shown = run_here("draft", DOC, "-p", "bac-giang").stdout
    assert "skipped with draft --write (not a KCN figure)" in shown
    assert IDS[2] not in shown


def plan_quote(result) -> str:
    return "Tổng vốn đăng ký năm 2024 của các KCN đạt 300 triệu USD."


def test_quit_writes_nothing(run_here, here, terminal):
    before = (here / "plans" / "bac-giang.toml").read_bytes()
    result = draft(run_here, input="a\na\nq\n")
    assert result.exit_code == 0 and result.stdout.endswith("quit: nothing written\n")
    assert (here / "plans" / "bac-giang.toml").read_bytes() == before


def test_accept_the_rest(run_here, here, terminal):
    before = len(plan(here)["actuals"])
    result = draft(run_here, input="s\n\nr\n")
    assert result.exit_code == 0, result.output
    assert [a["id"] for a in plan(here)["actuals"][before:]] == IDS[1:]
    assert plan(here)["skipped"] == [{"document": DOC, "quote": "Năm 2024, các KCN của tỉnh "
                                      "thu hút mới 21 dự án FDI."}]


def test_an_entry_check_refuses_leaves_the_file_unchanged(run_here, here, terminal):
    before = (here / "plans" / "bac-giang.toml").read_bytes()
    result = draft(run_here, input="e\nvalue\n22\nr\n")  # 22 is not in the quote
    assert result.exit_code == 1
    assert "KCN204" in result.output and "the file is unchanged" in result.stderr
    assert (here / "plans" / "bac-giang.toml").read_bytes() == before
