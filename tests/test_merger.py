"""The 2025 merger as data: the table ships with the package and agrees with the plans."""

import tomllib

from conftest import ROOT

from kcn_tracker.plans.merger import TABLE, merger_2025, successor_of


def test_the_table_holds_52_former_provinces_in_23_new_ones():
    table = merger_2025()
    assert len(table) == 52 and len({s.id for s in table.values()}) == 23
    assert successor_of("bac-kan").name == successor_of("thai-nguyen").name == "Thái Nguyên"
    assert successor_of("bac-giang").id == "bac-ninh-2025"
    assert successor_of("ha-nam").name == "Ninh Bình"
    assert successor_of("ha-noi") is None  # unchanged
    assert "202/2025/QH15" in TABLE.read_text(encoding="utf-8").split("\n\n")[0]


def test_the_shipped_plans_state_the_successor_of_the_table():
    for path in sorted((ROOT / "plans").glob("*.toml")):
        province = tomllib.loads(path.read_text(encoding="utf-8"))["province"]
        stated = province["successor"]
        expected = successor_of(province["id"])
        assert (stated["id"], stated["name"], stated["since"], stated["basis"]) == (
            expected.id, expected.name, expected.since, expected.basis), path.name


def test_new_writes_the_successor_and_by_successor_knows_it(run_here, tmp_path, monkeypatch):
    import shutil

    for folder in ("plans", "seeds", "schema"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KCN_TRACKER_LANG", raising=False)
    for province, name in (("ha-nam", "Hà Nam"), ("nam-dinh", "Nam Định")):
        assert run_here("new", province, "--name", name).exit_code == 0
    text = (tmp_path / "plans" / "ha-nam.toml").read_text(encoding="utf-8")
    assert ('successor = { id = "ninh-binh-2025", name = "Ninh Bình", since = "2025-07-01", '
            'basis = "Nghị quyết 202/2025/QH15" }') in text
    assert run_here("check", "plans", "--strict").exit_code == 0
    # a plan without a stated successor is grouped by the table's
    plan = tmp_path / "plans" / "nam-dinh.toml"
    plan.write_text("\n".join(line for line in plan.read_text(encoding="utf-8").splitlines()
                              if not line.startswith("successor")) + "\n", encoding="utf-8")
    result = run_here("status", "--by", "successor", "-p", "Ninh Bình", "--as-of", "2026-01-01")
    assert result.exit_code == 0, result.output
    assert "Hà Nam" in result.stdout and "Nam Định" in result.stdout
