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
from kcn_tracker.draft.indicators import guess_indicator, is_pair_second
from kcn_tracker.draft.periods import carried_periods, period_of
from kcn_tracker.draft.quotes import (
    SPLITS,
    clause_head,
    lead_in,
    quote_of,
    span_quote,
    year_of_part,
)
from kcn_tracker.draft.referents import attained, named_figure, plan_of, referred
from kcn_tracker.draft.scope import guess_scope
from kcn_tracker.draft.units import in_unit
from kcn_tracker.extract import cues
from kcn_tracker.extract.document import Quantity, headline_end, restated_in_body
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
# Counts of projects and capital a headline names loosely and its body exactly.
_SAME_KIND = re.compile(r"(?:new_|valid_|operating_)?projects|new_capital|total_capital_attracted|"
                        r"registered_capital_cumulative")
_PLAN = re.compile(r"mục tiêu|chỉ tiêu|kế hoạch|phấn đấu|đề ra|định hướng|đặt ra|dự kiến",
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
        # A headline says less than the body that states its figure again ("Hưng Yên thu
        # hút 271 dự án FDI" over "… 271 dự án đầu tư còn hiệu lực"): the body's words say
        # what the figure is.
        self._restated = restated_in_body(quantities, headline_end(quantities[0].document)) \
            if quantities else {}
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
        if unit != q.unit and q.unit == "adjustment":
            checks.append(_("unit: {count} lượt counted as {count} projects; a project amended "
                            "twice counts twice", count=plain(q.value)))
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
        if i in self._restated:
            j = self._restated[i]
            said = guess_indicator(self.quantities[j], is_pair_second(self.quantities[j]),
                                   self._split(j))
            # The body says more of the same figure, not another thing of the same size.
            if said and (indicator is None or _SAME_KIND.match(said) and _SAME_KIND.match(
                    indicator) and said.split("_")[-1] == indicator.split("_")[-1]):
                indicator = said
        planned = plan_of(self.quantities, i)
        if planned is not None:
            # "đạt 132% kế hoạch của năm 2025 (gần 1,9 tỉ USD)": the plan of the figure before.
            indicator = guess_indicator(self.quantities[planned])
        if indicator is None:
            indicator = referred(self.quantities, i, checks)
        if section == "targets" and indicator == "zones_planned" and \
                _PLANNING.search(clause_head(q)) and not _PLAN.search(clause_head(q)):
            # "Theo quy hoạch … đến năm 2030, tỉnh có 59 KCN": the zones the planning holds are
            # the count of zones planned, as the document stands.
            section, q = "actuals", dataclasses.replace(q, period="to_date")
        fields = self._base(i, q, indicator, section, checks)
        year = year_of_part(fields["period"], self.quantities[i - 1]) if planned is not None \
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
        actual = attained(self.quantities, i)
        if actual is None:
            actual = named_figure(self.quantities, i)
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
