"""Regenerate docs/report.svg, the picture of the report shown in the README.

    python scripts/readme_picture.py

The as-of date is fixed so the picture changes only when the plans or the
report do.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from rich.console import Console

from kcn_tracker.evaluate import evaluate_plans
from kcn_tracker.loader import load_plans
from kcn_tracker.render import renderer
from kcn_tracker.select import select_provinces

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 22)
COMMAND = "kcn-tracker report --province bac-kan --province thai-nguyen --year 2024"


def main() -> None:
    plans = [item.plan for item in load_plans([ROOT / "plans"])]
    chosen = select_provinces(plans, ["bac-kan", "thai-nguyen"])
    console = Console(record=True, width=150, force_terminal=True, file=io.StringIO())
    renderer("table")(evaluate_plans(chosen, AS_OF, year=2024), "vi", console)
    console.save_svg(str(ROOT / "docs" / "report.svg"), title=COMMAND)


if __name__ == "__main__":
    main()
