"""Findings for a person at a terminal: where, what, and the line with a marker under it."""

from __future__ import annotations

import re

from kcn_tracker.check.formats import shown, shown_path
from kcn_tracker.check.run import CheckResult, Finding
from kcn_tracker.findings import Severity
from kcn_tracker.text.display import printable


def _marker(line: str, column: int) -> str:
    token = re.match(r"[^\s=]+", line[column - 1:])
    width = len(token.group(0)) if token else 1
    return " " * (column - 1) + "^" + "~" * (width - 1)


def finding_text(finding: Finding, lines: list[str]) -> list[str]:
    p = finding.problem
    where = shown_path(p.file)
    if p.line is not None:
        where += f":{p.line}" + (f":{p.column}" if p.column is not None else "")
    label = finding.severity.value
    if finding.acknowledged is not None:
        label += f", acknowledged: {shown(finding.acknowledged)}"
    out = [f"{where}: {p.code} [{label}] {shown(p.message)}"]
    if p.line is not None and 0 < p.line <= len(lines):
        gutter = f"{p.line:>5} | "
        out.append(gutter + printable(lines[p.line - 1]))
        if p.column is not None:
            out.append(" " * (len(gutter) - 2) + "| " + _marker(lines[p.line - 1], p.column))
    return out


def summary(result: CheckResult, strict: bool) -> str:
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning{'s' * (warnings != 1)}",
             f"{result.count(Severity.INFO)} info", f"{result.acknowledged} acknowledged"]
    files = len(result.files)
    verdict = "failed" if result.failed(strict) else "passed"
    return f"{files} plan file{'s' * (files != 1)} checked: {', '.join(parts)}; {verdict}" + (
        " (--strict: warnings fail)" if strict else "")


def render(result: CheckResult, strict: bool) -> str:
    out: list[str] = []
    for finding in result.findings:
        out += finding_text(finding, result.lines.get(finding.problem.file, []))
    out.append(summary(result, strict))
    return "\n".join(out) + "\n"
