"""Scoring the extractor against the hand-labelled sets in tests/extraction/.

Run ``python tests/extraction_scoring.py`` for the figures in docs/extraction.md;
tests/test_extraction_quality.py asserts them.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kcn_tracker.extract.document import extract_file  # noqa: E402
from kcn_tracker.project import indexed  # noqa: E402

SETS = {"seeds": ROOT / "tests" / "extraction" / "seeds",
        "held-out": ROOT / "tests" / "extraction" / "heldout",
        "held-out 2": ROOT / "tests" / "extraction" / "heldout2",
        "held-out 3": ROOT / "tests" / "extraction" / "heldout3",
        "real 1": ROOT / "tests" / "extraction" / "real1",
        "real 2": ROOT / "tests" / "extraction" / "real2",
        "real 3": ROOT / "tests" / "extraction" / "real3",
        "real 4": ROOT / "tests" / "extraction" / "real4",
        "real 5": ROOT / "tests" / "extraction" / "real5",
        "real 6": ROOT / "tests" / "extraction" / "real6",
        "real 7": ROOT / "tests" / "extraction" / "real7",
        "real 8": ROOT / "tests" / "extraction" / "real8",
        "real 9": ROOT / "tests" / "extraction" / "real9"}
PLAN_ROLES = ("target", "attainment")


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    role_right: int = 0
    qualifier_right: int = 0
    period_right: int = 0
    flagged_gold: int = 0
    flagged_found: int = 0
    plan_gold: int = 0  # matched quantities labelled target or attainment
    plan_right: int = 0
    traps: int = 0  # a growth or a share read as an attainment
    facts: int = 0  # what a secretary would record (draft)
    section_indicator_right: int = 0
    draft_period_right: int = 0
    # facts whose period is labelled "to_date": no plan-file period, so never matched
    to_date_facts: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "predicted", "matched", "role_right", "qualifier_right",
                     "period_right", "flagged_gold", "flagged_found", "plan_gold", "plan_right",
                     "traps", "facts", "section_indicator_right", "draft_period_right",
                     "to_date_facts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    def share(self, name: str) -> float:
        return getattr(self, name) / self.matched if self.matched else 1.0

    @property
    def plan_role(self) -> float:
        return self.plan_right / self.plan_gold if self.plan_gold else 1.0

    def of_facts(self, name: str) -> float:
        return getattr(self, name) / self.facts if self.facts else 1.0


def _position(text: str, needle: str, occurrence: int) -> int:
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{needle!r} does not occur {occurrence} times")
    return at


def score_file(labels: Path) -> Score:
    data = tomllib.loads(labels.read_text(encoding="utf-8"))
    path = ROOT / data["document"]
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    found, _ = extract_file(path)
    gold = []
    for item in data.get("quantities", []):
        start = _position(text, item["text"], item.get("occurrence", 1))
        gold.append((start, start + len(item["text"]), item))
    s = Score(gold=len(gold), predicted=len(found.quantities))
    free = list(found.quantities)
    for start, end, item in gold:
        hit = next((q for q in free if q.start < end and start < q.end
                    and q.value == Decimal(item["value"]) and q.unit == item.get("unit")
                    and q.value_max == (Decimal(item["value_max"]) if "value_max" in item
                                        else None)), None)
        name = f"{labels.parent.name}/{labels.stem}"
        if hit is None:
            s.misses.append(f"{name}: missed {item['text']!r} = {item['value']} {item.get('unit')}")
            continue
        free.remove(hit)
        s.matched += 1
        checks = (("role", hit.role, item.get("role")),
                  ("qualifier", hit.qualifier, item.get("qualifier", "exact")),
                  ("period", hit.period, item.get("period")))
        for what, got, want in checks:
            if got == want:
                setattr(s, f"{what}_right", getattr(s, f"{what}_right") + 1)
            elif what != "period":
                s.misses.append(f"{name}: {item['text']!r} {what} {got} (labelled {want})")
        if item.get("role") in PLAN_ROLES:
            s.plan_gold += 1
            s.plan_right += hit.role == item.get("role")
        if item.get("role") in ("growth", "ratio") and hit.role == "attainment":
            s.traps += 1
            s.misses.append(f"{name}: TRAP {item['text']!r} read as an attainment")
    for q in free:
        s.misses.append(f"{labels.parent.name}/{labels.stem}: extra {q.text!r} = {q.value} {q.unit}")
    flagged_gold = [_position(text, f["text"], f.get("occurrence", 1))
                    for f in data.get("flagged", [])]
    s.flagged_gold = len(flagged_gold)
    s.flagged_found = sum(1 for at in flagged_gold
                          if any(f.start <= at < f.end for f in found.flagged))
    if data.get("facts"):
        score_draft(data, text, found, s, f"{labels.parent.name}/{labels.stem}")
    return s


def score_draft(data: dict, text: str, found, s: Score, name: str) -> None:
    """Draft's proposal for each fact a secretary would record: its section and indicator,
    and its period, for a province with an empty plan."""
    from kcn_tracker.draft.drafter import Drafter
    from kcn_tracker.plans.model import Plan

    plan = Plan.model_validate({"province": {"id": "thu", "name": "Tỉnh Thử"}})
    # The document's date as draft takes it: seeds/index.toml for a seed, the labels file's
    # own for a document that is not one.
    known = indexed(ROOT / "plans" / "x.toml", data["document"]) if data["document"].startswith(
        "seeds/") else data
    published = known.get("published")
    drafter = Drafter(plan, "seeds/x.txt", None if published is None else str(published),
                      known.get("precision") == "day", lambda section, i: None)
    proposals = drafter.propose(found.quantities)
    for fact in data["facts"]:
        s.facts += 1
        start = _position(text, fact["text"], fact.get("occurrence", 1))
        end = start + len(fact["text"])
        p = next((p for p in proposals if p.quantity.start < end and start < p.quantity.end),
                 None)
        got = (p.section, p.fields.get("indicator")) if p else (None, None)
        if got == (fact["section"], fact["indicator"]):
            s.section_indicator_right += 1
        else:
            s.misses.append(f"{name}: DRAFT {fact['text']!r} proposed {got}, a secretary "
                            f"records {(fact['section'], fact['indicator'])}")
        period = p.fields.get("period") if p else None
        s.to_date_facts += fact["period"] == "to_date"
        if period == fact["period"]:
            s.draft_period_right += 1
        else:
            s.misses.append(f"{name}: DRAFT {fact['text']!r} period {period} "
                            f"(labelled {fact['period']})")


def score_set(folder: Path) -> Score:
    total = Score()
    for labels in sorted(folder.glob("*.toml")):
        total.add(score_file(labels))
    return total


def main() -> None:
    print("| set | labelled | extracted | precision | recall | role | target/attainment role "
          "| traps | qualifier | period | flagged | facts | draft section+indicator "
          "| draft period | facts labelled to_date |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    misses = []
    for name, folder in SETS.items():
        s = score_set(folder)
        misses += s.misses
        print(f"| {name} | {s.gold} | {s.predicted} | {s.precision:.3f} | {s.recall:.3f} "
              f"| {s.share('role_right'):.3f} | {s.plan_role:.3f} | {s.traps} "
              f"| {s.share('qualifier_right'):.3f} "
              f"| {s.share('period_right'):.3f} | {s.flagged_found}/{s.flagged_gold} "
              f"| {s.facts} | {s.of_facts('section_indicator_right'):.3f} "
              f"| {s.of_facts('draft_period_right'):.3f} | {s.to_date_facts} |")
    if misses:
        print("\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
