"""Feed mutated plan files to `check`, `report` and `fmt`: every run must end with exit
0, 1 or 2 and, on a problem, name the file; never a traceback, never a hang.

    python tests/fuzz/fuzz_cli.py --cases 10000 --seed 1

A few hundred cases also run in the normal test suite (tests/test_fuzz.py).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from kcn_tracker.cli import app

if __name__ == "__main__":  # run as a script: tests/ holds the fuzz package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fuzz import harness  # noqa: E402

ROOT = harness.ROOT
PLANS = sorted((ROOT / "plans").glob("*.toml"))
TOKENS = [b'"x"', b"5", b"[1]", b"{a=1}", b"[]", b"-0.0", b"1e400", b"nan", b"inf", b"-inf",
          b"1979-05-27", b"9999-12-31T23:59:60Z", b"true", b'""', b'"seeds/../x"',
          b'"/etc/passwd"', b"99999999999999999999999", b'"2024-13"', b'"0000"',
          b"0x10", b'"\\u0000"', b"'''a\n'''", b'"""\n"""', b"[[[[[[[[[[1]]]]]]]]]]"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 5)):
        op = rng.randrange(12)
        i = rng.randrange(len(lines)) if lines else 0
        if not lines:
            lines = [b""]
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])  # a key or header repeated
        elif op == 2 and b"=" in lines[i]:
            lines[i] = lines[i].split(b"=", 1)[0] + b"= " + rng.choice(TOKENS)
        elif op == 3:
            position = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:position] + bytes([rng.randrange(256)]) + lines[i][position:]
        elif op == 4:
            lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
        elif op == 5:
            lines.insert(i, rng.choice([b"[[targets]]", b"[[actuals]]", b"[[revocations]]",
                                        b"[province]", b"[zones]", b"[a.b.c.d]"]))
        elif op == 6:
            lines.insert(i, b"x = " + b"[" * 2000 + b"]" * 2000)
        elif op == 7:
            lines[i] = lines[i].replace(b"\xe1", b"\xff")  # invalid UTF-8
        elif op == 8:
            lines = lines[: rng.randrange(len(lines) + 1)]  # truncated file
    data = b"\n".join(lines)
    roll = rng.random()
    if roll < 0.05:
        data = b"\xef\xbb\xbf" + data
    elif roll < 0.10:
        data = data.replace(b"\n", b"\r\n")
    elif roll < 0.12:
        data = b""
    return data


def run_case(runner: CliRunner, folder: Path, rng: random.Random) -> str | None:
    """None when the case behaved, else what went wrong."""
    plans = folder / "plans"
    for old in plans.glob("*"):
        old.unlink()
    source = rng.choice(PLANS)
    (plans / source.name).write_bytes(mutate(source.read_bytes(), rng))
    command = rng.choice([["check", str(plans)], ["check", str(plans), "-f", "sarif"],
                          ["report", str(plans), "--as-of", "2026-11-22"],
                          ["report", str(plans), "-f", "json", "--as-of", "2026-11-22"],
                          ["fmt", "--check", str(plans)], ["fmt", str(plans)]])
    started = time.monotonic()
    result = runner.invoke(app, command)
    took = time.monotonic() - started
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"{command}: {type(result.exception).__name__}: {result.exception}"
    if result.exit_code not in (0, 1, 2):
        return f"{command}: exit {result.exit_code}"
    if result.exit_code and source.name not in result.output + (result.stderr or ""):
        return f"{command}: exit {result.exit_code} without naming the file"
    if took > 10:
        return f"{command}: took {took:.1f} s"
    return None


def fuzz(cases: int, seed: int) -> list[str]:
    return harness.fuzz(run_case, cases, seed, plans=False)


if __name__ == "__main__":
    harness.main(__doc__.splitlines()[0], fuzz, 10_000)
