"""Load plan files: TOML text -> validated :class:`Plan`, or every problem with its line.

Reading uses ``tomli``, the compiled build of the parser the standard library's
``tomllib`` was taken from (same data, same messages, about 2.5 times faster; pinned
below 2.4, so plan files are TOML 1.0 on every install: docs/plan-format.md); nothing
is written back here. Floats are parsed straight into ``Decimal`` so 225.8 stays 225.8.

Loading runs in two stages that ``kcn-tracker check`` also uses one by one:
:func:`parse` (bytes -> TOML data, problems KCN001-002) and :func:`validate`
(data -> model, problems KCN101-115). Validation reports every problem of a
file at once: entries that are valid on their own still go through the rules
that span entries when another entry is broken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import tomli

from kcn_tracker.errors import InputError, PlanError
from kcn_tracker.findings import Problem
from kcn_tracker.plans.locate import Locator
from kcn_tracker.plans.model import SECTIONS, Plan
from kcn_tracker.plans.validate import validate
from kcn_tracker.project import ReadRefused, outside_project, read_limited
from kcn_tracker.text.i18n import _

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT_END = "(at end of document)"


@dataclass
class Parsed:
    """One plan file read and parsed as TOML; ``data`` is None when it is not TOML."""

    path: Path
    text: str | None
    data: dict | None
    locator: Locator
    problems: list[Problem] = field(default_factory=list)

    def problem(self, code: str, loc: tuple, message: str) -> Problem:
        line, col = self.locator.find(loc) or (None, None)
        entry = loc[:2] if len(loc) >= 2 and loc[0] in SECTIONS else ()
        return Problem(code, self.path, line, col, message, entry)


@dataclass(frozen=True)
class LoadedPlan:
    path: Path
    plan: Plan
    locator: Locator

    def position(self, *path: str | int) -> tuple[int, int] | None:
        return self.locator.find(path)


def plan_files(paths: Iterable[Path]) -> list[Path]:
    """The plan files named by ``paths``: files as given, directories' ``*.toml`` sorted."""
    files: dict[Path, Path] = {}  # by resolved path: a file named twice is read once
    for path in paths:
        if path.is_dir():
            # Only regular files: a folder, a dangling link or a pipe named *.toml is no plan.
            found = sorted(p for p in path.glob("*.toml") if p.is_file())
            if not found:
                raise InputError(_("{path}: no plan files (*.toml) in this directory", path=path))
        elif path.is_file():
            found = [path]
        elif path.exists():
            raise InputError(_("{path}: not a regular file", path=path))
        else:
            raise InputError(_("{path}: no such file or directory", path=path))
        for file in found:
            if outside_project(file):
                raise InputError(_(
                    "{file}: a link that leads outside the project; copy the plan file into "
                    "the project instead of linking it", file=file))
            files.setdefault(file.resolve(), file)
    return list(files.values())


def load_plans(paths: Iterable[Path]) -> list[LoadedPlan]:
    """Load every plan file under ``paths``; raise PlanError listing all problems found."""
    loaded: list[LoadedPlan] = []
    problems: list[Problem] = []
    for file in plan_files(paths):
        try:
            loaded.append(load_plan(file))
        except PlanError as exc:
            problems.extend(exc.problems)
    problems += duplicate_provinces([(item.path, item.plan, item.locator) for item in loaded])
    if problems:
        raise PlanError(problems)
    return loaded


def duplicate_provinces(plans: list[tuple[Path, Plan, Locator]]) -> list[Problem]:
    """Problems between plan files: one province in two files; one successor told two ways."""
    seen: dict[str, Path] = {}
    successors: dict[str, tuple[Path, object]] = {}
    problems = []
    for path, plan, locator in plans:
        pid = plan.province.id
        if pid in seen:
            line, col = locator.find(("province", "id")) or (None, None)
            problems.append(Problem("KCN114", path, line, col,
                                    _("province id '{pid}' is also used by {other}; give "
                                      "each province one plan file", pid=pid,
                                      other=seen[pid])))
        seen.setdefault(pid, path)
        successor = plan.province.successor
        if successor is None:
            continue
        first = successors.setdefault(successor.id, (path, successor))
        if first[1] != successor:
            line, col = locator.find(("province", "successor")) or (None, None)
            problems.append(Problem("KCN116", path, line, col,
                                    _("successor '{id}' is given another name, date or basis "
                                      "in {other}; write it the same in every plan",
                                      id=successor.id, other=first[0])))
    return problems


def load_plan(path: Path) -> LoadedPlan:
    parsed = parse(path)
    plan = validate(parsed)
    if parsed.problems:
        raise PlanError(parsed.problems)
    return LoadedPlan(path, plan, parsed.locator)


def parse(path: Path) -> Parsed:
    """Read ``path`` as UTF-8 TOML; problems are collected on the result."""
    try:
        raw = read_limited(path)
    except ReadRefused as exc:
        raise InputError(_("{path}: {reason}", path=path, reason=exc.reason)) from None
    return parse_bytes(path, raw)


def parse_bytes(path: Path, raw: bytes) -> Parsed:
    """Parse the bytes of plan file ``path`` (read, or about to be written)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = Problem("KCN002", path, line, None,
                          _("not UTF-8 text; save the file as UTF-8"))
        return Parsed(path, None, None, Locator(""), [problem])
    if deep := _deep_key(text):
        line, parts = deep
        problem = Problem("KCN001", path, line, 1, _(
            "not valid TOML for this tool: a key of {parts} dotted parts; a plan file needs "
            "three levels at most", parts=parts))
        return Parsed(path, text, None, Locator(text), [problem])
    try:
        data = tomli.loads(text, parse_float=Decimal)
    except tomli.TOMLDecodeError as exc:
        m = _TOML_POSITION.search(str(exc))
        message = _TOML_POSITION.sub("", str(exc)).strip()
        line, col = (int(m[1]), int(m[2])) if m else (None, None)
        if message.endswith(_AT_END):
            # tomli gives no line for the end of the file; without one a CI annotation
            # lands on no line of the pull request: point just past the last character.
            message = _("{reason} at the end of the file",
                        reason=message.removesuffix(_AT_END).rstrip())
            line, col = _end_of(text)
        problem = Problem("KCN001", path, line, col, _("not valid TOML: {reason}",
                                                       reason=message))
        return Parsed(path, text, None, Locator(text), [problem])
    except RecursionError:
        problem = Problem("KCN001", path, _deep_line(text), None, _(
            "not valid TOML for this tool: arrays or tables nested too deeply; a plan file "
            "needs three levels at most"))
        return Parsed(path, text, None, Locator(text), [problem])
    return Parsed(path, text, data, Locator(text))


# A key (at the start of a line, or in an inline table) or a table header of more
# dotted parts than any plan needs: the TOML parser takes time quadratic in their
# number (70 KB of "a.a.a…" took half a minute), so such a line is refused before
# parsing. Segments hold no dot or space, so the pattern cannot backtrack.
MAX_KEY_PARTS = 16
_SEGMENT = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\[^\n])*"|'[^'\n]*')"""
_DEEP_KEY = re.compile(
    rf"(?:^[ \t]*\[{{0,2}}|[{{,])[ \t]*{_SEGMENT}(?:[ \t]*\.[ \t]*{_SEGMENT}){{{MAX_KEY_PARTS},}}",
    re.M)
# Such a key is on one line and has MAX_KEY_PARTS dots at least: a line that has them is
# found by a search that starts only at a dot, eight times faster than the one above,
# which starts at every line and comma (0.4 s of the national set's 7 MB of plans).
_MANY_DOTS = re.compile(rf"\.(?:[^.\n]*+\.){{{MAX_KEY_PARTS - 1}}}")


def _deep_key(text: str) -> tuple[int, int] | None:
    """(line, parts) of the first key with more than MAX_KEY_PARTS parts, if any."""
    if not _MANY_DOTS.search(text):
        return None
    m = _DEEP_KEY.search(text)
    if m is None:
        return None
    return text.count("\n", 0, m.start()) + 1, m.group(0).count(".") + 1


def _deep_line(text: str, limit: int = 64) -> int | None:
    """The line where brackets first open ``limit`` deep: where too deep a nesting starts."""
    depth = 0
    for line, content in enumerate(text.split("\n"), 1):
        for ch in content:
            depth += ch in "[{"
            depth -= ch in "]}"
            if depth >= limit:
                return line
    return None


def _end_of(text: str) -> tuple[int, int]:
    """Line and column just past the last character of ``text``, its final newline aside."""
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return len(lines), len(lines[-1].removesuffix("\r")) + 1
