"""Time whole commands as a user runs them, and print a Markdown table.

    python benchmarks/run.py [--scales 0.1 1 3] [--runs 5] [--heavy-runs 3] [--only-goals]

Each command runs several times; the table gives the median, the spread (fastest
to slowest) and the peak memory of the slowest run (the process's maximum
resident size, from wait4). National sets are generated first with
benchmarks/generate.py. The yardsticks are measured in the same run: the time to
import typer, rich and pydantic; the parse floor (tomllib on the same plan files,
in a loop, plus reading every document once); and check-jsonschema's
schema-only check of the same files, when it is installed
(`pip install check-jsonschema`). Then the goals of issue 17, each as a ratio to its
floor measured alternately with it in the same run (the median of the per-round ratios,
and their spread): check --strict, report --format json and status at scale 1 against
the tomllib parse floor; `report` on the shipped plans against importing typer,
rich.table and pydantic's BaseModel; one province at 16x its entries against 1x
(benchmarks/one_province.py). --only-goals skips the table. This is a measuring tool,
not a test.
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
    pdf, word = ROOT / "benchmarks" / "report-21-pages.pdf", ROOT / "benchmarks" / "report-2mb.docx"
    if pdf.exists() and word.exists():
        return pdf, word
    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures.make_documents import make_docx, make_pdf

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


def ratio_row(name: str, command: list[str], floor: list[str], runs: int, goal: float) -> str:
    """``command`` against ``floor``, alternating, ``runs`` rounds: the median ratio."""
    ratios, times, floors = [], [], []
    for _ in range(runs):
        took, low = measure(command, 1)[0], measure(floor, 1)[0]
        times.append(took)
        floors.append(low)
        ratios.append(took / low)
    median = statistics.median(ratios)
    return (f"| {name} | {statistics.median(times):.2f} s against {statistics.median(floors):.2f} s "
            f"| {median:.2f}x ({min(ratios):.2f}–{max(ratios):.2f}x) | ≤ {goal:g}x | "
            f"{'yes' if median <= goal else '**no**'} |")


def goals(runs: int) -> list[str]:
    folder = ROOT / "benchmarks" / "national-1"
    if not (folder / "plans").is_dir():
        subprocess.run(PY + [str(ROOT / "benchmarks" / "generate.py"), "--scale", "1", "--out",
                             str(folder)], check=True)
    plans = str(folder / "plans")
    floor = parse_floor(folder)
    imports = PY + ["-c", "import typer, rich.table; from pydantic import BaseModel"]
    lines = ["| goal | measured | ratio (spread) | goal | met? |", "|---|---|---:|---:|---|",
             ratio_row("scale 1: `check --strict` / tomllib floor", TOOL + ["check", plans,
                       "--strict"], floor, runs, 2.0),
             ratio_row("scale 1: `report --format json` / tomllib floor",
                       TOOL + ["report", plans, "--format", "json"], floor, runs, 1.2),
             ratio_row("scale 1: `status` / tomllib floor", TOOL + ["status", plans], floor, runs,
                       1.0),
             ratio_row("`report` on the shipped plans / importing typer, rich.table, BaseModel",
                       TOOL + ["report"], imports, runs, 2.0)]
    one = subprocess.run(PY + [str(ROOT / "benchmarks" / "one_province.py"), "--rounds",
                               str(max(runs, 5))], capture_output=True, text=True, check=True)
    lines.append("")
    lines += one.stdout.strip().splitlines()
    return lines


def row(name: str, result: tuple[float, float, float, int]) -> str:
    median, low, high, peak = result
    return f"| {name} | {median:.2f} | {low:.2f}–{high:.2f} | {peak} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1, 3])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--heavy-runs", type=int, default=3)
    parser.add_argument("--only-goals", action="store_true")
    args = parser.parse_args()
    if args.only_goals:
        print("\n".join(goals(args.runs)))
        return
    jsonschema = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which(
        "check-jsonschema")
    lines = ["| command | median s | spread s | peak MB |", "|---|---:|---:|---:|"]
    light = [
        ("`python -c 'import typer, rich, pydantic'` (yardstick)",
         PY + ["-c", "import typer, rich, pydantic"]),
        ("`import typer, rich.table; from pydantic import BaseModel` (yardstick)",
         PY + ["-c", "import typer, rich.table; from pydantic import BaseModel"]),
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
    # Made in a child: python-docx and Pillow in this process would count in the peak
    # memory of every command started after (a forked child's maximum resident size
    # includes the parent's pages until it execs).
    subprocess.run(PY + ["-c", "import sys; sys.path.insert(0, 'benchmarks'); "
                         "from run import intake_documents; intake_documents()"],
                   cwd=ROOT, check=True)
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
    print()
    print("\n".join(goals(args.runs)))


if __name__ == "__main__":
    main()
