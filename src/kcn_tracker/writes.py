"""Writing a file of the project (a plan file, an export) so that nothing is ever lost.

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
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kcn_tracker.errors import EXIT_PLAN_PROBLEMS, KcnError
from kcn_tracker.project import read_limited
from kcn_tracker.text.i18n import _


class WriteError(KcnError):
    """The new file could not be written; the original is unchanged."""

    exit_code = EXIT_PLAN_PROBLEMS


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise WriteError(_(
            "{folder}: cannot be opened ({strerror})",
            folder=folder, strerror=exc.strerror)) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            # Say why nothing happens rather than hang in silence.
            print(_("waiting for another kcn-tracker writing in {folder} …", folder=folder),
                  file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _temporaries(path: Path) -> list[Path]:
    return list(path.parent.glob(f".{path.name}.*.tmp"))


def atomic_write(path: Path, text: str, new_file: bool = False,
                 unchanged_since: bytes | None = None) -> None:
    """Replace ``path`` by ``text``; call it holding :func:`folder_lock` of the folder.

    Under the lock no other writer is between its temporary file and its
    rename, so a temporary file left here is from a writer that was killed.
    ``unchanged_since`` is what the file held when it was read: a program that
    does not take the lock (an editor saving) may have changed it since, and its
    change is never overwritten.
    """
    atomic_write_bytes(path, text.encode("utf-8"), new_file, unchanged_since)


def atomic_write_bytes(path: Path, data: bytes, new_file: bool = False,
                       unchanged_since: bytes | None = None) -> None:
    """:func:`atomic_write` of bytes as they are: a document kept byte for byte."""
    for leftover in _temporaries(path):
        leftover.unlink(missing_ok=True)
    if new_file:
        umask = os.umask(0)
        os.umask(umask)
        mode, owner = 0o666 & ~umask, None
    else:
        if not os.access(path, os.W_OK):
            raise WriteError(_("{path}: not writable by you; the file is unchanged", path=path))
        info = path.stat()
        mode, owner = stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid)
    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        if owner is not None and hasattr(os, "chown"):
            try:
                os.chown(temporary, *owner)
            except PermissionError:
                pass  # only root can give a file away; the file stays the writer's
        if unchanged_since is not None:
            _refuse_if_changed(path, unchanged_since)
        os.replace(temporary, path)
    except OSError as exc:
        raise WriteError(_(
            "{path}: could not be written ({strerror}); the original file is unchanged",
            path=path, strerror=exc.strerror)) from None
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
    try:  # the rename itself must reach the disk too
        folder_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder_fd)
        finally:
            os.close(folder_fd)
    except OSError:
        pass  # the file is already replaced; some file systems cannot sync a folder


def _refuse_if_changed(path: Path, read: bytes) -> None:
    try:
        now = read_limited(path)
    except KcnError:
        now = None
    if now != read:
        raise WriteError(_(
            "{path}: changed by another program since it was read; nothing was written: run the "
            "command again on the file as it is now",
            path=path))


def unified_diff(path: Path, old: str, new: str) -> str:
    name = str(path)
    lines = []
    for line in difflib.unified_diff(old.splitlines(keepends=True),
                                     new.splitlines(keepends=True), fromfile=name, tofile=name):
        lines.append(line)
        if not line.endswith("\n"):  # as diff and git write it, so patch can apply it
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)
