"""`kcn-tracker fmt`: one canonical layout for plan files, every comment kept.

The layout: the keys of each table in the order docs/plan-format.md shows
(a comment above a key moves with it), `key = value` with single spaces,
source and attainment tables inline as `{ document = "…", quote = "…" }`,
numbers as plain digits (2150, 225.8), one blank line between tables, no
trailing spaces, one newline at the end. The data never changes: the new text
is parsed and compared with the old before anything is written.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal

import tomlkit
from tomlkit.items import AoT, Float, InlineTable, Integer, SingleKey, Table

from .entries import KEY_ORDER, number_text, value_text


class FormatError(Exception):
    """The file cannot be formatted (it is not valid TOML, or formatting would change it)."""


def _canonical_item(key: str, item):
    """A value rewritten in the canonical style, with its trailing comment kept."""
    if isinstance(item, InlineTable):
        text = value_text(_plain(item), key)
    elif isinstance(item, (Integer, Float)) and not isinstance(item, bool):
        number = Decimal(item.as_string().replace("_", "").lstrip("+"))
        if not number.is_finite():
            return item
        text = number_text(number)
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
    container = table.value
    groups, pending = [], []
    for key, item in container.body:
        if key is None:
            pending.append((key, item))
        else:
            groups.append((key, item, pending))
            pending = []
    rank = {name: i for i, name in enumerate(order)}
    groups.sort(key=lambda g: rank.get(g[0].key, len(order)))  # stable: unknown keys keep order
    container.body.clear()
    container._map.clear()
    for key, item, comments in groups:
        for _, comment in comments:
            container.append(None, comment)
        container.append(SingleKey(key.key), _canonical_item(key.key, item))
    for _, trailing in pending:
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
    """No trailing spaces, one blank line before each table, one newline at the end."""
    out: list[str] = []
    in_string = False
    for line in text.split("\n"):
        if not in_string:
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
        if line.count('"""') % 2 or line.count("'''") % 2:
            in_string = not in_string
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def format_text(text: str) -> str:
    try:
        before = tomllib.loads(text, parse_float=Decimal)
        doc = tomlkit.parse(text)
    except (tomllib.TOMLDecodeError, tomlkit.exceptions.TOMLKitError, RecursionError) as exc:
        raise FormatError(f"not valid TOML ({exc}); `kcn-tracker check` shows where") from None
    for name, table in _tables(doc):
        order = KEY_ORDER.get(name, ())
        _reorder(table, order if name != "zones" else ())
    new = _tidy(tomlkit.dumps(doc))
    if tomllib.loads(new, parse_float=Decimal) != before:
        raise FormatError("formatting would change the data; the file is left as it is")
    return new
