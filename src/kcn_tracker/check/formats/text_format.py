"""Findings for a person at a terminal: where, what, and the line with a marker under it."""

from __future__ import annotations

import re

from kcn_tracker.check.formats import shown_path
from kcn_tracker.check.run import CheckResult, Finding
from kcn_tracker.findings import Severity
from kcn_tracker.text.display import printable
from kcn_tracker.text.i18n import _, n_

# The most of a line shown under a finding: a plan written as one long line would
# otherwise be printed whole under each of its findings.
SHOWN = 160


def _marker(line: str, column: int) -> str:
    token = re.match(r"[^\s=]{1,%d}" % SHOWN, line[column - 1:])
    width = len(token.group(0)) if token else 1
    return " " * (column - 1) + "^" + "~" * (width - 1)


def _window(line: str, column: int | None) -> tuple[str, int | None]:
    """At most SHOWN characters of ``line`` around ``column``, cuts marked with "…"."""
    if len(line) <= SHOWN:
        return line, column
    start = max(0, min((column or 1) - 1 - SHOWN // 4, len(line) - SHOWN))
    shown = line[start:start + SHOWN]
    if start:
        shown, column = "…" + shown[1:], column and column - start
    if start + SHOWN < len(line):
        shown = shown[:-1] + "…"
    return shown, column


def finding_text(finding: Finding, lines: list[str]) -> list[str]:
    p = finding.problem
    where = shown_path(p.file)
    if p.line is not None:
        where += f":{p.line}" + (f":{p.column}" if p.column is not None else "")
    label = {Severity.ERROR: _("error"), Severity.WARNING: _("warning"),
             Severity.INFO: _("info")}[finding.severity]
    if finding.acknowledged is not None:
        label = _("{severity}, acknowledged: {reason}", severity=label,
                  reason=printable(finding.acknowledged))
    out = [f"{where}: {p.code} [{label}] {printable(p.message)}"]
    if p.line is not None and 0 < p.line <= len(lines):
        gutter = f"{p.line:>5} | "
        line, column = _window(lines[p.line - 1], p.column)
        out.append(gutter + printable(line))
        if column is not None:
            out.append(" " * (len(gutter) - 2) + "| " + _marker(line, column))
    return out


def summary(result: CheckResult, strict: bool) -> str:
    counts = ", ".join((
        n_("{n} error", "{n} errors", result.count(Severity.ERROR)),
        n_("{n} warning", "{n} warnings", result.count(Severity.WARNING)),
        _("{n} info", n=result.count(Severity.INFO)),
        _("{n} acknowledged", n=result.acknowledged)))
    files = n_("{n} plan file checked", "{n} plan files checked", len(result.files))
    if result.failed(strict):
        verdict = _("failed (--strict: warnings fail)") if strict else _("failed")
    else:
        verdict = _("passed (--strict: warnings fail)") if strict else _("passed")
    return _("{files}: {counts}; {verdict}", files=files, counts=counts, verdict=verdict)


def render(result: CheckResult, strict: bool) -> str:
    out: list[str] = []
    for finding in result.findings:
        out += finding_text(finding, result.lines.get(finding.problem.file, []))
    out.append(summary(result, strict))
    return "\n".join(out) + "\n"
