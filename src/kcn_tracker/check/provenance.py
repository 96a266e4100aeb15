"""Provenance: every figure is in its quote, and every quote is in its document.

These rules read the TOML data as it is, not the validated model, so that a
file with a structural mistake still has all its quotes checked in the same run.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kcn_tracker.check.documents import DocumentError, Documents
from kcn_tracker.extract.figures import values_stated
from kcn_tracker.findings import Problem
from kcn_tracker.plans.load import Parsed
from kcn_tracker.plans.model import LIMIT, MAX_QUOTE_CHARS, MIN_QUOTE_WORDS, SECTIONS
from kcn_tracker.text.display import format_number
from kcn_tracker.text.i18n import _
from kcn_tracker.text.spelling import canonical, contains_words, fold


def check_provenance(parsed: Parsed, documents: Documents) -> list[Problem]:
    problems: list[Problem] = []
    for section in SECTIONS:
        entries = parsed.data.get(section)
        for index, raw in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(raw, dict) and isinstance(raw.get("source"), dict):
                problems += _entry(parsed, documents, (section, index), raw)
    return problems


def _entry(parsed: Parsed, documents: Documents, here: tuple, raw: dict) -> list[Problem]:
    document, quote = raw["source"].get("document"), raw["source"].get("quote")
    if not isinstance(document, str) or not isinstance(quote, str) or not quote:
        return []  # the structure rules report it
    problems = []
    if len(quote) > MAX_QUOTE_CHARS:
        problems.append(parsed.problem("KCN207", (*here, "source", "quote"),
                                       _(
                                           "the quote is {quote} characters long, more than a "
                                           "sentence ({MAX_QUOTE_CHARS}); quote the sentence or "
                                           "clause that states the figure",
                                           quote=len(quote), MAX_QUOTE_CHARS=MAX_QUOTE_CHARS)))
    quoted = False
    try:
        text = documents.canonical_text(documents.resolve(document))
        if message := quote_missing(quote, text, document):
            problems.append(parsed.problem("KCN203", (*here, "source", "quote"), message))
        else:
            quoted = True
    except DocumentError as exc:
        problems.append(parsed.problem(exc.code, (*here, "source", "document"), str(exc)))
    for key, value, unit in _figures(raw):
        if found := figure_missing(value, unit, quote):
            code, message = found
            problems.append(parsed.problem(code, (*here, *key), message))
    if here[0] == "revocations" and (message := revocation_unstated(raw, quote, parsed.data)):
        problems.append(parsed.problem("KCN206", (*here, "source", "quote"), message))
    # Only a real quote's words say where the figure counts; in a count of zones ("5 KCN")
    # the word is the unit, not the place.
    if quoted and isinstance(raw.get("scope"), str) and raw.get("unit") not in (
            "zone", "cluster") and (message := scope_unstated(raw["scope"], quote)):
        problems.append(parsed.problem("KCN208", (*here, "scope"), message))
    return problems


_ZONES = re.compile(r"-kcn-")
_CLUSTERS = re.compile(r"-ccn-")
_WHOLE_PROVINCE = re.compile(r"-(toan-tinh|tren-dia-ban-tinh|ca-tinh)-")
_SHARE = re.compile(r"-(chiem|ty-trong|ti-trong)-")
_OUTSIDE = re.compile(r"-ngoai-(cac-)?(kcn|ccn)-")


def scope_unstated(scope: str, quote: str) -> str | None:
    """Why the quote's own place words contradict ``scope``, or None: "các KCN" recorded
    for the whole province, "toàn tỉnh" recorded for the zones."""
    said = _words(quote)
    if _SHARE.search(said) or _OUTSIDE.search(said):
        # "chiếm 84% … toàn tỉnh": the province is the whole, not the scope; "ngoài KCN"
        # names the zones to leave them out.
        return None
    zones, clusters = bool(_ZONES.search(said)), bool(_CLUSTERS.search(said))
    province = bool(_WHOLE_PROVINCE.search(said))
    if scope in ("ccn", "province") and zones and not clusters and not province:
        return (_(
            "the quote speaks of industrial zones (KCN), not of '{scope}'; use scope \"kcn\" (or "
            "a zone), or quote the sentence about the whole scope",
            scope=scope))
    if scope == "kcn" and province and not zones:
        return ("the quote speaks of the whole province ('toàn tỉnh'), not of its industrial "
                "zones; use scope \"province\", or quote the sentence about the zones")
    if scope == "kcn" and clusters and not zones:
        return ("the quote speaks of industrial clusters (CCN), not of industrial zones; use "
                "scope \"ccn\"")
    return None


def _words(text: str) -> str:
    """Folded, with "khu công nghiệp" and "KCN" one word: "-kcn-vinaxuki-"."""
    folded = fold(text).replace("khu-cong-nghiep", "kcn").replace("cum-cong-nghiep", "ccn")
    return f"-{folded}-"


NOT_DONE = re.compile(r"chua-(hoan-thanh|thu-hoi|xong)")


def revocation_unstated(raw: dict, quote: str, data: dict) -> str | None:
    """Why ``quote`` does not state this revocation: its project, or its status."""
    zones = data.get("zones") if isinstance(data.get("zones"), dict) else {}
    names = [raw.get("name"), zones.get(raw.get("zone"))]
    names = [n for n in names if isinstance(n, str) and fold(n)]
    said = _words(quote)
    if names and not any(_words(n) in said for n in names):
        return (_(
            "the quote does not name '{value}'; quote the sentence that names the project or its "
            "zone",
            value=names[-1]))
    if raw.get("status") == "recovered" and NOT_DONE.search(said):
        return ("the quote says the revocation is not completed ('chưa hoàn thành'), but the "
                "status is 'recovered'; quote the report of its completion")
    return None


def quote_missing(quote: str, canonical_document: str, document: str) -> str | None:
    """Why ``quote`` is not a quote of the document, or None when it is.

    The quote must stand in the document as whole words: "8 dự án" is not a
    quote of "38 dự án", nor "2%" of "72%".
    """
    wanted = canonical(quote)
    if len(wanted.split()) < MIN_QUOTE_WORDS:
        return (_(
            "the quote is too short to find its place in {document}; quote the sentence or "
            "clause, at least {MIN_QUOTE_WORDS} words",
            document=document, MIN_QUOTE_WORDS=MIN_QUOTE_WORDS))
    if not contains_words(canonical_document, wanted):
        return (_(
            "the quote is not in {document}; copy the sentence or clause exactly as the document "
            "writes it",
            document=document))
    return None


def _figures(raw: dict) -> list[tuple[tuple, Decimal, str]]:
    """The figures an entry claims its quote states: its value, its reported attainment."""
    found = []
    value, unit = raw.get("value"), raw.get("unit")
    if _is_number(value) and isinstance(unit, str):
        found.append((("value",), Decimal(value), unit))
    attainment = raw.get("reported_attainment")
    if isinstance(attainment, dict) and _is_number(attainment.get("value")):
        found.append((("reported_attainment", "value"), Decimal(attainment["value"]),
                      "attainment"))
    return found


def _is_number(value: object) -> bool:
    """A figure worth looking for; one the structure rules reject is not looked for twice."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return False
    try:
        number = Decimal(value)
    except InvalidOperation:
        return False
    return number.is_finite() and abs(number) < LIMIT


def figure_missing(value: Decimal, unit: str, quote: str) -> tuple[str, str] | None:
    """(code, why) when ``quote`` does not state ``value`` in ``unit``, else None."""
    stated, written, bare = values_stated(quote, unit, value)
    if value in written:
        return None
    shown = format_number(value, "vi", 6)
    if value in bare:
        return "KCN205", (_(
            "the quote writes {shown} without a currency; quote a sentence that names it, or "
            "acknowledge this with the reason for the unit",
            shown=shown))
    said = ", ".join(dict.fromkeys(s.text for s in stated)) or _("no figure")
    what = _("an attainment of") if unit == "attainment" else _("the figure")
    return "KCN204", (_(
        "the quote does not state {what} {shown} ({unit}); it says: {said}. Correct the value, "
        "or quote the sentence that states it",
        what=what, shown=shown, unit=unit, said=said))
