"""What the fuzzers share: cases run in a scratch copy of the project, failures listed,
and a command line for long runs."""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
Case = Callable[[CliRunner, Path, random.Random], "str | None"]


def fuzz(run_case: Case, cases: int, seed: int, plans: bool) -> list[str]:
    """Run ``cases`` cases in a scratch project (seeds/, and plans/ when ``plans``, else an
    empty plans/); what went wrong in each that failed."""
    rng = random.Random(seed)
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copytree(ROOT / "seeds", folder / "seeds")
        if plans:
            shutil.copytree(ROOT / "plans", folder / "plans")
        else:
            (folder / "plans").mkdir()
        return [problem for _ in range(cases) if (problem := run_case(runner, folder, rng))]


def main(description: str, run: Callable[[int, int], list[str]], default_cases: int) -> None:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cases", type=int, default=default_cases)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    failures = run(args.cases, args.seed)
    for failure in failures[:20]:
        print(failure)
    print(f"{args.cases} cases, {time.monotonic() - started:.0f} s, {len(failures)} failures")
    sys.exit(1 if failures else 0)
