"""`kcn-tracker add`: originals byte for byte, renditions beside them, the index extended."""

import hashlib
import shutil
import tomllib

import pytest
from conftest import ROOT

SHA = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "seeds").iterdir()}


@pytest.fixture
def made(documents):
    return documents


@pytest.fixture
def here(project, monkeypatch):
    monkeypatch.chdir(project)
    return project


def index(project):
    return tomllib.loads((project / "seeds" / "index.toml").read_text(encoding="utf-8"))


def test_add_keeps_the_original_and_indexes_it(run_here, here, made):
    before = (here / "seeds" / "index.toml").read_bytes()
    result = run_here("add", str(made["html"]), str(made["docx"]), "-p", "thai-nguyen",
                      "--url", "https://baothainguyen.vn/a.html")
    assert result.exit_code == 0, result.output
    stem = "thai_nguyen_thu_hut_dau_tu_vao_cac_khu_c"
    assert result.stdout.splitlines() == [
        f"{made['html']}: added as seeds/005_{stem}.html, its text in seeds/005_{stem}.txt",
        f"{made['docx']}: added as seeds/006_{stem}.docx, its text in seeds/006_{stem}.txt"]
    assert (here / "seeds" / f"005_{stem}.html").read_bytes() == made["html"].read_bytes()
    assert (here / "seeds" / f"006_{stem}.docx").read_bytes() == made["docx"].read_bytes()
    after = (here / "seeds" / "index.toml").read_bytes()
    assert after.startswith(before.rstrip(b"\n") + b"\n\n[[documents]]\n")
    html, docx = index(here)["documents"][5:]
    rendition = (here / "seeds" / f"005_{stem}.txt").read_bytes()
    assert html == {
        "file": f"005_{stem}.html", "rendition": f"005_{stem}.txt", "province": "thai-nguyen",
        "title": "Thái Nguyên: thu hút đầu tư vào các khu công nghiệp năm 2024",
        "publisher": "Báo Thái Nguyên", "published": "2025-01-03", "precision": "day",
        "url": "https://baothainguyen.vn/a.html", "format": "html",
        "sha256": hashlib.sha256(made["html"].read_bytes()).hexdigest(),
        "rendition_sha256": hashlib.sha256(rendition).hexdigest()}
    assert docx["author"] == "Hoàng Cường" and "published" not in docx  # never guessed
    assert run_here("check", "plans", "--strict").exit_code == 0


def test_options_override_what_the_document_states(run_here, here, made):
    result = run_here("add", str(made["cp1258"]), "-p", "thai-nguyen", "--title", "Báo cáo",
                      "--publisher", "UBND tỉnh", "--published", "2025-01")
    assert result.exit_code == 0, result.output
    entry = index(here)["documents"][-1]
    assert (entry["file"], entry["rendition"], entry["title"], entry["publisher"],
            entry["published"], entry["precision"], entry["format"]) == (
        "005_bao_cao.txt", "005_bao_cao.utf8.txt", "Báo cáo", "UBND tỉnh", "2025-01", "month",
        "windows-1258")
    # the Windows-1258 file's text is the UTF-8 seed it was made from, byte for byte
    assert entry["rendition_sha256"] == SHA["002_c1cdc5075e27b6e5.txt"]


def test_adding_the_same_file_twice_writes_nothing(run_here, here, made):
    assert run_here("add", str(made["html"]), "-p", "thai-nguyen").exit_code == 0
    files = sorted(p.name for p in (here / "seeds").iterdir())
    before = (here / "seeds" / "index.toml").read_bytes()
    again = run_here("add", str(made["html"]), "-p", "bac-kan")
    assert again.exit_code == 0
    assert again.stdout == (f"{made['html']}: already in seeds/ as "
                            "005_thai_nguyen_thu_hut_dau_tu_vao_cac_khu_c.html; nothing written\n")
    shipped = run_here("add", str(ROOT / "seeds" / "003_7134f92b119c0d58.txt"), "-p", "bac-kan")
    assert "already in seeds/ as 003_7134f92b119c0d58.txt" in shipped.stdout
    assert sorted(p.name for p in (here / "seeds").iterdir()) == files
    assert (here / "seeds" / "index.toml").read_bytes() == before


def test_a_scan_is_refused_and_nothing_is_written(run_here, here, made):
    seeds = {p.name: p.read_bytes() for p in (here / "seeds").iterdir()}
    result = run_here("add", str(made["docx"]), str(made["scan"]), "-p", "thai-nguyen")
    assert result.exit_code == 2
    assert "scan.pdf: no text in this PDF: it needs OCR first; nothing written" in result.stderr
    assert {p.name: p.read_bytes() for p in (here / "seeds").iterdir()} == seeds


@pytest.mark.parametrize("args, message", [
    (["-p", "Thái Nguyên"], "is not a province id"),
    (["-p", "bac-kan", "--published", "16/4/2024"], "is not a date"),
])
def test_bad_options_exit_2(run_here, here, made, args, message):
    result = run_here("add", str(made["html"]), *args)
    assert result.exit_code == 2 and message in result.stderr


def test_a_quote_may_cite_the_original_or_its_rendition(run_here, here, made):
    assert run_here("add", str(made["pdf"] if "pdf" in made else made["docx"]),
                    "-p", "thai-nguyen").exit_code == 0
    entry = index(here)["documents"][-1]
    plan = (here / "plans" / "thai-nguyen.toml").read_text(encoding="utf-8")
    for name in (entry["file"], entry["rendition"]):
        changed = plan.replace("seeds/002_c1cdc5075e27b6e5.txt", f"seeds/{name}")
        assert changed != plan
        (here / "plans" / "thai-nguyen.toml").write_text(changed, encoding="utf-8")
        result = run_here("check", "plans", "--strict")
        assert result.exit_code == 0, result.output
        (here / "plans" / "thai-nguyen.toml").write_text(plan, encoding="utf-8")


def test_check_reports_a_changed_document_and_an_unregistered_one(run_here, here):
    with open(here / "seeds" / "003_7134f92b119c0d58.txt", "ab") as handle:
        handle.write(b"\n")
    shutil.copy(here / "seeds" / "000_72b5589f6330c81a.txt", here / "seeds" / "009_copy.txt")
    result = run_here("check", "plans", "-f", "json")
    import json
    found = [(f["code"], f["file"].rsplit("/", 1)[-1], f["line"])
             for f in json.loads(result.stdout)["findings"] if f["code"] in ("KCN211", "KCN212")]
    assert found == [("KCN211", "index.toml", 43), ("KCN212", "009_copy.txt", None)]
    assert result.exit_code == 1


def test_a_dateline_gives_the_publication_date_and_a_date_in_a_sentence_does_not(
        run_here, here, tmp_path):
    dated = tmp_path / "co-ngay.txt"
    dated.write_text("KCN thu hút đầu tư\nThứ Hai, 16/04/2024 09:00\nNăm 2024, các KCN "
                     "thu hút 21 dự án.\n", encoding="utf-8")
    undated = tmp_path / "khong-ngay.txt"
    undated.write_text("KCN thu hút đầu tư\nTheo Nghị quyết số 16 ngày 12/8/2021, các KCN "
                       "thu hút 21 dự án.\n", encoding="utf-8")
    assert run_here("add", str(dated), str(undated), "-p", "bac-kan").exit_code == 0
    entries = {e["file"]: e for e in index(here)["documents"]}
    with_date = next(e for name, e in entries.items() if name.startswith("005_"))
    without = next(e for name, e in entries.items() if name.startswith("006_"))
    assert (with_date["published"], with_date["precision"]) == ("2024-04-16", "day")
    assert "published" not in without


def test_a_title_with_a_bidi_override_reaches_the_index_without_it(run_here, here, tmp_path):
    page = tmp_path / "tin.html"
    page.write_text("<html><head><title>Thu hút \u202eASU 05\u202c đầu tư\nnăm 2024</title>"
                    "</head><body><article><p>Năm 2024, các KCN thu hút 21 dự án.</p>"
                    "</article></body></html>", encoding="utf-8")
    assert run_here("add", str(page), "-p", "thai-nguyen").exit_code == 0
    assert index(here)["documents"][-1]["title"] == "Thu hút ASU 05 đầu tư năm 2024"
    assert run_here("check", "plans", "--strict").exit_code == 0


def test_check_finds_a_hidden_character_written_into_the_index(run_here, here):
    path = here / "seeds" / "index.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('publisher = "Vietnam Business Forum"',
                                 'publisher = "Vietnam \\u202eBusiness Forum"', 1),
                    encoding="utf-8")
    result = run_here("check", "plans")
    assert result.exit_code == 1
    line = next(n for n, t in enumerate(path.read_text().splitlines(), 1) if "\\u202e" in t)
    assert (f"seeds/index.toml:{line}: KCN209 [error] documents[1].publisher holds a control "
            "or bidirectional character (Vietnam \\u202eBusiness Forum)") in result.output
