"""The outline of a document: headings by rank, and what they say of the lines below.

Decisions, plans and reports write targets as lists under headings; a heading of plan
makes the figures under it targets, and the period a heading names is theirs.
"""

from __future__ import annotations

import re

from kcn_tracker.extract import cues


class Outline:
    """The headings above a list, as decisions and reports write targets:
    "I. MỤC TIÊU" / "2. Chỉ tiêu cụ thể" / "a) Năm 2023: cấp mới từ 25 đến 30 dự án".
    A figure under a heading of plan is a target, and the period a heading names is the
    period of the figures under it. A heading holds for the lines below it down to the
    next heading of its rank or higher; prose ends every heading."""

    _RANKS = ((1, re.compile(r"\s*(?:[IVX]+\.\s|Điều\s+\d|PHẦN\s|Phần\s+[IVX\d])")),
              (2, re.compile(r"\s*\d{1,2}(?:\.\d{1,2})*[.)]\s")),
              (3, re.compile(r"\s*[a-zđ]\)\s")),
              (4, re.compile(r"\s*[-+•*–]\s")))
    # Links to other articles under a news item are not its figures.
    _NAVIGATION = re.compile(r"\s*(?:Xem thêm|Tin liên quan|Đọc thêm|Bài liên quan|#)", re.I)

    def __init__(self) -> None:
        self.headings: list[tuple[int, bool, str | None]] = []  # (rank, of plan, period)
        self.skip = False

    def enter(self, text: str, start: int, end: int) -> str | None:
        """Start a paragraph; the period the headings above it name."""
        line = text[start:end].rstrip()
        self.skip = bool(self._NAVIGATION.match(line))
        rank = next((r for r, pattern in self._RANKS if pattern.match(line)), None)
        short = len(line) < 100 and not line.endswith((".", "…", "!", "?", ";"))
        if rank is None and not short:
            self.headings = []  # prose
        elif rank is None:
            rank = 0  # a title line: a new document part
        self.headings = [h for h in self.headings if h[0] < (rank if rank is not None else 0)]
        self.rank = rank
        return next((p for _, _, p in reversed(self.headings) if p), None)

    @property
    def plan(self) -> bool:
        return any(of_plan for _, of_plan, _ in self.headings)

    def leave(self, text: str, start: int, end: int, named: str | None, figures: bool) -> None:
        """End a paragraph: a heading (a title line, a numbered line without a figure of
        its own, or one ending in ":") holds for the lines below it."""
        if self.rank is None:
            return
        if self.rank == 0 or not figures or text[start:end].rstrip().endswith(":"):
            self.headings.append((self.rank, cues.plan_words(text, start, end, heading=True),
                                  named))

    def role(self, role: str | None, cue: str | None) -> str | None:
        """Under a heading of plan a figure is a target, an attainment to reach too ("đạt
        100% kế hoạch giao"), unless its own sentence says it is a result ("đã thu hút
        25 dự án")."""
        if self.plan and role in ("actual", "ratio", "growth", "attainment") and cue != "actual":
            return "target"
        return role
