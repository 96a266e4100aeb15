"""`kcn-tracker fmt`: one canonical layout for plan files, every comment kept.

The layout: the keys of each table in the order docs/plan-format.md shows
(a comment above a key moves with it), `key = value` with single spaces,
source and attainment tables inline as `{ document = "…", quote = "…" }`,
numbers as plain digits (2150, 225.8), one blank line between tables, no
trailing spaces, one newline at the end. The data never changes: the new text
is parsed and compared with the old before anything is written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import tomli as tomllib  # the plan parser of plans/load.py
import tomlkit
from tomlkit.items import AoT, Float, InlineTable, Integer, SingleKey, Table

from kcn_tracker.errors import EXIT_PLAN_PROBLEMS, KcnError
from kcn_tracker.plans.entries import KEY_ORDER, number_text, value_text
from kcn_tracker.plans.locate import Locator
from kcn_tracker.project import ReadRefused, read_limited
from kcn_tracker.text.i18n import _
from kcn_tracker.writes import WriteError, atomic_write, folder_lock, unified_diff


class FormatError(KcnError):
    """The file cannot be formatted (it is not valid TOML, or formatting would change it)."""

    exit_code = EXIT_PLAN_PROBLEMS


def _canonical_item(key: str, item):
    """A value rewritten in the canonical style, with its trailing comment kept."""
    if isinstance(item, InlineTable):
        text = value_text(_plain(item), key)
    elif isinstance(item, Integer) and not isinstance(item, bool):
        text = str(int(item))  # 1_000, +5, 0x10 -> 1000, 5, 16
    elif isinstance(item, Float):
        number = Decimal(item.as_string().replace("_", ""))
        if not number.is_finite():
            return item
        text = number_text(number)
        if "." not in text:
            text += ".0"  # a float stays a float: 20.0, not 20
    else:
        return item
    fresh = tomlkit.parse(f"x = {text}")["x"]
    for part in ("indent", "comment_ws", "comment", "trail"):
        setattr(fresh.trivia, part, getattr(item.trivia, part))
    return fresh


def _plain(item):
    """The Python value of an inline table, its numbers as exact decimals."""
    return tomllib.loads(f"x = {item.as_string()}", parse_float=Decimal)["x"]


def _reorder(table: Table, order: tuple[str, ...]) -> None:
    """Keys in ``order``, each with the comments above it.

    Comments right under the header and followed by a blank line describe the
    whole table: they stay at its top.
    """
    container = table.value
    body = list(container.body)
    head: list = []
    leading = 0
    while leading < len(body) and body[leading][0] is None:
        leading += 1
    blank = [i for i in range(leading) if "\n" in body[i][1].as_string().strip(" \t")
             and not body[i][1].as_string().strip()]
    if blank:
        head, body = body[:blank[-1] + 1], body[blank[-1] + 1:]
    groups, pending = [], []
    for key, item in body:
        if key is None:
            pending.append((key, item))
        else:
            groups.append((key, item, pending))
            pending = []
    rank = {name: i for i, name in enumerate(order)}
    groups.sort(key=lambda g: rank.get(g[0].key, len(order)))  # stable: unknown keys keep order
    container.body.clear()
    container._map.clear()
    for _key, item in head:
        container.append(None, item)
    for key, item, comments in groups:
        for _key, comment in comments:
            container.append(None, comment)
        container.append(SingleKey(key.key), _canonical_item(key.key, item))
    for _key, trailing in pending:
        container.append(None, trailing)


def _tables(doc):
    for name in ("province", "zones"):
        if isinstance(doc.get(name), Table):
            yield name, doc[name]
    for section in ("targets", "actuals", "revocations"):
        if isinstance(doc.get(section), AoT):
            for table in doc[section]:
                yield section, table


_HEADER = re.compile(r"^\[")


def _tidy(text: str) -> str:
    """No trailing spaces, one blank line before each table, one newline at the end.

    Lines inside a multi-line string or array are values and stay as they are.
    """
    continued = Locator(text).continued
    out: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number + 1 in continued:
            pass  # it opens a multi-line value: what follows the fence is data
        elif number not in continued:
            line = line.rstrip()
            if not line and (not out or not out[-1]):
                continue  # no blank line at the top, never two in a row
            if _HEADER.match(line):
                # A blank line before the table and the comments that introduce it.
                start = len(out)
                while start and out[start - 1].startswith("#"):
                    start -= 1
                if start and out[start - 1]:
                    out.insert(start, "")
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def _typed(value):
    """The data with the type of every value, so that 20.0 and 20 differ."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return type(value).__name__, value


def format_text(text: str) -> str:
    """The canonical layout of ``text``: LF line ends, no byte-order mark."""
    if not text.strip():
        return text
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"  # the last key then ends its line wherever reordering moves it
    try:
        before = _typed(tomllib.loads(text, parse_float=Decimal))
        doc = tomlkit.parse(text)
        for name, table in _tables(doc):
            _reorder(table, KEY_ORDER.get(name, ()))
        new = _tidy(tomlkit.dumps(doc))
        same = _typed(tomllib.loads(new, parse_float=Decimal)) == before
    except (tomllib.TOMLDecodeError, tomlkit.exceptions.TOMLKitError, RecursionError) as exc:
        raise FormatError(_(
            "not valid TOML ({exc}); `kcn-tracker check` shows where",
            exc=exc)) from None
    except Exception as exc:  # noqa: BLE001 - a formatter bug must never cost the file
        raise FormatError(_(
            "cannot be formatted ({exc}: {exc2}); the file is left as it is",
            exc=type(exc).__name__, exc2=exc)) from None
    if not same:
        raise FormatError(_("formatting would change the data; the file is left as it is"))
    return new


@dataclass(frozen=True)
class Formatted:
    """What `fmt` did with one file: ``changed``, or ``failed`` with the reason."""

    shown: Path  # the path as the user named it
    changed: bool = False
    failed: str | None = None  # the line that says why, file name included
    diff: str = ""


def format_file(shown: Path, write: bool) -> Formatted:
    """Format one plan file under its folder's lock; write it only when ``write``.

    The file a link points to is the one formatted; it is read through the one
    size-limited read, and written atomically.
    """
    path = Path(os.path.realpath(shown))
    with folder_lock(path.parent):
        try:
            read = read_limited(path)
            old = read.decode("utf-8")
            new = format_text(old)
        except UnicodeDecodeError:
            return Formatted(shown, failed=f"{shown}: not UTF-8 text")
        except (ReadRefused, FormatError) as exc:
            return Formatted(shown, failed=f"{shown}: {exc}")
        if new == old:
            return Formatted(shown)
        diff = unified_diff(shown, old, new)
        if write:
            try:
                atomic_write(path, new, unchanged_since=read)
            except WriteError as exc:
                return Formatted(shown, changed=True, failed=str(exc), diff=diff)
        return Formatted(shown, changed=True, diff=diff)
