"""Limits, Unicode forms and hostile text: the same answer, a clear refusal, never a hang."""

import json
import shutil
import subprocess
import sys
import unicodedata

import pytest
from conftest import ROOT


@pytest.fixture
def project(tmp_path):
    for folder in ("plans", "seeds"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def findings(run, project, *args, env=None):
    result = run("check", str(project / "plans"), "-f", "json", *args, env=env)
    return result, json.loads(result.stdout)["findings"] if result.stdout else []


def test_a_plan_file_over_the_size_limit_is_refused_unread(run, project):
    result = run("check", str(project / "plans"), env={"KCN_TRACKER_MAX_BYTES": "5000"})
    assert result.exit_code == 2
    assert "over the limit of 5,000" in result.stderr


def test_a_document_over_the_size_limit_is_refused_unread(run, project):
    with open(project / "seeds" / "003_7134f92b119c0d58.txt", "ab") as handle:
        handle.write(b"x" * 40_000)
    result, found = findings(run, project, env={"KCN_TRACKER_MAX_BYTES": "30000"})
    assert {f["code"] for f in found if "003_7134f92b119c0d58" in f["message"]} == {"KCN202"}


def _variant(text: str, form: str) -> str:
    quotes = text.split('quote = "')
    head, rest = quotes[0], quotes[1:]
    out = [head]
    for part in rest:
        quote, tail = part.split('"', 1)
        if form == "nfd":
            quote = unicodedata.normalize("NFD", quote)
        elif form == "tones":
            quote = quote.replace("Thụy", "Thuỵ").replace("hòa", "hoà").replace("ủy", "uỷ")
        elif form == "spaces":
            quote = quote.replace(" ", "\u00a0 ", 1)
        elif form == "invisible":
            quote = quote.replace(" ", " \u200b", 2)
        out.append(quote + '"' + tail)
    return 'quote = "'.join(out)


@pytest.mark.parametrize("form", ["nfd", "tones", "spaces", "invisible"])
def test_the_same_plan_in_another_unicode_form_checks_the_same(run, project, form):
    for path in (project / "plans").glob("*.toml"):
        path.write_text(_variant(path.read_text(encoding="utf-8"), form), encoding="utf-8")
    result = run("check", str(project / "plans"), "--strict")
    assert result.exit_code == 0, result.stdout[-2000:]


def test_names_match_across_forms(run):
    for name in ("Thái Nguyên", unicodedata.normalize("NFD", "Thái Nguyên"), "THÁI NGUYÊN",
                 "thai\u00a0nguyen"):
        out = run("report", "-p", name, "-f", "json", "--as-of", "2026-11-22").stdout
        assert [p["id"] for p in json.loads(out)["provinces"]] == ["thai-nguyen"]


HOSTILE = """
texts = ["1" * 200_000, "1." * 100_000, "1,2" * 70_000, "9 " * 100_000 + "tỷ",
         "vượt " * 50_000 + "40%", ("ạ" * 3 + " ") * 50_000, "o\\u0300a" * 100_000,
         "kế hoạch năm " * 30_000, "hoàn thành vượt mức " * 30_000, "(" * 100_000 + "5 dự án",
         "1:" * 100_000, "1/" * 100_000 + "2 dự án", "số 12 " * 50_000 + "dự án"]
from decimal import Decimal
from kcn_tracker.extract.document import extract_text
from kcn_tracker.check.provenance import figure_missing
from kcn_tracker.extract.figures import figures_in
from kcn_tracker.text.spelling import canonical
for text in texts:
    canonical(text)
    figures_in(text)
    figure_missing(Decimal(1), "attainment", text)
    extract_text(text)
"""


def test_the_readers_take_linear_time_on_hostile_text(tmp_path):
    """Each reader on 200 000 hostile characters, in a subprocess with a time limit."""
    script = tmp_path / "hostile.py"
    script.write_text(HOSTILE, encoding="utf-8")
    subprocess.run([sys.executable, str(script)], check=True, timeout=60)


def test_a_very_long_quote_is_just_a_quote_not_found(run, project):
    path = project / "plans" / "bac-kan.toml"
    text = path.read_text(encoding="utf-8").replace(
        "thu hút khoảng 20 dự án đầu tư mới", "thu hút khoảng 20 dự án " + "rất " * 20_000, 1)
    path.write_text(text, encoding="utf-8")
    result, found = findings(run, project)
    assert result.exit_code == 1 and "KCN203" in {f["code"] for f in found}


@pytest.mark.parametrize("command", [("check",), ("report",), ("fmt", "--check")])
def test_a_device_is_not_a_plan_file(run, command):
    result = run(*command, "/dev/null")
    assert result.exit_code == 2 and "not a regular file" in result.stderr
