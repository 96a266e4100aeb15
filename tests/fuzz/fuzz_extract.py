"""Feed mutated documents to `extract` and `draft`: every run ends with exit 0 or 2, the
JSON parses, every position slices the file as given, draft writes TOML whose periods
are periods (or "?"); never a traceback, never a hang.

    python tests/fuzz/fuzz_extract.py --cases 5000 --seed 1

A few hundred cases also run in the normal test suite (tests/test_fuzz.py).
"""

from __future__ import annotations

import json
import random
import sys
import time
import tomllib
import unicodedata
from pathlib import Path

from typer.testing import CliRunner

from kcn_tracker.cli import app

if __name__ == "__main__":  # run as a script: tests/ holds the fuzz package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fuzz import harness  # noqa: E402
from kcn_tracker.extract.readers import read_document  # noqa: E402
from kcn_tracker.plans.periods import parse_period  # noqa: E402

ROOT = harness.ROOT
DOCUMENTS = sorted((ROOT / "seeds").glob("0*.txt"))
PIECES = ["2.15", "1,234,567", "2 500", "-3,2%", "tỷ", "triệu", "nghìn", "USD", "đồng",
          "dự án", "KCN", "lần", "%", "/", "-", "–", "(", ")", "năm 2024", "quý IV/2025",
          "so với", "kế hoạch", "vượt", "ước đạt", "hơn", "gần", "\u0301", "\u00a0", "\u200b",
          "\t", "\r", "\n", "\r\n", "\ufeff", "9" * 30, "0" * 5, "1.1.1.1.1", "::", "/QĐ-UBND",
          "Trang 1/5", "lượt", "tr.USD", "euro", "Điều 1. Mục tiêu:", "a) ", "\U0001F600",
          "\f", "\v", "\u2028", "\x85", "31/2/2024", "tính đến hết năm 2024", "lần lượt"]


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        at = rng.randrange(len(text) + 1)
        if op <= 2:
            text = text[:at] + rng.choice(PIECES) + text[at:]
        elif op == 3:
            text = text[:at] + text[at + rng.randint(1, 200):]
        elif op == 4:
            text = text[:at] + text[:rng.randrange(len(text) + 1)][-300:] + text[at:]
        else:
            text = text[:at] + chr(rng.randrange(32, 0x2FFF)) + text[at:]
    roll = rng.random()
    if roll < 0.1:
        text = unicodedata.normalize("NFD", text)
    elif roll < 0.15:
        text = text.replace("\n", "\r\n")
    elif roll < 0.17:
        text = ""
    return text


def run_case(runner: CliRunner, folder: Path, rng: random.Random) -> str | None:
    """None when the case behaved, else what went wrong."""
    path = folder / "seeds" / "005_fuzz.txt"
    raw = mutate(rng.choice(DOCUMENTS).read_text(encoding="utf-8"), rng).encode("utf-8")
    if rng.random() < 0.05:
        raw = raw[:rng.randrange(len(raw) + 1)] + b"\xff"  # not UTF-8
    path.write_bytes(raw)
    command = rng.choice([["extract", "-f", "json", str(path)], ["extract", str(path)],
                          ["draft", str(path), "-p", rng.choice(["bac-kan", "thai-nguyen"]),
                           "--plans", str(folder / "plans")]])
    started = time.monotonic()
    result = runner.invoke(app, command)
    took = time.monotonic() - started
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"{command[0]}: {type(result.exception).__name__}: {result.exception}"
    if result.exit_code not in (0, 2):
        return f"{command[0]}: exit {result.exit_code}: {result.output[-300:]}"
    if took > 10:
        return f"{command[0]}: took {took:.1f} s"
    if result.exit_code == 0 and command[0] == "draft":
        try:
            proposed = tomllib.loads(result.stdout)
        except tomllib.TOMLDecodeError as exc:
            return f"draft: not TOML ({exc})"
        for entry in proposed.get("actuals", []) + proposed.get("targets", []):
            try:
                entry["period"] == "?" or parse_period(entry["period"])
            except ValueError:
                return f"draft: period {entry['period']!r} is not a period"
    if result.exit_code == 0 and command[1] == "-f":
        try:
            text = raw.decode("utf-8")  # UTF-8 is read as given: positions slice the file
        except UnicodeDecodeError:  # Windows-1258 (or UTF-16): they slice its decoded text
            text = read_document(path).text
        document = json.loads(result.stdout)["documents"][0]
        for item in document["quantities"] + document["flagged"]:
            if text[item["start"]:item["end"]] != item["text"] or item["text"] not in \
                    item["sentence"]:
                return f"extract: {item['text']!r} does not slice the file"
    return None


def fuzz(cases: int, seed: int) -> list[str]:
    return harness.fuzz(run_case, cases, seed, plans=True)


if __name__ == "__main__":
    harness.main(__doc__.splitlines()[0], fuzz, 5_000)
