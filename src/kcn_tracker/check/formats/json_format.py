"""Findings as JSON, for other tools (docs/checks.md describes the keys)."""

from __future__ import annotations

import json

from kcn_tracker.check.formats import shown_path
from kcn_tracker.check.run import CheckResult
from kcn_tracker.findings import Severity
from kcn_tracker.text.display import printable


def render(result: CheckResult, strict: bool) -> str:
    findings = [{
        "code": f.problem.code,
        "rule": f.rule.name,
        "severity": f.severity.value,
        "file": shown_path(f.problem.file),
        "line": f.problem.line,
        "column": f.problem.column,
        "message": printable(f.problem.message),
        "acknowledged": f.acknowledged is not None,
        "reason": f.acknowledged,
        "fails": f.fails(strict),
    } for f in result.findings]
    document = {
        "files": [shown_path(p) for p in result.files],
        "strict": strict,
        "findings": findings,
        "summary": {"errors": result.count(Severity.ERROR),
                    "warnings": result.count(Severity.WARNING),
                    "info": result.count(Severity.INFO),
                    "acknowledged": result.acknowledged,
                    "failed": result.failed(strict)},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
