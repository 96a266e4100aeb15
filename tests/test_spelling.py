"""canonical() is the regular-expression definition it replaced, only faster."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kcn_tracker.text import spelling
from kcn_tracker.text.spelling import canonical


def canonical_by_substitution(text: str) -> str:
    """canonical() as it was: one substitution per step over the whole text."""
    composed = unicodedata.normalize("NFC", spelling._INVISIBLE.sub("", text))
    composed = spelling._NEW_PLACEMENT.sub(lambda m: spelling._OLD_PLACEMENT[m.group(0)],
                                           composed)
    return re.sub(r"\s+", " ", composed).strip()


# Every character str.isspace() or \s knows, the invisible ones, combining tone and vowel
# marks (so NFD text and marks in odd places), Vietnamese letters in both tone placements.
SPACES = [chr(c) for c in range(0x3000 + 1) if chr(c).isspace() or re.match(r"\s", chr(c))]
INVISIBLE = list("\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u2061")
MARKS = list("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
PLACEMENTS = [*spelling._OLD_PLACEMENT, *spelling._OLD_PLACEMENT.values()]
WORDS = ["hoà", "hòa", "Thuỵ", "Thụy", "khoẻ", "khỏe", "HOÀ", "Hoà", "oà", "uý", "Khu công "
         "nghiệp", "2.150,5", "tỷ đồng", "Bắc Kạn", "đạt 92,1%"]
PIECE = st.one_of(
    st.sampled_from(SPACES), st.sampled_from(INVISIBLE), st.sampled_from(MARKS),
    st.sampled_from(PLACEMENTS), st.sampled_from(WORDS), st.sampled_from(list("oOuUaAeEyY")),
    st.text(max_size=4))


def _forms(text: str) -> list[str]:
    return [text, unicodedata.normalize("NFD", text), unicodedata.normalize("NFKD", text)]


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECE, max_size=40).map("".join))
def test_canonical_equals_the_substitutions_it_replaced(text):
    for form in _forms(text):
        assert canonical(form) == canonical_by_substitution(form)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_canonical_equals_the_substitutions_on_any_text(text):
    assert canonical(text) == canonical_by_substitution(text)


def test_every_white_space_that_split_knows_is_one_that_backslash_s_knows():
    every = "".join(map(chr, range(0x110000)))
    assert "".join(ch for ch in every if ch.isspace()) == "".join(re.findall(r"\s", every))
