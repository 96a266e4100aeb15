import json
import shutil
from pathlib import Path

import pytest
import typer.testing
from typer.testing import CliRunner

from kcn_tracker.cli import app

# typer's CliRunner builds the click command from the app on every invoke (25-75 ms
# here: a signature and type hints read for each of ~170 parameters), as the installed
# command does once per process. The command is the same object every time (click
# commands are made to be invoked again; their options' defaults and environment
# variables are read at each invoke), so the test process builds it once.
_commands: dict[int, object] = {}
_build_command = typer.testing._get_command


def _get_command_once(typer_app):
    if id(typer_app) not in _commands:
        _commands[id(typer_app)] = (typer_app, _build_command(typer_app))
    return _commands[id(typer_app)][1]


typer.testing._get_command = _get_command_once

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-22"


@pytest.fixture(autouse=True)
def no_terminal_size(monkeypatch):
    """No test sees the size of the terminal of whoever runs the suite: the tool takes
    COLUMNS as the width of its tables (and pytest-xdist's workers have COLUMNS=80 and
    LINES=24 set), so a test that wants one gives it."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def run(monkeypatch):
    """Run the CLI from the project root, as a board member would."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("KCN_TRACKER_LANG", raising=False)
    runner = CliRunner()

    def invoke(*args: str, env: dict | None = None):
        result = runner.invoke(app, list(args), env=env)
        # CliRunner keeps an exception instead of printing a traceback; a crash
        # must never pass for a run that found problems.
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return invoke


@pytest.fixture
def report_json(run):
    def get(*args: str) -> dict:
        result = run("report", "--as-of", AS_OF, "--format", "json", *args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return get


@pytest.fixture
def project(tmp_path) -> Path:
    """A scratch copy of the project's plans and seeds to break on purpose."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


@pytest.fixture(scope="session")
def documents(tmp_path_factory) -> dict[str, Path]:
    """The seed as a board receives it (Word, PDF, HTML, UTF-16, Windows-1258, a scan),
    made once for the tests that only read them (~1 s: the PDF and the Word file)."""
    from fixtures.make_documents import make_all

    return make_all(tmp_path_factory.mktemp("documents"))


@pytest.fixture(scope="session")
def national_set(tmp_path_factory) -> Path:
    """The benchmark's generated national set at scale 0.02 (one province, 419 entries,
    200 documents), made once for the tests that only read it."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("national") / "national"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--scale", "0.02",
                    "--out", str(out)], check=True, capture_output=True)
    return out


def by_id(items: list[dict], id_: str) -> dict:
    return next(item for item in items if item["id"] == id_)


@pytest.fixture
def run_here():
    """Run the CLI in the working directory the test chose (a scratch project)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict | None = None):
        result = runner.invoke(app, list(args), input=input, env=env)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return invoke


def read_csv(text: str, lang: str = "vi") -> list[dict]:
    """The report's CSV as a spreadsheet of that language reads it: a UTF-8 byte-order
    mark, then `;` between cells in Vietnamese, `,` in English."""
    import csv
    import io

    assert text.startswith("\ufeff"), "the CSV starts with a byte-order mark"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";" if lang == "vi" else ","))
