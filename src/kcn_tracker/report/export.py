"""Exports for minutes and slides: what the screen shows, as SVG, HTML, Markdown or text.

Each export starts with a title line (what, for whom, as of when, made when),
and is written atomically: a half-written picture never replaces a good one.
Its very first line is the export mark, a comment in the format's own syntax (a
plain line in text), so that the tool replaces only files it wrote.
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console

from kcn_tracker.errors import KcnError
from kcn_tracker.writes import WriteError, atomic_write, folder_lock

FORMATS = (".svg", ".html", ".md", ".txt")


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


def check_target(path: Path) -> None:
    """Refuse an export before any work: a type we cannot write, a folder that is not
    there, or a file that is not an earlier export."""
    if path.suffix.lower() not in FORMATS:
        raise ExportError(f"{path}: cannot export to '{path.suffix or 'no extension'}'; "
                          f"use one of {', '.join(FORMATS)}")
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent}: no such directory")
    if os.path.lexists(path):
        try:
            with open(path, "rb") as handle:
                head = handle.read(256)
        except OSError as exc:
            raise ExportError(f"{path}: cannot be replaced ({exc.strerror})") from None
        if not _is_export(head):
            raise ExportError(f"{path} exists and is not an earlier kcn-tracker export; "
                              "it is left as it is: choose another name")


def write_export(path: Path, console: Console, markdown: str, title: str) -> None:
    """``console`` recorded the screen; ``markdown`` is the same content as Markdown."""
    from kcn_tracker.report.cells import markdown_text

    suffix = path.suffix.lower()
    if suffix == ".svg":
        text = console.export_svg(title=title)
    elif suffix == ".html":
        text = console.export_html()
    elif suffix == ".txt":
        text = console.export_text()
    else:
        text = f"**{markdown_text(title)}**\n\n{markdown}"
    text = f"{TEXT_MARK if suffix == '.txt' else COMMENT_MARK}\n{text}"
    try:
        with folder_lock(path.parent):
            atomic_write(path, text, new_file=not path.exists())
    except WriteError as exc:
        raise ExportError(str(exc)) from None


def title_line(command: str, provinces: list[str] | None, as_of, lang: str) -> str:
    """The line every export starts with: what, for whom, as of when, made when."""
    from datetime import date

    from kcn_tracker.report.cells import day, word

    subject = ", ".join(provinces) if provinces else word(lang, "all_provinces")
    return word(lang, "export_title", command=command, subject=subject,
                as_of=day(as_of, lang), made=day(date.today(), lang))


def finish(path: Path | None, console: Console, markdown, title: str) -> bool:
    """Write the export, if one is asked for; ``markdown`` makes the Markdown text only
    when it is needed. True when a file was written."""
    if path is None:
        return False
    write_export(path, console, markdown() if path.suffix.lower() == ".md" else "", title)
    return True
