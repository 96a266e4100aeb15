"""Plan-file entries as TOML text: rendered in the canonical key order, and inserted
after the last entry of their section so that every other byte stays as it was."""

from __future__ import annotations

import re
from decimal import Decimal

import tomlkit

from kcn_tracker.plans.locate import Locator
from kcn_tracker.text.notation import plain as number_text

_HIDDEN = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

KEY_ORDER = {
    "province": ("id", "name"),
    "targets": ("id", "indicator", "scope", "period", "value", "value_max", "unit", "comparator",
                "origin", "reported_attainment", "supersedes", "note", "source", "acknowledge"),
    "actuals": ("id", "indicator", "scope", "period", "value", "unit", "qualifier", "estimated",
                "project", "supersedes", "note", "source", "acknowledge"),
    "revocations": ("id", "name", "zone", "status", "reported", "source", "acknowledge"),
    "source": ("document", "quote"),
    "reported_attainment": ("value", "qualifier", "period"),
    "acknowledge": ("rule", "reason"),
    "skipped": ("document", "quote", "reason"),
}


def value_text(value: object, key: str = "") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return number_text(Decimal(value))
    if isinstance(value, dict):
        order = KEY_ORDER.get(key, tuple(value))
        items = [f"{k} = {value_text(value[k])}" for k in order if k in value]
        return "{ " + ", ".join(items) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(value_text(v, key) for v in value) + "]"
    # A control or bidi character from a document goes in as a TOML escape: valid TOML,
    # shown as it is in every editor and terminal (KCN117 still refuses it).
    return _HIDDEN.sub(lambda m: f"\\u{ord(m[0]):04x}", tomlkit.string(str(value)).as_string())


def render_entry(section: str, fields: dict) -> str:
    """``[[section]]`` and its keys, one a line, in the canonical order."""
    lines = [f"[[{section}]]"]
    for key in KEY_ORDER[section]:
        if fields.get(key) is not None:
            lines.append(f"{key} = {value_text(fields[key], key)}")
    return "\n".join(lines) + "\n"


def insert_entry(text: str, section: str, entry: str, newline: str = "\n") -> str:
    """``text`` with ``entry`` after the last entry of ``section`` (or at the end).

    Comments and blank lines right before the next table belong to that table,
    so the entry goes above them; lines inside a multi-line string are never
    taken for either. The entry is written with the file's own line endings.
    """
    entry = entry.rstrip("\n").replace("\n", newline)
    locator = Locator(text)
    lines = text.split("\n")
    own = [line for line, path in locator.headers if path[:1] == (section,) and len(path) == 2]
    if not own:
        if not text.strip():
            return entry + newline
        body = text if text.endswith("\n") else text + newline
        return body + newline + entry + newline
    last = own[-1]
    after = [line for line, path in locator.headers
             if line > last and path[:2] != (section, len(own) - 1)]
    end = (after[0] if after else len(lines) + 1) - 1  # the last line (1-based) of the entry
    while end > last and end not in locator.continued and (
            not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    before, rest = lines[:end], lines[end:]
    head = "\n".join(before) + "\n"  # ends the entry's last line, its own "\r" kept
    block = newline + entry + newline  # a blank line, then the new entry
    if rest and rest[0].strip():  # the next table followed without a blank line
        block += newline
    return head + block + "\n".join(rest)
