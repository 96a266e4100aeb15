"""Plan files arrive by pull request: their text is shown, never obeyed.

Names in a plan file or a document are data. They must not become Rich markup (links,
styles), HTML or Markdown in an export, terminal escape sequences, spreadsheet formulas,
or a reason to overwrite a file the tool did not write.
"""

import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import AS_OF, read_csv

WIDE = {"COLUMNS": "220"}

# The names a hostile pull request gives.
PROVINCE = 'Thái Nguyên [link=x"><svg/onload=alert(1)>]*[/link]'
SUCCESSOR = "Tỉnh [link=javascript:alert(1)]js[/link]"
ZONE = "KCN [bold]Yên Bình[/bold] :warning:"
REVOCATION = "Dự án [link=javascript:alert(1)]js[/link]"
PROJECT = "[red]Huali[/red]"

# Characters that drive a terminal or reorder what it shows.
RAW_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(autouse=True)
def outputs_alone(monkeypatch):
    """KCN117 refuses control and bidi characters in plan strings at check time. The
    outputs must escape them all the same (documents carry them too, and one defence
    must not rest on another), so these tests set that rule aside."""
    from kcn_tracker.plans import validate

    monkeypatch.setattr(validate, "_hidden_characters", lambda data: iter(()))


def toml_string(text: str) -> str:
    """A TOML basic string holding ``text`` exactly, control characters escaped."""
    return '"' + "".join(
        f"\\u{ord(c):04x}" if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f or c in '"\\' else c
        for c in text) + '"'


def replace_once(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def hostile(project, province=None, successor=None, zone=None, revocation=None,
            project_name=None):
    """The shipped plans with some names replaced; the plans still pass check."""
    tn = project / "plans" / "thai-nguyen.toml"
    bk = project / "plans" / "bac-kan.toml"
    if province is not None:
        replace_once(tn, 'id = "thai-nguyen"\nname = "Thái Nguyên"',
                     f'id = "thai-nguyen"\nname = {toml_string(province)}')
    if successor is not None:
        for path in (tn, bk):
            replace_once(path, 'name = "Thái Nguyên", since',
                         f"name = {toml_string(successor)}, since")
    if zone is not None:
        replace_once(tn, 'yen-binh-it = "Khu công nghệ thông tin tập trung Yên Bình"',
                     f"yen-binh-it = {toml_string(zone)}")
    if revocation is not None:
        replace_once(tn, 'name = "Dự án đầu tư KCN Vinaxuki"',
                     f"name = {toml_string(revocation)}")
    if project_name is not None:
        replace_once(tn, 'project = "PVC Huali Việt Nam"',
                     f"project = {toml_string(project_name)}")
    return str(project / "plans")


# A target whose scope is a zone, so that the zone's name is in every view.
ZONE_TARGET = """
[[targets]]
id = "tn-2024-yen-binh-it-area-plan"
indicator = "zone_area"
scope = "yen-binh-it"
period = "2024"
value = 200
unit = "ha"
comparator = "exact"
source = { document = "seeds/002_c1cdc5075e27b6e5.txt", quote = "Đồ án quy hoạch phân khu xây dựng tỷ lệ 1/2.000 Khu công nghệ thông tin tập trung Yên Bình với diện tích 200ha" }
"""


@pytest.fixture
def markup_plans(project, run):
    plans = hostile(project, province=PROVINCE, successor=SUCCESSOR, zone=ZONE,
                    revocation=REVOCATION, project_name=PROJECT)
    assert run("check", plans).exit_code == 0  # nothing at check time stops them
    return plans


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# --- 1. Plan text is never Rich markup -------------------------------------------

SHOWN = {
    ("report",): [PROVINCE, ZONE, REVOCATION, PROJECT],
    ("report", "--by", "successor"): [PROVINCE, SUCCESSOR, ZONE, REVOCATION, PROJECT],
    ("status",): [f"{PROVINCE} (cũ)"],
    ("status", "--by", "successor"): [f"{SUCCESSOR} (mới, từ 01/07/2025)",
                                      f"  {PROVINCE} (cũ)"],
    ("unrecovered",): [PROVINCE, REVOCATION],
    ("trend", "zone_area", "-p", "thai-nguyen"): [PROVINCE, ZONE],
}


@pytest.mark.parametrize("command", list(SHOWN), ids=" ".join)
def test_plan_names_are_shown_as_written_not_as_markup(run, markup_plans, command):
    result = run(*command, markup_plans, "--as-of", AS_OF, env=WIDE)
    assert result.exit_code == 0, result.output
    for name in SHOWN[command]:
        assert name in result.stdout, (name, result.stdout)


def test_the_narrow_views_show_plan_names_as_written(run, markup_plans):
    narrow = {"COLUMNS": "60"}
    report = run("report", markup_plans, "-p", "thai-nguyen", "--as-of", AS_OF, env=narrow)
    assert f"{PROVINCE} (tỉnh cũ, đến 30/06/2025)" in flat(report.stdout)
    status = run("status", markup_plans, "--by", "successor", "--as-of", AS_OF, env=narrow)
    assert f"{SUCCESSOR} (mới, từ 01/07/2025)" in flat(status.stdout)
    assert f"{PROVINCE} (cũ): Vượt 2, Không đạt 1" in flat(status.stdout)
    # The best, the worst and the pending revocations name the province too; its long
    # unbroken word is cut to the column, but never read as markup.
    assert flat(status.stdout).count('[link=x"><svg/onload=alert(1') == 4


def test_the_html_export_holds_no_live_link_or_element(run, markup_plans, tmp_path):
    target = tmp_path / "out.html"
    result = run("report", markup_plans, "--by", "successor", "--as-of", AS_OF,
                 "--export", str(target), env=WIDE)
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    assert "<a " not in html and "<svg" not in html and "javascript:" not in html.replace(
        "[link=javascript:alert(1)]", "")
    assert "[link=x&quot;&gt;&lt;svg/onload=alert(1)&gt;]*[/link]" in html
    assert "[link=javascript:alert(1)]js[/link]" in html


def test_a_document_name_is_shown_as_written_by_extract(run, tmp_path):
    document = tmp_path / "[link=javascript:alert(1)]d.txt"
    document.write_text("Năm 2024, các KCN thu hút mới 21 dự án đầu tư FDI.\n",
                        encoding="utf-8")
    result = run("extract", str(document), env=WIDE)
    assert result.exit_code == 0, result.output
    # The title wraps at the table's width: compare without the line breaks.
    assert f"{document}(1)" in re.sub(r"\s+", "", result.stdout)


# --- 2. Escape sequences never reach the terminal --------------------------------

ESCAPING_ZONE = "KCN \x1b[31mđỏ\x07 \x9b1m"
ESCAPING_REVOCATION = "Dự án \u202eabc\u2066x\u2069\u200e\u200f\u061c\u202a"
ESCAPING_PROJECT = "Huali \x1b]8;;http://x\x07link"
SHOWN_ESCAPED = {
    "zone": "KCN \\u001b[31mđỏ\\u0007 \\u009b1m",
    "revocation": "Dự án \\u202eabc\\u2066x\\u2069\\u200e\\u200f\\u061c\\u202a",
    "project": "Huali \\u001b]8;;http://x\\u0007link",
}
# Markdown also escapes the brackets, so that no name becomes a link.
MARKDOWN_ESCAPED = {
    "zone": "KCN \\u001b\\[31mđỏ\\u0007 \\u009b1m",
    "revocation": SHOWN_ESCAPED["revocation"],
    # a word that holds a url is code, where GitHub makes no link of it
    "project": "Huali `\\u001b]8;;http://x\\u0007link`",
}


@pytest.fixture
def escaping_plans(project, run):
    plans = hostile(project, zone=ESCAPING_ZONE, revocation=ESCAPING_REVOCATION,
                    project_name=ESCAPING_PROJECT)
    with open(project / "plans" / "thai-nguyen.toml", "a", encoding="utf-8") as plan:
        plan.write(ZONE_TARGET)  # the zone as a target's scope, as the CSV shows it
    assert run("check", plans).exit_code == 0
    return plans


@pytest.mark.parametrize("command,shown", [
    pytest.param(("report",), ("zone", "revocation", "project"), id="report"),
    pytest.param(("report", "-f", "markdown"), ("zone", "revocation", "project"),
                 id="markdown"),
    pytest.param(("report", "-f", "csv"), ("zone",), id="csv"),
    pytest.param(("unrecovered",), ("revocation",), id="unrecovered"),
])
def test_control_and_bidi_characters_are_shown_as_escapes(run, escaping_plans, command,
                                                           shown):
    result = run(*command, escaping_plans, "--as-of", AS_OF, env=WIDE)
    assert result.exit_code == 0, result.output
    assert RAW_CONTROLS.findall(result.stdout) == []
    expected = MARKDOWN_ESCAPED if "markdown" in command else SHOWN_ESCAPED
    for key in shown:
        assert expected[key] in result.stdout, key


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".svg"])
def test_exports_hold_no_control_or_bidi_character(run, escaping_plans, tmp_path, suffix):
    target = tmp_path / f"out{suffix}"
    result = run("report", escaping_plans, "--as-of", AS_OF, "--export", str(target),
                 env=WIDE)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert RAW_CONTROLS.findall(text.replace("\n", "")) == []
    expected = {".txt": SHOWN_ESCAPED, ".md": MARKDOWN_ESCAPED}.get(suffix, {})
    for key, shown in expected.items():
        assert shown in text, key


def test_the_json_report_escapes_them_and_keeps_the_names(run, escaping_plans):
    result = run("report", escaping_plans, "--as-of", AS_OF, "-f", "json")
    assert RAW_CONTROLS.findall(result.stdout.replace("\n", "")) == []
    assert '"name": "Dự án \\u202eabc\\u2066x\\u2069\\u200e\\u200f\\u061c\\u202a"' in (
        result.stdout)
    province = next(p for p in json.loads(result.stdout)["provinces"]
                    if p["id"] == "thai-nguyen")
    assert province["unrecovered"][0]["name"] == ESCAPING_REVOCATION


# --- 3. An export replaces only an earlier export --------------------------------

HAND_WRITTEN = ("# kcn-tracker \n\nRun `kcn-tracker report --export docs/report.svg`; "
                "each export starts with <!-- kcn-tracker export -->.\n")


@pytest.mark.parametrize("command,name", [(("report",), "README.md"),
                                          (("status",), "docs/ci.md"),
                                          (("trend", "new_projects"), "notes.txt"),
                                          (("report",), "page.html"),
                                          (("report",), "picture.svg")])
def test_an_export_never_replaces_a_file_it_did_not_write(run, tmp_path, command, name):
    target = tmp_path / name
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(HAND_WRITTEN.encode("utf-8"))
    result = run(*command, "--as-of", AS_OF, "--export", str(target))
    assert result.exit_code == 2
    assert (f"{target} exists and is not an earlier kcn-tracker export; it is left as it "
            "is: choose another name") in flat(result.stderr)
    assert target.read_bytes() == HAND_WRITTEN.encode("utf-8")


def test_a_text_file_that_starts_like_a_title_line_is_not_an_export(run, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("kcn-tracker report · my notes for the board\n", encoding="utf-8")
    result = run("status", "--as-of", AS_OF, "--export", str(notes))
    assert result.exit_code == 2
    assert notes.read_text(encoding="utf-8") == "kcn-tracker report · my notes for the board\n"


@pytest.mark.parametrize("suffix,first_line", [
    (".md", "<!-- kcn-tracker export {} -->"), (".html", "<!-- kcn-tracker export {} -->"),
    (".svg", "<!-- kcn-tracker export {} -->"), (".txt", "-- kcn-tracker export {} --")])
def test_an_earlier_export_carries_the_mark_and_is_replaced(run, tmp_path, suffix,
                                                            first_line):
    target = tmp_path / f"minutes{suffix}"
    assert run("status", "--as-of", AS_OF, "--export", str(target)).exit_code == 0
    first, body = target.read_bytes().split(b"\n", 1)
    assert first.decode() == first_line.format(hashlib.sha256(body).hexdigest())
    again = run("report", "--as-of", AS_OF, "--export", str(target))
    assert again.exit_code == 0, again.output
    assert "kcn-tracker report · " in target.read_text(encoding="utf-8").replace("&#160;", " ")


@pytest.mark.parametrize("suffix", [".md", ".html", ".txt"])
def test_an_export_someone_edited_is_not_written_over(run, tmp_path, suffix):
    """Minutes edited under the export's name keep its mark line, not its digest."""
    target = tmp_path / f"minutes{suffix}"
    assert run("status", "--as-of", AS_OF, "--export", str(target)).exit_code == 0
    edited = target.read_bytes() + "\nGhi chú của thư ký: họp lại ngày 05/12.\n".encode()
    target.write_bytes(edited)
    result = run("report", "--as-of", AS_OF, "--export", str(target))
    assert result.exit_code == 2
    assert (f"{target} was changed after kcn-tracker exported it; it is left as it is: "
            "choose another name, or move it away first") in flat(result.stderr)
    assert target.read_bytes() == edited


def test_a_workbook_someone_saved_again_is_not_written_over(run, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "book.xlsx"
    assert run("report", "--as-of", AS_OF, "--export", str(target)).exit_code == 0
    assert run("status", "--as-of", AS_OF, "--export", str(target)).exit_code == 0  # ours
    book = openpyxl.load_workbook(target)
    book.worksheets[0]["A30"] = "ghi chú"  # a person adds a note and saves;
    book.save(target)  # the custom property, the mark, survives the save
    assert "kcn-tracker export" in openpyxl.load_workbook(target).custom_doc_props.names
    saved = target.read_bytes()
    result = run("report", "--as-of", AS_OF, "--export", str(target))
    assert result.exit_code == 2
    assert "was changed after kcn-tracker exported it" in flat(result.stderr)
    assert target.read_bytes() == saved


def test_an_export_of_an_earlier_version_is_still_replaced(run, tmp_path):
    """Its mark has no digest: it is replaced as before."""
    target = tmp_path / "old.md"
    target.write_bytes(b"<!-- kcn-tracker export -->\n**kcn-tracker report**\n")
    assert run("report", "--as-of", AS_OF, "--export", str(target)).exit_code == 0


def test_a_pipe_named_as_the_export_is_refused_not_waited_on(run, tmp_path):
    pipe = tmp_path / "page.html"
    os.mkfifo(pipe)
    result = run("report", "--as-of", AS_OF, "--export", str(pipe))  # a blocking open hangs
    assert result.exit_code == 2
    assert f"{pipe}: cannot be replaced (not a regular file)" in flat(result.stderr)


def test_a_file_put_in_place_after_the_first_look_is_not_written_over(tmp_path):
    """The target is looked at again under the folder's lock, just before the write."""
    from kcn_tracker.report.export import ExportError, check_target, write_export

    target = tmp_path / "minutes.md"
    check_target(target)  # nothing there when the command starts
    target.write_bytes(HAND_WRITTEN.encode("utf-8"))  # someone saves notes meanwhile
    with pytest.raises(ExportError, match="is not an earlier kcn-tracker export"):
        write_export(target, b"<!-- kcn-tracker export -->\nnew")
    assert target.read_bytes() == HAND_WRITTEN.encode("utf-8")


def test_a_large_earlier_export_is_still_replaced(run, tmp_path, monkeypatch):
    """Its digest is computed a megabyte at a time: a text export larger than the read
    limit is replaced like any other."""
    target = tmp_path / "all.txt"
    body = b"x" * 200_000
    target.write_bytes(f"-- kcn-tracker export {hashlib.sha256(body).hexdigest()} --\n"
                       .encode() + body)
    monkeypatch.setenv("KCN_TRACKER_MAX_BYTES", "100000")  # above every plan and document
    result = run("status", "--as-of", AS_OF, "--export", str(target))
    assert result.exit_code == 0, result.output
    assert b"kcn-tracker status" in target.read_bytes()


def test_an_export_through_a_link_is_written_where_it_leads(run, tmp_path):
    real = tmp_path / "real.md"
    assert run("status", "--as-of", AS_OF, "--export", str(real)).exit_code == 0
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert run("report", "--as-of", AS_OF, "--export", str(link)).exit_code == 0
    assert link.is_symlink() and "kcn-tracker report · " in real.read_text(encoding="utf-8")


# --- 4. CSV cells are never formulas ---------------------------------------------

FORMULAS = [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
]


def csv_rows(run, plans) -> list[dict]:
    result = run("report", plans, "--as-of", AS_OF, "-f", "csv", "-p", "thai-nguyen")
    assert result.exit_code == 0, result.output
    return [row for row in read_csv(result.stdout) if row["kind"] == "target"]


@pytest.mark.parametrize("name,cell", FORMULAS)
def test_csv_text_cells_are_not_formulas(run, project, name, cell):
    rows = csv_rows(run, hostile(project, province=name))
    assert {row["province"] for row in rows} == {cell}
    worst = next(r for r in rows if r["target_id"] == "tn-2024-industrial-output-plan")
    assert worst["overshoot_pct"] == "-7,9"  # a number stays a number (a decimal comma in vi)
    assert worst["actual_value"] == "1030000"


@pytest.mark.parametrize("name,cell", FORMULAS + [("\t=1+1", "\\u0009=1+1"),
                                                  ("\r=1+1", "\\u000d=1+1")])
def test_csv_zone_names_are_not_formulas(run, project, name, cell):
    plans = hostile(project, zone=name)
    with open(project / "plans" / "thai-nguyen.toml", "a", encoding="utf-8") as plan:
        plan.write(ZONE_TARGET)
    row = next(r for r in csv_rows(run, plans) if r["target_id"] == "tn-2024-yen-binh-it-area-plan")
    assert (row["scope"], row["target_value"], row["overshoot_pct"]) == (cell, "200", "0")


# --- 5. Exports stay well formed -------------------------------------------------

def test_a_control_character_leaves_the_svg_export_well_formed(run, project, tmp_path):
    plans = hostile(project, zone="KCN\x01Yên\x08Bình\x0b")
    target = tmp_path / "out.svg"
    result = run("report", plans, "--as-of", AS_OF, "--export", str(target), env=WIDE)
    assert result.exit_code == 0, result.output
    ET.fromstring(target.read_text(encoding="utf-8"))
    assert "KCN\\u0001Yên\\u0008Bình\\u000b" in target.read_text(encoding="utf-8")


def test_markdown_cells_hold_one_row_and_no_html(run, project):
    plans = hostile(project, zone="KCN\r<img src=x onerror=alert(1)> & | [x](javascript:y)")
    result = run("report", plans, "--as-of", AS_OF, "-f", "markdown")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "| 200 ha |" in line]
    assert rows == ["| Diện tích | KCN\\u000d&lt;img src=x onerror=alert(1)&gt; &amp; \\| "
                    "\\[x\\](javascript:y) | 2024 | 200 ha | chưa đặt chỉ tiêu | 002 |"]
    assert "<img" not in result.stdout


def test_status_markdown_escapes_a_bar_in_a_successor_name(run, project):
    plans = hostile(project, successor="Thái | Nguyên")
    result = run("status", plans, "--as-of", AS_OF, "--by", "successor", "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert ("| **Thái \\| Nguyên (tỉnh mới từ 01/07/2025, Nghị quyết 202/2025/QH15)** "
            "| | | | | | | | | |") in result.stdout.splitlines()


def test_the_note_on_a_merged_province_shows_escapes(run, project):
    # A successor's name may not hold C0 controls (KCN103); C1 and bidi pass check.
    name = "Thái\x9b2J Nguyên\u202e"
    plans = hostile(project, province=name, successor=name)
    result = run("report", plans, "-p", name, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code == 0, result.output
    assert RAW_CONTROLS.findall(result.stderr) == []
    assert ("Lưu ý: 'Thái\\u009b2J Nguyên\\u202e' cũng là tỉnh Thái\\u009b2J Nguyên\\u202e mới "
            "(từ 01/07/2025), gồm Bắc Kạn, Thái\\u009b2J Nguyên\\u202e") in result.stderr


def test_an_export_whose_line_ends_git_rewrote_is_still_replaced(run, tmp_path):
    target = tmp_path / "minutes.md"
    assert run("status", "--as-of", AS_OF, "--export", str(target)).exit_code == 0
    target.write_bytes(target.read_bytes().replace(b"\n", b"\r\n"))  # core.autocrlf
    assert run("report", "--as-of", AS_OF, "--export", str(target)).exit_code == 0


def test_a_workbook_that_unpacks_to_gigabytes_is_no_export_of_ours(run, tmp_path):
    """Its sheets are read a megabyte at a time and no further than any export of the
    tool unpacks to: refused as not an export, never a MemoryError."""
    import zipfile

    fresh, bomb = tmp_path / "fresh.xlsx", tmp_path / "bomb.xlsx"
    assert run("report", "--as-of", AS_OF, "--export", str(fresh)).exit_code == 0
    with zipfile.ZipFile(fresh) as source, \
            zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            out.writestr(info, source.read(info))
        with out.open(zipfile.ZipInfo("xl/media/big.bin"), "w", force_zip64=True) as part:
            for _ in range(72):  # 1.1 GiB of zeros, about a megabyte packed
                part.write(bytes(1 << 24))
    before = bomb.read_bytes()
    result = run("report", "--as-of", AS_OF, "--export", str(bomb))
    assert result.exit_code == 2 and "is not an earlier kcn-tracker export" in flat(result.stderr)
    assert bomb.read_bytes() == before
