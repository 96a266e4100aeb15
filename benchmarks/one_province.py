"""Evaluation of ONE province as its entries grow: 1x and 16x (or any factors).

    python benchmarks/one_province.py [--factors 1 16] [--rounds 5]

A province of the national set's shape (benchmarks/generate.py: 30 indicators, a yearly
actual for each, yearly and five-year targets for the flows) over 10 years at 1x, and
over 10 x factor years at larger factors (from 1900 on), so that every (indicator,
scope, unit) has factor times the entries: the case where comparing every target with
every actual grows with the square. The plans are built as text, parsed and validated
as `report` does; only `evaluate_plan` is timed, the factors alternating in each round so
that both see the same load on the machine. Prints each factor's median and spread and
the ratio to the first factor per round (its time an average of as many evaluations
in a row as make the largest factor's work). This is a measuring tool; tests/test_evaluate_scaling.py holds
the same code to near-linear time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import FLOW_TARGETS, INDICATORS  # noqa: E402

from kcn_tracker.plans.entries import render_entry, value_text  # noqa: E402
from kcn_tracker.plans.load import parse_bytes  # noqa: E402
from kcn_tracker.plans.model import Plan  # noqa: E402
from kcn_tracker.plans.validate import validate  # noqa: E402

FIRST_YEAR = 1900
AS_OF = date(2200, 12, 31)


def plan_of(years: int, checked: bool = True) -> Plan:
    """A valid plan of one province over ``years`` years from 1900: written as text,
    parsed and validated with every rule as `report` does, or (``checked`` false, for
    the tests) the same entries given to the model directly."""
    parts = [f"[province]\nid = \"mot-tinh\"\nname = {value_text('Một Tỉnh')}\n"]
    targets, actuals = [], []
    source = {"document": "seeds/00000.txt",
              "quote": "toàn tỉnh thu hút mới 12 dự án đầu tư trong năm"}
    for n, (indicator, (unit, *_)) in enumerate(INDICATORS.items()):
        for year in range(FIRST_YEAR, FIRST_YEAR + years):
            value = Decimal(10 + (year * 7 + n) % 50)
            actuals.append({"id": f"{indicator}-{year}".replace("_", "-"), "indicator": indicator,
                            "scope": "province", "period": str(year), "value": value,
                            "unit": unit, "source": source})
            if indicator in FLOW_TARGETS:
                targets.append({"id": f"{indicator}-{year}-plan".replace("_", "-"),
                                "indicator": indicator, "scope": "province",
                                "period": str(year), "value": value + 1, "unit": unit,
                                "comparator": "about", "source": source})
                if (year - FIRST_YEAR) % 5 == 0:
                    targets.append({"id": f"{indicator}-{year}-{year + 4}-plan".replace("_", "-"),
                                    "indicator": indicator, "scope": "province",
                                    "period": f"{year}-{year + 4}", "value": value * 5,
                                    "unit": unit, "comparator": "at_least", "source": source})
    if not checked:
        return Plan.model_validate({"province": {"id": "mot-tinh", "name": "Một Tỉnh"},
                                    "targets": targets, "actuals": actuals})
    parts += [render_entry("targets", e) for e in targets]
    parts += [render_entry("actuals", e) for e in actuals]
    parsed = parse_bytes(Path("mot-tinh.toml"), "\n".join(parts).encode())
    plan = validate(parsed)
    if plan is None or parsed.problems:
        raise SystemExit(f"the generated plan is not valid: {parsed.problems[:3]}")
    return plan


def entries(plan: Plan) -> int:
    return len(plan.targets) + len(plan.actuals)


def time_evaluation(plan: Plan, repeat: int = 1) -> float:
    """Seconds per evaluation, over ``repeat`` evaluations in a row."""
    from kcn_tracker.progress.evaluate import evaluate_plan

    start = time.perf_counter()
    for _ in range(repeat):
        evaluate_plan(plan, AS_OF)
    return (time.perf_counter() - start) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    plans = {f: plan_of(10 * f) for f in args.factors}
    times: dict[int, list[float]] = {f: [] for f in args.factors}
    ratios: dict[int, list[float]] = {f: [] for f in args.factors}
    time_evaluation(plans[args.factors[0]])  # imports and caches warm
    for _ in range(args.rounds):
        # The smaller plans evaluated as many times as make the largest's work: a few
        # milliseconds alone would be mostly the machine's noise.
        took = {f: time_evaluation(plans[f], max(args.factors) // f) for f in args.factors}
        for f in args.factors:
            times[f].append(took[f])
            ratios[f].append(took[f] / took[args.factors[0]])
    for f in args.factors:
        print(f"| one province, {f}x entries ({entries(plans[f])}): evaluate_plan | "
              f"{statistics.median(times[f]) * 1000:.1f} ms | {min(times[f]) * 1000:.1f}–"
              f"{max(times[f]) * 1000:.1f} ms | {statistics.median(ratios[f]):.1f}x "
              f"({min(ratios[f]):.1f}–{max(ratios[f]):.1f}x) |")


if __name__ == "__main__":
    main()
