"""Source documents: found only inside ``seeds/``, read once, compared canonically."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from .vietnamese import canonical

SEEDS = "seeds"


class DocumentError(Exception):
    """A document path that is refused or cannot be read; ``code`` is the rule."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class Documents:
    """The documents of one project, resolved safely and read at most once each."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.seeds = (root / SEEDS).resolve()
        self._texts: dict[Path, str] = {}

    def resolve(self, document: str) -> Path:
        """The file ``document`` names, checked to be a regular file inside seeds/.

        Nothing is opened: a path that leaves seeds/ is refused on its name, or
        on where its links lead, before any read.
        """
        posix = PurePosixPath(document)
        if (posix.is_absolute() or PureWindowsPath(document).is_absolute()
                or ".." in posix.parts or "\\" in document or not posix.parts
                or posix.parts[0] != SEEDS):
            raise DocumentError("KCN201", f"'{document}' is not a path inside seeds/; write it "
                                "relative to the project, as seeds/<file>.txt")
        path = (self.root / posix).resolve()
        if not path.is_relative_to(self.seeds):
            raise DocumentError("KCN201", f"'{document}' leads outside seeds/ (to {path}); "
                                "copy the document into seeds/ instead of linking it")
        if not path.exists():
            raise DocumentError("KCN202", f"'{document}' does not exist; add the document "
                                "to seeds/ or correct the path")
        if not path.is_file():
            raise DocumentError("KCN202", f"'{document}' is not a regular file")
        return path

    def canonical_text(self, path: Path) -> str:
        if path not in self._texts:
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise DocumentError("KCN202", f"'{path.name}' is not UTF-8 text") from None
            self._texts[path] = canonical(text)
        return self._texts[path]
