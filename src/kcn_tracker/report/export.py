"""Exports for minutes, slides and the office: SVG, HTML, Markdown, text and Excel.

Each export starts with a title line (what, for whom, as of when, made when),
and is written atomically: a half-written picture never replaces a good one.
Its very first line is the export mark, a comment in the format's own syntax (a
plain line in text), so that the tool replaces only files it wrote; a workbook,
which has no first line, carries it as a custom document property.
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console

from kcn_tracker.errors import KcnError
from kcn_tracker.text.i18n import _
from kcn_tracker.writes import WriteError, folder_lock

FORMATS = (".svg", ".html", ".md", ".txt", ".xlsx")


class ExportError(KcnError):
    pass


# The first line of every export. A hand-written README or CI page may well mention
# "kcn-tracker", even quote this mark, but does not start with it: a file whose
# first line is not one of these is never written over (a README, a source
# document, a plan file). HTML allows a comment before the doctype, XML before the
# root element, and Markdown viewers hide it.
MARK = "kcn-tracker export"
COMMENT_MARK = f"<!-- {MARK} -->"
TEXT_MARK = f"-- {MARK} --"
MARKS = (COMMENT_MARK, TEXT_MARK)


def _is_export(head: bytes) -> bool:
    # Tolerate a line end rewritten to CRLF (git on Windows) but nothing else.
    first = head.split(b"\n", 1)[0].removesuffix(b"\r")
    return first.decode("utf-8", errors="replace") in MARKS


def _is_workbook_export(data: bytes) -> bool:
    """An .xlsx whose custom properties hold the mark (report/book.py); a part larger
    than a property list is not looked at."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("docProps/custom.xml")
            if info.file_size > 65536:
                return False
            return f'name="{MARK}"'.encode() in archive.read(info)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        return False


def check_target(path: Path) -> None:
    """Refuse an export before any work: a type we cannot write, a folder that is not
    there, or a file that is not an earlier export. Asked again under the folder's lock
    just before writing, so a file put there meanwhile is not written over either."""
    from kcn_tracker.project import ReadRefused, read_limited

    if path.suffix.lower() not in FORMATS:
        raise ExportError(_(
            "{path}: cannot export to '{value}'; use one of {FORMATS}",
            path=path, value=path.suffix or 'no extension', FORMATS=', '.join(FORMATS)))
    if not path.parent.is_dir():
        raise ExportError(_("{parent}: no such directory", parent=path.parent))
    if os.path.lexists(path):
        try:
            # the size-limited read opens without blocking: a pipe named out.html is
            # refused, not waited on
            data = read_limited(path, None if path.suffix.lower() == ".xlsx" else 256)
        except ReadRefused as exc:
            raise ExportError(_(
                "{path}: cannot be replaced ({strerror})",
                path=path, strerror=exc.reason)) from None
        is_export = (_is_workbook_export(data) if path.suffix.lower() == ".xlsx"
                     else _is_export(data))
        if not is_export:
            raise ExportError(_(
                "{path} exists and is not an earlier kcn-tracker export; it is left as it is: "
                "choose another name",
                path=path))


# Rich's SVG loads Fira Code from a CDN; a meeting room often has no network. The
# same picture with the fonts a system has (Fira Code first, where it is installed).
FONT_STACK = ('"Fira Code", "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, '
              '"Noto Sans Mono", monospace')


def svg_format() -> str:
    import re

    from rich._export_format import CONSOLE_SVG_FORMAT

    text = re.sub(r"@font-face \{\{.*?\}\}\n", "", CONSOLE_SVG_FORMAT, flags=re.S)
    text = text.replace("font-family: Fira Code, monospace;", f"font-family: {FONT_STACK};")
    return text.replace("font-family: arial;", "font-family: Arial, Helvetica, sans-serif;")


def export_bytes(path: Path, console: Console, title: str, views: dict) -> bytes:
    """The file's bytes; ``views`` maps a suffix to a function that makes the content
    the screen cannot give as it is (Markdown, the HTML page, the workbook)."""
    from kcn_tracker.report.cells import markdown_text

    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return views[".xlsx"]()
    if suffix == ".svg":
        text = console.export_svg(title=title, code_format=svg_format())
    elif suffix == ".html" and ".html" in views:
        text = views[".html"]()
    elif suffix == ".html":
        text = console.export_html()
    elif suffix == ".txt":
        text = console.export_text()
    else:
        text = f"**{markdown_text(title)}**\n\n{views['.md']() if '.md' in views else ''}"
    return f"{TEXT_MARK if suffix == '.txt' else COMMENT_MARK}\n{text}".encode("utf-8")


def write_export(path: Path, data: bytes) -> None:
    from kcn_tracker.writes import atomic_write_bytes

    try:
        with folder_lock(path.parent):
            check_target(path)
            atomic_write_bytes(path, data, new_file=not path.exists())
    except WriteError as exc:
        raise ExportError(str(exc)) from None


def title_line(command: str, provinces: list[str] | None, as_of, lang: str) -> str:
    """The line every export starts with: what, for whom, as of when, made when."""
    from datetime import date

    from kcn_tracker.report.cells import day, word

    subject = ", ".join(provinces) if provinces else word(lang, "all_provinces")
    return word(lang, "export_title", command=command, subject=subject,
                as_of=day(as_of, lang), made=day(date.today(), lang))


def finish(path: Path | None, console: Console, title: str, views: dict) -> bool:
    """Write the export, if one is asked for; each view is made only when its suffix is
    the one asked for. True when a file was written."""
    if path is None:
        return False
    write_export(path, export_bytes(path, console, title, views))
    return True
