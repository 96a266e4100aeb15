"""`kcn-tracker add`: a document into seeds/, kept byte for byte, and into the index.

The original is copied unchanged as NNN_<slug>.<ext> under the next free number;
a document that is not UTF-8 text gets its text beside it (the rendition, UTF-8
NFC), which quotes cite and extract's positions refer to. seeds/index.toml gets
one entry per document, with what the document states of itself and what the
options say, never a guess. Everything happens under the lock of seeds/, files
first and the index last, so a reader never sees an entry whose files are not there.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kcn_tracker.errors import KcnError
from kcn_tracker.extract.readers import ReadError, read_bytes, sniff
from kcn_tracker.project import INDEX, SEEDS, ReadRefused, read_limited
from kcn_tracker.text.display import single_line
from kcn_tracker.text.i18n import _
from kcn_tracker.text.spelling import fold
from kcn_tracker.writes import atomic_write, atomic_write_bytes, folder_lock

EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "text": ".txt"}
_PROVINCE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = {"day": re.compile(r"\d{4}-\d{2}-\d{2}"), "month": re.compile(r"\d{4}-\d{2}"),
         "approximate": re.compile(r"\d{4}")}
INDEX_HEAD = ("# What is known of each source document in this folder (kcn-tracker add "
              "writes it).\n")


class IntakeError(KcnError):
    """A document that cannot be added; nothing was written."""


@dataclass(frozen=True)
class Added:
    source: Path
    file: str | None  # None: already in seeds/
    rendition: str | None
    twin: str | None = None  # the file already holding the same bytes


def add_documents(paths: list[Path], province: str, root: Path = Path("."),
                  options: dict[str, str] | None = None) -> list[Added]:
    options = {k: v for k, v in (options or {}).items() if v}
    if not _PROVINCE.fullmatch(province):
        raise IntakeError(_(
            "--province {province} is not a province id; write it as the plan file's [province] "
            "id, such as thai-nguyen",
            province=repr(province)))
    if "published" in options and _precision(options["published"]) is None:
        raise IntakeError(_(
            "--published {value} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY",
            value=repr(options['published'])))
    seeds = root / SEEDS
    if not seeds.is_dir():
        raise IntakeError(_(
            "{seeds}: no such folder; run kcn-tracker add in the project, the folder that holds "
            "seeds/",
            seeds=seeds))
    import tomlkit

    added: list[Added] = []
    written: list[Path] = []
    with folder_lock(seeds):
        index_path = seeds / INDEX
        old_index = read_limited(index_path) if index_path.exists() else None
        try:
            text = old_index.decode("utf-8") if old_index else INDEX_HEAD
            entries = tomlkit.parse(text).get("documents", [])
        except (UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as exc:
            raise IntakeError(_(
                "{index_path}: not valid TOML ({exc}); fix it first (kcn-tracker check shows "
                "where)",
                index_path=index_path, exc=exc)) from None
        known = {e.get("sha256"): e.get("file") for e in entries if isinstance(e, dict)}
        number = _next_number(seeds, entries)
        try:
            for path in paths:
                data = _read(path)
                digest = hashlib.sha256(data).hexdigest()
                if digest in known:
                    added.append(Added(path, None, None, known[digest]))
                    continue
                entry, files = _prepare(path, data, digest, number, province, options)
                for name, content in files:
                    if (seeds / name).exists():
                        raise IntakeError(_(
                            "{name}: already exists; nothing written",
                            name=seeds / name))
                    atomic_write_bytes(seeds / name, content, new_file=True)
                    written.append(seeds / name)
                # appended as text: every byte of the index before it stays as it was
                text = text.rstrip("\n") + "\n\n" + tomlkit.dumps({"documents": [entry]})
                known[digest] = entry["file"]
                added.append(Added(path, entry["file"], entry.get("rendition")))
                number += 1
            if written:
                atomic_write(index_path, text, new_file=old_index is None,
                             unchanged_since=old_index)
        except BaseException:
            for path in written:  # all documents or none: the index was not written
                path.unlink(missing_ok=True)
            raise
    return added


def _read(path: Path) -> bytes:
    if not path.exists():
        raise IntakeError(_("{path}: no such file", path=path))
    try:
        return read_limited(path)
    except ReadRefused as exc:
        raise IntakeError(_("{path}: {reason}", path=path, reason=exc.reason)) from None


def _prepare(path: Path, data: bytes, digest: str, number: int, province: str,
             options: dict[str, str]):
    try:
        document = read_bytes(data, path)
    except ReadError as exc:
        raise IntakeError(_("{exc}; nothing written", exc=exc)) from None
    # What the document says of itself is its own text: no control or bidi character of
    # it reaches the index, where a reviewer would read it reordered.
    stated = {**dateline(document.text),
              **{key: single_line(value) for key, value in document.metadata.items()}, **options}
    extension = EXTENSIONS[sniff(data, path.name)]
    stem = f"{number:03d}_{_slug(stated.get('title') or path.stem) or digest[:16]}"
    entry: dict = {}
    entry["file"] = stem + extension
    files = [(stem + extension, data)]
    rendition = None
    if not document.is_utf8_text:
        rendition = unicodedata.normalize("NFC", document.text).encode("utf-8")
        entry["rendition"] = stem + (".utf8.txt" if extension == ".txt" else ".txt")
        files.append((entry["rendition"], rendition))
    entry["province"] = province
    for key in ("title", "publisher", "author"):
        if stated.get(key):
            entry[key] = stated[key]
    if stated.get("published") and (precision := _precision(stated["published"])):
        entry["published"] = stated["published"]
        entry["precision"] = precision
        if precision == "approximate":
            entry["dated_by"] = "the year the document was published, as given to add"
    if stated.get("url"):
        entry["url"] = stated["url"]
    entry["format"] = document.format if document.format != "text" else document.encoding
    entry["sha256"] = digest
    if rendition is not None:
        entry["rendition_sha256"] = hashlib.sha256(rendition).hexdigest()
    return entry, files


# A dateline: a short line near the top that is a date and little else, as news sites
# print it ("Thứ Hai, 16/04/2024 09:00", "Cập nhật: 30/11/2020 15:37"). A date inside a
# sentence ("Nghị quyết số 16 ngày 12/8/2021") is no publication date and is not taken.
_DATELINE = re.compile(
    r"^[^\S\n]*(?:(?:thứ\s+\w+|chủ nhật|cập nhật|ngày đăng|đăng ngày|ngày)\s*[:,]?\s*)*"
    r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d{2})"
    r"(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:GMT|UTC)\s*[+-]\s*\d+)?)?[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE)


def dateline(text: str) -> dict[str, str]:
    """The publication date a dateline in the first lines states, if one does."""
    head = "\n".join(text.split("\n")[:8])
    for m in _DATELINE.finditer(head):
        try:
            day = date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            continue
        return {"published": day.isoformat()}
    return {}


def _precision(date: str) -> str | None:
    return next((name for name, form in _DATE.items() if form.fullmatch(date)), None)


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(unicodedata.normalize("NFC", text)).replace("đ", "d"))
    slug = "_".join(words)
    return slug[:40].rstrip("_")


def _next_number(seeds: Path, entries) -> int:
    names = [p.name for p in seeds.iterdir()] + [str(e.get("file", "")) for e in entries
                                                 if isinstance(e, dict)]
    numbers = [int(m.group(1)) for n in names if (m := re.match(r"(\d{3,})_", n))]
    return max(numbers, default=-1) + 1
