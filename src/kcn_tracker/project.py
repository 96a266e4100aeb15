"""Where the project is (plans/, seeds/, seeds/index.toml), and the one way a file is read.

Every file the tool reads (a plan, a document, the index) goes through
``read_limited``: only a regular file, and only up to the size limit, so a wrong
path to a disk image, a device or a pipe cannot exhaust memory or hang a run.
"""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

from kcn_tracker.errors import InputError, KcnError
from kcn_tracker.text.i18n import _

PLANS = Path("plans")
PROJECT_ENV = "KCN_TRACKER_PROJECT"
_chosen: Path | None = None  # --project DIR (or KCN_TRACKER_PROJECT), set by the CLI
SEEDS = "seeds"
INDEX = "index.toml"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class ReadRefused(KcnError):
    """A file that is not read: not a regular file, too large, or unreadable.

    ``reason`` is the sentence after the file's name; ``strerror`` is set when the
    system refused the read, so each caller can word it as its contract says.
    """

    def __init__(self, reason: str, strerror: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.strerror = strerror


def max_bytes() -> int:
    """The limit in bytes: KCN_TRACKER_MAX_BYTES when set, else 20 MiB."""
    value = os.environ.get("KCN_TRACKER_MAX_BYTES", "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    # ASCII digits only: "²" and "٣" are digits to str.isdigit but no size a person means.
    if not (value.isascii() and value.isdigit() and 0 < len(value) <= 15) or int(value) == 0:
        raise InputError(_(
            "KCN_TRACKER_MAX_BYTES={value} is not a size: give a whole number of bytes, such as "
            "{DEFAULT_MAX_BYTES} (the default)",
            value=repr(value[:40]), DEFAULT_MAX_BYTES=DEFAULT_MAX_BYTES))
    return int(value)


def _too_large(size: int, limit: int) -> str:
    return _("{size} bytes, over the limit of {limit}; a plan file or a document is far "
             "smaller (raise KCN_TRACKER_MAX_BYTES if this one is right)",
             size=f"{size:,}", limit=f"{limit:,}")


def open_regular(path: Path) -> tuple[int, os.stat_result]:
    """An open descriptor of the regular file ``path``, opened without blocking and
    checked on the descriptor, so a FIFO or a device named like a file is refused, never
    waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ReadRefused(_("cannot be read ({reason})", reason=exc.strerror),
                          exc.strerror or str(exc)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise ReadRefused(_("not a regular file"))
    return fd, info


def read_limited(path: Path, first: int | None = None) -> bytes:
    """The bytes of the regular file ``path``, refused beyond the size limit; with
    ``first``, only its first bytes, whatever its size. Files that report no size
    (/proc) are read only up to the limit."""
    limit = max_bytes()
    fd, info = open_regular(path)
    try:
        if first is not None:  # only a file's first bytes (an export's mark), any size
            limit = first - 1
        elif info.st_size > limit:
            raise ReadRefused(_too_large(info.st_size, limit))
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ReadRefused(_("cannot be read ({reason})", reason=exc.strerror),
                          exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if first is not None:
        return data[:first]
    if len(data) > limit:
        raise ReadRefused(_too_large(len(data), limit))
    return data


def sha256_from(path: Path, offset: int, lf: bool = False) -> str:
    """The SHA-256 of the regular file ``path`` from byte ``offset`` on, read a
    megabyte at a time: a digest needs no size limit. With ``lf``, of the text with its
    CRLF line ends read as LF (as git on Windows may have rewritten them)."""
    import hashlib

    digest = hashlib.sha256()
    fd, _info = open_regular(path)
    try:
        os.lseek(fd, offset, os.SEEK_SET)
        held = b""  # a CR at a chunk's end, until the next chunk says what follows it
        while chunk := os.read(fd, 1 << 20):
            if lf:
                chunk = (held + chunk).replace(b"\r\n", b"\n")
                chunk, held = (chunk[:-1], b"\r") if chunk.endswith(b"\r") else (chunk, b"")
            digest.update(chunk)
        digest.update(held)
    except OSError as exc:
        raise ReadRefused(_("cannot be read ({reason})", reason=exc.strerror),
                          exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    return digest.hexdigest()


def outside_project(path: Path) -> bool:
    """Whether ``path`` is a link (or lies in a linked folder) that leads out of the
    project it is named in: such a file is never read nor written, wherever it leads
    (/proc/self/environ, a device, another project's plan)."""
    named = Path(os.path.abspath(path))
    root = _root_of(named.parent.resolve())
    return not path.resolve().is_relative_to(root)


def _root_of(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if (candidate / SEEDS).is_dir():
            return candidate
    return folder.parent


def project_root(plan_file: Path) -> Path:
    """Documents are named relative to the project: the nearest folder above the plan
    file that holds seeds/ (plans/x.toml -> the folder above plans/)."""
    for folder in plan_file.resolve().parents:
        if (folder / SEEDS).is_dir():
            return folder
    return plan_file.resolve().parent.parent


def index_entries(root: Path) -> list[dict]:
    """The [[documents]] of the project's seeds/index.toml; none when it is missing or
    broken (`kcn-tracker check` reports a broken index, with its line)."""
    import tomli as tomllib  # only the commands that cite documents read the index

    try:
        entries = tomllib.loads(read_limited(root / SEEDS / INDEX).decode("utf-8")).get(
            "documents", [])
    except (KcnError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return []
    return [d for d in entries if isinstance(d, dict)] if isinstance(entries, list) else []


def indexed(plan_path: Path, document: str) -> dict:
    """What seeds/index.toml records of ``document`` (published, precision, …), if anything;
    a rendition is known by the entry of its original."""
    name = Path(document).name
    entries = index_entries(project_root(plan_path))
    return next((d for d in entries if name in (d.get("file"), d.get("rendition"))), {})


def published(plan_path: Path, document: str) -> str | None:
    """The publication date seeds/index.toml gives for ``document``, if any; a TOML date
    (published = 2024-04-16) reads like the string."""
    value = indexed(plan_path, document).get("published")
    return str(value) if isinstance(value, (str, date)) else None


def documents_index(plan_files) -> dict[str, dict]:
    """What seeds/index.toml says of each document, by file name (a rendition by its own
    name too), over the projects of ``plan_files``."""
    index: dict[str, dict] = {}
    for root in dict.fromkeys(project_root(Path(f)) for f in plan_files):
        for entry in index_entries(root):
            for key in ("file", "rendition"):
                if isinstance(entry.get(key), str):
                    index.setdefault(entry[key], entry)
    return index


def choose_project(folder: Path | None) -> None:
    """The project named by --project or KCN_TRACKER_PROJECT; None to find it."""
    global _chosen
    _chosen = folder


def find_project(start: Path | None = None) -> Path | None:
    """The nearest folder from ``start`` (the working directory) upwards that holds
    plans/; None when there is none."""
    here = (start or Path.cwd()).resolve()
    return next((folder for folder in (here, *here.parents) if (folder / PLANS).is_dir()),
                None)


def project_dir() -> Path:
    """The project a command works on: the one named, else the one around the working
    directory, else the working directory itself (whose missing plans/ is then said)."""
    if _chosen is not None:
        if not (_chosen / PLANS).is_dir():
            raise InputError(_(
                "{chosen}: not a kcn-tracker project (no plans/ folder in it); --project and "
                "{PROJECT_ENV} name the folder that holds plans/",
                chosen=_chosen, PROJECT_ENV=PROJECT_ENV))
        return _chosen
    return find_project() or Path(".")


def _shown(path: Path) -> Path:
    """A path as messages show it: relative when it is the working directory or above
    it (plans/x.toml, ../plans/x.toml), absolute otherwise."""
    here = Path.cwd().resolve()
    full = path.resolve()
    if full == here or full in here.parents:
        return Path(os.path.relpath(full, here))
    return path if path.is_absolute() else full


def default_plans() -> Path:
    """plans/ of the project: plans when run from its root, as before."""
    return _shown(project_dir()) / PLANS


def default_root() -> Path:
    return _shown(project_dir())
