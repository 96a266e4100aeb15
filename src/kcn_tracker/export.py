"""Exports for minutes and slides: what the screen shows, as SVG, HTML, Markdown or text.

Each export starts with a title line (what, for whom, as of when, made when),
and is written atomically: a half-written picture never replaces a good one.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from .writing import WriteError, atomic_write

FORMATS = (".svg", ".html", ".md", ".txt")


class ExportError(Exception):
    pass


def check_target(path: Path) -> None:
    """Refuse an export before any work: a type we cannot write, a folder that is not there."""
    if path.suffix.lower() not in FORMATS:
        raise ExportError(f"{path}: cannot export to '{path.suffix or 'no extension'}'; "
                          f"use one of {', '.join(FORMATS)}")
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent}: no such directory")


def write_export(path: Path, console: Console, markdown: str, title: str) -> None:
    """``console`` recorded the screen; ``markdown`` is the same content as Markdown."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        text = console.export_svg(title=title)
    elif suffix == ".html":
        text = console.export_html()
    elif suffix == ".txt":
        text = console.export_text()
    else:
        text = f"**{title}**\n\n{markdown}"
    try:
        atomic_write(path, text, new_file=not path.exists())
    except WriteError as exc:
        raise ExportError(str(exc)) from None
