"""Exports for minutes, slides and the office: SVG, HTML, Markdown, text and Excel.

Each export starts with a title line (what, for whom, as of when, made when),
and is written atomically: a half-written picture never replaces a good one. It
carries the export mark (report/marks.py), so that the tool replaces only files it
wrote and nobody changed since.
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


def check_target(path: Path) -> None:
    """Refuse an export before any work: a type we cannot write, a folder that is not
    there, or a file that is not an earlier export. Asked again under the folder's lock
    just before writing, so a file put there meanwhile is not written over either."""
    from kcn_tracker.project import ReadRefused

    path = _through_links(path)
    if not path.name or path.is_dir():
        raise ExportError(_("{path}: a folder; give a file name, such as report.xlsx",
                            path=path))
    if path.suffix.lower() not in FORMATS:
        raise ExportError(_(
            "{path}: cannot export to '{value}'; use one of {FORMATS}",
            path=path, value=path.suffix or 'no extension', FORMATS=', '.join(FORMATS)))
    if not path.parent.is_dir():
        raise ExportError(_("{parent}: no such directory", parent=path.parent))
    if os.path.lexists(path):
        try:
            # opened without blocking: a pipe named out.html is refused, not waited on
            mark = _mark(path)
        except ReadRefused as exc:
            raise ExportError(_(
                "{path}: cannot be replaced ({strerror})",
                path=path, strerror=exc.reason)) from None
        if mark is None:
            raise ExportError(_(
                "{path} exists and is not an earlier kcn-tracker export; it is left as it is: "
                "choose another name",
                path=path))
        if mark is False:
            raise ExportError(_(
                "{path} was changed after kcn-tracker exported it; it is left as it is: "
                "choose another name, or move it away first", path=path))


def _mark(path: Path) -> bool | None:
    """True for an export nobody changed since, False for one changed since, None for a
    file that is no export."""
    from kcn_tracker.project import open_regular, read_limited, sha256_from
    from kcn_tracker.report import marks

    if path.suffix.lower() == ".xlsx":
        fd, _info = open_regular(path)
        with os.fdopen(fd, "rb") as workbook:
            return marks.workbook_mark(workbook)
    mark = marks.text_mark(read_limited(path, 512))
    if mark is None:
        return None
    # The file is read a second time only when it differs, to see whether only its line
    # ends do.
    return mark.digest is None or mark.digest == sha256_from(path, mark.body) or \
        mark.digest == sha256_from(path, mark.body, lf=True)


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
    from kcn_tracker.report.marks import marked_text, stamped_workbook

    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return stamped_workbook(views[".xlsx"]())
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
    return marked_text(text, plain=suffix == ".txt")


def _through_links(path: Path) -> Path:
    """Where a link named as the export leads: the export is written there, as an edit
    of a plan file is, and the link stays a link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_export(path: Path, data: bytes) -> None:
    from kcn_tracker.writes import atomic_write_bytes

    path = _through_links(path)
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
