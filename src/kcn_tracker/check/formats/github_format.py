"""GitHub Actions workflow commands, so findings show on the pull request's lines."""

from __future__ import annotations

from kcn_tracker.check.formats import shown_path
from kcn_tracker.check.run import CheckResult, Finding
from kcn_tracker.findings import Severity
from kcn_tracker.text.display import printable


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _command(finding: Finding) -> str:
    # An acknowledged finding is still shown, as a notice: known, not forgotten.
    level = "notice" if finding.acknowledged is not None else LEVELS[finding.severity]
    p = finding.problem
    props = [f"file={escape_property(shown_path(p.file))}"]
    if p.line is not None:
        props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
    props.append(f"title={escape_property(f'{p.code} {finding.rule.name}')}")
    message = printable(p.message)
    if finding.acknowledged is not None:
        message += f" (acknowledged: {printable(finding.acknowledged)})"
    return f"::{level} {','.join(props)}::{escape_data(message)}"


def render(result: CheckResult, strict: bool) -> str:
    return "".join(_command(f) + "\n" for f in result.findings)
