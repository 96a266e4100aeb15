"""Writing a plan file so that nothing is ever lost.

- One writer at a time per folder: an exclusive lock on the folder itself
  (no lock files to leave behind), held from reading the file to renaming the
  new one, so a second writer sees the first one's entry.
- Atomic replacement: the new text goes to a temporary file in the same
  folder, is flushed and fsynced, and is renamed over the original; a crash at
  any moment leaves the old file or the new one, never a mix.
"""

from __future__ import annotations

import difflib
import fcntl
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WriteError(Exception):
    """The new file could not be written; the original is unchanged."""


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def atomic_write(path: Path, text: str) -> None:
    folder = path.parent
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError(f"{path}: could not be written ({exc.strerror}); the original file "
                         "is unchanged") from None
    # The rename itself must reach the disk too.
    folder_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(folder_fd)
    finally:
        os.close(folder_fd)


def unified_diff(path: Path, old: str, new: str) -> str:
    name = str(path)
    return "".join(difflib.unified_diff(old.splitlines(keepends=True),
                                        new.splitlines(keepends=True),
                                        fromfile=name, tofile=name))
