"""Limits, Unicode forms and hostile text: the same answer, a clear refusal, never a hang."""

import json
import shutil
import unicodedata

import pytest
from conftest import ROOT
from linearity import assert_linear_in


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


# Hostile texts of about 2n characters: long runs of what each reader looks at twice.
HOSTILE = {
    "digits": lambda n: "1" * 2 * n, "dots": lambda n: "1." * n, "commas": lambda n: "1,2" * n,
    "numbers then scale": lambda n: "9 " * n + "tỷ", "cues": lambda n: "vượt " * n + "40%",
    "marks": lambda n: ("ạ" * 3 + " ") * n, "nfd": lambda n: "o\u0300a" * n,
    "plan words": lambda n: "kế hoạch năm " * n, "exceeded": lambda n: "hoàn thành vượt mức " * n,
    "brackets": lambda n: "(" * 2 * n + "5 dự án", "colons": lambda n: "1:" * n,
    "slashes": lambda n: "1/" * n + "2 dự án", "codes": lambda n: "số 12 " * n + "dự án",
}


def _readers():
    from decimal import Decimal

    from kcn_tracker.check.provenance import figure_missing
    from kcn_tracker.extract.document import extract_text
    from kcn_tracker.extract.figures import figures_in
    from kcn_tracker.text.spelling import canonical

    return {"canonical": canonical, "figures_in": figures_in,
            "figure_missing": lambda text: figure_missing(Decimal(1), "attainment", text),
            "extract_text": extract_text}


@pytest.mark.parametrize("reader", ["canonical", "figures_in", "figure_missing", "extract_text"])
def test_the_readers_take_linear_time_on_hostile_text(reader):
    """Each reader on each hostile text at n and 2n, n the size where it takes 10 ms:
    twice the text takes at most 3x as long (quadratic would be 4x, and more)."""
    run = _readers()[reader]
    for name, make in HOSTILE.items():
        assert_linear_in(make, run, f"{reader} on {name}")


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
