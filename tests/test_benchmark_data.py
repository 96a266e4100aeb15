"""The benchmark's generated data must stay valid, or the benchmark measures errors."""

import json
import subprocess
import sys

from conftest import ROOT


def test_generated_national_data_passes_check(run, tmp_path):
    out = tmp_path / "national"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--scale", "0.02",
                    "--out", str(out)], check=True, capture_output=True)
    documents = list((out / "seeds").glob("*.txt"))
    assert len(documents) == 200
    result = run("check", str(out / "plans"), "--strict", "-f", "json")
    assert result.exit_code == 0, result.stdout[:2000]
    data = json.loads(result.stdout)
    assert data["findings"] == [] and len(data["files"]) == 1
    report = json.loads(run("report", str(out / "plans"), "-f", "json").stdout)
    # 30 indicators over 2016-2025, less the growth rate of 2016 (no 2015 to grow from).
    assert len(report["provinces"][0]["actuals"]) == 30 * 10 - 1
