"""How figures, periods and percentages read in each language."""

from decimal import Decimal

import pytest

from kcn_tracker.plans.periods import parse_period
from kcn_tracker.report.cells import percent, period_text, quantity


@pytest.mark.parametrize("text,vi,en", [
    ("2023", "2023", "2023"),
    ("2021-2025", "2021–2025", "2021–2025"),
    ("2024-03", "03/2024", "Mar 2024"),
    ("2024-01..2024-02", "01–02/2024", "Jan–Feb 2024"),
    ("2023-11..2024-02", "11/2023–02/2024", "Nov 2023–Feb 2024"),
    ("2024-01-01..2024-04-15", "01/01/2024–15/04/2024", "2024-01-01–2024-04-15"),
    ("2020-11-30", "30/11/2020", "2020-11-30"),
])
def test_periods_read_naturally(text, vi, en):
    period = parse_period(text)
    assert (period_text(period, "vi"), period_text(period, "en")) == (vi, en)


@pytest.mark.parametrize("value,unit,vi,en", [
    (Decimal("2150"), "vnd_billion", "2.150 tỷ đồng", "2,150 billion VND"),
    (Decimal("1030000"), "vnd_billion", "1.030.000 tỷ đồng", "1,030,000 billion VND"),
    (Decimal("3072.7"), "vnd_billion", "3.072,7 tỷ đồng", "3,072.7 billion VND"),
    (Decimal("89.53"), "usd_million", "89,53 triệu USD", "89.53 million USD"),
    (Decimal("72"), "percent", "72%", "72%"),
    (Decimal("0.125"), "ha", "0,125 ha", "0.125 ha"),  # a figure keeps its own decimals
])
def test_quantities_in_each_language(value, unit, vi, en):
    assert (quantity(value, unit, "vi"), quantity(value, unit, "en")) == (vi, en)


def test_a_percentage_just_short_of_100_never_reads_as_100():
    assert percent(Decimal("99.96"), "vi", boundary=Decimal(100)) == "99,96%"
    assert percent(Decimal("-0.04"), "en", sign=True) == "-0.04%"
    assert percent(Decimal("92.10"), "vi", boundary=Decimal(100)) == "92,1%"
    assert percent(Decimal("100"), "en", boundary=Decimal(100)) == "100%"
    assert percent(None, "vi") == "—"
