"""Messages in the reader's language: English by default, Vietnamese with --lang vi or
KCN_TRACKER_LANG=vi, from gettext catalogs kept in step with the code."""

import io
import re
import shutil

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from conftest import ROOT

LOCALE = ROOT / "src" / "kcn_tracker" / "locale"
PO = LOCALE / "vi" / "LC_MESSAGES" / "kcn_tracker.po"
MO = PO.with_suffix(".mo")
FIELDS = re.compile(r"\{\w*\}")


def _catalog():
    with PO.open("rb") as f:
        return read_po(f, locale="vi")


def _forms(text) -> tuple[str, ...]:
    """A message's forms: one, or a plural's singular and plural ("1 error", "2 errors")."""
    return (text,) if isinstance(text, str) else tuple(text)


def test_the_compiled_catalog_is_in_step_with_the_po():
    """The shipped .mo is what `pybabel compile` makes of the .po (scripts/messages.py)."""
    made = io.BytesIO()
    write_mo(made, _catalog())
    with MO.open("rb") as f:
        shipped = {_forms(m.id): _forms(m.string) for m in read_mo(f) if m.id}
    assert shipped == {_forms(m.id): _forms(m.string)
                       for m in read_mo(io.BytesIO(made.getvalue())) if m.id}


def test_every_message_of_the_code_is_in_the_template_and_translated():
    extracted = {_forms(item[2]) for item in extract_from_dir(
        str(ROOT / "src"), method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None, "n_": (1, 2)})
        if all(isinstance(form, str) for form in _forms(item[2]))}
    with (LOCALE / "messages.pot").open("rb") as f:
        template = {_forms(m.id) for m in read_po(f) if m.id}
    assert extracted == template, "run python scripts/messages.py"
    catalog = _catalog()
    for message in catalog:
        if message.id:
            fields = set(FIELDS.findall(_forms(message.id)[-1]))
            for form in _forms(message.string):
                assert form, f"not translated: {message.id}"
                assert set(FIELDS.findall(form)) == fields, message.id
    assert {_forms(m.id) for m in catalog if m.id} == template


def test_every_translation_is_listed_in_docs_errors():
    errors = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    listed = errors.split("## Tiếng Việt", 1)[1]
    missing = [m.id for m in _catalog()
               if m.id and f"`{' / '.join(_forms(m.string))}`" not in listed]
    assert missing == []


def test_a_bad_as_of_in_vietnamese(run):
    result = run("report", "--as-of", "31/13/2025", "--lang", "vi")
    assert result.exit_code == 2
    assert ("kcn-tracker: --as-of '31/13/2025' không phải là ngày; hãy ghi 2025-12-31 "
            "hoặc 31/12/2025") in result.stderr
    english = run("report", "--as-of", "31/13/2025")
    assert "kcn-tracker: --as-of '31/13/2025' is not a date; write it as" in english.stderr
    assert "không phải" not in english.stderr


def test_the_language_comes_from_the_environment_for_every_command(run):
    result = run("report", "--width", "5", env={"KCN_TRACKER_LANG": "vi"})
    assert result.exit_code == 2
    assert "Giá trị không hợp lệ cho '--width': giá trị phải từ 20 trở lên" in result.output
    assert "Invalid value for '--width'" in run("report", "--width", "5").output


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    for folder in ("plans", "seeds", "schema"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KCN_TRACKER_LANG", raising=False)
    return tmp_path


def test_a_check_finding_in_vietnamese_keeps_its_code(run_here, scratch):
    plan = scratch / "plans" / "bac-kan.toml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('unit = "project"', 'unit = "vnd_billion"', 1), encoding="utf-8")
    vi = run_here("--lang", "vi", "check", "plans")
    assert vi.exit_code == 1
    assert "KCN204 [lỗi] trích dẫn không nêu con số 20 (vnd_billion); nó ghi: 20" in vi.output
    assert vi.output.endswith("đã kiểm tra 3 tệp kế hoạch: 2 lỗi, 0 cảnh báo, 2 thông tin, "
                              "2 đã ghi nhận; không đạt\n")
    en = run_here("check", "plans")
    assert "KCN204 [error] the quote does not state the figure 20 (vnd_billion)" in en.output
    assert en.output.endswith("3 plan files checked: 2 errors, 0 warnings, 2 info, "
                              "2 acknowledged; failed\n")


def test_a_plan_file_that_is_not_toml_in_vietnamese(run_here, scratch):
    (scratch / "plans" / "bac-kan.toml").write_text("x = [", encoding="utf-8")
    vi = run_here("--lang", "vi", "check", "plans/bac-kan.toml", "--strict")
    assert vi.exit_code == 1
    assert vi.output.startswith("plans/bac-kan.toml:1:6: KCN001 [lỗi] TOML không hợp lệ: ")
    assert vi.output.endswith("đã kiểm tra 1 tệp kế hoạch: 1 lỗi, 0 cảnh báo, 0 thông tin, "
                              "0 đã ghi nhận; không đạt (--strict: cảnh báo cũng là lỗi)\n")
    missing = run_here("--lang", "vi", "report", "plans/none.toml")
    assert missing.exit_code == 2
    assert "plans/none.toml: không có tệp hoặc thư mục này" in missing.stderr


def test_a_record_refusal_in_vietnamese(run_here, scratch):
    plan = scratch / "plans" / "bac-kan.toml"
    before = plan.read_bytes()
    args = ("record", "actual", "plans/bac-kan.toml", "--indicator", "new_projects",
            "--period", "2022", "--value", "7", "--unit", "project", "--document",
            "seeds/003_7134f92b119c0d58.txt", "--quote", "thu hút ít nhất 3 dự án đầu tư mới")
    vi = run_here(*args, env={"KCN_TRACKER_LANG": "vi"})
    assert vi.exit_code == 1
    assert "KCN204 trích dẫn không nêu con số 7 (project)" in vi.stderr
    assert "kcn-tracker: plans/bac-kan.toml: mục mới bị từ chối; tệp không thay đổi" in vi.stderr
    en = run_here(*args)
    assert "kcn-tracker: plans/bac-kan.toml: the new entry is refused; the file is unchanged" \
        in en.stderr
    assert plan.read_bytes() == before


def test_help_speaks_the_language_of_messages(run):
    top = run("--lang", "vi", "--help").stdout
    assert "Tất cả các tỉnh trên một màn hình." in top  # status's summary
    assert "Hiển thị thông báo này rồi thoát." in top  # click's own --help option
    sub = run("report", "--help", env={"KCN_TRACKER_LANG": "vi"}).stdout
    assert "Chỉ tỉnh này" in sub and "Only this province" not in sub
    english = run("report", "--help").stdout
    assert "Only this province: id or name" in english and "Chỉ tỉnh này" not in english
    # one run's language does not leak into the next run in the same process
    assert "Show this message and exit." in run("--help").stdout


def test_the_command_line_language_wins_over_the_environment(run):
    for env, typed, expected in (("vi", "en", "no plan for province 'nowhere'"),
                                 ("en", "vi", "không có kế hoạch cho tỉnh 'nowhere'")):
        result = run("--lang", typed, "report", "-p", "nowhere",
                     env={"KCN_TRACKER_LANG": env})
        assert result.exit_code == 2 and expected in result.stderr


@pytest.mark.parametrize("args,expected", [
    (("reprt",), "Không có lệnh 'reprt'. Có phải bạn muốn dùng 'report'?"),
    (("--project", "plans/bac-kan.toml", "status"),
     "Giá trị không hợp lệ cho '--project' (env var: 'KCN_TRACKER_PROJECT'): "
     "'plans/bac-kan.toml' là một tệp, không phải thư mục."),
    (("report", "--year", "abc"), "Giá trị không hợp lệ cho '--year': cần một số nguyên"),
])
def test_a_bad_command_line_in_vietnamese(run, args, expected):
    result = run("--lang", "vi", *args)
    assert result.exit_code == 2
    assert expected in " ".join(result.output.split())


def test_what_edits_say_they_did_in_vietnamese(run_here, scratch):
    out = run_here("--lang", "vi", "fmt", "--check", "plans")
    assert out.exit_code == 0 and out.stderr.strip() == "3 tệp: 0 tệp sẽ thay đổi"
    created = run_here("--lang", "vi", "new", "ha-nam", "--name", "Hà Nam")
    assert created.exit_code == 0 and created.stdout.startswith("Đã tạo plans/ha-nam.toml")
    unknown = run_here("--lang", "vi", "trend", "new_projectz")
    assert "không có chỉ tiêu 'new_projectz'; có phải bạn muốn dùng 'new_projects'?" in \
        unknown.stderr


def test_drafts_comments_in_vietnamese_keep_their_field_names(run):
    """The field a check line is about stays its plan-file key (period:, indicator:), so
    that a reviewer finds it in the entry below and an edit of that field clears it."""
    out = run("--lang", "vi", "draft", "seeds/002_c1cdc5075e27b6e5.txt", "-p", "bac-kan").stdout
    assert out.startswith("# Do `kcn-tracker draft` đề xuất từ seeds/002_c1cdc5075e27b6e5.txt "
                          "cho plans/bac-kan.toml.\n")
    assert ("# 200ha (dòng 6)\n# check: period: không nêu kỳ; lấy theo ngày của văn bản "
            "(2024-12, seeds/index.toml)\n") in out
    english = run("draft", "seeds/002_c1cdc5075e27b6e5.txt", "-p", "bac-kan").stdout
    assert "# 200ha (line 6)\n# check: period: not stated; taken from the document's date" \
        in english


@pytest.mark.parametrize("args,env,expected", [
    (("report", "--lang", "vi", "--help"), {}, "Chỉ tỉnh này"),
    (("report", "--year", "abc", "--lang", "vi"), {},
     "Giá trị không hợp lệ cho '--year': cần một số nguyên"),
    (("--lang", "vi", "report", "--provinc", "x"), {},
     "Không có tùy chọn: --provinc (có phải bạn muốn dùng --province?)"),
    (("report", "--lang", "en", "--nope"), {"KCN_TRACKER_LANG": "vi"}, "No such option: --nope"),
])
def test_a_typed_lang_decides_wherever_it_stands(run, args, env, expected):
    """--help and a bad option are answered while the arguments are read, before --lang's
    own turn: the typed --lang is found first, wherever it stands, over the environment."""
    assert expected in " ".join(run(*args, env=env).output.split())


def test_a_locale_in_the_environment_does_not_stop_a_command(run):
    result = run("--lang", "vi", "status", env={"KCN_TRACKER_LANG": "C.UTF-8"})
    assert result.exit_code == 0 and "Tình hình thực hiện kế hoạch" in result.stdout


def test_a_value_that_looks_like_clicks_words_is_not_rewritten(run):
    out = " ".join(run("--lang", "vi", "report", "-f", "x' is not one of 'y").output.split())
    assert ("Giá trị không hợp lệ cho '--format' / '-f': \"x' is not one of 'y\" không phải "
            "một trong 'table', 'json', 'csv', 'markdown'.") in out
