"""Precision and recall of `extract` on the hand-labelled sets (figures in docs/extraction.md)."""

import pytest
from extraction_scoring import SETS, score_set


@pytest.mark.parametrize("name", list(SETS))
def test_labelled_quantities_are_found_with_their_unit_role_and_qualifier(name):
    score = score_set(SETS[name])
    print(f"\n{name}: {score.matched}/{score.gold} labelled found, {score.predicted} extracted; "
          f"precision {score.precision:.3f}, recall {score.recall:.3f}, role "
          f"{score.share('role_right'):.3f}, qualifier {score.share('qualifier_right'):.3f}, "
          f"period {score.share('period_right'):.3f}")
    assert score.gold >= 80
    assert score.recall >= 0.98, score.misses
    assert score.precision >= 0.95, score.misses
    assert score.share("role_right") >= 0.95, score.misses
    assert score.share("qualifier_right") >= 0.95, score.misses
    assert score.flagged_found == score.flagged_gold


def test_the_scorer_counts_a_wrong_value_as_a_miss(tmp_path):
    """The measure itself can fail: a label the reader does not agree with is counted."""
    from extraction_scoring import score_file

    label = tmp_path / "x.toml"
    label.write_text('document = "seeds/003_7134f92b119c0d58.txt"\n[[quantities]]\n'
                     'text = "20 dự án"\nvalue = "21"\nunit = "project"\n', encoding="utf-8")
    score = score_file(label)
    assert (score.gold, score.matched, score.predicted) == (1, 0, 11)
