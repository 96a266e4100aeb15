"""Plan-file entries proposed from a document's quantities (``kcn-tracker draft``).

Nothing is written: the proposals are TOML for a person to review and paste.
The indicator is guessed from the words nearest the number ("vốn thực hiện",
"tỷ lệ lấp đầy", "dự án FDI"), the scope from the nearest place word ("các
KCN", "toàn tỉnh", a zone the plan names), and the quote is the clause that
states the figure, word for word. What the words do not settle is marked for
review rather than guessed: a missing period, an unknown currency, a role the
sentence leaves open.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kcn_tracker.edit.entries import render_entry
from kcn_tracker.extract import cues
from kcn_tracker.extract.document import Quantity, extract_file
from kcn_tracker.plans.load import LoadedPlan
from kcn_tracker.plans.model import Plan
from kcn_tracker.project import indexed, project_root, published
from kcn_tracker.text.figures import canonical, contains_words, percent_of_plan
from kcn_tracker.text.notation import plain
from kcn_tracker.text.offsets import Lines
from kcn_tracker.text.spelling import fold

_I = re.IGNORECASE

# (indicator, units it applies to, words that name it). Where several match, the
# one nearest the number wins; on a tie, the earlier (more specific) rule.
_RULES: list[tuple[str, tuple[str, ...], str]] = [
    ("implemented_capital_cumulative", ("vnd_billion", "usd_million"), r"vốn thực hiện|giải ngân"),
    ("added_capital", ("vnd_billion", "usd_million"),
     r"tăng thêm|điều chỉnh tăng|tăng vốn"),
    ("total_capital_attracted", ("vnd_billion", "usd_million"),
     r"tổng (?:vốn )?thu hút|thu hút (?:vốn )?đầu tư|thu hút vốn"),
    ("new_capital", ("vnd_billion", "usd_million"),
     r"vốn (?:đầu tư )?đăng ký|vốn đăng ký (?:đầu tư )?mới|số vốn|tổng vốn(?: đầu tư)?|vốn"),
    ("revenue", ("vnd_billion", "usd_million"), r"doanh thu"),
    ("industrial_output", ("vnd_billion", "usd_million"), r"giá trị sản xuất"),
    ("export_value", ("vnd_billion", "usd_million"), r"xuất khẩu"),
    ("average_monthly_income", ("vnd_billion",), r"thu nhập"),
    ("fill_rate", ("percent",), r"lấp đầy"),
    ("green_space_share", ("percent",), r"cây xanh"),
    ("local_worker_share", ("percent",), r"lao động địa phương"),
    ("export_growth", ("percent",), r"xuất khẩu"),
    ("industrial_output", ("percent",), r"giá trị sản xuất"),
    ("capital_increases", ("adjustment",), r""),
    ("operating_enterprises", ("enterprise",), r""),
    ("workers", ("person",), r""),
    ("zone_area", ("ha",), r""),
]
_STOCK = re.compile(r"còn hiệu lực|lũy kế|luỹ kế|tính đến|đến nay|hiện có|hiện nay", _I)
_PLACES = re.compile(r"(?P<kcn>\bKCN\b|khu công nghiệp)|(?P<ccn>\bCCN\b|cụm công nghiệp)"
                     r"|(?P<province>toàn tỉnh|của tỉnh|tỉnh đã|trên địa bàn tỉnh)", _I)
# A total names itself wherever it stands in the clause: "tổng thu hút vốn đăng ký đầu tư
# tăng thêm … đạt hơn 417 triệu USD" is the total, though "tăng thêm" is nearer.
_TOTAL = re.compile(r"tổng (?:vốn )?thu hút", _I)
COMPARATORS = {"about", "over", "at_least", "at_most", "exact"}


@dataclass
class Proposal:
    """One proposed entry, or a reason it is not proposed."""

    quantity: Quantity
    section: str | None  # "actuals" / "targets"; None when only a note is given
    fields: dict = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)  # what the reviewer must settle
    existing: str | None = None  # "id (line N)" of the entry already in the plan


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _head(q: Quantity) -> str:
    """The sentence before the number, in NFC."""
    return _nfc(q.sentence[:q.start - q.sentence_start])


def _before(q: Quantity) -> str:
    """The words of the clause before the number, in NFC."""
    head = _head(q)
    return head[head.rfind(";") + 1:]


def _after(q: Quantity) -> str:
    offset = q.end - q.sentence_start
    tail = q.sentence[offset:]
    cut = re.search(r"[;,.(]|\bvà\b|\bvới\b", tail)
    return _nfc(tail[:cut.start()] if cut else tail)


def guess_indicator(q: Quantity, pair_second: bool = False) -> str | None:
    before, after = _before(q), _after(q)
    if q.unit == "project":
        return _project_indicator(before, after, q.period)
    if q.unit in ("zone", "cluster"):
        return _zone_indicator(before + " " + after, pair_second)
    if q.unit == "ha" and re.search(r"đi vào hoạt động", before, _I):
        return "operating_zone_area"
    best = _nearest_rule(q.unit, before) or _nearest_rule(q.unit, after[:40], first=True)
    if best is None:
        return None
    if best in ("added_capital", "new_capital") and _TOTAL.search(before):
        best = "total_capital_attracted"
    return _refine(best, q, before + " " + after[:40])


def _nearest_rule(unit: str | None, words: str, first: bool = False) -> str | None:
    """The indicator whose words stand nearest the number: the last match in the words
    before it, or (``first``) the first in the words after it ("1,5 - 2 tỷ USD vốn FDI")."""
    best, best_at = None, None
    for indicator, units, pattern in _RULES:
        if unit not in units:
            continue
        if not pattern:
            return indicator
        for m in re.finditer(pattern, words, _I):
            at = -m.start() if first else m.end()
            if best_at is None or at > best_at:
                best, best_at = indicator, at
    return best


def _refine(indicator: str, q: Quantity, before: str) -> str:
    if indicator == "new_capital":
        if q.period == "to_date" or _STOCK.search(q.sentence):
            return "registered_capital_cumulative"
        if re.search(r"hạ tầng", before, _I):
            return "new_capital_infrastructure"
        if re.search(r"\bFDI\b", before) and not re.search(r"\bDDI\b|trong nước", before):
            return "new_capital_fdi"
    if indicator == "industrial_output" and q.role == "growth":
        average = re.search(r"bình quân|trung bình", before, _I) or "/năm" in q.sentence
        return "industrial_output_growth_avg" if average else "industrial_output_growth"
    if indicator == "industrial_output" and q.role == "ratio":
        return "industrial_output_share"
    return indicator


def _project_indicator(before: str, after: str, period: str | None) -> str:
    kind = ("_fdi" if re.search(r"\bFDI\b|nước ngoài", after) else
            "_ddi" if re.search(r"\bDDI\b|trong nước", after) else "")
    if re.search(r"hạ tầng", after, _I):
        return "new_projects_infrastructure"
    if re.search(r"điều chỉnh", before[-60:], _I):
        return "adjusted_projects"
    if re.search(r"hoạt động", after, _I):
        return "operating_projects"
    if re.search(r"còn hiệu lực", before + after, _I):
        return "valid_projects" + kind
    if period == "to_date" or re.search(r"tổng số|tổn số|lũy kế|luỹ kế", before, _I):
        return "projects" + kind
    return "new_projects" + kind


def _zone_indicator(words: str, pair_second: bool) -> str | None:
    if pair_second:
        return "zones_planned"
    for pattern, indicator in ((r"đi vào hoạt động", "zones_operating"),
                               (r"quy hoạch chi tiết", "zones_with_detailed_plan"),
                               (r"phê duyệt chủ trương", "zones_approved"),
                               (r"quy hoạch", "zones_planned")):
        if re.search(pattern, words, _I):
            return indicator
    return None


def guess_scope(q: Quantity, plan: Plan) -> str:
    """A zone the plan names in the clause (the longest name wins), else the place words
    of the clause, or of the sentence before the number: the zones when they are named
    at all ("các KCN của tỉnh", "toàn tỉnh đã có 5/11 KCN … 1.471ha"), then the clusters,
    then the province ("toàn tỉnh", "của tỉnh", its name)."""
    clause = canonical(_before(q) + " " + _after(q))
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
    places = re.compile(rf"{_PLACES.pattern}|(?P<name>\b{re.escape(_nfc(plan.province.name))}\b)",
                        _I)
    for words in (_before(q), _head(q)):
        found = {m.lastgroup for m in places.finditer(words)}
        for place in ("kcn", "ccn", "province", "name"):
            if place in found:
                return "province" if place == "name" else place
    return "kcn"


def quote_of(q: Quantity, limit: int = 400) -> str:
    """The clause stating the figure, word for word: the sentence, cut at ";" and, when
    still too long, at the commas around the number."""
    sentence, offset = q.sentence, q.start - q.sentence_start
    start = sentence.rfind(";", 0, offset) + 1
    end = sentence.find(";", offset)
    end = len(sentence) if end < 0 else end
    if end - start > limit:
        comma = sentence.rfind(", ", start, offset)
        start = comma + 2 if comma >= 0 else start
        comma = sentence.find(", ", offset + len(q.text))
        end = comma if comma >= 0 else end
    return _within_limit(sentence[start:end].strip(), offset - start,
                         offset - start + len(q.text), limit)


def _within_limit(quote: str, start: int, end: int, limit: int = 400) -> str:
    """``quote`` cut to ``limit`` characters around ``quote[start:end]``, at spaces."""
    if len(quote) <= limit:
        return quote
    half = max(0, (limit - (end - start)) // 2)
    lo, hi = max(0, start - half), min(len(quote), end + half)
    if lo > 0:
        lo = quote.find(" ", lo, start) + 1 or lo
    if hi < len(quote):
        hi = quote.rfind(" ", end, hi) if quote.rfind(" ", end, hi) >= 0 else hi
    return quote[lo:hi].strip()


def _is_pair_second(q: Quantity) -> bool:
    offset = q.start - q.sentence_start
    return offset > 0 and q.sentence[offset - 1] == "/"


def _in_unit(indicator: str | None, q: Quantity) -> tuple[str, Decimal]:
    """The unit the indicator is recorded in: income per worker is in triệu đồng."""
    from kcn_tracker.plans.vocabulary import INDICATORS

    units = INDICATORS[indicator].units if indicator in INDICATORS else ()
    if q.unit == "vnd_billion" and units and "vnd_billion" not in units and "vnd_million" in units:
        return "vnd_million", q.value * 1000
    return q.unit, q.value


# A flow counted "to date" or up to a day is the stock of the same thing: "Tính đến hết
# năm 2023, các KCN đã thu hút 1.595 dự án FDI" is the cumulative count.
_STOCK_OF = {"new_projects": "projects", "new_projects_fdi": "projects_fdi",
             "new_projects_ddi": "projects_ddi", "new_capital": "registered_capital_cumulative",
             "new_capital_fdi": "registered_capital_cumulative",
             "total_capital_attracted": "registered_capital_cumulative"}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Drafter:
    """Proposals for one plan from one document's quantities."""

    def __init__(self, plan: Plan, document: str, published: str | None, precise: bool,
                 line_of) -> None:
        self.plan = plan
        self.document = document  # as the source will cite it: seeds/<file>
        self.published = published
        self.precise = precise  # the date is the day of publication, not an estimate
        self.line_of = line_of  # (section, index) -> line in the plan file, or None
        self.taken = {e.id for s in ("targets", "actuals", "revocations")
                      for e in getattr(plan, s)}
        self._numbered: dict[str, int] = {}
        self._matched: set[tuple[str, int]] = set()  # plan entries already matched once

    def propose(self, quantities: list[Quantity]) -> list[Proposal]:
        self.quantities = quantities
        self._last_period: list[str | None] = []
        named = None
        for q in quantities:
            self._last_period.append(named)
            if q.period not in (None, "to_date"):
                named = q.period
        return [self._one(i) for i in range(len(quantities))]

    def _one(self, i: int) -> Proposal:
        q = self.quantities[i]
        if q.equivalent_of is not None:
            return Proposal(q, None, checks=["restates the amount before it in another "
                                             "currency: not proposed"])
        if q.unit is None:
            return Proposal(q, None, checks=["the currency is not written: record it by hand "
                                             "with the currency the context shows, and "
                                             "acknowledge KCN205"])
        if q.unit == "times":
            return Proposal(q, None, checks=["a multiple (lần): record it by hand"])
        if q.role is None:
            return Proposal(q, None, checks=["the sentence does not say whether this is a "
                                             "target or a result (dự kiến, dự báo …): "
                                             "not proposed"])
        if q.role == "attainment":
            return self._implied(i)
        return self._figure(i, "targets" if q.role == "target" else "actuals")

    def _period(self, i: int, q: Quantity, indicator: str | None,
                checks: list[str]) -> tuple[str, str | None]:
        """The quantity's period, and its indicator (a flow counted to a day is a stock).
        When its paragraph names no period, the last one named before it; "to date" is
        the document's date (its year for a flow)."""
        period = q.period
        if period is None and self._last_period[i]:
            period = self._last_period[i]
            checks.append(f"period: not stated in its paragraph; {period}, the last one "
                          "named before it, is used")
        elif period in (None, "to_date"):
            if self.published is None:
                checks.append("period: not stated; write it")
                return "?", indicator
            checks.append(f"period: {'to date' if period else 'not stated'}; taken from the "
                          f"document's date ({self.published}, seeds/index.toml)")
            period = self.published if self.precise else self.published[:4]
        if _DAY.fullmatch(period) and _is_flow(indicator):
            if indicator in _STOCK_OF:
                checks.append(f"indicator: counted up to a day, so the cumulative "
                              f"{_STOCK_OF[indicator]}, not {indicator}")
                return period, _STOCK_OF[indicator]
            if q.period == "to_date" or q.period is None:
                return period[:4], indicator  # a flow of the year the document gives
            checks.append(f"period: {indicator} adds up over time; write the period it "
                          f"covers up to {period}")
            return "?", indicator
        return period, indicator

    def _base(self, i: int, q: Quantity, indicator: str | None, section: str,
              checks: list[str]) -> dict:
        period, indicator = self._period(i, q, indicator, checks)
        unit, value = _in_unit(indicator, q)
        if indicator is None:
            checks.append("indicator: not recognised from the words; pick one from "
                          "`kcn-tracker indicators`")
        return {"id": self._id(period, indicator, section), "indicator": indicator or "?",
                "scope": guess_scope(q, self.plan), "period": period, "unit": unit,
                "value": value, "source": {"document": self.document, "quote": quote_of(q)}}

    def _figure(self, i: int, section: str) -> Proposal:
        q = self.quantities[i]
        checks: list[str] = []
        fields = self._base(i, q, guess_indicator(q, _is_pair_second(q)), section, checks)
        if q.value_max is not None:
            checks.append(f"the document gives a range, {plain(q.value)} to "
                          f"{plain(q.value_max)}: the lower end is written")
        if section == "targets":
            comparator = "at_least" if q.value_max is not None else q.qualifier
            if comparator not in COMPARATORS:
                checks.append(f"comparator: '{q.qualifier}' is not one a target can have")
            fields["comparator"] = comparator if comparator in COMPARATORS else "exact"
        else:
            if q.qualifier == "at_most":
                checks.append("qualifier: 'at most' is not one an actual can have")
            elif q.qualifier != "exact":
                fields["qualifier"] = q.qualifier
            if cues.estimated(_head(q)):
                fields["estimated"] = True
        proposal = Proposal(q, section, fields, checks)
        proposal.existing = self._existing(q, fields)
        return proposal

    def _implied(self, i: int) -> Proposal:
        q = self.quantities[i]
        actual = self._attained(i)
        if actual is None or q.unit != "percent":
            return Proposal(q, None, checks=["an attainment whose figure the sentence does "
                                             "not pair with it: not proposed"])
        checks: list[str] = []
        fields = self._base(actual, self.quantities[actual],
                            guess_indicator(self.quantities[actual]), "targets", checks)
        del fields["value"]
        fields["source"]["quote"] = _span_quote(self.quantities[actual], q)
        attainment = percent_of_plan(_head(q), q.value)
        fields["comparator"] = "exact"
        fields["origin"] = "implied"
        reported = {"value": attainment}
        if q.qualifier in ("nearly", "over", "about", "at_least"):
            reported["qualifier"] = q.qualifier
        fields["reported_attainment"] = reported
        proposal = Proposal(q, "targets", fields, checks)
        proposal.existing = self._existing_implied(q, attainment)
        return proposal

    def _attained(self, i: int) -> int | None:
        """The figure an attainment is of: the one before it in its sentence; for the n-th
        of a run ("lần lượt bằng 156% và 128% kế hoạch"), the n-th of the run of figures
        before it. A restated amount is not one of them."""
        q = self.quantities[i]
        same = [k for k in range(i - 1, -1, -1)
                if self.quantities[k].sentence_start == q.sentence_start][:64]
        run = [k for k in reversed(same) if self.quantities[k].role == "attainment"]
        figures = [k for k in reversed(same) if self.quantities[k].role == "actual"
                   and self.quantities[k].unit not in (None, "percent", "times")
                   and self.quantities[k].equivalent_of is None]
        later = [k for k in range(i + 1, min(len(self.quantities), i + 64))
                 if self.quantities[k].sentence_start == q.sentence_start
                 and self.quantities[k].role == "attainment"]
        attainments = len(run) + 1 + len(later)
        if attainments == 1:
            return figures[-1] if figures else None
        if len(figures) >= attainments:
            return figures[len(figures) - attainments + len(run)]
        return None

    def _id(self, period: str, indicator: str | None, section: str) -> str:
        wanted = fold("-".join((self.plan.province.id, period if period != "?" else "",
                                (indicator or "figure").replace("_", "-"),
                                "plan" if section == "targets" else "")))
        candidate, n = wanted, self._numbered.get(wanted, 2)
        while candidate in self.taken:
            candidate, n = f"{wanted}-{n}", n + 1
        self._numbered[wanted] = n
        self.taken.add(candidate)
        return candidate

    def _cites(self, entry, q: Quantity) -> bool:
        """Whether ``entry`` quotes this very figure: the same document, the figure in its
        quote, and its quote in the figure's sentence (another sentence stating the same
        number is another figure)."""
        if entry.source.document.rsplit("/", 1)[-1] != self.document.rsplit("/", 1)[-1]:
            return False
        quote, sentence = canonical(entry.source.quote), canonical(q.sentence)
        return contains_words(quote, canonical(q.text)) and (
            quote in sentence or sentence in quote)

    def _existing(self, q: Quantity, fields: dict) -> str | None:
        """The plan entry that already records this figure (same value and unit, quoting
        it), in either section; each entry is matched once."""
        for section in ("actuals", "targets"):
            for i, entry in enumerate(getattr(self.plan, section)):
                if (section, i) in self._matched or entry.value is None:
                    continue
                if entry.unit.value == fields["unit"] and \
                        Decimal(str(entry.value)) == fields["value"] and self._cites(entry, q):
                    self._matched.add((section, i))
                    return self._where(section, i, entry.id)
        return None

    def _existing_implied(self, q: Quantity, attainment: Decimal) -> str | None:
        for i, entry in enumerate(self.plan.targets):
            reported = entry.reported_attainment
            if ("targets", i) not in self._matched and reported is not None and \
                    Decimal(str(reported.value)) == attainment and self._cites(entry, q):
                self._matched.add(("targets", i))
                return self._where("targets", i, entry.id)
        return None

    def _where(self, section: str, index: int, entry_id: str) -> str:
        line = self.line_of(section, index)
        return f"'{entry_id}'" + (f" (line {line})" if line else "")


def _is_flow(indicator: str | None) -> bool:
    from kcn_tracker.plans.vocabulary import INDICATORS, Aggregation

    return indicator in INDICATORS and INDICATORS[indicator].aggregation == Aggregation.FLOW


def _span_quote(first: Quantity, last: Quantity) -> str:
    """The clause from the figure's to the attainment's, so that the quote holds both."""
    start = min(first.start, last.start) - first.sentence_start
    end = max(first.end, last.end) - first.sentence_start
    sentence = first.sentence
    head = sentence.rfind(";", 0, start) + 1
    tail = sentence.find(";", end)
    return _within_limit(sentence[head:len(sentence) if tail < 0 else tail].strip(),
                         start - head, end - head)


# Characters a TOML comment may not hold, and line breaks that would end it early.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def _comment(text: str) -> str:
    return _UNPRINTABLE.sub(" ", text)


def draft_text(proposals: list[Proposal], document: str, plan_path: str, text: str) -> str:
    """The proposals as TOML a person reviews: entries, and comments for the rest."""
    lines = [_comment(f"# Proposed by `kcn-tracker draft` from {document} for {plan_path}."),
             "# Review every entry against the document before pasting it into the plan file;",
             "# lines marked 'check' need a decision.", ""]
    numbered = Lines(text)
    for p in proposals:
        q = p.quantity
        where = _comment(f"{q.text} (line {numbered.of(q.start)})")
        if p.existing:
            lines.append(_comment(f"# {where}: already in {plan_path} as {p.existing}"))
            continue
        if p.section is None:
            lines += [f"# {where}: {p.checks[0]}", ""]
            continue
        lines.append(f"# {where}")
        lines += [_comment(f"# check: {c}") for c in p.checks]
        lines.append(render_entry(p.section, p.fields))
    return "\n".join(lines).rstrip("\n") + "\n"


@dataclass
class Drafted:
    text: str  # the TOML to review
    cited: str  # seeds/<name>, as the entries cite the document
    outside_seeds: bool  # the document is not yet where the entries say it is


def draft_document(document: Path, loaded: LoadedPlan) -> Drafted:
    """The entries proposed for the plan ``loaded`` from ``document``."""
    extraction, text = extract_file(document)
    cited = f"seeds/{document.name}"
    root = project_root(loaded.path)
    drafter = Drafter(loaded.plan, cited, published(loaded.path, cited),
                      indexed(loaded.path, cited).get("precision") == "day",
                      lambda section, i: (loaded.position(section, i) or (None,))[0])
    proposals = drafter.propose(extraction.quantities)
    return Drafted(draft_text(proposals, cited, str(loaded.path), text), cited,
                   document.resolve().parent != (root / "seeds").resolve())


def draft_for_province(document: Path, province: str, plans: list[Path]) -> Drafted:
    """The entries proposed from ``document`` for the plan of ``province`` among ``plans``."""
    from kcn_tracker.errors import PlanError
    from kcn_tracker.plans.load import load_plans
    from kcn_tracker.plans.provinces import select_provinces

    try:
        loaded = load_plans(plans)
    except PlanError as exc:
        raise PlanError(exc.problems, "the plan files have problems; fix them first "
                        "(`kcn-tracker check` lists them)") from None
    chosen = select_provinces([item.plan for item in loaded], [province])
    return draft_document(document, next(i for i in loaded if i.plan is chosen[0]))
