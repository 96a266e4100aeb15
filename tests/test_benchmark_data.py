"""The benchmark's generated data must stay valid, or the benchmark measures errors."""

import json
import subprocess
import sys

from conftest import ROOT


def test_generated_national_data_passes_check(run, national_set):
    out = national_set
    documents = list((out / "seeds").glob("*.txt"))
    assert len(documents) == 200
    result = run("check", str(out / "plans"), "--strict", "-f", "json")
    assert result.exit_code == 0, result.stdout[:2000]
    data = json.loads(result.stdout)
    assert data["findings"] == [] and len(data["files"]) == 1
    report = json.loads(run("report", str(out / "plans"), "-f", "json").stdout)
    # 30 indicators over 2016-2025, less the growth rate of 2016 (no 2015 to grow from).
    assert len(report["provinces"][0]["actuals"]) == 30 * 10 - 1


def test_many_files_are_checked_on_every_core_with_the_same_findings(run, tmp_path,
                                                                     monkeypatch):
    # Two workers whatever the machine's load, so that the pool is what is tested.
    monkeypatch.setenv("KCN_TRACKER_WORKERS", "2")
    out = tmp_path / "national"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--scale", "0.13",
                    "--out", str(out)], check=True, capture_output=True)
    files = sorted((out / "plans").glob("*.toml"))
    assert len(files) == 8  # enough for the process pool
    broken = files[3]
    broken.write_text(broken.read_text(encoding="utf-8").replace(
        'unit = "project"', 'unit = "projects"', 1), encoding="utf-8")
    result = run("check", str(out / "plans"), "-f", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(f["code"], f["file"].rsplit("/", 1)[1]) for f in data["findings"]] == [
        ("KCN105", broken.name)]
    assert len(data["files"]) == 8


def test_workers_follow_the_free_cores_and_the_setting(monkeypatch):
    import os

    from kcn_tracker.check import run as check_run

    monkeypatch.delenv("KCN_TRACKER_WORKERS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.2, 0, 0))
    assert check_run.workers_for(63) == 4
    assert check_run.workers_for(7) == 1  # too few files to be worth a second process
    monkeypatch.setattr(os, "getloadavg", lambda: (2.7, 0, 0))
    assert check_run.workers_for(63) == 1  # three of four cores busy: one process
    monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 0, 0))
    assert check_run.workers_for(63) == 1
    monkeypatch.setenv("KCN_TRACKER_WORKERS", "3")
    assert check_run.workers_for(63) == 3 and check_run.workers_for(2) == 2
