"""seeds/index.toml against the documents in seeds/: what `add` wrote still holds.

A broken index, a registered file that is gone and a document whose bytes no
longer match their sha256 (edited after it was added) are errors at the line
of the index that says otherwise; a document in seeds/ the index does not know
is a warning. A project without an index has nothing to check here.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tomli as tomllib  # the one TOML parser (plans/load.py)

from kcn_tracker.findings import Problem
from kcn_tracker.project import INDEX, SEEDS, KcnError, read_limited
from kcn_tracker.text.display import hidden, printable
from kcn_tracker.text.i18n import _

_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def check_index(root: Path) -> list[Problem]:
    seeds = root / SEEDS
    index = seeds / INDEX
    if not index.is_file() or seeds.is_symlink():
        return []
    try:
        text = read_limited(index).decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        return [Problem("KCN209", index, text_line(read_limited(index), exc.start), None,
                        _("the index is not UTF-8 text; save it as UTF-8"))]
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_AT.search(str(exc))
        return [Problem("KCN209", index, int(at[1]) if at else None, int(at[2]) if at else None,
                        _(
                            "the index is not valid TOML: {exc}",
                            exc=_TOML_AT.sub('', str(exc)).strip()))]
    except (KcnError, RecursionError) as exc:
        return [Problem("KCN209", index, None, None, _("the index cannot be read: {exc}", exc=exc))]
    entries = data.get("documents", [])
    lines = text.split("\n")
    if not isinstance(entries, list):
        return [Problem("KCN209", index, _line_of(lines, 0, "documents"), None,
                        _("documents must be an array of tables: [[documents]]"))]
    problems: list[Problem] = []
    named: set[str] = {INDEX}
    numbered: dict[str, str] = {}
    for number, entry in enumerate(entries):
        header = _header_line(lines, number)
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            problems.append(Problem("KCN209", index, header, None,
                                    _(
                                        "documents[{number}] has no file = \"<name in seeds/>\"",
                                        number=number)))
            continue
        for key, value in entry.items():
            if isinstance(value, str) and hidden(value):
                problems.append(Problem("KCN209", index, _line_of(lines, header, key), None, _(
                    "documents[{number}].{key} holds a control or bidirectional character "
                    "({shown}); remove it: a reviewer would read the text in another order "
                    "than it is stored", number=number, key=key, shown=printable(value))))
        # Reports name a document by its number (the source column, "003"): two
        # documents with one number could not be told apart there.
        prefix = entry["file"].split("_", 1)[0]
        if "_" in entry["file"] and numbered.setdefault(prefix, entry["file"]) != entry["file"]:
            problems.append(Problem("KCN213", index, _line_of(lines, header, "file"), None,
                                    _(
                                        "'{value}' has the number {prefix} of '{prefix2}'; "
                                        "reports name documents by their number: give it a "
                                        "number of its own",
                                        value=entry['file'], prefix=prefix,
                                        prefix2=numbered[prefix])))
        for key, digest_key in (("file", "sha256"), ("rendition", "rendition_sha256")):
            name = entry.get(key)
            if not isinstance(name, str):
                continue
            named.add(name)
            line = _line_of(lines, header, key)
            path = seeds / name
            if "/" in name or "\\" in name or name.startswith(".") or not path.is_file():
                problems.append(Problem("KCN210", index, line, None,
                                        _(
                                            "{key} '{name}' is not a file in {SEEDS}/: add the "
                                            "document again, or remove its entry",
                                            key=key, name=name, SEEDS=SEEDS)))
                continue
            digest = entry.get(digest_key)
            if not (isinstance(digest, str) and _SHA256.fullmatch(digest)):
                if digest is not None or key == "rendition":
                    problems.append(Problem("KCN209", index, _line_of(lines, header, digest_key)
                                            or line, None, _(
                                                "{digest_key} of '{name}' is not 64 hexadecimal "
                                                "digits",
                                                digest_key=digest_key, name=name)))
                continue
            try:
                actual = hashlib.sha256(read_limited(path)).hexdigest()
            except KcnError:
                continue  # over the size limit or unreadable: KCN202 says so where it is cited
            if actual != digest:
                problems.append(Problem(
                    "KCN211", index, _line_of(lines, header, digest_key), None,
                    _(
                        "'{name}' has changed since it was added (its sha256 is {value}…, the "
                        "index says {value2}…); restore the document as received, or add the new "
                        "version as a new document",
                        name=name, value=actual[:12], value2=digest[:12])))
    for path in sorted(seeds.iterdir()):
        if path.name not in named and not path.name.startswith(".") and path.is_file():
            problems.append(Problem("KCN212", path, None, None,
                                    _(
                                        "'{name}' is in {SEEDS}/ but not in {INDEX}; register it "
                                        "with kcn-tracker add, or remove it",
                                        name=path.name, SEEDS=SEEDS, INDEX=INDEX)))
    return problems


def text_line(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def _header_line(lines: list[str], number: int) -> int | None:
    seen = -1
    for i, line in enumerate(lines):
        if line.strip().startswith("[[documents]]"):
            seen += 1
            if seen == number:
                return i + 1
    return None


def _line_of(lines: list[str], header: int | None, key: str) -> int | None:
    """The line of ``key = …`` in the table that starts at line ``header``."""
    for i in range(header or 0, len(lines)):
        stripped = lines[i].strip()
        if i >= (header or 0) and stripped.startswith("[") and i + 1 != header and header:
            break
        if re.match(rf"{re.escape(key)}\s*=", stripped):
            return i + 1
    return header
