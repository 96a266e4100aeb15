"""The indicator and unit vocabulary (``kcn-tracker indicators``)."""

from __future__ import annotations

import json

from rich import box
from rich.console import Console
from rich.table import Table

from kcn_tracker.plans.vocabulary import INDICATORS, UNITS
from kcn_tracker.report.cells import as_text

HEADERS = {"vi": ("Mã", "Chỉ tiêu", "Đơn vị", "Cộng dồn"),
           "en": ("Key", "Indicator", "Units", "Aggregation")}
AGGREGATION = {"vi": {"flow": "cộng qua các kỳ", "stock": "số mới nhất", "rate": "theo đúng kỳ"},
               "en": {"flow": "adds up", "stock": "latest value", "rate": "own period only"}}


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
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    headers = HEADERS[lang]
    # The key is what a person copies into a plan file: it never wraps.
    table.add_column(headers[0], no_wrap=True)
    # At 80 columns the label gets the room; units break after a comma, never inside.
    table.add_column(headers[1], ratio=3, min_width=14, overflow="fold")
    table.add_column(headers[2], ratio=2, min_width=12, overflow="fold")
    table.add_column(headers[3], ratio=2, min_width=12, overflow="fold")
    for i in INDICATORS.values():
        units = ", ".join(i.units)
        table.add_row(*(as_text(cell) for cell in (
            i.key, getattr(i, lang), units, AGGREGATION[lang][i.aggregation.value])))
    console.print(table)
