"""Compare a TOML parser with the standard library's tomllib on plan files.

    python benchmarks/toml_parsers.py [FOLDER_OR_FILE ...] [--mutants N] [--repeat R]

For every plan file given (default: plans/, tests/check_cases/ and the national sets
under benchmarks/), and N mutants of each shipped and case file (a character deleted,
doubled or replaced by one of the TOML syntax characters, at a seeded random place),
both parsers read the text with parse_float=Decimal: the data must be equal with equal
types (Decimal stays Decimal), and an error must have the same message and position.
Then each parser reads every valid file R times and the best time of each is printed.
The parser compared is whatever `import tomli` finds (PYTHONPATH picks a version).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tomllib
from decimal import Decimal
from pathlib import Path

import tomli

ROOT = Path(__file__).resolve().parent.parent
SYNTAX = "[]{}=\"',.#\n\\ 0a"


def typed(value):
    """The value with every leaf's type beside it, so 1 == Decimal(1) does not pass."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def outcome(module, text: str):
    try:
        return "data", typed(module.loads(text, parse_float=Decimal))
    except module.TOMLDecodeError as exc:
        return "error", str(exc)
    except RecursionError:
        return "error", "RecursionError"


def mutants(text: str, count: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(count):
        at = rng.randrange(len(text))
        kind = rng.randrange(3)
        if kind == 0:
            out.append(text[:at] + text[at + 1:])
        elif kind == 1:
            out.append(text[:at] + text[at] + text[at:])
        else:
            out.append(text[:at] + rng.choice(SYNTAX) + text[at + 1:])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--mutants", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = args.paths or [ROOT / "plans", ROOT / "tests" / "check_cases",
                           *sorted((ROOT / "benchmarks").glob("national-*/plans"))]
    files = sorted(f for p in paths for f in (p.glob("*.toml") if p.is_dir() else [p]))
    texts = {f: f.read_text(encoding="utf-8") for f in files}
    rng = random.Random(17)
    cases = list(texts.items())
    for f, text in texts.items():
        if f.parent.name in ("plans", "check_cases") and "national" not in str(f):
            cases += [(f, m) for m in mutants(text, args.mutants, rng)]
    differ = errors = 0
    for f, text in cases:
        a, b = outcome(tomllib, text), outcome(tomli, text)
        errors += a[0] == "error"
        if a != b:
            differ += 1
            if differ <= 10:
                print(f"DIFFER {f.name}: tomllib {str(a)[:200]}\n          tomli {str(b)[:200]}")
    print(f"tomli {tomli.__version__ if hasattr(tomli, '__version__') else '?'} "
          f"({Path(tomli.__file__).suffix}): {len(cases)} texts ({len(files)} files, "
          f"{len(cases) - len(files)} mutants, {errors} invalid): {differ} differ")
    valid = [t for t in texts.values() if outcome(tomllib, t)[0] == "data"]
    size = sum(len(t.encode()) for t in valid) / 1e6
    ratios, best = [], {tomllib: float("inf"), tomli: float("inf")}
    for _ in range(args.repeat):  # alternating, so both see the same load on the machine
        took = {}
        for module in (tomllib, tomli):
            start = time.perf_counter()
            for text in valid:
                module.loads(text, parse_float=Decimal)
            took[module] = time.perf_counter() - start
            best[module] = min(best[module], took[module])
        ratios.append(took[tomllib] / took[tomli])
    print(f"{len(valid)} valid files, {size:.1f} MB: tomllib best {best[tomllib]:.3f} s, "
          f"tomli best {best[tomli]:.3f} s; tomli faster by {sorted(ratios)[len(ratios) // 2]:.2f}x "
          f"(median of {args.repeat} alternating rounds, {min(ratios):.2f}-{max(ratios):.2f}x)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
