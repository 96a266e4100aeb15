"""Documents as boards receive them, turned into the text every command reads.

``read_text(path)`` is the one entry: it reads the file through the one
size-limited read, recognises its format by its bytes (a PDF or Word file
named .txt is still read as what it is), and returns the text with what the
document states of itself (title, author, publisher, published), never guessed.

Text files in UTF-8 are returned exactly as given, so positions slice the file;
every other format gives its text in NFC, one paragraph per line with a blank
line between paragraphs, and each table row on one line with " | " between
its cells, so that "Chỉ tiêu | Kế hoạch | Thực hiện | %" stays readable.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kcn_tracker.errors import KcnError
from kcn_tracker.project import ReadRefused, read_limited
from kcn_tracker.text.i18n import _

CELL = " | "


class ReadError(KcnError):
    """A document that cannot be read as text; the message names the file and why."""


@dataclass(frozen=True)
class Document:
    text: str
    format: str  # "text", "html", "docx", "pdf"
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"

    @property
    def is_utf8_text(self) -> bool:
        """Whether the file itself is the text quotes cite (no rendition is needed)."""
        return self.format == "text" and self.encoding in ("utf-8", "utf-8-sig")


def sniff(data: bytes, name: str) -> str:
    """The format of ``data``, by its bytes first and its name second."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or name.lower().endswith(".docx") else "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return "html"
    head = data[:2048].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").lower().replace(b"\x00", b"")
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) and \
            b"<html" in data[:4096].lower().replace(b"\x00", b""):
        return "html"
    return "text"


def read_document(path: Path) -> Document:
    """The text of the document at ``path``, whatever its format."""
    if not path.exists():
        raise ReadError(_("{path}: no such file", path=path))
    try:
        data = read_limited(path)
    except ReadRefused as exc:
        reason = exc.reason
        if exc.strerror is None and reason == _("not a regular file"):
            reason = _("not a regular file; give a text document")
        raise ReadError(_("{path}: {reason}", path=path, reason=reason)) from None
    return read_bytes(data, path)


def read_bytes(data: bytes, path: Path) -> Document:
    kind = sniff(data, path.name)
    if kind == "pdf":
        from kcn_tracker.extract.readers.pdf import read_pdf
        document = read_pdf(data, path)
    elif kind == "docx":
        from kcn_tracker.extract.readers.docx import read_docx
        document = read_docx(data, path)
    elif kind == "html":
        from kcn_tracker.extract.readers.html import read_html
        document = read_html(data, path)
    elif kind == "text":
        from kcn_tracker.extract.readers.plain import read_plain
        return read_plain(data, path)  # UTF-8 stays as given: positions slice the file
    else:
        raise ReadError(_(
            "{path}: a {doc} file, which kcn-tracker does not read; save it as .docx, PDF or text",
            path=path, doc='legacy Word (.doc)' if kind == 'doc' else 'zip'))
    return Document(unicodedata.normalize("NFC", document.text), document.format,
                    document.metadata, document.encoding)


def read_text(path: Path) -> tuple[str, dict[str, str]]:
    """The text of the document at ``path`` and what it states of itself."""
    document = read_document(path)
    return document.text, document.metadata


def paragraphs_text(paragraphs: list[str]) -> str:
    """Paragraphs as the tool's text: one a line, a blank line between them; white space
    inside a paragraph folded, since a line break there is only where the page ended."""
    kept = [" ".join(p.split()) for p in paragraphs]
    return "\n\n".join(p for p in kept if p) + "\n"


def row_text(cells: list[str]) -> str:
    """A table row as one line; a row of empty cells is no line at all."""
    cells = [" ".join(c.split()) for c in cells]
    return CELL.join(cells) if any(cells) else ""
