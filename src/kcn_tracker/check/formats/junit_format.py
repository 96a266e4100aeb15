"""JUnit XML: one test case per plan file and rule, for CI dashboards."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kcn_tracker.check.formats import display_path
from kcn_tracker.check.run import CheckResult
from kcn_tracker.findings import RULES
from kcn_tracker.text.display import printable


def render(result: CheckResult, strict: bool) -> str:
    suites = ET.Element("testsuites", name="kcn-tracker check")
    suite = ET.SubElement(suites, "testsuite", name="kcn-tracker check")
    tests = failures = 0
    for file in result.files:
        name = display_path(file)
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
                                        message=failing[0].problem.message)
                failure.text = "\n".join(str(f.problem) for f in failing)
            others = [f for f in found if not f.fails(strict)]
            if others:
                ET.SubElement(case, "system-out").text = "\n".join(
                    str(f.problem) + (f" (acknowledged: {printable(f.acknowledged)})"
                                      if f.acknowledged else "") for f in others)
    skipped = sum(1 for _ in suite.iter("skipped"))
    for element in (suites, suite):
        element.set("tests", str(tests))
        element.set("failures", str(failures))
        element.set("skipped", str(skipped))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
