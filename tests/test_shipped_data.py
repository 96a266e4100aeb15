"""The shipped seeds and plans: unchanged documents, and quotes that are really in them."""

import hashlib
import re
import tomllib
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT

from kcn_tracker.plans.load import load_plans

INDEX = tomllib.loads((ROOT / "seeds" / "index.toml").read_text(encoding="utf-8"))
DOCUMENTS = {d["file"]: d for d in INDEX["documents"]}
PLANS = sorted((ROOT / "plans").glob("*.toml"))


def test_every_seed_is_indexed_and_unchanged():
    files = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert files == sorted(DOCUMENTS)
    for name, entry in DOCUMENTS.items():
        digest = hashlib.sha256((ROOT / "seeds" / name).read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"seeds/{name} differs from the document received"


def test_seeds_match_the_shared_originals_when_present():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("no shared/seeds beside the project")
    for name in DOCUMENTS:
        assert (ROOT / "seeds" / name).read_bytes() == (shared / name).read_bytes()


def test_index_dates_carry_their_precision():
    forms = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}",
             "approximate": r"\d{4}(-\d{2})?"}
    for entry in DOCUMENTS.values():
        assert re.fullmatch(forms[entry["precision"]], entry["published"]), entry["file"]
        if entry["precision"] == "approximate":
            assert entry["dated_by"]
        assert entry["province"] in {"thai-nguyen", "bac-kan", "bac-giang"}


def test_shipped_plans_load():
    assert [p.plan.province.id for p in load_plans([ROOT / "plans"])] == [
        "bac-giang", "bac-kan", "thai-nguyen"]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.mark.parametrize("plan_file", PLANS, ids=lambda p: p.name)
def test_every_quote_is_in_its_indexed_document(plan_file):
    plan = tomllib.loads(plan_file.read_text(encoding="utf-8"))
    for section in ("targets", "actuals", "revocations"):
        for entry in plan.get(section, []):
            document = Path(entry["source"]["document"])
            assert document.parts[0] == "seeds" and document.name in DOCUMENTS, entry["id"]
            text = _normal((ROOT / document).read_text(encoding="utf-8"))
            assert _normal(entry["source"]["quote"]) in text, entry["id"]
