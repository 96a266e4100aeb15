"""The indicator and unit vocabulary (``kcn-tracker indicators``)."""

from __future__ import annotations

import json

from rich import box
from rich.console import Console
from rich.table import Table

from ..vocabulary import INDICATORS, UNITS


def render(lang: str, output_format: str, console: Console) -> None:
    if output_format == "json":
        document = {
            "indicators": [{"key": i.key, "vi": i.vi, "en": i.en,
                            "units": list(i.units),
                            "aggregation": i.aggregation.value,
                            "higher_is_better": i.higher_is_better}
                           for i in INDICATORS.values()],
            "units": [{"code": u.code, "kind": u.kind.value, "vi": u.vi, "en": u.en}
                      for u in UNITS.values()],
        }
        console.file.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("key", "label", "units", "aggregation"):
        table.add_column(column, overflow="fold")
    for i in INDICATORS.values():
        units = ", ".join(i.units)
        table.add_row(i.key, getattr(i, lang), units, i.aggregation.value)
    console.print(table)
