"""Prove that a change left the outputs byte for byte as they were.

    python benchmarks/same_output.py save DIR     # before the change: record the outputs
    python benchmarks/same_output.py check DIR    # after it: run again and compare

The outputs are those of `check` (text, json, github, junit, sarif; plain and --strict),
`report` (table, json, csv, markdown; both languages) and `status` (table, json,
markdown), at --as-of 2026-11-22, on three sets: the shipped plans, the national set at
scale 0.1 (benchmarks/generate.py, made first if missing) and tests/check_cases (a
finding of every rule, for check's formats). Each command's stdout, stderr and exit code
are kept. Keep DIR outside the repository. Exit 1 and a unified diff when anything
differs. This is a measuring tool, not a test: the suite has its own output tests.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = [str(Path(sys.executable).parent / "kcn-tracker")]
NATIONAL = "benchmarks/national-0.1"
AS_OF = ["--as-of", "2026-11-22"]
ENV = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"),
       "LANG": "C.UTF-8", "COLUMNS": "120", "LINES": "50", "TERM": "dumb"}
if "KCN_TRACKER_WORKERS" in os.environ:  # to hold check's process pool to the same outputs
    ENV["KCN_TRACKER_WORKERS"] = os.environ["KCN_TRACKER_WORKERS"]


def commands() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    sets = {"shipped": "plans", "national": f"{NATIONAL}/plans", "cases": "tests/check_cases"}
    for name, path in sets.items():
        for fmt in ("text", "json", "github", "junit", "sarif"):
            out[f"{name}.check.{fmt}"] = ["check", path, "--format", fmt]
            out[f"{name}.check-strict.{fmt}"] = ["check", path, "--strict", "--format", fmt]
        if name == "cases":
            continue
        for lang in ("vi", "en"):
            for fmt in ("table", "json", "csv", "markdown"):
                out[f"{name}.report.{lang}.{fmt}"] = ["report", path, *AS_OF, "--lang", lang,
                                                      "--format", fmt]
            for fmt in ("table", "json", "markdown"):
                out[f"{name}.status.{lang}.{fmt}"] = ["status", path, *AS_OF, "--lang", lang,
                                                      "--format", fmt]
        out[f"{name}.report.successor"] = ["report", path, *AS_OF, "--by", "successor"]
        out[f"{name}.report.2024"] = ["report", path, *AS_OF, "--year", "2024"]
    return out


def run(args: list[str]) -> bytes:
    done = subprocess.run(TOOL + args, cwd=ROOT, env=ENV, capture_output=True)
    return (b"$ kcn-tracker " + " ".join(args).encode() + b"\n-- exit %d\n-- stdout\n"
            % done.returncode + done.stdout + b"\n-- stderr\n" + done.stderr)


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("save", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, folder = sys.argv[1], Path(sys.argv[2]).resolve()
    if folder.is_relative_to(ROOT):
        print("keep the saved outputs outside the repository", file=sys.stderr)
        return 2
    if not (ROOT / NATIONAL / "plans").is_dir():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--scale",
                        "0.1", "--out", str(ROOT / NATIONAL)], check=True)
    todo = commands()
    with ThreadPoolExecutor(2) as pool:
        results = dict(zip(todo, pool.map(run, todo.values())))
    if mode == "save":
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in results.items():
            (folder / f"{name}.out").write_bytes(data)
        print(f"saved {len(results)} outputs in {folder}")
        return 0
    differ = 0
    for name, data in results.items():
        saved = folder / f"{name}.out"
        before = saved.read_bytes() if saved.exists() else b"(missing)\n"
        if before != data:
            differ += 1
            sys.stdout.writelines(difflib.unified_diff(
                before.decode("utf-8", "replace").splitlines(True)[:4000],
                data.decode("utf-8", "replace").splitlines(True)[:4000],
                f"saved/{name}", f"now/{name}", n=1))
    print(f"{len(results) - differ} of {len(results)} outputs identical"
          + (f"; {differ} DIFFER" if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
