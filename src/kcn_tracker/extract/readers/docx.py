"""Word files (.docx) through python-docx: paragraphs and tables in document order.

Headers and footers are parts of their own in a .docx and are never read, so a
running title or a page number does not enter the text. The title and author
come from the core properties; their dates are when the file was made, not when
the document was published, so none is taken as the publication date.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from kcn_tracker.extract.readers import Document, ReadError, paragraphs_text, row_text
from kcn_tracker.project import max_bytes
from kcn_tracker.text.i18n import _


def read_docx(data: bytes, path: Path) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _refuse_a_bomb(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        _blocks(document.element.body, document, blocks)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(_("{path}: not a readable Word (.docx) file ({exc})", path=path,
                          exc=exc)) from None
    except Exception as exc:  # noqa: BLE001 - a damaged file may fail anywhere in the parser
        raise ReadError(_("{path}: not a readable Word (.docx) file ({exc})", path=path,
                          exc=type(exc).__name__)) from None
    text = paragraphs_text(blocks)
    if not text.strip():
        raise ReadError(_("{path}: no text in this Word file", path=path))
    core = document.core_properties
    metadata = {key: " ".join(value.split()) for key, value in
                (("title", core.title or ""), ("author", core.author or "")) if value.strip()}
    return Document(text, "docx", metadata)


def _refuse_a_bomb(data: bytes, path: Path) -> None:
    """A .docx is a zip: its text parts, unpacked, must stay within the size limit too,
    or a few hundred kilobytes could unpack to gigabytes of XML."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ReadError(_("{path}: not a readable Word (.docx) file ({reason})", path=path,
                          reason=exc)) from None
    unpacked = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
    if unpacked > max_bytes():
        raise ReadError(_("{path}: its text unpacks to {size} bytes, over the limit of {limit} "
                          "(raise KCN_TRACKER_MAX_BYTES if this one is right)", path=path,
                          size=f"{unpacked:,}", limit=f"{max_bytes():,}"))


def _blocks(container, document, blocks: list[str]) -> None:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(p.text for p in cell.paragraphs))
                blocks.append(row_text(cells))
        elif tag == "sdt":  # a content control wraps ordinary paragraphs and tables
            content = child.find("{*}sdtContent")
            if content is not None:
                _blocks(content, document, blocks)
