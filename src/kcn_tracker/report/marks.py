"""The export mark: how the tool knows a file is one it wrote, and that nobody changed
it since, before it replaces it.

A text export's first line is the mark, a comment in the format's own syntax (a
plain line in .txt), with the SHA-256 of everything after it: minutes someone edited
under the same name keep the mark but no longer match it, and are never written over.
A workbook has no first line: its custom document property ``kcn-tracker export``
holds the SHA-256 of its sheets (every part under xl/), which a spreadsheet rewrites
when it saves the file, so a workbook saved again by a person is never replaced
either. A mark without a digest is an export of an earlier version, replaced as before.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass

# A hand-written README or CI page may well mention "kcn-tracker", even quote this
# mark, but does not start with it. HTML allows a comment before the doctype, XML
# before the root element, and Markdown viewers hide it.
MARK = "kcn-tracker export"
_LINE = re.compile(rf"(<!--|--) {MARK}(?: ([0-9a-f]{{64}}))? (-->|--)")
# More than the sheets of any workbook the tool writes unpack to (a national report's
# is a few megabytes): a file past it is no export of ours, whatever its property says.
UNPACKED = 1 << 30
# What the workbook's property holds until the digest of its sheets is known.
UNSTAMPED = "0" * 64
_CUSTOM = "docProps/custom.xml"
# The property as XlsxWriter writes it, and as a spreadsheet saving the file again does
# (attributes in another order, the namespace declared on the value).
_PROPERTY = re.compile(rb'name="' + MARK.encode() + rb'"[^>]*>\s*<vt:(\w+)[^>]*>([^<]*)</vt:')


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def marked_text(text: str, plain: bool) -> bytes:
    """``text`` under its mark line: ``-- … --`` for plain text, a comment otherwise."""
    body = text.encode("utf-8")
    line = f"-- {MARK} {_digest(body)} --" if plain else f"<!-- {MARK} {_digest(body)} -->"
    return line.encode() + b"\n" + body


@dataclass(frozen=True)
class TextMark:
    digest: str | None  # of what follows the mark line; None in an earlier version's
    body: int  # where what follows begins


def text_mark(head: bytes) -> TextMark | None:
    """The mark on the first line of ``head`` (a file's first bytes), or None. A line end
    rewritten to CRLF on the mark line is tolerated."""
    first, newline, _rest = head.partition(b"\n")
    found = _LINE.fullmatch(first.removesuffix(b"\r").decode("utf-8", errors="replace"))
    if not newline or found is None or (found[1], found[3]) not in (("<!--", "-->"),
                                                                    ("--", "--")):
        return None
    return TextMark(found[2], len(first) + 1)


class _TooLarge(Exception):
    """A workbook whose sheets unpack to more than any export of the tool."""


def _sheets_digest(archive: zipfile.ZipFile) -> str:
    """The digest of every part under xl/, read a megabyte at a time and at most
    UNPACKED bytes in all: a zip can unpack to a thousand times its size."""
    digest, left = hashlib.sha256(), UNPACKED
    for name in sorted(n for n in archive.namelist() if n.startswith("xl/")):
        digest.update(name.encode() + b"\0")
        with archive.open(name) as part:
            while chunk := part.read(1 << 20):
                left -= len(chunk)
                if left < 0:
                    raise _TooLarge(name)
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def stamped_workbook(data: bytes) -> bytes:
    """The workbook with its property set to the digest of its sheets."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as stamped:
        digest = _sheets_digest(archive).encode()
        for info in archive.infolist():
            part = archive.read(info)
            if info.filename == _CUSTOM:
                part = part.replace(UNSTAMPED.encode(), digest, 1)
            stamped.writestr(info, part)
    return out.getvalue()


def workbook_mark(workbook) -> bool | None:
    """True for the workbook (an open binary file) the tool wrote and nobody saved
    since, False for one saved since, None for a file that is no export; a property part
    larger than a property list is not looked at."""
    try:
        with zipfile.ZipFile(workbook) as archive:
            info = archive.getinfo(_CUSTOM)
            if info.file_size > 65536:
                return False
            found = _PROPERTY.search(archive.read(info))
            if found is None:
                return None
            if found[1] == b"bool":  # an export of an earlier version
                return True if found[2].strip() in (b"1", b"true") else None
            return found[2].decode() == _sheets_digest(archive)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, UnicodeDecodeError,
            EOFError, _TooLarge, MemoryError):
        return None
