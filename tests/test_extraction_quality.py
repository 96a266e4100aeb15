"""Precision and recall of `extract` on the hand-labelled sets (figures in docs/extraction.md)."""

import pytest
from extraction_scoring import SETS, score_set

# The figures each set is held to (docs/extraction.md): recall, precision, role, target and
# attainment role, draft's section+indicator and period. Each set is held to what the reader
# reaches on it; a change that lowers a figure fails here. (Seeds' draft period: 15 of its 19
# misses are facts labelled to_date, a period no plan file holds; docs/extraction.md.)
FLOORS = {name: (0.98, 0.95, 0.95, 0.85, 0.9, 0.85) for name in SETS}
FLOORS.update({"seeds": (0.99, 0.99, 0.99, 1.0, 0.96, 0.98),
               "held-out": (0.99, 0.99, 0.99, 1.0, 0.96, 0.97),
               "held-out 2": (0.98, 0.95, 0.98, 0.97, 0.95, 0.94),
               "held-out 3": (0.98, 0.95, 0.96, 1.0, 0.94, 0.93),
               "real 1": (0.98, 0.99, 0.99, 1.0, 0.98, 0.96),
               "real 2": (0.99, 0.99, 0.99, 1.0, 0.97, 1.0),
               "real 3": (0.99, 0.99, 0.99, 1.0, 1.0, 1.0),
               "real 4": (0.99, 0.99, 0.99, 1.0, 0.96, 0.98),
               "real 5": (0.99, 0.99, 0.96, 1.0, 0.93, 0.89),
               "real 6": (0.99, 0.99, 0.99, 1.0, 0.92, 0.92),
               "real 7": (0.98, 0.98, 0.97, 1.0, 0.92, 0.89),
               "real 8": (0.99, 0.99, 0.97, 1.0, 0.93, 0.91),
               "real 9": (0.99, 0.99, 0.98, 1.0, 0.91, 0.91)})
# A growth rate or a share read as an attainment of a plan: none on any set.
TRAPS: dict[str, int] = {}


@pytest.mark.parametrize("name", list(SETS))
def test_labelled_quantities_are_found_with_their_unit_role_and_qualifier(name):
    recall, precision, role, plan_role, section, period = FLOORS[name]
    score = score_set(SETS[name])
    print(f"\n{name}: {score.matched}/{score.gold} labelled found, {score.predicted} extracted; "
          f"precision {score.precision:.3f}, recall {score.recall:.3f}, role "
          f"{score.share('role_right'):.3f}, qualifier {score.share('qualifier_right'):.3f}, "
          f"period {score.share('period_right'):.3f}")
    assert score.gold >= 70
    assert score.recall >= recall, score.misses
    assert score.precision >= precision, score.misses
    assert score.share("role_right") >= role, score.misses
    assert score.plan_role >= plan_role, score.misses
    assert score.share("qualifier_right") >= 0.95, score.misses
    assert score.flagged_found == score.flagged_gold
    assert score.traps <= TRAPS.get(name, 0), score.misses
    assert score.of_facts("section_indicator_right") >= section, score.misses
    assert score.of_facts("draft_period_right") >= period, score.misses


def test_the_scorer_counts_a_wrong_value_as_a_miss(tmp_path):
    """The measure itself can fail: a label the reader does not agree with is counted."""
    from extraction_scoring import score_file

    label = tmp_path / "x.toml"
    label.write_text('document = "seeds/003_7134f92b119c0d58.txt"\n[[quantities]]\n'
                     'text = "20 dự án"\nvalue = "21"\nunit = "project"\n', encoding="utf-8")
    score = score_file(label)
    assert (score.gold, score.matched, score.predicted) == (1, 0, 11)
