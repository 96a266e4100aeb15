"""The report's JSON writer against json.dumps(indent=2), on a national set.

    python benchmarks/json_encoder.py [benchmarks/national-1/plans] [--rounds 5]

Evaluates every province as `report --format json` does, then writes each province's
dictionary both ways, alternating per round: the texts must be identical (exit 1 if
not), and the best times and the median ratio are printed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from kcn_tracker.plans.load import load_plans
from kcn_tracker.progress.evaluate import evaluate_plan
from kcn_tracker.report.formats.json_report import dumps_indented, province_dict

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plans", nargs="?", type=Path, default=ROOT / "benchmarks" / "national-1"
                        / "plans")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    values = [province_dict(evaluate_plan(p.plan, date(2026, 11, 22)), "vi")
              for p in load_plans([args.plans])]
    ways = {"json.dumps(indent=2)": lambda v: json.dumps(v, ensure_ascii=False, indent=2),
            "dumps_indented (C encoder)": dumps_indented}
    texts = {name: [way(v) for v in values] for name, way in ways.items()}
    same = len({tuple(t) for t in texts.values()}) == 1
    size = sum(len(t.encode()) for t in texts["json.dumps(indent=2)"]) / 1e6
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(args.rounds):
        for name, way in ways.items():
            start = time.perf_counter()
            for v in values:
                way(v)
            times[name].append(time.perf_counter() - start)
    ratios = [a / b for a, b in zip(*times.values())]
    print(f"{len(values)} provinces, {size:.1f} MB of JSON: identical: {same}")
    for name, took in times.items():
        print(f"  {name}: best {min(took):.3f} s, median {statistics.median(took):.3f} s")
    print(f"  faster by {statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f}x, "
          f"{args.rounds} alternating rounds)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
