"""canonical() and fold() are the whole-text definitions they replaced, only faster."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kcn_tracker.text import spelling
from kcn_tracker.text.spelling import canonical, fold


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


def fold_by_whole_text(text: str) -> str:
    """fold() as it was: the whole text decomposed, its marks dropped, lowered, then one
    substitution."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")


# Characters whose lower case or decomposition is more than themselves: final and other
# sigmas, dotted I, Kelvin sign, Angstrom, ligatures, Hangul syllables, đ in both cases.
ODD = list("ΣσςİıKÅﬁß가각ǅǄđĐ\u0345")


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(PIECE, st.sampled_from(ODD)), max_size=40).map("".join))
def test_fold_equals_the_whole_text_form(text):
    for form in _forms(text):
        assert fold(form) == fold_by_whole_text(form)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_equals_the_whole_text_form_on_any_text(text):
    assert fold(text) == fold_by_whole_text(text)


def test_fold_of_every_character_is_the_whole_text_form():
    # The planes where letters, marks and ideographs are, and the tags and variation
    # selectors of plane 14; the other planes are unassigned or private.
    codes = [*range(0x20000), *range(0xE0000, 0xE0200)]
    every = "".join(f"{chr(c)}a" for c in codes)
    assert fold(every) == fold_by_whole_text(every)
    # Past its bound the table computes a character each time instead of keeping it.
    assert len(spelling._FOLDED) <= spelling._KNOWN < len(codes)
    assert fold(every) == fold_by_whole_text(every)
