"""Editing plan files from the command line: only what was asked, checked first, nothing lost."""

import os
import random
import signal
import time
import tomllib

import pytest
from conftest import ROOT

BK_QUOTE = "thu hút ít nhất 3 dự án đầu tư mới"
BK_DOC = "seeds/003_7134f92b119c0d58.txt"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the project's plans, seeds and schema, as the working directory."""
    for folder in ("plans", "seeds", "schema"):
        import shutil

        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def record(run, *extra, value="3", period="2022", plan="plans/bac-kan.toml", quote=BK_QUOTE):
    return run("record", "actual", plan, "--indicator", "new_projects", "--period", period,
               "--value", value, "--unit", "project", "--document", BK_DOC, "--quote", quote,
               *extra)


def test_recording_into_a_commented_file_adds_only_the_new_lines(run, project):
    path = project / "plans" / "bac-kan.toml"
    before = path.read_text(encoding="utf-8")
    result = record(run)
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    added = after.removeprefix(before)
    assert after.startswith(before)  # every byte before is untouched, comments included
    assert added == (
        "\n[[actuals]]\n"
        'id = "bac-kan-2022-new-projects"\n'
        'indicator = "new_projects"\n'
        'scope = "kcn"\n'
        'period = "2022"\n'
        "value = 3\n"
        'unit = "project"\n'
        f'source = {{ document = "{BK_DOC}", quote = "{BK_QUOTE}" }}\n')
    header = before.count("\n") + 2
    assert f"Added actuals[7] to plans/bac-kan.toml at line {header}:" in result.stdout
    assert run("check", "plans", "--strict").exit_code == 0
    assert run("fmt", "--check", "plans").exit_code == 0


def test_a_new_entry_goes_after_its_section_not_after_the_next_sections_comment(run, project):
    path = project / "plans" / "thai-nguyen.toml"
    before = path.read_text(encoding="utf-8").split("\n")
    result = run("record", "actual", str(path), "--indicator", "new_projects_fdi", "--period",
                 "2025", "--value", "21", "--unit", "project", "--document",
                 "seeds/002_c1cdc5075e27b6e5.txt", "--quote",
                 "các KCN của tỉnh thu hút mới 21 dự án đầu tư FDI")
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8").split("\n")
    comment = "# --- Revocations not completed (article of early 2024, on 2023) -----------------"
    at = before.index(comment) - 1  # the blank line above the comment
    assert after.index(comment) == before.index(comment) + 9
    assert after[after.index(comment) - 2].startswith("source = ")
    # Every old line is still there, in order, around the nine new ones.
    assert after[:at] + after[at + 9:] == before


def test_dry_run_prints_the_diff_and_writes_nothing(run, project):
    path = project / "plans" / "bac-kan.toml"
    before = path.read_bytes()
    result = record(run, "--dry-run")
    assert result.exit_code == 0
    assert "+value = 3" in result.stdout and "(dry run: nothing written)" in result.stdout
    assert path.read_bytes() == before


@pytest.mark.parametrize("change,words", [
    ({"quote": "thu hút ít nhất 3 dự án đầu tư mới vào CCN"}, "KCN203 the quote is not in"),
    ({"value": "4"}, "KCN204 the quote does not state the figure 4"),
    ({"period": "2022-13"}, "KCN109"),
    ({"period": "2022-04-16"}, "needs a period, not one day"),
])
def test_refusals_leave_the_file_byte_for_byte_unchanged(run, project, change, words):
    path = project / "plans" / "bac-kan.toml"
    before = path.read_bytes()
    result = record(run, **change)
    assert result.exit_code == 1
    assert words in result.stderr
    assert "the file is unchanged" in result.stderr
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_duplicate_entry_is_refused(run, project):
    assert record(run).exit_code == 0
    path = project / "plans" / "bac-kan.toml"
    before = path.read_bytes()
    again = record(run, "--id", "another-id")
    assert again.exit_code == 1
    assert "already holds this entry as 'bac-kan-2022-new-projects'" in again.stderr
    same_id = record(run, "--id", "bk-2022-operating-projects", period="2023")
    assert same_id.exit_code == 1 and "KCN110" in same_id.stderr
    assert path.read_bytes() == before


def test_an_ambiguous_figure_is_refused_before_anything_is_read(run, project):
    result = record(run, value="2.150")
    assert result.exit_code == 2
    assert "ambiguous" in result.stderr


def test_record_targets_stated_and_implied(run, project):
    stated = run("record", "target", "plans/bac-kan.toml", "--indicator", "new_capital",
                 "--period", "2023", "--value", "500", "--unit", "vnd_billion",
                 "--comparator", "over", "--document", BK_DOC,
                 "--quote", "vốn đăng ký mới đạt trên 500 tỷ đồng")
    assert stated.exit_code == 0, stated.output
    implied = run("record", "target", "plans/thai-nguyen.toml", "--indicator",
                  "new_projects_fdi", "--period", "2024", "--attainment", "140", "--unit",
                  "project", "--scope", "province", "--document",
                  "seeds/002_c1cdc5075e27b6e5.txt", "--quote", "vượt 40% kế hoạch đề ra")
    # There is no province-wide actual to derive it from: refused, nothing written.
    assert implied.exit_code == 1 and "KCN113" in implied.stderr
    plan = tomllib.loads((project / "plans" / "bac-kan.toml").read_text(encoding="utf-8"))
    assert plan["targets"][-1]["value"] == 500 and plan["targets"][-1]["comparator"] == "over"
    wrong = run("record", "target", "plans/bac-kan.toml", "--indicator", "new_capital",
                "--period", "2023", "--unit", "vnd_billion", "--document", BK_DOC,
                "--quote", BK_QUOTE)
    assert wrong.exit_code == 2 and "give --value" in wrong.stderr


def test_revocations_take_their_date_from_the_index(run, project):
    # A later report, added to this copy of the project, says the revocation is done.
    (project / "seeds" / "900_later.txt").write_text(
        "Tỉnh đã hoàn thành việc thu hồi dự án đầu tư Khu công nghiệp Vinaxuki.\n",
        encoding="utf-8")
    with open(project / "seeds" / "index.toml", "a", encoding="utf-8") as index:
        index.write('\n[[documents]]\nfile = "900_later.txt"\nprovince = "thai-nguyen"\n'
                    'published = "2025-03"\nprecision = "month"\n')
    result = run("revocation", "plans/thai-nguyen.toml", "Dự án đầu tư KCN Vinaxuki",
                 "--status", "recovered", "--zone", "vinaxuki", "--document",
                 "seeds/900_later.txt", "--quote",
                 "đã hoàn thành việc thu hồi dự án đầu tư Khu công nghiệp Vinaxuki")
    assert result.exit_code == 0, result.output
    plan = tomllib.loads((project / "plans" / "thai-nguyen.toml").read_text(encoding="utf-8"))
    assert plan["revocations"][-1]["reported"] == "2025-03"
    assert plan["revocations"][-1]["id"] == "thai-nguyen-revoke-du-an-dau-tu-kcn-vinaxuki-recovered"
    import json

    pending = json.loads(run("unrecovered", "--format", "json").stdout)["unrecovered"]
    assert [r["zone"] for r in pending] == ["KCN Trung Thành", "KCN Điềm Thụy – Khu B"]


@pytest.mark.parametrize("name,status,quote,words", [
    ("Dự án đầu tư KCN Vinaxuki", "recovered",
     "chưa hoàn thành việc thu hồi dự án đầu tư Khu công nghiệp Vinaxuki", "not completed"),
    ("Dự án Hà Nội", "pending", "chưa hoàn thành việc thu hồi dự án đầu tư Khu công nghiệp "
     "Vinaxuki", "does not name"),
    ("Dự án đầu tư KCN Vinaxuki", "pending",
     "chưa hoàn thành việc thu hồi dự án đầu tư Khu công nghiệp Vinaxuki", "already holds"),
    ("Dự án đầu tư KCN Vinaxuki", "done",
     "chưa hoàn thành việc thu hồi dự án đầu tư Khu công nghiệp Vinaxuki", "KCN103"),
])
def test_revocation_refusals(run, project, name, status, quote, words):
    path = project / "plans" / "thai-nguyen.toml"
    before = path.read_bytes()
    result = run("revocation", str(path), name, "--status", status, "--document",
                 "seeds/000_72b5589f6330c81a.txt", "--quote", quote)
    assert result.exit_code == 1, result.output
    assert words in result.stderr
    assert path.read_bytes() == before


def test_new_writes_a_valid_formatted_plan_and_never_overwrites(run, project):
    result = run("new", "bac-ninh", "--name", "Bắc Ninh")
    assert result.exit_code == 0, result.output
    path = project / "plans" / "bac-ninh.toml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#:schema ../schema/plan.schema.json\n")
    assert "# [[actuals]]" in text
    assert run("check", "plans", "--strict").exit_code == 0
    assert run("fmt", "--check", "plans").exit_code == 0
    again = run("new", "bac-ninh", "--name", "Other")
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert path.read_text(encoding="utf-8") == text
    assert run("new", "Bắc Ninh", "--name", "x").exit_code == 1


MESSY = '''#:schema ../schema/plan.schema.json
# a comment on top
[province]
name="Bắc Kạn"   # the name
id = "bac-kan"
# the targets follow
[[targets]]
# the figure, as the article writes it
value = 20
id = "t1"
unit = "project"
indicator = "new_projects"
comparator = "about"
scope = "kcn"
period = "2021-2025"
source = {quote="Bắc Kạn đề ra mục tiêu thu hút khoảng 20 dự án đầu tư mới",document="seeds/003_7134f92b119c0d58.txt"}   
'''


def test_fmt_writes_the_canonical_layout_and_keeps_every_comment(run, project):
    path = project / "plans" / "bac-kan.toml"
    path.write_text(MESSY, encoding="utf-8")
    check = run("fmt", "--check", str(path))
    assert check.exit_code == 1 and path.read_text(encoding="utf-8") == MESSY
    shown = run("fmt", "--diff", "--dry-run", str(path))
    assert '-name="Bắc Kạn"' in shown.stdout and path.read_text(encoding="utf-8") == MESSY
    assert run("fmt", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == '''#:schema ../schema/plan.schema.json
# a comment on top
[province]
id = "bac-kan"
name = "Bắc Kạn"   # the name

# the targets follow
[[targets]]
id = "t1"
indicator = "new_projects"
scope = "kcn"
period = "2021-2025"
# the figure, as the article writes it
value = 20
unit = "project"
comparator = "about"
source = { document = "seeds/003_7134f92b119c0d58.txt", quote = "Bắc Kạn đề ra mục tiêu thu hút khoảng 20 dự án đầu tư mới" }
'''
    assert run("fmt", "--check", str(path)).exit_code == 0


def test_fmt_refuses_a_file_that_is_not_toml(run, project):
    path = project / "plans" / "bac-kan.toml"
    path.write_text("[province\n", encoding="utf-8")
    result = run("fmt", "plans")
    assert result.exit_code == 1 and "not valid TOML" in result.stderr
    assert path.read_text(encoding="utf-8") == "[province\n"


def test_shipped_plans_are_fmt_clean(run, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert run("fmt", "--check", "plans").exit_code == 0


def test_a_failed_write_leaves_the_original_and_says_so(run, project, monkeypatch):
    path = project / "plans" / "bac-kan.toml"
    before = path.read_bytes()

    def full_disk(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = record(run)
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr and "original file is unchanged" in \
        result.stderr
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def _writer(period: str) -> list[str]:
    return ["record", "actual", "plans/bac-kan.toml", "--indicator", "new_projects", "--period",
            period, "--value", "3", "--unit", "project", "--document", BK_DOC, "--quote",
            BK_QUOTE]


def _fork(args: list[str], before=None) -> tuple[int, int]:
    """One run of the command in a process of its own, forked from this one (imports
    done, so it costs the write and not the 0.5 s a new interpreter takes to import):
    its pid and a pipe that gets what ``before(pipe)`` sends, then the exit code and
    stderr. The child shares nothing with this process but the files: the writers'
    lock is the kernel's flock on the folder, held per process."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.close(read)
            if before is not None:
                before(write)
            from typer.testing import CliRunner

            from kcn_tracker.cli import app

            result = CliRunner().invoke(app, args)
            os.write(write, f"exit {result.exit_code}\n{result.stderr}".encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _finish(pid: int, pipe: int) -> str:
    with os.fdopen(pipe, "rb") as handle:
        said = handle.read().decode()
    os.waitpid(pid, 0)
    return said


def test_twenty_writers_at_once_all_land(run, project):
    # Imports done here, so that each forked writer only writes (a dry run writes nothing).
    assert run(*_writer("2001"), "--dry-run").exit_code == 0
    go_read, go_write = os.pipe()

    def wait_for_the_others(_):
        os.close(go_write)
        os.read(go_read, 1)  # returns when the parent closes its end: all start at once

    writers = [_fork(_writer(str(2001 + i)), wait_for_the_others) for i in range(20)]
    os.close(go_read)
    os.close(go_write)
    said = [_finish(pid, pipe) for pid, pipe in writers]
    assert all(s.startswith("exit 0\n") for s in said), said
    plan = tomllib.loads((project / "plans" / "bac-kan.toml").read_text(encoding="utf-8"))
    periods = sorted(a["period"] for a in plan["actuals"] if a["indicator"] == "new_projects")
    assert periods == [str(2001 + i) for i in range(20)]
    # They did write at the same time: some found the folder locked and waited.
    assert any("waiting for another kcn-tracker writing" in s for s in said), said


def _slow_writes(pipe: int) -> None:
    """In a forked writer: write the file 512 bytes at a time and say so on ``pipe``
    after each piece (w), before the rename (r) and after it (R), sleeping 10 ms after
    each, so that a kill can be aimed at every step of the write."""
    fdopen, replace = os.fdopen, os.replace

    class Slow:
        def __init__(self, handle):
            self.handle = handle

        def write(self, data):
            for start in range(0, len(data), 512):
                self.handle.write(data[start:start + 512])
                self.handle.flush()
                os.write(pipe, b"w")
                time.sleep(0.01)

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)

    def slow_replace(*args):
        os.write(pipe, b"r")
        time.sleep(0.01)
        replace(*args)
        os.write(pipe, b"R")
        time.sleep(0.01)

    os.fdopen = lambda *args, **kwargs: Slow(fdopen(*args, **kwargs))
    os.replace = slow_replace


def test_a_writer_killed_at_any_moment_leaves_the_old_file_or_the_new(run, project):
    """SIGKILL at every step of the write: after each piece of the temporary file, after
    its fsync (before the rename) and after the rename, a few ms in at random."""
    path = project / "plans" / "bac-kan.toml"
    old = path.read_bytes()
    assert run(*_writer("2030")).exit_code == 0
    new = path.read_bytes()
    steps = -(-len(new) // 512) + 2  # the pieces, then the rename's two marks
    rng = random.Random(7)
    outcomes = []
    runs = int(os.environ.get("KCN_KILL_RUNS", "16"))
    for k in range(runs):
        path.write_bytes(old)
        pid, pipe = _fork(_writer("2030"), _slow_writes)
        # from after the rename back to the first piece, so that the last one leaves a
        # temporary file behind
        at = steps - k * (steps - 1) // max(runs - 1, 1)
        assert len(os.read(pipe, 1)) == 1  # it has started to write
        for _ in range(at - 1):
            assert len(os.read(pipe, 1)) == 1
        time.sleep(rng.uniform(0.0, 0.008))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(pipe)
        now = path.read_bytes()
        assert now in (old, new)
        tomllib.loads(now.decode("utf-8"))
        outcomes.append(now == new)
    assert set(outcomes) == {True, False}  # kills landed both before and after the rename
    # A killed writer's temporary file never looks like a plan file, and the next
    # writer clears it away.
    assert list(path.parent.glob(".*.tmp"))
    assert sorted(p.name for p in path.parent.glob("*.toml")) == [
        "bac-giang.toml", "bac-kan.toml", "thai-nguyen.toml"]
    path.write_bytes(old)
    assert run(*_writer("2030")).exit_code == 0
    assert not list(path.parent.glob(".*.tmp"))


def test_a_link_is_written_through_not_replaced(run, project):
    real = project / "real"
    real.mkdir()
    (project / "plans" / "bac-kan.toml").rename(real / "bac-kan.toml")
    os.symlink(real / "bac-kan.toml", project / "plans" / "bac-kan.toml")
    assert record(run).exit_code == 0
    assert (project / "plans" / "bac-kan.toml").is_symlink()
    assert "bac-kan-2022-new-projects" in (real / "bac-kan.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("transform,check_bytes", [
    (lambda b: b.replace(b"\n", b"\r\n"), lambda b: b"\r\n[[actuals]]\r\n" in b
     and b.count(b"\n") == b.count(b"\r\n")),
    (lambda b: b"\xef\xbb\xbf" + b, lambda b: b.startswith(b"\xef\xbb\xbf#:schema")),
    (lambda b: b.rstrip(b"\n"), lambda b: b.endswith(b'" }\n') and b"}\n\n[[actuals]]" in b),
])
def test_line_endings_and_byte_order_mark_are_kept(run, project, transform, check_bytes):
    path = project / "plans" / "bac-kan.toml"
    before = transform(path.read_bytes())
    path.write_bytes(before)
    assert record(run).exit_code == 0
    after = path.read_bytes()
    assert check_bytes(after)
    assert after.startswith(before.rstrip(b"\r\n"))


def test_an_entry_ending_in_a_multi_line_string_is_not_broken_into(run, project):
    path = project / "plans" / "bac-kan.toml"
    text = path.read_text(encoding="utf-8").replace(
        'note = "infrastructure under investment"',
        'note = """infrastructure under investment\n\n# (phase II)"""')
    path.write_text(text, encoding="utf-8")
    assert record(run).exit_code == 0
    plan = tomllib.loads(path.read_text(encoding="utf-8"))
    assert plan["actuals"][6]["note"] == "infrastructure under investment\n\n# (phase II)"
    assert plan["actuals"][7]["id"] == "bac-kan-2022-new-projects"


@pytest.mark.parametrize("args,code,words", [
    (("record", "actual", "nowhere/x.toml", "--indicator", "new_projects", "--period", "2022",
      "--value", "3", "--unit", "project", "--document", BK_DOC, "--quote", BK_QUOTE), 1,
     "no such folder"),
    (("record", "actual", "plans/missing.toml", "--indicator", "new_projects", "--period",
      "2022", "--value", "3", "--unit", "project", "--document", BK_DOC, "--quote", BK_QUOTE),
     1, "no such plan file"),
    (("record", "actual", "plans/bac-kan.toml", "--indicator", "new_projects", "--period",
      "2022", "--value", "nan", "--unit", "project", "--document", BK_DOC, "--quote", BK_QUOTE),
     2, "is not a figure"),
    (("record", "actual", "plans/bac-kan.toml", "--indicator", "new_projects", "--period",
      "2022", "--value", "3", "--unit", "project", "--document", BK_DOC, "--quote",
      "thu hút\nít nhất 3 dự án"), 2, "line break"),
    (("record", "actual", "plans/bac-kan.toml", "--indicator", "new_project", "--period",
      "2022", "--value", "3", "--unit", "project", "--document", BK_DOC, "--quote", BK_QUOTE),
     1, "KCN104"),
    (("new", "bac-ninh", "--name", "Bắc Ninh", "--dir", "nowhere"), 2, "no such directory"),
])
def test_bad_arguments_are_refused_without_a_traceback(run, project, args, code, words):
    before = {p: p.read_bytes() for p in (project / "plans").iterdir()}
    result = run(*args)
    assert result.exit_code == code, result.output
    assert words in result.stderr
    assert {p: p.read_bytes() for p in (project / "plans").iterdir()} == before


def test_dry_run_for_new_and_revocation_writes_nothing(run, project):
    result = run("new", "bac-ninh", "--name", "Bắc Ninh", "--dry-run")
    assert result.exit_code == 0 and '+name = "Bắc Ninh"' in result.stdout
    assert not (project / "plans" / "bac-ninh.toml").exists()
    path = project / "plans" / "thai-nguyen.toml"
    before = path.read_bytes()
    result = run("revocation", str(path), "Dự án đầu tư KCN Trung Thành", "--status", "pending",
                 "--zone", "trung-thanh", "--reported", "2025", "--document",
                 "seeds/000_72b5589f6330c81a.txt", "--quote", "chưa hoàn thành việc thu hồi dự "
                 "án đầu tư Khu công nghiệp Vinaxuki, Khu công nghiệp Trung Thành", "--dry-run")
    assert result.exit_code == 0, result.output
    assert '+reported = "2025"' in result.stdout and path.read_bytes() == before


def test_fmt_keeps_data_and_comments_on_many_variants_of_the_plans():
    """Reordered keys, odd spacing, extra comments, underscores: same data, same comments."""
    import re
    from decimal import Decimal

    from kcn_tracker.edit.fmt import format_text

    rng = random.Random(11)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "plans").glob("*.toml"))]
    # 20 variants of 24 changes each: as many changes as 60 variants of 8 (some 480,
    # each kind ~90 times), in a third of the formatting (~0.1 s a file, twice a variant).
    checked = 0
    for n in range(20):
        lines = rng.choice(texts).split("\n")
        for _ in range(24):
            i = rng.randrange(len(lines))
            line = lines[i]
            if re.match(r"^[a-z_]+ = ", line):
                choice = rng.randrange(4)
                if choice == 0 and i + 1 < len(lines) and re.match(r"^[a-z_]+ = ", lines[i + 1]):
                    lines[i], lines[i + 1] = lines[i + 1], line  # swap two keys
                elif choice == 1:
                    lines[i] = line.replace(" = ", "   =", 1) + "   "
                elif choice == 2:
                    lines.insert(i, f"# note {n}-{i}")
                else:
                    lines[i] = re.sub(r"= (\d)(\d{3})$", r"= \1_\2", line)
        text = "\n".join(lines)
        try:  # swapped lines can break TOML (fmt refuses such a file: tested above)
            data = tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError:
            continue
        formatted = format_text(text)
        assert tomllib.loads(formatted, parse_float=Decimal) == data
        assert sorted(re.findall(r"^\s*(#.*?)\s*$", text, re.M)) == sorted(
            re.findall(r"^\s*(#.*?)\s*$", formatted, re.M))
        assert format_text(formatted) == formatted
        checked += 1
    assert checked >= 15, checked
