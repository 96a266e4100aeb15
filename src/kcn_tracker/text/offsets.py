"""Reading a document in NFC while keeping the positions of the file as given.

Matching is done on NFC text, so that "Thụy" typed with combining marks reads
like the precomposed one; the positions reported must still slice the file as
it is on disk (``file[start:end] == text``). A normalized character maps back to
the start of the cluster it came from, and clusters never straddle a figure.
"""

from __future__ import annotations

import bisect
import unicodedata


class Normalized:
    """``text`` in NFC, and for each of its characters where it starts in ``original``."""

    def __init__(self, original: str) -> None:
        self.original = original
        if unicodedata.is_normalized("NFC", original):
            self.text = original
            self._starts = None
            return
        parts, starts, ends = [], [], []
        cluster = 0
        for i in range(1, len(original) + 1):
            if i == len(original) or unicodedata.combining(original[i]) == 0:
                normal = unicodedata.normalize("NFC", original[cluster:i])
                parts.append(normal)
                starts.extend([cluster] * len(normal))
                ends.extend([i] * len(normal))
                cluster = i
        self.text = "".join(parts)
        self._starts = starts + [len(original)]
        self._ends = ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The positions in the original of the NFC slice ``text[start:end]``."""
        if self._starts is None:
            return start, end
        return self._starts[start], (self._ends[end - 1] if end > start else self._starts[start])


class Lines:
    """Line numbers of positions in a text, found by bisection: a table of thousands of
    figures does not count the line breaks before each one again."""

    def __init__(self, text: str) -> None:
        self._breaks = [i for i, ch in enumerate(text) if ch == "\n"]

    def of(self, position: int) -> int:
        return bisect.bisect_left(self._breaks, position) + 1
