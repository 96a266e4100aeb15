"""A province's name becomes a sheet's name in the workbook; a name from a plan that
passes `check --strict` must never crash the export nor take the tool's own sheets."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import AS_OF

openpyxl = pytest.importorskip("openpyxl")


def rename(project, name: str, path: str = "thai-nguyen") -> str:
    """The plans with the province of ``path`` given ``name``; they still pass check."""
    plan = project / "plans" / f"{path}.toml"
    text = plan.read_text(encoding="utf-8")
    head = f'id = "{path}"\nname = '
    start = text.index(head) + len(head)
    end = text.index("\n", start)
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    plan.write_text(f'{text[:start]}"{escaped}"{text[end:]}', encoding="utf-8")
    return str(project / "plans")


def sheets(run, plans: str, tmp_path, *args: str, command: str = "report") -> list[str]:
    assert run("check", plans, "--strict").exit_code == 0
    target = tmp_path / "out.xlsx"
    target.unlink(missing_ok=True)
    result = run(command, plans, "--as-of", AS_OF, "--export", str(target), *args)
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(target).sheetnames


def utf16(name: str) -> int:
    return len(name.encode("utf-16-le")) // 2


@pytest.mark.parametrize("command", ["report", "status"])
def test_an_apostrophe_left_at_the_end_by_the_cut_is_stripped(run, project, tmp_path, command):
    plans = rename(project, "A" * 30 + "'b")
    names = sheets(run, plans, tmp_path, command=command)
    assert names == ["Tổng hợp", "Bắc Giang", "Bắc Kạn", "A" * 30, "Nguồn"]
    plans = rename(project, "'Thái Nguyên'", path="bac-kan")
    assert "Thái Nguyên" in sheets(run, plans, tmp_path, command=command)


@pytest.mark.parametrize("command", ["report", "status"])
def test_a_name_is_cut_as_excel_counts_utf16_units(run, project, tmp_path, command):
    plans = rename(project, "🏭" * 20)
    names = sheets(run, plans, tmp_path, command=command)
    assert names[3] == "🏭" * 15  # 30 units: a sixteenth would be 32
    assert all(utf16(n) <= 31 for n in names)
    plans = rename(project, "🏭" * 16, path="bac-kan")  # cut to the same 15: a second one
    names = sheets(run, plans, tmp_path, command=command)
    assert names[2:4] == ["🏭" * 15, "🏭" * 13 + " (2)"]
    assert all(utf16(n) <= 31 for n in names)


def test_a_province_never_takes_the_tools_own_sheets(run, project, tmp_path):
    rename(project, "Nguồn")
    plans = rename(project, "tổng HỢP", path="bac-kan")
    assert sheets(run, plans, tmp_path) == [
        "Tổng hợp", "Bắc Giang", "tổng HỢP (2)", "Nguồn (2)", "Nguồn"]
    target = tmp_path / "out.xlsx"
    sources = openpyxl.load_workbook(target)["Nguồn"]
    assert [c.value for c in sources[3]][:2] == ["Tệp", "Tiêu đề"]  # the real sources
    rename(project, "SUMMARY")
    plans = rename(project, "Sources", path="bac-kan")
    assert sheets(run, plans, tmp_path, "--lang", "en") == [
        "Summary", "Bắc Giang", "Sources (2)", "SUMMARY (2)", "Sources"]


@pytest.mark.parametrize("name", ["History", "hIsToRy"])
def test_history_is_left_to_excel(run, project, tmp_path, name):
    plans = rename(project, name)
    assert sheets(run, plans, tmp_path)[3] == f"{name} (2)"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=40), max_size=6))
def test_any_province_names_make_sheets_excel_takes(names):
    from kcn_tracker.report.book import Book

    book = Book("vi", "t", [], own_sheets=("Tổng hợp", "Nguồn"))
    made = [book.sheet("Tổng hợp", own=True).name]
    made += [book.sheet(name).name for name in names]
    made.append(book.sheet("Nguồn", own=True).name)
    book.close()
    assert made[0] == "Tổng hợp" and made[-1] == "Nguồn"
    assert len({n.lower() for n in made}) == len(made)
    for name in made:
        assert 0 < utf16(name) <= 31 and name.lower() != "history"
        assert name[0] != "'" and name[-1] != "'" and not set("[]:*?/\\") & set(name)
