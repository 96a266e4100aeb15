"""Time whole commands as a user runs them, and print a Markdown table.

    python benchmarks/run.py [--scales 0.1 1 3] [--runs 5] [--heavy-runs 3]

Each command runs several times; the table gives the median, the spread (fastest
to slowest) and the peak memory of the slowest run (the process's maximum
resident size, from wait4). National sets are generated first with
benchmarks/generate.py. The yardsticks are measured in the same run: the time to
import typer, rich and pydantic; the parse floor (tomllib on the same plan files,
in a loop, plus reading every document once); and check-jsonschema's
schema-only check of the same files, when it is installed
(`pip install check-jsonschema`). This is a measuring tool, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TOOL = [str(BIN / "kcn-tracker")]
PY = [sys.executable]


def measure(command: list[str], runs: int, cwd: Path = ROOT) -> tuple[float, float, float, int]:
    """(median, fastest, slowest) seconds and the peak memory in MB."""
    times, peak = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss // 1024)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed")
    return statistics.median(times), min(times), max(times), peak


def parse_floor(folder: Path) -> list[str]:
    code = ("import glob, tomllib\n"
            f"for f in sorted(glob.glob('{folder}/plans/*.toml')):\n"
            "    tomllib.load(open(f, 'rb'))\n"
            f"for f in glob.glob('{folder}/seeds/*.txt'):\n"
            "    open(f, 'rb').read()\n")
    return PY + ["-c", code]


SEEDS = sorted((ROOT / "seeds").glob("0*.txt"))


def long_document() -> Path:
    """The five seeds repeated to 2 MB: a long report for extract (git-ignored)."""
    path = ROOT / "benchmarks" / "long-document.txt"
    if not path.exists():
        text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
        path.write_text(text * (2_000_000 // len(text.encode("utf-8")) + 1), encoding="utf-8")
    return path


def intake_documents() -> tuple[Path, Path]:
    """A 21-page PDF (the five seeds twice, Roboto, wrapped lines, running head, page
    numbers) and a 2 MB Word file (the seeds with two photographs, as reports come), made
    by tests/fixtures/make_documents.py; needs the test extra (fpdf2, font-roboto)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures.make_documents import make_docx, make_pdf

    pdf, word = ROOT / "benchmarks" / "report-21-pages.pdf", ROOT / "benchmarks" / "report-2mb.docx"
    text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    if not pdf.exists():
        make_pdf(text, pdf, repeat=2)
    if not word.exists():
        import io
        import random

        import docx
        from PIL import Image

        make_docx(text, word)
        document = docx.Document(word)
        rng = random.Random(0)
        for _ in range(2):  # noise does not compress: a photograph's weight
            image = Image.frombytes("RGB", (700, 500), rng.randbytes(700 * 500 * 3))
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            document.add_picture(buffer)
        document.save(word)
    return pdf, word


def fresh_add(document: Path, runs: int) -> tuple[float, float, float, int]:
    """`add` into a new copy of the project each run, so no run finds it already added."""
    results = []
    for i in range(runs):
        folder = ROOT / "benchmarks" / f"add-{i}"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(ROOT / "seeds", folder / "seeds")
        results.append(measure(TOOL + ["add", str(document), "-p", "thai-nguyen"], 1, folder))
        shutil.rmtree(folder)
    times = sorted(r[0] for r in results)
    return statistics.median(times), times[0], times[-1], max(r[3] for r in results)


def row(name: str, result: tuple[float, float, float, int]) -> str:
    median, low, high, peak = result
    return f"| {name} | {median:.2f} | {low:.2f}–{high:.2f} | {peak} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1, 3])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--heavy-runs", type=int, default=3)
    args = parser.parse_args()
    jsonschema = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which(
        "check-jsonschema")
    lines = ["| command | median s | spread s | peak MB |", "|---|---:|---:|---:|"]
    light = [
        ("`python -c 'import typer, rich, pydantic'` (yardstick)",
         PY + ["-c", "import typer, rich, pydantic"]),
        ("`kcn-tracker --version`", TOOL + ["--version"]),
        ("`kcn-tracker --help`", TOOL + ["--help"]),
        ("`kcn-tracker report` (shipped plans)", TOOL + ["report"]),
        ("`kcn-tracker check plans` (shipped plans)", TOOL + ["check", "plans"]),
        ("`kcn-tracker extract -f json seeds/*.txt` (five documents)",
         TOOL + ["extract", "-f", "json", *sorted(str(p) for p in SEEDS)]),
        ("`kcn-tracker draft seeds/004… -p bac-giang`",
         TOOL + ["draft", str(SEEDS[-1]), "-p", "bac-giang"]),
        ("`kcn-tracker extract -f json` on a 2 MB document", TOOL + ["extract", "-f", "json",
                                                                      str(long_document())]),
    ]
    for name, command in light:
        lines.append(row(name, measure(command, args.runs)))
    pdf, word = intake_documents()
    for label, document in (("a 21-page PDF", pdf), (f"a {word.stat().st_size / 1e6:.1f} MB "
                                                       "Word file", word)):
        lines.append(row(f"`kcn-tracker add` {label}", fresh_add(document, args.runs)))
        lines.append(row(f"`kcn-tracker extract -f json` {label}",
                         measure(TOOL + ["extract", "-f", "json", str(document)], args.runs)))
    for scale in args.scales:
        folder = ROOT / "benchmarks" / f"national-{scale:g}"
        if not (folder / "plans").is_dir():
            subprocess.run(PY + [str(ROOT / "benchmarks" / "generate.py"), "--scale",
                                 str(scale), "--out", str(folder)], check=True)
        plans = sorted(str(p) for p in (folder / "plans").glob("*.toml"))
        heavy = [
            ("`kcn-tracker check --strict`", TOOL + ["check", str(folder / "plans"), "--strict"]),
            ("`kcn-tracker report --format json`",
             TOOL + ["report", str(folder / "plans"), "--format", "json"]),
            ("`kcn-tracker status`", TOOL + ["status", str(folder / "plans")]),
            ("parse floor: tomllib on the plans + reading the documents (yardstick)",
             parse_floor(folder)),
        ]
        if jsonschema:
            heavy.append(("`check-jsonschema --schemafile schema/plan.schema.json` (yardstick)",
                          [jsonschema, "--schemafile", str(ROOT / "schema" / "plan.schema.json"),
                           *plans]))
        for name, command in heavy:
            lines.append(row(f"scale {scale:g}: {name}", measure(command, args.heavy_runs)))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
