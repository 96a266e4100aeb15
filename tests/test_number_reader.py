"""Property tests of the number reader: Vietnamese notation reads back exactly; other
notations are refused with a reason, never read as some other figure."""

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kcn_tracker.extract.document import extract_text
from kcn_tracker.text.notation import SCALES, NotVietnamese, read_number

SCALE_WORDS = list(SCALES)


def vietnamese(value: Decimal, grouped: bool, leading_zeros: int) -> str:
    """``value`` written the Vietnamese way: 3.072,7; 2150 or 2.150; 09."""
    text = format(value, "f")
    whole, _, fraction = text.partition(".")
    if grouped and len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = whole[:head] + "".join("." + whole[i:i + 3] for i in range(head, len(whole), 3))
    elif not grouped:
        whole = "0" * leading_zeros + whole
    return whole + ("," + fraction if fraction else "")


decimals = st.decimals(min_value=0, max_value=Decimal("999999999999"), places=3,
                       allow_nan=False, allow_infinity=False)


@given(decimals, st.booleans(), st.integers(0, 2))
@example(Decimal("2150"), True, 0)
@example(Decimal("3072.7"), True, 0)
@example(Decimal("9"), False, 1)
def test_vietnamese_numbers_read_back_exactly(value, grouped, zeros):
    assert read_number(vietnamese(value, grouped, zeros)) == value


@given(decimals.filter(lambda d: d > 0), st.lists(st.sampled_from(SCALE_WORDS), min_size=0,
                                                    max_size=2),
       st.sampled_from(["đồng", "VNĐ", "USD", "%", "dự án", "ha"]))
@example(Decimal("1.03"), ["triệu", "tỷ"], "đồng")
@example(Decimal("972.7"), ["nghìn", "tỷ"], "đồng")
@example(Decimal("65582000"), [], "USD")
def test_amounts_with_scale_words_read_back_exactly(value, scales, unit):
    if unit in ("%", "dự án", "ha") and scales:
        scales = scales[:1]
    written = vietnamese(value, True, 0)
    text = f"Năm nay vốn đạt {' '.join([written, *scales, unit])} theo báo cáo."
    (q,), flagged = extract_text(text)
    amount = value
    for word in scales:
        amount *= SCALES[word]
    expected = {"đồng": (amount / 10**9, "vnd_billion"), "VNĐ": (amount / 10**9, "vnd_billion"),
                "USD": (amount / 10**6, "usd_million"), "%": (amount, "percent"),
                "dự án": (amount, "project"), "ha": (amount, "ha")}[unit]
    assert (q.value, q.unit) == expected
    assert text[q.start:q.end] == q.text and not flagged


english = st.one_of(
    # a dot followed by 1, 2 or 4+ digits: "2.15", "2.1", "1,234.5678"
    st.builds(lambda i, f: f"{i:,}.{f}", st.integers(0, 10**9),
              st.from_regex(r"\A(?:\d{1,2}|\d{4,6})\Z")),
    # two or more comma groups: "1,234,567"
    st.integers(10**6, 10**12).map(lambda i: f"{i:,}"),
)


@given(english)
@example("2.15")
@example("1,234,567")
@example("1,234.5")
def test_english_notation_is_refused_not_misread(text):
    with pytest.raises(NotVietnamese):
        read_number(text)


@given(english, st.sampled_from(["tỷ USD", "triệu USD", "tỷ đồng", "%", "dự án"]))
def test_english_notation_in_a_text_is_flagged_never_a_quantity(number, unit):
    text = f"Năm 2024, tỉnh thu hút {number} {unit} vốn đầu tư."
    quantities, flagged = extract_text(text)
    assert quantities == []
    assert [f.text for f in flagged] == [number]


@given(st.text(alphabet="0123456789.,", min_size=1, max_size=14))
def test_any_run_of_digits_and_marks_is_read_exactly_or_refused(text):
    try:
        value = read_number(text)
    except NotVietnamese as exc:
        assert str(exc)
        return
    assert value == Decimal(text.replace(".", "").replace(",", "."))
    assert "," not in text.split(",", 1)[1] if "," in text else True


fragments = st.sampled_from([
    "Năm 2023, ", "các KCN thu hút ", "khoảng ", "hơn ", "21 dự án FDI", ", vượt 40% kế hoạch",
    " 225,8 triệu USD", " 1,03 triệu tỷ đồng", " ngày 23/06/2023 09:00", " số 2635/QĐ-UBND",
    " ĐT: 024.355.63.010", " KCN Yên Bình 3", "; ", ". ", "\n", "\r\n", " 3- 5 dự án",
    " 56/105 dự án", " (tương đương 3,65 tỷ USD)", " 2.15 tỷ USD", "\u00a0", "Thuỵ", "é",
    " 65.582.000 USD", " tăng 8% so với cùng kỳ", " 09 KCN", " 1.471ha", "%", "/", "-",
])


@settings(max_examples=300)
@given(st.lists(fragments, max_size=20), st.sampled_from(["NFC", "NFD"]))
def test_positions_slice_the_text_as_given(parts, form):
    text = unicodedata.normalize(form, "".join(parts))
    quantities, flagged = extract_text(text)
    for item in [*quantities, *flagged]:
        assert text[item.start:item.end] == item.text
        assert item.text in item.sentence
