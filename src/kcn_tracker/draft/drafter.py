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

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from kcn_tracker.draft.dating import document_date
from kcn_tracker.draft.indicators import guess_indicator, in_unit, is_pair_second
from kcn_tracker.draft.periods import carried_periods, period_of
from kcn_tracker.draft.quotes import (
    SPLITS,
    bracketed,
    clause_break,
    clause_head,
    lead_in,
    quote_of,
    span_quote,
    words_before,
    year_of_part,
)
from kcn_tracker.draft.scope import guess_scope
from kcn_tracker.extract import cues
from kcn_tracker.extract.document import Quantity
from kcn_tracker.extract.figures import growth_of_multiple, multiplied, percent_of_plan
from kcn_tracker.plans.ids import Ids
from kcn_tracker.plans.model import Comparator, Plan
from kcn_tracker.text.i18n import _
from kcn_tracker.text.notation import plain
from kcn_tracker.text.spelling import canonical, contains_words

COMPARATORS = {c.value for c in Comparator}


@dataclass
class Proposal:
    """One proposed entry, or a reason it is not proposed."""

    quantity: Quantity
    section: str | None  # "actuals" / "targets"; None when only a note is given
    fields: dict = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)  # what the reviewer must settle
    existing: str | None = None  # "id (line N)" of the entry already in the plan
    repeats: str | None = None  # id of the proposal above stating the same figure


_PLANNING = re.compile(r"quy hoạch", re.IGNORECASE)
_NEW_PROJECTS_NAMED = re.compile(r"(?<!\w)số dự án(?:\s+(?:FDI|DDI|đầu tư trong nước|trong nước))?"
                                 r"\s+(?:được\s+)?cấp mới", re.IGNORECASE)
_PLAN = re.compile(r"mục tiêu|chỉ tiêu|kế hoạch|phấn đấu|đề ra|định hướng|đặt ra|dự kiến",
                   re.IGNORECASE)
# A figure that names what it is only by referring back: "Giai đoạn 2021–2025, tỉnh đặt chỉ
# tiêu thu hút 3,5 tỷ USD vốn FDI. Sau 4 năm, con số này đã đạt 3,92 tỷ USD"; "đặt mục tiêu
# thu hút 3 tỷ USD vốn FDI mỗi năm; 9 tháng năm 2024, thành phố đã đạt khoảng 2,45 tỷ USD".
_THIS_FIGURE = re.compile(r"(?<!\w)(?:con số|số liệu)\s+(?:này|đó|trên)(?!\w)[^,;]*$",
                          re.IGNORECASE)
_REACHED = re.compile(r"(?<!\w)đã\s+đạt(?:\s+được)?(?:\s+(?:khoảng|hơn|gần|trên|xấp xỉ))?\s*$",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Drafter:
    """Proposals for one plan from one document's quantities; it keeps nothing between
    calls, so one drafter may propose for several documents."""

    plan: Plan
    document: str  # as the source will cite it: seeds/<file>
    published: str | None
    precise: bool  # the date is the day of publication, not an estimate
    line_of: Callable[[str, int], int | None]  # (section, index) -> line in the plan file

    def propose(self, quantities: list[Quantity]) -> list[Proposal]:
        return _Proposing(self.plan, self.document, self.published, self.precise,
                          self.line_of).propose(quantities)


class _Proposing:
    """One pass over one document's quantities: the ids given and the plan entries
    matched so far belong to this pass only."""

    def __init__(self, plan: Plan, document: str, published: str | None, precise: bool,
                 line_of) -> None:
        self.plan = plan
        self.document = document  # as the source will cite it: seeds/<file>
        self.published = published
        self.precise = precise  # the date is the day of publication, not an estimate
        self.line_of = line_of  # (section, index) -> line in the plan file, or None
        self.ids = Ids(plan)
        self._matched: set[tuple[str, int]] = set()  # plan entries already matched once

    def propose(self, quantities: list[Quantity]) -> list[Proposal]:
        self.quantities = quantities
        self.when = document_date(quantities[0].document if quantities else "",
                                  self.published, self.precise)
        self.published, self.precise = self.when.published, self.when.precise
        self._last_period = carried_periods(quantities)
        proposals = [self._one(i) for i in range(len(quantities))]
        # One fact, many mentions (a headline, a caption, the body): one proposal.
        seen: dict[tuple, str] = {}
        for p in proposals:
            if p.section is None or p.existing:
                continue
            f = p.fields
            key = (p.section, f.get("indicator"), f.get("scope"), f.get("period"), f.get("unit"),
                   str(f.get("value")), str(f.get("reported_attainment")))
            if key in seen:
                p.repeats = seen[key]
            else:
                seen[key] = f["id"]
        return proposals

    def _one(self, i: int) -> Proposal:
        q = self.quantities[i]
        if q.equivalent_of is not None:
            return Proposal(q, None, checks=[_("restates the amount before it in another "
                                               "currency: not proposed")])
        if q.unit is None:
            return Proposal(q, None, checks=[_("the currency is not written: record it by "
                                               "hand with the currency the context shows, and "
                                               "acknowledge KCN205")])
        if q.unit == "times" and q.role == "growth" and multiplied(clause_head(q)[-20:]):
            return self._multiple(i)
        if q.unit == "times" and q.role != "attainment":
            return Proposal(q, None, checks=[_("a multiple (lần): record it by hand")])
        if q.role is None:
            return Proposal(q, None, checks=[_("the sentence does not say whether this is a "
                                               "target or a result (dự kiến, dự báo …): "
                                               "not proposed")])
        if q.role == "attainment":
            return self._implied(i)
        return self._figure(i, "targets" if q.role == "target" else "actuals")

    def _base(self, i: int, q: Quantity, indicator: str | None, section: str,
              checks: list[str]) -> dict:
        period, indicator = period_of(self.when, q, self._last_period[i], indicator, checks)
        unit, value = in_unit(indicator, q)
        if indicator is None:
            checks.append(_("indicator: not recognised from the words; pick one from "
                            "`kcn-tracker indicators`"))
        return {"id": self._id(period, indicator, section), "indicator": indicator or "?",
                "scope": guess_scope(q, self.plan), "period": period, "unit": unit,
                "value": value, "source": {"document": self.document, "quote": quote_of(q)}}

    def _figure(self, i: int, section: str) -> Proposal:
        q = self.quantities[i]
        checks: list[str] = []
        indicator = guess_indicator(q, is_pair_second(q), self._split(i))
        plan_of = self._plan_of(i)
        if plan_of is not None:
            # "đạt 132% kế hoạch của năm 2025 (gần 1,9 tỉ USD)": the plan of the figure before.
            indicator = guess_indicator(self.quantities[plan_of])
        if indicator is None:
            indicator = self._referred(i, checks)
        if section == "targets" and indicator == "zones_planned" and \
                _PLANNING.search(clause_head(q)) and not _PLAN.search(clause_head(q)):
            # "Theo quy hoạch … đến năm 2030, tỉnh có 59 KCN": the zones the planning holds are
            # the count of zones planned, as the document stands.
            section, q = "actuals", dataclasses.replace(q, period="to_date")
        fields = self._base(i, q, indicator, section, checks)
        year = year_of_part(fields["period"], self.quantities[i - 1]) if plan_of is not None \
            else None
        if year:
            fields["period"] = year
            fields["id"] = self._id(year, indicator, section)
        if q.value_max is not None and section == "actuals":
            checks.append(_("the document gives a range, {low} to {high}: the lower end is "
                            "written", low=plain(q.value), high=plain(q.value_max)))
        if section == "targets" and q.value_max is not None:
            # "thu hút 1,5 - 2 tỷ USD": a plan range, met anywhere between its ends.
            fields["comparator"] = "between"
            fields["value_max"] = in_unit(fields["indicator"], dataclasses.replace(
                q, value=q.value_max))[1]
        elif section == "targets":
            comparator = q.qualifier
            if comparator not in COMPARATORS:
                checks.append(_("comparator: '{qualifier}' is not one a target can have",
                                qualifier=q.qualifier))
            fields["comparator"] = comparator if comparator in COMPARATORS else "exact"
        else:
            if q.qualifier == "at_most":
                checks.append(_("qualifier: 'at most' is not one an actual can have"))
            elif q.qualifier != "exact":
                fields["qualifier"] = q.qualifier
            if cues.estimated(clause_head(q)):
                fields["estimated"] = True
        proposal = Proposal(q, section, fields, checks)
        proposal.existing = self._existing(q, fields)
        return proposal

    def _multiple(self, i: int) -> Proposal:
        """ "gấp 2,3 lần so với cùng kỳ": a growth of 130 %, of what the words say grew."""
        q = self.quantities[i]
        growth = dataclasses.replace(q, unit="percent", value=growth_of_multiple(q.value))
        checks = [f"growth: {plain(q.value)} lần is read as a growth of {plain(growth.value)}%"]
        fields = self._base(i, growth, guess_indicator(growth), "actuals", checks)
        if growth.qualifier != "exact":
            fields["qualifier"] = growth.qualifier
        proposal = Proposal(q, "actuals", fields, checks)
        proposal.existing = self._existing(q, fields)
        return proposal

    def _referred(self, i: int, checks: list[str]) -> str | None:
        """The indicator of the figure this one refers back to: "con số này" is the nearest
        earlier figure in its unit; "đã đạt" with no word of its own, an earlier figure in its
        unit in its sentence."""
        q = self.quantities[i]
        head = words_before(q)
        back = _THIS_FIGURE.search(head)
        if back is None and not _REACHED.search(head):
            return None
        for k in range(i - 1, max(-1, i - 65), -1):
            p = self.quantities[k]
            if back is None and p.sentence_start != q.sentence_start:
                return None
            indicator = guess_indicator(p) if p.unit == q.unit else None
            if indicator:
                checks.append(_("indicator: {indicator}, of {figure} before it, which it "
                                "refers back to", indicator=indicator, figure=p.text))
                return indicator
        return None

    def _plan_of(self, i: int) -> int | None:
        """The figure whose plan a target in brackets after an attainment is: "đạt 132% kế
        hoạch (gần 1,9 tỉ USD)" is the plan of the figure the 132% is of."""
        q = self.quantities[i]
        if i == 0 or q.role != "target":
            return None
        attainment = self.quantities[i - 1]
        if attainment.role != "attainment" or attainment.sentence_start != q.sentence_start \
                or "(" not in q.document[attainment.end:q.start]:
            return None
        return self._attained(i - 1)

    def _split(self, i: int) -> str:
        """The sentence of the whole this one splits: "… 261 dự án còn hiệu lực. Trong đó,
        có 52 dự án FDI". The whole is the nearest earlier figure in the same unit that is not
        itself a part ("258 dự án còn hiệu lực. Trong đó có 220 dự án đang hoạt động, …
        Các dự án thuê 395,3ha … Trong đó có 228 dự án đầu tư trong nước": the 258); else the
        sentence before. A list item's whole is the line that opens its list."""
        q = self.quantities[i]
        if not SPLITS.match(clause_head(q)):
            return lead_in(q)
        earlier = [p for p in self.quantities[max(0, i - 64):i][::-1]
                   if p.sentence_start != q.sentence_start]
        whole = next((p for p in earlier if p.unit == q.unit
                      and not SPLITS.match(clause_head(p))), earlier[0] if earlier else None)
        return whole.sentence if whole else ""

    def _implied(self, i: int) -> Proposal:
        q = self.quantities[i]
        actual = self._attained(i)
        if actual is None:
            actual = self._named_figure(i)
        if actual is None or q.unit not in ("percent", "times"):
            return Proposal(q, None, checks=[_("an attainment whose figure the sentence does "
                                               "not pair with it: not proposed")])
        checks: list[str] = []
        fields = self._base(actual, self.quantities[actual],
                            guess_indicator(self.quantities[actual]), "targets", checks)
        del fields["value"]
        fields["source"]["quote"] = span_quote(self.quantities[actual], q) \
            if self.quantities[actual].sentence_start == q.sentence_start else quote_of(q)
        if q.unit == "times":
            # "vượt 18,6 lần kế hoạch năm": the figure is 18,6 times the plan.
            attainment = q.value * 100
            checks.append(_("attainment: {times} lần is read as {percent}% of the plan",
                            times=plain(q.value), percent=plain(attainment)))
        else:
            attainment = percent_of_plan(clause_head(q), q.value)
        fields["comparator"] = "exact"
        fields["origin"] = "implied"
        reported = {"value": attainment}
        if q.qualifier in ("nearly", "over", "about", "at_least"):
            reported["qualifier"] = q.qualifier
        year = year_of_part(fields["period"], q)
        if year:
            # "9 tháng đầu năm … đạt 128% kế hoạch năm": the year's plan, attained in part.
            reported["period"] = fields["period"]
            fields["period"] = year
            fields["id"] = self._id(year, fields["indicator"] if fields["indicator"] != "?"
                                    else None, "targets")
        fields["reported_attainment"] = reported
        proposal = Proposal(q, "targets", fields, checks)
        proposal.existing = self._existing_implied(q, attainment)
        return proposal

    def _named_figure(self, i: int) -> int | None:
        """The figure an attainment whose clause names it but does not state it is of: "Số
        dự án FDI cấp mới bằng 105% kế hoạch năm" after "… 21 dự án FDI …": the nearest
        earlier count of new projects of that kind."""
        q = self.quantities[i]
        head = clause_head(q)
        digits = [m.end() for m in re.finditer(r"\d", head)]
        named = _NEW_PROJECTS_NAMED.search(head, max([head.rfind(";") + 1, *digits[-1:]]))
        if named is None:
            return None
        kind = "_fdi" if re.search(r"\bFDI\b", named.group()) else (
            "_ddi" if re.search(r"\bDDI\b|trong nước", named.group(), re.IGNORECASE) else "")
        for k in range(i - 1, max(-1, i - 65), -1):
            p = self.quantities[k]
            if p.unit == "project" and p.role == "actual" and p.sentence_start != q.sentence_start \
                    and guess_indicator(p) == "new_projects" + kind:
                return k
        return None

    def _attained(self, i: int) -> int | None:
        """The figure an attainment is of: the one before it in its clause; for the n-th
        of a run ("lần lượt bằng 156% và 128% kế hoạch"), the n-th of the run of figures
        before it. A restated amount is not one of them, nor a figure of another clause
        ("… đạt 716,9 triệu USD, đạt 92,1% kế hoạch; vốn đầu tư trong nước vượt 18,6 lần
        kế hoạch năm": the 18,6 is not of the 716,9, and does not make the 92,1 a run)."""
        q = self.quantities[i]
        same = []  # the figures before it in its clause, nearest first
        for k in range(i - 1, max(-1, i - 65), -1):
            if self.quantities[k].sentence_start != q.sentence_start \
                    or clause_break(q.document, self.quantities[k].end, q.start):
                break
            same.append(k)
        run = []  # the attainments right before it, with no other figure between
        for k in same:
            if self.quantities[k].role != "attainment":
                break
            run.append(k)
        figures = [k for k in reversed(same) if self.quantities[k].role == "actual"
                   and self.quantities[k].unit not in (None, "percent", "times")
                   and self.quantities[k].equivalent_of is None
                   and not bracketed(q.document, self.quantities[k].end, q.start)]
        later = []
        for k in range(i + 1, min(len(self.quantities), i + 64)):
            if self.quantities[k].sentence_start != q.sentence_start \
                    or self.quantities[k].role != "attainment" \
                    or clause_break(q.document, q.end, self.quantities[k].start):
                break
            later.append(k)
        attainments = len(run) + 1 + len(later)
        if attainments == 1:
            return figures[-1] if figures else None
        if len(figures) >= attainments:
            return figures[len(figures) - attainments + len(run)]
        return None

    def _id(self, period: str, indicator: str | None, section: str) -> str:
        return self.ids.allocate(self.plan.province.id, period if period != "?" else "",
                                 (indicator or "figure").replace("_", "-"),
                                 "plan" if section == "targets" else "")

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
        return _("{text} (line {line})", text=f"'{entry_id}'", line=line) if line else \
            f"'{entry_id}'"
