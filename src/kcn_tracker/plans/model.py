"""The plan-file model: what one province's TOML file may contain.

The JSON Schema under ``schema/`` is generated from these classes, so the
descriptions here are what a person sees in their editor while typing.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from kcn_tracker.findings import ACKNOWLEDGEABLE
from kcn_tracker.plans.periods import PERIOD_PATTERN
from kcn_tracker.plans.vocabulary import INDICATORS, UNITS
from kcn_tracker.text.i18n import _

IndicatorKey = Enum("IndicatorKey", {k: k for k in INDICATORS}, type=str)
UnitCode = Enum("UnitCode", {k: k for k in UNITS}, type=str)
RuleCode = Enum("RuleCode", {k: k for k in ACKNOWLEDGEABLE}, type=str)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
PeriodText = Annotated[
    str,
    StringConstraints(pattern=PERIOD_PATTERN),
    Field(
        description='"2023", "2021-2025", "2024-03", "2024-01..2024-02", '
        '"2024-01-01..2024-04-15", or one day "2020-11-30" for a stock counted at a date'
    ),
]
Scope = Annotated[
    str,
    Field(
        description='"kcn" (all industrial zones of the province), "ccn" (all industrial '
        'clusters), "province" (the whole province), or a key of [zones]'
    ),
]
# Real figures are far below 10^15 in their unit (1,03 triệu tỷ đồng is 1.03 × 10^6
# tỷ đồng). Fifteen significant digits keep every figure exact through a JSON
# number (an IEEE double) and stop a typo from passing as a figure.
LIMIT = 10**15
DIGITS, PLACES = 15, 6


def _number_only(value: object) -> object:
    """Refuse strings: "2.150" means 2150 to a Vietnamese reader and 2.15 to Decimal."""
    if isinstance(value, (str, bool)):
        raise ValueError(_("write the figure as a TOML number without quotes, with a dot "
                           "as the decimal mark: 2150 or 225.8"))
    return value


def _places(value: Decimal) -> Decimal:
    # Not pydantic's decimal_places: beside max_digits it also caps the digits before
    # the point at max_digits - decimal_places (9), far below LIMIT.
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > PLACES:
        raise ValueError(_("Decimal input should have no more than {places} decimal places",
                           places=PLACES))
    return value


def _amount(minimum: int, description: str):
    return Annotated[
        Decimal,
        BeforeValidator(_number_only),
        Field(allow_inf_nan=False, gt=minimum, lt=LIMIT, max_digits=DIGITS),
        AfterValidator(_places),
        WithJsonSchema({"type": "number", "exclusiveMinimum": minimum,
                        "exclusiveMaximum": LIMIT, "description": description}),
    ]


Amount = _amount(-LIMIT, "An exact decimal in the entry's unit, below 10^15, with at most "
                 "15 digits, 6 of them after the decimal point")
Percentage = _amount(0, "The percentage of plan the document reports: 'vượt 40%' is 140")
PartialDate = Annotated[
    str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    Field(description='"2024", "2024-01" or "2024-01-15", as precise as the document'),
]


# A quote must identify a place in its document, not a word found anywhere, and
# stay a sentence or a clause, not a page.
MIN_QUOTE_WORDS = 3
MAX_QUOTE_CHARS = 400


class Comparator(str, Enum):
    ABOUT = "about"  # khoảng
    AT_LEAST = "at_least"  # ít nhất, tối thiểu
    OVER = "over"  # trên, hơn
    AT_MOST = "at_most"  # tối đa
    EXACT = "exact"
    BETWEEN = "between"  # từ 120-150 triệu USD: value and value_max


class Qualifier(str, Enum):
    EXACT = "exact"
    ABOUT = "about"  # khoảng
    OVER = "over"  # hơn, trên: the figure is a lower bound
    NEARLY = "nearly"  # gần: the figure is an upper bound
    AT_LEAST = "at_least"  # ít nhất, trở lên


class Origin(str, Enum):
    STATED = "stated"
    IMPLIED = "implied"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Source(_Strict):
    document: str = Field(
        pattern=r"^seeds/[^/\\].*$",
        description="Path of the source document, relative to the project, inside seeds/",
    )
    quote: str = Field(min_length=1, description="A verbatim sentence or clause of it")


Name = Annotated[str, StringConstraints(min_length=1, pattern=r"^[^\x00-\x1f\x7f]+$")]


class Successor(_Strict):
    """The province that took this one over, as when provinces merge."""

    id: Slug = Field(description="An id of its own, even when the name is the same: "
                     "thai-nguyen-2025 is not thai-nguyen")
    name: Name = Field(description="Its name: Thái Nguyên")
    since: PartialDate = Field(description="The day it took over: 2025-07-01")
    basis: Name = Field(description="The act that made it so: Nghị quyết 202/2025/QH15")


class Province(_Strict):
    id: Slug = Field(description="Lower-case ASCII id, as in the file name: bac-kan")
    name: Name = Field(description="Vietnamese name with diacritics: Bắc Kạn")
    successor: Successor | None = None


class ReportedAttainment(_Strict):
    value: Percentage
    qualifier: Qualifier = Qualifier.EXACT
    period: PeriodText | None = Field(
        default=None, description="The months the attainment is stated for, when they are "
        "fewer than the target's: \"6 tháng đầu năm … đạt 63% kế hoạch năm\" is "
        "period = \"2023-01..2023-06\" on the year's target")


class Acknowledgement(_Strict):
    rule: RuleCode = Field(description="The code of the finding, e.g. KCN303; only findings "
                           "of the documents themselves can be acknowledged, not mistakes "
                           "of the plan file")
    reason: str = Field(min_length=1, description="Why the finding stands: what the "
                        "document says and why the plan file keeps it")


Acknowledgements = Annotated[list[Acknowledgement], Field(
    default_factory=list,
    description="Known findings on this entry that `kcn-tracker check` lists but does not "
    "fail on")]


class _Figure(_Strict):
    """What targets and actuals share: what is measured, where, when, and the evidence."""

    id: Slug
    indicator: IndicatorKey
    scope: Scope
    period: PeriodText
    unit: UnitCode
    note: str | None = Field(default=None, description="Why the figure is read this way")
    source: Source
    acknowledge: Acknowledgements


class Target(_Figure):
    comparator: Comparator
    origin: Origin = Origin.STATED
    value: Amount | None = Field(
        default=None, description="The plan figure; left out when origin is 'implied'"
    )
    value_max: Amount | None = Field(
        default=None, description="The upper end of a plan stated as a range (comparator "
        "'between'): 150 of \"từ 120-150 triệu USD\"")
    reported_attainment: ReportedAttainment | None = Field(
        default=None,
        description="The attainment the document reports: for an implied target the "
        "figure is derived from it; for a stated one `check` compares it with actual / target",
    )
    supersedes: Slug | None = Field(
        default=None, description="The id of the target this one revises (a plan raised "
        "mid-year); the report uses the revision, the old entry stays as evidence")


class Actual(_Figure):
    value: Amount
    qualifier: Qualifier = Qualifier.EXACT
    estimated: bool = Field(default=False, description="ước đạt: an estimate, not final")
    project: str | None = Field(
        default=None,
        description="Set when the figure is one project's, not the whole scope's; "
        "such figures are listed but never matched to a target",
    )
    supersedes: Slug | None = Field(
        default=None, description="The id of the figure this one replaces (a final figure "
        "for an estimate); the report uses this one, the old entry stays as evidence")


class Revocation(_Strict):
    id: Slug
    name: str = Field(min_length=1, description="The project whose revocation is tracked")
    zone: str | None = Field(default=None, description="A key of [zones]")
    status: Literal["pending", "recovered"]
    reported: PartialDate = Field(description="When the document reported this status")
    source: Source
    acknowledge: Acknowledgements


class Skipped(_Strict):
    """A figure `draft --write` proposed and a person declined: it is not proposed again."""

    document: str = Field(pattern=r"^seeds/[^/\\].*$", description="The document it was in")
    quote: str = Field(min_length=1, description="The quote the proposal cited")
    reason: str | None = Field(default=None, description="Why it was skipped, if said")


class Plan(_Strict):
    province: Province
    zones: dict[Slug, str] = Field(
        default_factory=dict, description="Zone keys usable as a scope, with their names"
    )
    targets: list[Target] = Field(default_factory=list)
    actuals: list[Actual] = Field(default_factory=list)
    revocations: list[Revocation] = Field(default_factory=list)
    skipped: list[Skipped] = Field(
        default_factory=list, description="Proposals of draft --write that were declined")


SECTIONS = {"targets": Target, "actuals": Actual, "revocations": Revocation}
