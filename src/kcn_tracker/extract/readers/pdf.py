"""PDF files through pdfminer.six: the text layer, with each paragraph on one line.

pdfminer was chosen over pypdf because it gives every line's position: lines are
joined into paragraphs by their spacing (so "291,2⏎triệu USD" is one figure
again), cells standing on one baseline become a table row, and page numbers and
running headers are recognised by where they stand and by repeating on every
page. A PDF without a text layer (a scan) is refused: it needs OCR first.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kcn_tracker.extract.readers import CELL, Document, ReadError, paragraphs_text
from kcn_tracker.text.i18n import _

NO_TEXT = "no text in this PDF: it needs OCR first"
_PAGE_NUMBER = re.compile(r"(?:trang|page)?\s*[-–]?\s*\d{1,4}\s*(?:[/-–]\s*\d{1,4})?\s*[-–]?"
                          r"|(?:trang|page)\s+\d{1,4}\s+(?:/|of|trên)\s+\d{1,4}", re.I)
_SENTENCE_END = re.compile(r"[.:;!?…]['\")”]*$")
_BULLET = re.compile(r"^(?:[-–•+*]\s|\d{1,2}[.)]\s|[a-zđ][.)]\s)")
MARGIN = 0.09  # the top and bottom share of a page where running heads and numbers stand


@dataclass
class Line:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


def read_pdf(data: bytes, path: Path) -> Document:
    """The PDF's text, read within a memory and time budget (its streams may unpack to
    far more than the file's size)."""
    from kcn_tracker.extract.readers.bounded import run_bounded

    return run_bounded(_read, data, path, ReadError)


def _read(data: bytes, path: Path) -> Document:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        pages = [_lines(page, number) for number, page in
                 enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()))]
        metadata = _metadata(data)
    except PDFPasswordIncorrect:
        raise ReadError(_(
            "{path}: the PDF is encrypted; save an unprotected copy and run again",
            path=path)) from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError,
            AttributeError) as exc:
        raise ReadError(_("{path}: not a readable PDF ({exc})", path=path,
                          exc=type(exc).__name__)) from None
    except MemoryError:
        raise  # over the budget: refused as such (readers/bounded.py)
    except Exception as exc:  # noqa: BLE001 - a damaged file may fail anywhere in the parser
        raise ReadError(_("{path}: not a readable PDF ({exc})", path=path,
                          exc=type(exc).__name__)) from None
    heights = [h for h, _ in pages]
    lines = _without_running_heads([ls for _, ls in pages], heights)
    if not any(line.text.strip() for page in lines for line in page):
        raise ReadError(_("{path}: {NO_TEXT}", path=path, NO_TEXT=NO_TEXT))
    return Document(paragraphs_text(_paragraphs(lines)), "pdf", metadata)


def _lines(page, number: int) -> tuple[float, list[Line]]:
    from pdfminer.layout import LTTextContainer, LTTextLine

    found = []

    def visit(item) -> None:
        if isinstance(item, LTTextLine):
            text = item.get_text().strip()
            if text:
                found.append(Line(number, item.x0, item.x1, page.height - item.y1,
                                  page.height - item.y0, text))
        elif isinstance(item, LTTextContainer) or hasattr(item, "__iter__"):
            for child in item:
                visit(child)

    visit(page)
    found.sort(key=lambda line: (round(line.bottom), line.x0))
    return page.height, _rows(found)


def _rows(lines: list[Line]) -> list[Line]:
    """Lines standing on one baseline are the cells of one table row, in order."""
    rows: list[Line] = []
    for line in lines:
        last = rows[-1] if rows else None
        if last is not None and abs(last.bottom - line.bottom) < 2 and line.x0 > last.x1:
            rows[-1] = Line(last.page, last.x0, line.x1, min(last.top, line.top),
                            max(last.bottom, line.bottom), last.text + CELL + line.text)
        else:
            rows.append(line)
    return rows


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _without_running_heads(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Page numbers in the margins, and lines repeated in the margins of most pages."""
    def in_margin(line: Line) -> bool:
        height = heights[line.page]
        # short lines only: a running head is a title or a number, never a paragraph's line
        return len(line.text) < 90 and (line.top < height * MARGIN
                                         or line.bottom > height * (1 - MARGIN))

    repeated = Counter(_shape(line.text) for page in pages for line in {
        _shape(x.text): x for x in page if in_margin(x)}.values())
    common = {shape for shape, count in repeated.items()
              if len(pages) >= 2 and count >= max(2, len(pages) // 2)}
    return [[line for line in page if not (in_margin(line) and (
        _PAGE_NUMBER.fullmatch(line.text.strip()) or _shape(line.text) in common))]
        for page in pages]


def _paragraphs(pages: list[list[Line]]) -> list[str]:
    """Lines joined into paragraphs: a wider gap, a short line ending a sentence, an
    indent or a bullet starts a new one; a page break inside a sentence does not."""
    paragraphs: list[str] = []
    for lines in pages:
        pitches = [b.bottom - a.bottom for a, b in zip(lines, lines[1:]) if b.bottom > a.bottom]
        pitch = statistics.median(pitches) if pitches else 0
        left = min((line.x0 for line in lines), default=0)
        right = max((line.x1 for line in lines), default=0)
        previous = None
        for line in lines:
            if previous is None:
                joins = bool(paragraphs) and not _SENTENCE_END.search(paragraphs[-1])
            else:
                joins = not (
                    CELL in line.text or CELL in previous.text
                    or (pitch and line.bottom - previous.bottom > pitch * 1.3)
                    or (_SENTENCE_END.search(previous.text) and previous.x1 < right - 30)
                    or line.x0 > left + 15 or _BULLET.match(line.text))
            if joins and paragraphs:
                paragraphs[-1] += " " + line.text
            else:
                paragraphs.append(line.text)
            previous = line
    return paragraphs


def _metadata(data: bytes) -> dict[str, str]:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found = {}
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    for info in document.info:
        for field, key in (("title", "Title"), ("author", "Author")):
            value = resolve1(info.get(key))
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip() and field not in found:
                found[field] = " ".join(value.split())
    return found
