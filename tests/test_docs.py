"""The documentation says what the tool does: examples load, lists are complete."""

import json
import re

from conftest import AS_OF, ROOT

from kcn_tracker.plans.vocabulary import INDICATORS, UNITS

PLAN_FORMAT = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
REPORT_JSON = (ROOT / "docs" / "report-json.md").read_text(encoding="utf-8")


def test_vocabulary_tables_match_the_code():
    for i in INDICATORS.values():
        units = ", ".join(f"`{u}`" for u in i.units)
        row = (f"| `{i.key}` | {i.vi} | {i.en} | {units} | {i.aggregation.value} | "
               f"{'yes' if i.higher_is_better else 'no'} |")
        assert row in PLAN_FORMAT, f"docs/plan-format.md lacks or misstates {i.key}"
    for u in UNITS.values():
        assert f"| `{u.code}` | {u.kind.value} | {u.vi} | {u.en} |" in PLAN_FORMAT
    documented = re.findall(r"^\| `([a-z_]+)` \| [^|]+ \| [^|]+ \| `", PLAN_FORMAT, re.M)
    assert set(documented) <= set(INDICATORS) | set(UNITS)


def test_the_complete_example_loads_and_reports(run, tmp_path):
    example = re.search(r"## A complete example\n.*?```toml\n(.*?)```", PLAN_FORMAT, re.S)[1]
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "thai-nguyen.toml").write_text(example, encoding="utf-8")
    result = run("report", str(plans), "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    targets = json.loads(result.stdout)["provinces"][0]["targets"]
    assert [(t["target"]["value"], t["status"]) for t in targets] == [(15, "exceeded")]


def test_every_key_of_the_json_report_is_documented(report_json):
    report = report_json()
    province = next(p for p in report["provinces"] if p["id"] == "thai-nguyen")
    target = next(t for t in province["targets"] if t["target"]["origin"] == "implied")
    keys = set(report) | set(province) | set(target) | set(target["period"])
    keys |= {f"target.{k}" for k in target["target"]}
    keys |= {f"actual.{k}" for k in target["actual"]}
    keys |= set(province["actuals"][0]) | set(province["unrecovered"][0])
    undocumented = [k for k in keys if f"`{k}`" not in REPORT_JSON]
    assert undocumented == []


def test_every_check_rule_is_documented_with_a_failing_and_a_passing_example():
    from kcn_tracker.findings import RULES

    checks = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    sections = re.split(r"^#### ", checks, flags=re.M)[1:]
    documented = {s.split()[0]: s for s in sections}
    assert list(documented) == list(RULES)
    for code, section in documented.items():
        rule = RULES[code]
        assert section.startswith(f"{code} {rule.name} ({rule.severity.value})")
        assert re.search(r"Fails:\n\n```toml\n.+?```\n\nPasses:\n\n```toml\n.+?```", section,
                         re.S), code


RAISES = re.compile(r"(InputError|EditRefused|ExportError|WriteError|_fail|FormatError|ExtractError|ReadError|IntakeError|"
                    r"BadParameter|ValueError)\(\s*(?:_\(\s*)?((?:f?\"(?:[^\"\\\\]|\\\\.)*\"\s*)+)", re.S)


def test_every_message_for_bad_input_is_in_docs_errors():
    errors = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8").replace("`", "")
    missing = []
    for path in sorted((ROOT / "src" / "kcn_tracker").rglob("*.py")):
        for m in RAISES.finditer(path.read_text(encoding="utf-8")):
            message = "".join(re.findall(r'f?"((?:[^"\\\\]|\\\\.)*)"', m.group(2)))
            fragments = [f.strip(" ;:'") for f in re.split(r"\{[^}]*\}", message)]
            longest = max(fragments, key=len).replace("`", "")
            if len(longest) >= 10 and longest not in errors:
                missing.append(f"{path.name}: {longest}")
    assert missing == []
    from kcn_tracker.findings import RULES

    assert all(code in errors for code in RULES)
