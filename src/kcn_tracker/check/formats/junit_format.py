"""JUnit XML: one test case per plan file and rule, for CI dashboards."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kcn_tracker.check.formats import shown_path
from kcn_tracker.check.run import CheckResult, Finding
from kcn_tracker.findings import RULES
from kcn_tracker.text.display import printable

# ElementTree writes any character as it is, but XML 1.0 forbids some that a
# plan file's key can hold (U+FFFE, U+FFFF): one would make the report unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group(0)):04x}", printable(text))


def _line(finding: Finding) -> str:
    p = finding.problem
    where = shown_path(p.file)
    if p.line is not None:
        where += f":{p.line}" + (f":{p.column}" if p.column is not None else "")
    return _xml(f"{where}: {p.code} {p.message}")


def render(result: CheckResult, strict: bool) -> str:
    suites = ET.Element("testsuites", name="kcn-tracker check")
    suite = ET.SubElement(suites, "testsuite", name="kcn-tracker check")
    tests = failures = 0
    for file in result.files:
        name = _xml(shown_path(file))
        for code, rule in RULES.items():
            found = [f for f in result.findings
                     if f.problem.file == file and f.problem.code == code]
            case = ET.SubElement(suite, "testcase", classname=name, name=f"{code} {rule.name}")
            tests += 1
            if code[3] not in result.families[file]:
                ET.SubElement(case, "skipped", message="not run: an earlier rule family failed")
                continue
            failing = [f for f in found if f.fails(strict)]
            if failing:
                failures += 1
                failure = ET.SubElement(case, "failure", type=code,
                                        message=_xml(failing[0].problem.message))
                failure.text = "\n".join(_line(f) for f in failing)
            others = [f for f in found if not f.fails(strict)]
            if others:
                ET.SubElement(case, "system-out").text = "\n".join(
                    _line(f) + (f" (acknowledged: {_xml(f.acknowledged)})"
                                if f.acknowledged else "") for f in others)
    skipped = sum(1 for _ in suite.iter("skipped"))
    for element in (suites, suite):
        element.set("tests", str(tests))
        element.set("failures", str(failures))
        element.set("skipped", str(skipped))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
