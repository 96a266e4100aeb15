"""SARIF 2.1.0, for code-scanning dashboards; rule ids are the stable KCN codes."""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from kcn_tracker import __version__
from kcn_tracker.check.formats import display_path
from kcn_tracker.check.run import CheckResult, Finding
from kcn_tracker.findings import RULES, Severity
from kcn_tracker.text.display import printable

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
RULE_INDEX = {code: i for i, code in enumerate(RULES)}


def artifact(path) -> dict:
    """A SARIF artifact location: a percent-encoded URI, relative to the project when it can be."""
    relative = display_path(path)
    if relative.startswith("/"):
        return {"uri": path.resolve().as_uri()}
    # The name's own bytes, so that the URI still finds a file whose name is not UTF-8.
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": "%SRCROOT%"}


def _result(finding: Finding) -> dict:
    p = finding.problem
    location: dict = {"artifactLocation": artifact(p.file)}
    if p.line is not None:
        location["region"] = {"startLine": p.line, **({"startColumn": p.column}
                                                      if p.column is not None else {})}
    result = {"ruleId": p.code, "ruleIndex": RULE_INDEX[p.code],
              "level": LEVELS[finding.severity], "message": {"text": printable(p.message)},
              "locations": [{"physicalLocation": location}]}
    if finding.acknowledged is not None:
        result["suppressions"] = [{"kind": "inSource",
                                   "justification": printable(finding.acknowledged)}]
    return result


def render(result: CheckResult, strict: bool) -> str:
    rules = [{"id": r.code, "name": r.name, "shortDescription": {"text": r.summary},
              "defaultConfiguration": {"level": LEVELS[r.severity]},
              "help": {"text": f"docs/checks.md, section {r.code}"}} for r in RULES.values()]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "kcn-tracker", "version": __version__,
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f) for f in result.findings],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
