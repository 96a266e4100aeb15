"""An XlsxWriter workbook with the report's formats: numbers with a number format that
carries the unit in the report's language, percentages, dates, coloured statuses,
frozen headers and sized columns.

XlsxWriter writes it: it only writes (the tool never reads a workbook), imports in
about a third of openpyxl's time, and writes every text with ``write_string``, so
a name from a plan file that starts with "=" is text, never a formula. The
workbook's custom property ``kcn-tracker export`` is its export mark
(report/export.py): an .xlsx holds no first line to put it in.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from decimal import Decimal

from kcn_tracker.plans.vocabulary import UNITS
from kcn_tracker.report.cells import status_text
from kcn_tracker.report.marks import MARK, UNSTAMPED
from kcn_tracker.report.sources import CitedDocument
from kcn_tracker.report.words import STATUS_COLOURS
from kcn_tracker.text.display import printable

DATE_FORMATS = {"vi": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
MAX_WIDTH = 60
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


class Book:
    """An XlsxWriter workbook with the formats and the column widths kept in one place."""

    def __init__(self, lang: str, title: str, documents: list[CitedDocument],
                 own_sheets: tuple[str, ...]) -> None:
        import xlsxwriter

        self.lang = lang
        self._document_names = {d.document: d.name(lang) for d in documents}
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buffer, {
            "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False})
        self.wb.set_properties({"title": printable(title), "comments": title_comment(lang)})
        self.wb.set_custom_property(MARK, UNSTAMPED)  # stamped when written (marks.py)
        self._formats: dict[tuple, object] = {}
        self._widths: dict[object, dict[int, int]] = {}
        # Names in use, as Excel compares them (case ignored). The tool's own sheets are
        # taken before any province names one, so that a province called "Nguồn" gets
        # "Nguồn (2)" and the sources keep their name; Excel keeps "History" for itself.
        self._names = {name.lower() for name in own_sheets} | {"history"}

    def fmt(self, **props):
        key = tuple(sorted(props.items()))
        if key not in self._formats:
            self._formats[key] = self.wb.add_format(props)
        return self._formats[key]

    def sheet(self, name: str, own: bool = False):
        """A sheet named ``name`` if it is one of the tool's ``own_sheets``, else a name from
        a plan made one Excel takes: no []:*?/\\, at most 31 UTF-16 units (as Excel counts, so
        an emoji is two), no apostrophe at either end, and not a name in use."""
        if not own:
            name = _sheet_name(name)
            base, n = name, 2
            while name.lower() in self._names:
                suffix = f" ({n})"
                name, n = _sheet_name(base, 31 - len(suffix)) + suffix, n + 1
            self._names.add(name.lower())
        ws = self.wb.add_worksheet(name)
        self._widths[ws] = {}
        return ws

    def _width(self, ws, col: int, length: int) -> None:
        widths = self._widths[ws]
        widths[col] = max(widths.get(col, 8), min(length + 2, MAX_WIDTH))

    def text(self, ws, row: int, col: int, value: str | None, fmt=None, size: bool = True):
        """Text is always a string cell: "=HYPERLINK(…)" from a plan stays text."""
        if value is None or value == "":
            return
        value = printable(value)
        ws.write_string(row, col, value, fmt)
        if size:
            self._width(ws, col, max(len(line) for line in value.split("\n")))

    def lines(self, ws, row: int, col: int, values: list[str], fmt=None):
        """Several texts in one cell, one a line; a line break inside one is escaped."""
        if values:
            ws.write_string(row, col, "\n".join(printable(v) for v in values), fmt)

    def number(self, ws, row: int, col: int, value: Decimal | None, unit: str | None = None,
               fmt_props: dict | None = None, before: str = "", after: str = ""):
        """A figure as a number whose format shows the words the terminal puts around it
        ("hơn", "ước", "(suy ra)"), so that the cell reads as the report does and still
        adds up."""
        if value is None:
            return
        places = max(0, -value.normalize().as_tuple().exponent)
        label = getattr(UNITS[unit], self.lang) if unit is not None else ""
        if unit == "percent":
            code = "0" + ("." + "0" * places if places else "") + "%"
            number = float(value / 100)
        else:
            code = "#,##0" + ("." + "0" * places if places else "")
            if unit is not None:
                code += " " + format_literal(label)
            number = float(value)
        code = _around(code, before, after)
        ws.write_number(row, col, number, self.fmt(num_format=code, **(fmt_props or {})))
        self._width(ws, col, len(f"{number:,}") + (len(label) + 1 if unit else 0)
                    + sum(len(w) + 1 for w in (before, after) if w))

    def percent(self, ws, row: int, col: int, value: Decimal | None, sign: bool = False,
                before: str = ""):
        if value is None:
            return
        sections = ("+0.0%", "-0.0%", "0.0%") if sign else ("0.0%",)
        code = ";".join(_around(s, before, "") for s in sections)
        ws.write_number(row, col, float(value / 100), self.fmt(num_format=code))
        self._width(ws, col, 8 + (len(before) + 1 if before else 0))

    def date(self, ws, row: int, col: int, value: date | None):
        if value is None:
            return
        ws.write_datetime(row, col, datetime(value.year, value.month, value.day),
                          self.fmt(num_format=DATE_FORMATS[self.lang]))
        self._width(ws, col, 10)

    def header(self, ws, row: int, labels: list[str]) -> None:
        bold = self.fmt(bold=True, bottom=1, bg_color="#F2F2F2", text_wrap=True,
                        valign="top")
        for col, label in enumerate(labels):
            self.text(ws, row, col, label, bold)

    def status(self, ws, row: int, col: int, status: str) -> None:
        fill, font = STATUS_COLOURS[status]
        self.text(ws, row, col, status_text(status, self.lang),
                  self.fmt(bg_color=fill, font_color=font, bold=status == "exceeded"))

    def sources(self, ws, row: int, col: int, documents: list[str]) -> None:
        """The documents a row's figures come from, each by its number, publisher and
        date (the sources sheet has the rest)."""
        self.text(ws, row, col, ", ".join(dict.fromkeys(
            self._document_names.get(d, d) for d in documents)))

    def title(self, ws, title: str) -> None:
        """The export's title line, on the first row of every sheet."""
        ws.write_string(0, 0, printable(title), self.fmt(bold=True, font_size=13))

    def heading(self, ws, row: int, text: str) -> None:
        ws.write_string(row, 0, printable(text), self.fmt(bold=True, font_size=12))

    def close(self) -> bytes:
        for ws, widths in self._widths.items():
            for col, width in widths.items():
                ws.set_column(col, col, width)
        self.wb.close()
        return self.buffer.getvalue()


def _sheet_name(name: str, limit: int = 31) -> str:
    """``name`` cut to ``limit`` UTF-16 code units, then its apostrophes stripped from
    both ends (cutting first could leave one at the end, which Excel refuses)."""
    name = _SHEET_NAME_BAD.sub("_", printable(name))
    units, end = 0, 0
    for end, char in enumerate(name, start=1):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            end -= 1
            break
    return name[:end].strip("'") or "_"


def format_literal(text: str) -> str:
    """``text`` as literal text of a number format: quoted, so that none of its characters
    (0 # ? % , . ; @ _ * [ ] E or a backslash) is read as part of the format; a double
    quote, which cannot stand inside the quotes, is written outside them escaped."""
    return '"' + printable(text).replace('"', '"\\""') + '"'


def _around(code: str, before: str, after: str) -> str:
    """A number format section with the literal words before and after the number."""
    return "".join((format_literal(before + " ") if before else "", code,
                    " " + format_literal(after) if after else ""))


def title_comment(lang: str) -> str:
    return "kcn-tracker: Excel export" if lang == "en" else "kcn-tracker: bảng tính xuất ra"
