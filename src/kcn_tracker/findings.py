"""Every finding the tool can report about a plan file, by stable code.

The codes are a contract: CI annotations, SARIF rule ids and the
acknowledgements in plan files refer to them, so a code is never reused for
another meaning. docs/checks.md documents each with a failing and a passing
example.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from kcn_tracker.text.display import printable


@dataclass(frozen=True)
class Problem:
    """One finding in a plan file, with its rule code and where it stands."""

    code: str  # a key of RULES
    file: Path
    line: int | None
    column: int | None
    message: str
    # The entry the problem concerns, ("targets", 2), so that the plan file can
    # acknowledge it there; empty for problems of the file as a whole.
    entry: tuple[str, int] | tuple[()] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", printable(self.message))

    @property
    def where(self) -> str:
        where = printable(str(self.file))  # a file name comes from the pull request too
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        return f"{self.where}: {self.code} {self.message}"


class Severity(str, Enum):
    ERROR = "error"  # the plan file is wrong: the check fails
    WARNING = "warning"  # the documents disagree with themselves: fails only with --strict
    INFO = "info"  # worth knowing, never a failure


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    # Only what the documents themselves get wrong can be acknowledged; a wrong
    # quote, a path out of seeds/ or a broken structure must be fixed.
    acknowledgeable: bool = False


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        # Syntax
        Rule("KCN001", "toml-syntax", _E, "The file is not valid TOML."),
        Rule("KCN002", "not-utf8", _E, "The file is not UTF-8 text."),
        # Structure
        Rule("KCN101", "unknown-key", _E, "A key the plan format does not have."),
        Rule("KCN102", "missing-key", _E, "A required key is missing."),
        Rule("KCN103", "invalid-value", _E, "A value of the wrong type or out of range."),
        Rule("KCN104", "unknown-indicator", _E, "An indicator not in the vocabulary."),
        Rule("KCN105", "unknown-unit", _E, "A unit code not in the vocabulary."),
        Rule("KCN106", "unit-mismatch", _E, "A unit that does not measure the indicator."),
        Rule("KCN107", "negative-value", _E, "A negative count, area or amount of money."),
        Rule("KCN108", "fractional-count", _E, "A count that is not a whole number."),
        Rule("KCN109", "invalid-period", _E,
             "A period that is malformed, names a date that does not exist, ends before it "
             "starts, or is one day for a flow."),
        Rule("KCN110", "duplicate-id", _E, "An id used by two entries of one file."),
        Rule("KCN111", "unknown-scope", _E, "A scope or zone that is not declared."),
        Rule("KCN112", "target-shape", _E,
             "A stated target without a value, or an implied one with a value or without "
             "a reported attainment."),
        Rule("KCN113", "implied-without-actual", _E,
             "An implied target with no actual to derive its figure from."),
        Rule("KCN114", "duplicate-province", _E, "Two plan files for one province."),
        Rule("KCN115", "invalid-date", _E, "A revocation date that is malformed or does not exist."),
        Rule("KCN116", "successor-mismatch", _E,
             "Two plan files that give one successor province a different name, date or basis."),
        Rule("KCN117", "control-character", _E,
             "A control character or a bidirectional control in a string of the plan."),
        Rule("KCN118", "revision-mismatch", _E,
             "A 'supersedes' that names no other entry, one that measures something else, or "
             "an entry already revised."),
        Rule("KCN119", "conflicting-figures", _E,
             "Two figures for one thing that cannot both be right, neither revising the other."),
        # Provenance
        Rule("KCN201", "document-outside-seeds", _E,
             "A source document outside seeds/: an absolute path, '..', or a link out."),
        Rule("KCN202", "document-missing", _E, "A source document that does not exist."),
        Rule("KCN203", "quote-not-found", _E, "A quote that is not in its document."),
        Rule("KCN204", "figure-not-in-quote", _E, "A figure that its quote does not state."),
        Rule("KCN205", "currency-not-stated", _W,
             "A money figure whose quote leaves out the currency.", True),
        Rule("KCN206", "revocation-not-in-quote", _E,
             "A revocation whose quote does not name its project or zone, or says the "
             "opposite of its status."),
        Rule("KCN207", "quote-too-long", _W,
             "A quote longer than a sentence: it proves less, and hides which clause counts."),
        Rule("KCN208", "scope-not-in-quote", _W,
             "A scope the quote's own place words contradict: 'các KCN' recorded for the "
             "province, 'toàn tỉnh' for the zones.", True),
        # The index of seeds/
        Rule("KCN209", "index-invalid", _E,
             "seeds/index.toml is not valid TOML, or an entry lacks its file or a sha256 is "
             "malformed."),
        Rule("KCN210", "indexed-document-missing", _E,
             "A document or rendition the index registers that is not in seeds/."),
        Rule("KCN211", "document-changed", _E,
             "A document whose sha256 differs from the index's: edited after it was added."),
        Rule("KCN212", "document-not-indexed", _W,
             "A document in seeds/ that the index does not register."),
        Rule("KCN213", "document-number-shared", _W,
             "Two documents of the index with one number: reports could not tell them apart."),
        # Consistency
        Rule("KCN301", "attainment-mismatch", _W,
             "A reported attainment that disagrees with actual / target.", True),
        Rule("KCN302", "parts-mismatch", _W, "Parts that do not add up to their stated total.",
             True),
        Rule("KCN303", "growth-mismatch", _W,
             "A stated growth rate that disagrees with the two values it links.", True),
        Rule("KCN304", "implied-figure", _I,
             "The plan figure an implied target works out to, when it is not a round one.",
             True),
        Rule("KCN305", "repeated-figure", _W,
             "The same figure entered twice from the same document.", True),
        # Acknowledgements
        Rule("KCN901", "unused-acknowledgement", _W,
             "An acknowledgement that matches no finding: the finding is gone or the code "
             "is wrong."),
    )
}

ACKNOWLEDGEABLE = [code for code, rule in RULES.items() if rule.acknowledgeable]
