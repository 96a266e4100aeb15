"""Output formats of `kcn-tracker check`, one module each, all behind one function.

Every module has ``render(result, strict) -> str``.
"""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kcn_tracker.text.display import printable

if TYPE_CHECKING:  # the registry is imported by the CLI to list its keys: keep it light
    from kcn_tracker.check.run import CheckResult

FORMATS = ("text", "json", "github", "junit", "sarif")


class CheckRenderer(Protocol):
    def __call__(self, result: "CheckResult", strict: bool) -> str: ...


def renderer(name: str) -> CheckRenderer:
    return import_module(f"{__name__}.{name}_format").render


def display_path(path: Path) -> str:
    """The path as a reader (and a CI annotation) expects it: relative, with slashes."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# On POSIX a file name that is not UTF-8 reaches Python with its bad bytes as
# lone surrogates (U+DC80-U+DCFF): written raw they crash a UTF-8 stream or make
# the output invalid UTF-8, so each is shown as the byte it stands for.
_UNDECODABLE = re.compile("[\ud800-\udfff]")


def _byte(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code - 0xdc00:02x}" if 0xdc80 <= code <= 0xdcff else f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` as data in any format: controls, bidi controls and undecodable bytes escaped.

    A file name or a key comes from the pull request: a newline in it would start
    a GitHub workflow command of its own, an ESC would make the JUnit XML invalid.
    """
    return printable(_UNDECODABLE.sub(_byte, text))


def shown_path(path: Path) -> str:
    """:func:`display_path`, safe to print in every format."""
    return shown(display_path(path))
