"""Map a key path such as ``("targets", 2, "unit")`` back to its line in a TOML file.

``tomllib`` gives values without positions, and a message that says only
``targets.2.unit`` makes a person count ``[[targets]]`` headers by hand. This
scanner records where every table header and key starts; it needs to be
right for the files people write (headers, dotted keys, inline tables,
multi-line strings and arrays), not a full TOML parser.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

# Written so that no part can match the same characters two ways: a hostile
# line must not make a regular expression take more than linear time.
_HEADER = re.compile(r"^[ \t]*(\[\[?)([^\]#]*)\]\]?[ \t]*(?:#.*)?$")
_SEGMENT = r'(?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')'
_KEY = re.compile(rf"^[ \t]*({_SEGMENT}(?:[ \t]*\.[ \t]*{_SEGMENT})*)[ \t]*=")


def _split_key(dotted: str) -> tuple[str, ...]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', dotted)
    return tuple(a or b or c for a, b, c in parts)


def _open_delimiters(text: str) -> int:
    """Brackets and braces opened but not closed on a line, ignoring strings and comments."""
    depth, quote, i = 0, "", 0
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        i += 1
    return depth


class Locator:
    """Line (1-based) and column (1-based) of every header and key of one file.

    The file is scanned on first use: a clean file, the usual case in CI, is
    never scanned at all.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._scanned = False

    @property
    def positions(self) -> dict[Path, tuple[int, int]]:
        self._scan_once()
        return self._positions

    @property
    def headers(self) -> list[tuple[int, Path]]:
        """(line, table path) of every header."""
        self._scan_once()
        return self._headers

    @property
    def continued(self) -> set[int]:
        """Lines that continue a multi-line string or array: they are values, not layout,
        and no edit may split them or take them for comments."""
        self._scan_once()
        return self._continued

    def _scan_once(self) -> None:
        if self._scanned:
            return
        self._scanned = True
        self._positions: dict[Path, tuple[int, int]] = {}
        self._headers: list[tuple[int, Path]] = []
        self._continued: set[int] = set()
        # Only "\n" ends a TOML line; splitlines() would also split at U+2028 or
        # U+0085 inside a string and shift every later line number.
        self._lines = [line.removesuffix("\r") for line in self._text.split("\n")]
        self._scan()

    def _scan(self) -> None:
        table: Path = ()
        counters: dict[tuple, int] = {}
        skip_until: str | None = None
        depth = 0
        for number, line in enumerate(self._lines, start=1):
            if skip_until:
                self._continued.add(number)
                if line.count(skip_until) % 2 == 1:
                    skip_until = None
                continue
            if depth > 0:
                self._continued.add(number)
                depth += _open_delimiters(line)
                continue
            if header := _HEADER.match(line):
                names = self._within_arrays(_split_key(header[2]), counters)
                if header[1] == "[[":
                    index = counters.get(names, -1) + 1
                    counters[names] = index
                    table = (*names, index)
                else:
                    table = names
                self._positions.setdefault(table, (number, line.index("[") + 1))
                self._headers.append((number, table))
                continue
            if key := _KEY.match(line):
                path = (*table, *_split_key(key[1]))
                self._positions.setdefault(path, (number, len(line) - len(line.lstrip()) + 1))
                rest = line[key.end():].lstrip()
                fence = rest[:3] if rest[:3] in ('"""', "'''") else None
                # The string stays open when its fence does not close on this line.
                if fence and rest[3:].count(fence) % 2 == 0:
                    skip_until = fence
                depth = _open_delimiters(rest) if not skip_until else 0

    @staticmethod
    def _within_arrays(names: tuple[str, ...], counters: dict[tuple, int]) -> Path:
        """``[targets.source]`` after ``[[targets]]`` is the source of the latest target."""
        path: Path = ()
        for position, name in enumerate(names):
            path = (*path, name)
            if path in counters and position < len(names) - 1:
                path = (*path, counters[path])
        return path

    def find(self, path: Path) -> tuple[int, int] | None:
        """The position of ``path`` or of its nearest located ancestor."""
        self._scan_once()
        for end in range(len(path), 0, -1):
            if (found := self.positions.get(tuple(path[:end]))) is None:
                continue
            line, col = found
            inner = path[end:]
            if inner and isinstance(inner[0], str):
                # A key inside an inline table on that line: point at the key itself.
                m = re.search(rf"[{{,]\s*({re.escape(inner[0])})\s*=", self._lines[line - 1])
                if m:
                    col = m.start(1) + 1
            return line, col
        return None
