"""The quantities of documents (``kcn-tracker extract``): a table, or JSON for tools.

The JSON is a contract (docs/extraction.md). Values are JSON numbers written
digit for digit from the exact decimal, so "0.006" never becomes
0.006000000000000000124.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kcn_tracker.extract.document import Extraction, Quantity
from kcn_tracker.report.cells import as_text
from kcn_tracker.text.display import format_number, json_printable, printable
from kcn_tracker.text.notation import plain
from kcn_tracker.text.offsets import Lines

HEADERS = {"vi": ("Dòng", "Văn bản", "Giá trị", "Đơn vị", "Định lượng", "Vai trò", "Kỳ"),
           "en": ("Line", "Text", "Value", "Unit", "Qualifier", "Role", "Period")}
FLAGGED = {"vi": "Số không đọc được (không theo cách viết số tiếng Việt)",
           "en": "Numbers not read (not written the Vietnamese way)"}
NONE = {"vi": "không có số liệu nào", "en": "no quantity found"}
_EXACT = "\u0000exact:"
_EXACT_JSON = re.compile(r'"\\u0000exact:(-?[0-9.]+)"')


def render(extractions: list[Extraction], texts: list[str], lang: str, output_format: str,
           console: Console) -> None:
    if output_format == "json":
        for chunk in json_chunks(extractions):
            console.file.write(chunk)
        console.file.write("\n")
        return
    for extraction, text in zip(extractions, texts, strict=True):
        lines = Lines(text)
        if not console.is_terminal and len(extraction.quantities) > PLAIN_FROM:
            console.file.write(_plain(extraction, lines, lang))
        else:
            console.print(_table(extraction, lines, lang, console.width))
        if extraction.flagged:
            console.print(FLAGGED[lang], style="bold")
            for f in extraction.flagged:
                console.print(as_text(f"  {lines.of(f.start)}: {f.text} — {f.reason}"))


# A long document's table, written to a file or a pipe, is plain tab-separated lines: for
# 2 MB of text Rich's table took 2.6 s of the command's 4.0 s, and a pipe wants lines to
# cut and grep. On a terminal, and for a short document, the table is kept.
PLAIN_FROM = 200


def _plain(extraction: Extraction, lines: Lines, lang: str) -> str:
    rows = [[f"{extraction.path} ({len(extraction.quantities)})"], list(HEADERS[lang])]
    for q in extraction.quantities:
        value = _number(q.value, lang)
        if q.value_max is not None:
            value += "–" + _number(q.value_max, lang)
        rows.append([str(lines.of(q.start)), q.text, value, q.unit or "?", q.qualifier,
                     q.role or "?", q.period or ""])
    # A tab or a line break of the document in a cell would split it: shown as escapes.
    return "".join("\t".join(printable(cell) for cell in row) + "\n" for row in rows)


# Narrower than this, qualifier and role share one column (two lines), so that the
# text a figure was read from keeps room at 80 columns.
WIDE_EXTRACT = 100


def _table(extraction: Extraction, lines: Lines, lang: str, width: int = 80) -> Table | Text:
    if not extraction.quantities:
        return as_text(f"{extraction.path}: {NONE[lang]}")
    # The title is the document's file name: a str would be read as markup.
    table = Table(title=as_text(f"{extraction.path} ({len(extraction.quantities)})",
                                style="table.title"),
                  box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title_justify="left")
    headers = HEADERS[lang]
    wide = width >= WIDE_EXTRACT
    table.add_column(headers[0], justify="right")
    table.add_column(headers[1], overflow="fold", min_width=12, ratio=1)
    table.add_column(headers[2], justify="right", no_wrap=True)
    table.add_column(headers[3], no_wrap=True)
    if wide:
        table.add_column(headers[4], no_wrap=True)
        table.add_column(headers[5], no_wrap=True)
    else:
        table.add_column(f"{headers[4]} /\n{headers[5]}", no_wrap=True)
    table.add_column(headers[6], no_wrap=True)
    for q in extraction.quantities:
        value = _number(q.value, lang)
        if q.value_max is not None:
            value += "–" + _number(q.value_max, lang)
        how = [as_text(q.qualifier), as_text(q.role or "?")]
        if not wide:  # the line break is ours; each word is escaped on its own
            how = [how[0] + Text("\n") + how[1]]
        table.add_row(as_text(str(lines.of(q.start))), as_text(q.text), as_text(value),
                      as_text(q.unit or "?"), *how, as_text(q.period or ""))
    return table


def _number(value: Decimal, lang: str) -> str:
    places = max(0, -value.normalize().as_tuple().exponent)
    return format_number(value, lang, places)


def quantity_dict(q: Quantity) -> dict:
    item = {"value": _EXACT + plain(q.value)}
    if q.value_max is not None:
        item["value_max"] = _EXACT + plain(q.value_max)
    item.update({"unit": q.unit, "qualifier": q.qualifier, "role": q.role, "period": q.period,
                 "text": q.text, "start": q.start, "end": q.end, "sentence": q.sentence})
    if q.equivalent_of is not None:
        item["equivalent_of"] = q.equivalent_of
    return item


def json_text(extractions: list[Extraction]) -> str:
    return "".join(json_chunks(extractions))


def _dumps(value, depth: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it ``depth`` levels down a document."""
    text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    return json_printable(_EXACT_JSON.sub(r"\1", text))


def _items(items, depth: int):
    """A JSON list written one item at a time, as ``json.dumps(indent=2)`` would write it."""
    pad = "\n" + "  " * depth
    first = True
    for item in items:
        yield ("[" if first else ",") + pad + "  " + _dumps(item, depth + 1)
        first = False
    yield "[]" if first else pad + "]"


def json_chunks(extractions: list[Extraction]):
    """The JSON of ``extractions`` in pieces, one figure at a time: a document of thousands
    of figures in one long sentence is never held as one string (each figure's sentence
    is sliced from the document only when it is written)."""
    yield '{\n  "documents": '
    yield from _items_of(extractions)
    yield "\n}"


def _items_of(extractions: list[Extraction]):
    if not extractions:
        yield "[]"
        return
    for i, e in enumerate(extractions):
        yield ("[" if i == 0 else ",") + "\n    {\n      \"path\": " + _dumps(e.path, 3)
        yield ',\n      "quantities": '
        yield from _items((quantity_dict(q) for q in e.quantities), 3)
        yield ',\n      "flagged": '
        yield from _items(({"text": f.text, "start": f.start, "end": f.end,
                            "sentence": f.sentence, "reason": f.reason} for f in e.flagged), 3)
        yield "\n    }"
    yield "\n  ]"
