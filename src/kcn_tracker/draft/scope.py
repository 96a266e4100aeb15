"""Where a figure counts: a zone the plan names, else the industrial zones (kcn), the
clusters (ccn) or the whole province, as the words around it say."""

from __future__ import annotations

import re

from kcn_tracker.draft.quotes import clause_head, nfc, words_after, words_before
from kcn_tracker.extract.document import Quantity
from kcn_tracker.plans.model import Plan
from kcn_tracker.text.spelling import canonical, contains_words

_I = re.IGNORECASE

_PLACES = re.compile(r"(?P<kcn>\bKCN\b|khu công nghiệp)|(?P<ccn>\bCCN\b|cụm công nghiệp)"
                     r"|(?P<province>toàn tỉnh|của tỉnh|tỉnh đã|trên địa bàn tỉnh)", _I)


def guess_scope(q: Quantity, plan: Plan) -> str:
    """A zone the plan names in the clause (the longest name wins), else the place words
    of the clause, or of the sentence before the number: the zones when they are named
    at all ("các KCN của tỉnh", "toàn tỉnh đã có 5/11 KCN … 1.471ha"), then the clusters,
    then the province ("toàn tỉnh", "của tỉnh", its name)."""
    clause = canonical(words_before(q) + " " + words_after(q))
    best, length = None, 0
    for key, name in plan.zones.items():
        full = canonical(name)
        bare = re.sub(r"^(?:KCN|khu công nghiệp)\s+", "", full, flags=_I)
        for words in (full, bare):
            if len(words) > length and contains_words(clause, words):
                best, length = key, len(words)
    if best:
        return best
    if q.unit in ("zone", "cluster"):
        return "kcn" if q.unit == "zone" else "ccn"
    places = re.compile(rf"{_PLACES.pattern}|(?P<name>\b{re.escape(nfc(plan.province.name))}\b)",
                        _I)
    for words in (words_before(q), clause_head(q)):
        found = {m.lastgroup for m in places.finditer(words)}
        for place in ("kcn", "ccn", "province", "name"):
            if place in found:
                return "province" if place == "name" else place
    return "kcn"
