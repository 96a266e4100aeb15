"""Source documents: found only inside ``seeds/``, read once, compared canonically."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from kcn_tracker.errors import KcnError
from kcn_tracker.extract.readers import ReadError, read_bytes
from kcn_tracker.project import SEEDS, ReadRefused, read_limited
from kcn_tracker.text.i18n import _
from kcn_tracker.text.spelling import canonical

_SIMPLE = re.compile(rf"{SEEDS}/([^/\\\0]+)")


def _in_seeds(document: str) -> str | None:
    """The file name of ``document`` when it is plainly seeds/<name>: no other folder, no
    backslash or NUL, not "." or ".."."""
    m = _SIMPLE.fullmatch(document)
    return m[1] if m and m[1] not in (".", "..") else None


class DocumentError(KcnError):
    """A document path that is refused or cannot be read; ``code`` is the rule."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class Documents:
    """The documents of one project, resolved safely and read at most once each."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.seeds = (root / SEEDS).resolve()
        # A seeds/ that is itself a link would let documents be read from anywhere.
        self.seeds_refused = (root / SEEDS).is_symlink() or not self.seeds.is_relative_to(
            root.resolve())
        self._texts: dict[Path, str] = {}
        self._resolved: dict[str, Path | DocumentError] = {}
        self._rendition_of: dict[str, str] | None = None

    def resolve(self, document: str) -> Path:
        """The file ``document`` names, checked to be a regular file inside seeds/.

        Nothing is opened: a path that leaves seeds/ is refused on its name, or
        on where its links lead, before any read. Each name is resolved once.
        """
        if document not in self._resolved:
            try:
                self._resolved[document] = self._resolve(document)
            except DocumentError as exc:
                self._resolved[document] = exc
        found = self._resolved[document]
        if isinstance(found, DocumentError):
            raise found
        return found

    def _resolve(self, document: str) -> Path:
        if not self.seeds_refused and (name := _in_seeds(document)):
            # The usual case, seeds/<file>: one lstat says it is a regular file (not a
            # link) directly inside seeds/, which is already resolved and checked, so it
            # is what resolving would give. Anything else takes the long way below.
            try:
                if stat.S_ISREG(os.lstat(os.path.join(self.seeds, name)).st_mode):
                    return self.seeds / name
            except (OSError, ValueError):
                pass
        posix = PurePosixPath(document)
        if (posix.is_absolute() or PureWindowsPath(document).is_absolute()
                or ".." in posix.parts or "\\" in document or "\0" in document
                or not posix.parts or posix.parts[0] != SEEDS):
            raise DocumentError("KCN201", _(
                "'{document}' is not a path inside seeds/; write it relative to the project, as "
                "seeds/<file>.txt",
                document=document))
        if self.seeds_refused:
            raise DocumentError("KCN201", _(
                "{SEEDS} is a link or leads outside the project; make seeds/ a real folder "
                "holding the documents",
                SEEDS=self.root / SEEDS))
        try:
            path = (self.root / self._on_disk(posix)).resolve(strict=True)
        except FileNotFoundError:
            raise DocumentError("KCN202", _(
                "'{document}' does not exist in {SEEDS}; add the document or correct the path",
                document=document, SEEDS=self.root / SEEDS)) from None
        except (OSError, RuntimeError) as exc:  # a loop of links, a name too long
            raise DocumentError("KCN202", _("'{document}' cannot be opened: {reason}",
                                            document=document, reason=exc)) from None
        if not path.is_relative_to(self.seeds):
            raise DocumentError("KCN201", _(
                "'{document}' is a link that leads outside seeds/; copy the document into seeds/ "
                "instead of linking it",
                document=document))
        if not path.is_file():
            raise DocumentError("KCN202", _(
                "'{document}' is not a regular file",
                document=document))
        return path

    def _on_disk(self, posix: PurePosixPath) -> PurePosixPath:
        """``posix`` as the disk spells it: a name cited in NFC finds the file that macOS
        stored in NFD, and the reverse."""
        folder = self.root / posix.parent
        if (self.root / posix).exists() or not folder.is_dir():
            return posix
        wanted = unicodedata.normalize("NFC", posix.name)
        for entry in os.scandir(folder):
            if unicodedata.normalize("NFC", entry.name) == wanted:
                return posix.parent / entry.name
        return posix

    def known(self, path: Path, text: str) -> None:
        """``canonical_text(path)`` as another process of the same run found it."""
        self._texts[path] = text

    def canonical_text(self, path: Path) -> str:
        if path not in self._texts:
            try:
                text = self._text(path)
            except ReadError as exc:
                raise DocumentError("KCN202", _(
                    "'{name}' cannot be read as text: {exc}",
                    name=path.name, exc=str(exc).removeprefix(f'{path}: '))) from None
            except ReadRefused as exc:
                if exc.strerror is not None:
                    raise DocumentError("KCN202", _("'{name}' cannot be read: {reason}",
                                                    name=path.name, reason=exc.strerror)) from None
                raise DocumentError("KCN202", _("'{name}': {reason}", name=path.name,
                                                reason=exc.reason)) from None
            self._texts[path] = canonical(text)
        return self._texts[path]

    def _text(self, path: Path) -> str:
        """A quote may cite the original or its rendition: an original that is not UTF-8
        text is read as the rendition the index names beside it, which is what `add`
        wrote and `draft` quoted; without one, through the same reader as `extract`."""
        data = read_limited(path)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        rendition = self._renditions().get(path.name)
        if rendition and (self.seeds / rendition).is_file():
            try:
                return read_limited(self.seeds / rendition).decode("utf-8")
            except UnicodeDecodeError:
                pass
        return read_bytes(data, path).text

    def _renditions(self) -> dict[str, str]:
        if self._rendition_of is None:
            from kcn_tracker.project import index_entries

            self._rendition_of = {e["file"]: e["rendition"] for e in index_entries(self.root)
                                  if isinstance(e.get("file"), str)
                                  and isinstance(e.get("rendition"), str)
                                  and "/" not in e["rendition"]}
        return self._rendition_of
