"""The pending revocations across provinces (``kcn-tracker unrecovered``)."""

from __future__ import annotations

import json

from rich.console import Console

from kcn_tracker.progress.evaluate import Report
from kcn_tracker.report.cells import day, word
from kcn_tracker.report.formats.json_report import revocation_dict
from kcn_tracker.report.formats.table import sources_legend, unrecovered
from kcn_tracker.report.sources import cited
from kcn_tracker.text.display import json_printable


def render(report: Report, lang: str, output_format: str, console: Console) -> None:
    rows = [(p, r) for p in report.provinces for r in p.unrecovered]
    if output_format == "json":
        document = {"as_of": report.as_of.isoformat(), "unrecovered": [
            {"province": {"id": p.id, "name": p.name}, **revocation_dict(r, p.plan)}
            for p, r in rows]}
        console.file.write(json_printable(json.dumps(document, ensure_ascii=False, indent=2))
                           + "\n")
        return
    if not rows:
        console.print(word(lang, "unrecovered_none"))
        return
    console.print(unrecovered(rows, word(lang, "unrecovered_all", as_of=day(report.as_of, lang)),
                              lang, with_province=True, width=console.width))
    console.print(sources_legend(cited([r.entry.source for _, r in rows], report.documents),
                                 lang, console.width))
